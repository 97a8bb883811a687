"""Errors a user can act on. The CLI prints ``str(error)`` on one line and exits with ``exit_code``."""
from __future__ import annotations


class KgError(Exception):
    """Base class: a clear, one-line message; never a traceback for the user."""

    exit_code = 2


class InputError(KgError):
    """A file or folder given as input cannot be used (binary, unreadable, no .txt, …)."""

    def __init__(self, path, reason: str):
        self.path, self.reason = str(path), reason
        super().__init__(f"{self.path}: {reason}")


class QueryError(KgError):
    """A SPARQL query that the engine rejects (syntax) or that fails while running."""


class GraphError(KgError):
    """A graph file that is missing or does not parse."""
