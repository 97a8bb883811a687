"""Benchmarks: ``python -m bench`` (= ``make bench``); see docs/scale.md."""
from __future__ import annotations

import sys
from typing import Callable


def run_tool(main: Callable[[], int]) -> None:
    """Run a listing tool's ``main`` as a command: its exit status, and quiet when the reader
    closes the pipe early (``python -m bench.shapes | head``)."""
    try:
        sys.exit(main())
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
