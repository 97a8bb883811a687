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


class ServiceError(KgError):
    """The query server cannot start its workers (e.g. the graph needs more than their memory)."""


class OutputError(KgError):
    """The output folder cannot be written (read-only, no permission, a file in the way, locked)."""

    def __init__(self, path, reason: str):
        self.path, self.reason = str(path), reason
        super().__init__(f"{self.path}: {reason}")
