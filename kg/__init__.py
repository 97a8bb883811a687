"""dangjian-kg: a knowledge-graph builder for Chinese local-governance news.

Library API (the CLI is a thin layer over these):

    from kg import build, BuildOptions
    summary = build(["seeds/"], BuildOptions(out=Path("output")))
"""
from __future__ import annotations

__version__ = "0.1.0"

from kg.pipeline import BuildOptions, BuildSummary, build, process_page, process_text  # noqa: E402

__all__ = ["__version__", "build", "BuildOptions", "BuildSummary", "process_page", "process_text"]
