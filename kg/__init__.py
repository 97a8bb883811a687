"""dangjian-kg: a knowledge-graph builder for Chinese local-governance news.

Library API (the CLI is a thin layer over these):

    from kg import build, BuildOptions
    summary = build(["seeds/"], BuildOptions(out=Path("output")))
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "build", "BuildOptions", "BuildSummary", "process_page", "process_text"]


def __getattr__(name: str):
    # The pipeline is imported on first use: `import kg.query` (and so `kg query`) need not load
    # the recognisers, the tagger and the views.
    if name in __all__:
        from kg import pipeline
        return getattr(pipeline, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
