"""A read-only SPARQL 1.1 Protocol endpoint over a built graph (``kg serve``).

GET ``/sparql?query=…`` and POST (``application/x-www-form-urlencoded`` with ``query=…`` or
``application/sparql-query``) are answered with the SPARQL results format the ``Accept`` header
asks for (JSON by default; CSV, TSV, XML) or, for CONSTRUCT/DESCRIBE, Turtle, N-Triples or
JSON-LD. Updates are refused (403). CORS headers let a browser client such as YASGUI call it.

Queries run in worker processes that each hold the graph in a pyoxigraph store: a query that
overruns its time limit is stopped by ending its worker (threads cannot be interrupted) and a
fresh worker takes its place, so one runaway query never blocks the endpoint for long.
"""
from __future__ import annotations

import multiprocessing as mp
import queue
import sys
import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from ipaddress import ip_address
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from kg.query import is_update, syntax_message
from kg.rdf.load import graph_prefixes, load_store

RESULT_TYPES = {  # media type → pyoxigraph format, for SELECT and ASK
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
}
GRAPH_TYPES = {  # media type → pyoxigraph format, for CONSTRUCT and DESCRIBE
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
MAX_BODY = 1 << 20  # a query longer than 1 MB is a mistake, not a query
CORS = {"Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
        "Access-Control-Allow-Headers": "Content-Type, Accept",
        "Access-Control-Max-Age": "86400"}


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str
    body: bytes


def text_answer(status: int, message: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode("utf-8"))


def accepted(accept: str, offered: dict) -> str:
    """The first media type of ``offered`` that the ``Accept`` header allows (by q, then order)."""
    ranked = []
    for position, part in enumerate(accept.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        q = next((float(p[2:]) for p in params if p.startswith("q=")
                  and p[2:].replace(".", "", 1).isdigit()), 1.0)
        ranked.append((-q, position, media.lower()))
    for _, _, media in sorted(ranked):
        if media in offered:
            return media
        if media.endswith("/*"):
            match = next((m for m in offered if media == "*/*" or m.startswith(media[:-1])), None)
            if match:
                return match
    return next(iter(offered))


def answer_query(store: ox.Store, prefixes: dict[str, str], query: str, accept: str) -> Answer:
    """Evaluate ``query`` and serialise it as ``accept`` asks; used inside a worker process."""
    try:
        results = store.query(query, prefixes=prefixes)
        if isinstance(results, ox.QueryTriples):
            media = accepted(accept, GRAPH_TYPES)
            body = ox.serialize(results, format=GRAPH_TYPES[media])
        else:
            media = accepted(accept, RESULT_TYPES)
            body = results.serialize(format=RESULT_TYPES[media])
    except SyntaxError as error:
        return text_answer(HTTPStatus.BAD_REQUEST, syntax_message(error, query))
    except (OSError, ValueError, RuntimeError) as error:
        return text_answer(HTTPStatus.INTERNAL_SERVER_ERROR, f"the query failed: {error}")
    charset = "; charset=utf-8" if not media.endswith("json") else ""
    return Answer(HTTPStatus.OK, media + charset, body)


def _worker_main(graph_path: str, conn) -> None:
    store, prefixes = load_store(graph_path), graph_prefixes(graph_path)
    conn.send("ready")
    while True:
        try:
            query, accept = conn.recv()
        except EOFError:
            return
        conn.send(answer_query(store, prefixes, query, accept))


class _Worker:
    def __init__(self, context, graph_path: str):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(graph_path, child), daemon=True)
        self.process.start()
        child.close()
        if not self.conn.poll(120) or self.conn.recv() != "ready":
            self.stop()
            raise RuntimeError("a query worker did not start")

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


class QueryService:
    """Read-only queries on one graph, each in a worker process, each with a time limit."""

    def __init__(self, graph_path, *, timeout: float = 30.0, workers: int = 2):
        graph_prefixes(graph_path)  # a missing graph fails here, before any process starts
        load_store(graph_path)  # and so does one that does not parse
        self.graph_path, self.timeout = str(graph_path), timeout
        # fork is unsafe in a threaded server; a fork server forks clean workers quickly
        self._context = mp.get_context("forkserver")
        self._context.set_forkserver_preload(["kg.serve"])
        self._idle: queue.Queue[_Worker] = queue.Queue()
        for _ in range(workers):
            self._idle.put(_Worker(self._context, self.graph_path))

    def ask(self, query: str, accept: str = "") -> Answer:
        if not query.strip():
            return text_answer(HTTPStatus.BAD_REQUEST,
                               "no query: send ?query=… (GET), or a form or a sparql-query "
                               "body (POST)")
        if is_update(query):
            return refuse_update()
        worker = self._idle.get()
        try:
            worker.conn.send((query, accept))
            if worker.conn.poll(self.timeout):
                return worker.conn.recv()
            worker.stop()
            worker = None
            threading.Thread(target=self._replace_worker, daemon=True).start()
            return text_answer(HTTPStatus.SERVICE_UNAVAILABLE,
                               f"the query ran longer than the time limit of {self.timeout:g} s "
                               "and was stopped; narrow it (LIMIT, more specific patterns)")
        except (EOFError, OSError):
            worker.stop()
            worker = None
            threading.Thread(target=self._replace_worker, daemon=True).start()
            return text_answer(HTTPStatus.INTERNAL_SERVER_ERROR, "the query worker failed")
        finally:
            if worker is not None:
                self._idle.put(worker)

    def _replace_worker(self) -> None:
        """Start a worker in the background, so the client of a stopped query is answered now."""
        self._idle.put(_Worker(self._context, self.graph_path))

    def close(self) -> None:
        while not self._idle.empty():
            self._idle.get().stop()


def refuse_update() -> Answer:
    return text_answer(HTTPStatus.FORBIDDEN,
                       "updates are refused: this endpoint is read-only; rebuild with `kg build`")


class SparqlHandler(BaseHTTPRequestHandler):
    server_version = "dangjian-kg"
    service: QueryService  # set by make_server
    quiet = False

    def do_OPTIONS(self) -> None:  # noqa: N802 - http.server's naming
        self._send(Answer(HTTPStatus.NO_CONTENT, "text/plain", b""))

    def do_GET(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        params = parse_qs(url.query)
        if url.path == "/":
            return self._send(text_answer(HTTPStatus.OK, self._help()))
        if url.path not in ("/sparql", "/query"):
            return self._send(text_answer(HTTPStatus.NOT_FOUND, "not found; query /sparql"))
        if "update" in params:
            return self._send(refuse_update())
        self._answer(params.get("query", [""])[0])

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path not in ("/sparql", "/query", "/update"):
            return self._send(text_answer(HTTPStatus.NOT_FOUND, "not found; query /sparql"))
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            return self._send(text_answer(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "query too large"))
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if url.path == "/update" or kind == "application/sparql-update":
            return self._send(refuse_update())
        if kind == "application/sparql-query":
            return self._answer(body)
        if kind == "application/x-www-form-urlencoded":
            params = parse_qs(body)
            if "update" in params:
                return self._send(refuse_update())
            return self._answer(params.get("query", [""])[0])
        self._send(text_answer(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                               "POST application/sparql-query or a form with query=…"))

    def _answer(self, query: str) -> None:
        self._send(self.service.ask(query, self.headers.get("Accept") or ""))

    def _send(self, answer: Answer) -> None:
        self.send_response(answer.status)
        for name, value in CORS.items():
            self.send_header(name, value)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(answer.body)

    def _help(self) -> str:
        host, port = self.server.server_address[:2]
        return (f"dangjian-kg SPARQL endpoint (read-only) for {self.service.graph_path}\n"
                f"GET  http://{host}:{port}/sparql?query=SELECT…\n"
                f"POST http://{host}:{port}/sparql  (application/sparql-query or form query=…)\n"
                "Prefixes dj: djr: org: prov: skos: dcterms: schema: rdfs: are predeclared.\n")

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        if not self.quiet:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")


def make_server(graph_path, host: str = "127.0.0.1", port: int = 7878, *, timeout: float = 30.0,
                workers: int = 2, quiet: bool = False) -> ThreadingHTTPServer:
    """A ready, not yet serving, HTTP server; ``server.service.close()`` ends its workers."""
    service = QueryService(graph_path, timeout=timeout, workers=workers)
    handler = type("Handler", (SparqlHandler,), {"service": service, "quiet": quiet})
    try:
        server = ThreadingHTTPServer((host, port), handler)
    except OSError:
        service.close()
        raise
    server.daemon_threads = True
    server.service = service
    return server


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ip_address(host).is_loopback
    except ValueError:
        return False


def run_in_thread(server: ThreadingHTTPServer) -> threading.Thread:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread
