"""A read-only SPARQL 1.1 Protocol endpoint over a built graph (``kg serve``).

GET ``/sparql?query=…`` and POST (``application/x-www-form-urlencoded`` with ``query=…`` or
``application/sparql-query``) are answered with the SPARQL results format the ``Accept`` header
asks for (JSON by default; CSV, TSV, XML) or, for CONSTRUCT/DESCRIBE, Turtle, N-Triples or
JSON-LD. Updates are refused (403). CORS headers let a browser client such as YASGUI call it.

Any web page the user opens may call the endpoint (CORS is open, and form POSTs need no
preflight), so the endpoint must not be a way into the user's machine or network:

- federated queries (``SERVICE <url>``) would make the server send requests to any address; they
  are refused (400) unless the server is started with ``allow_service=True``;
- queries run in worker processes that each hold the graph in a pyoxigraph store, under a time
  limit that counts the wait for a free worker and a memory limit per worker. A query over either
  limit is stopped by ending its worker (threads cannot be interrupted) and a fresh worker takes
  its place, so one runaway query neither blocks the endpoint for long nor takes the machine's
  memory;
- request bodies are capped, malformed lengths refused, and a stalled client is dropped after a
  socket timeout.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import queue
import re
import sys
import threading
import time
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from ipaddress import ip_address
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from kg.errors import ServiceError
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
CLIENT_TIMEOUT = 20.0  # seconds a client may stall while sending its request
MEMORY_MB = 2048  # per worker, graph included
CORS = {"Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
        "Access-Control-Allow-Headers": "Content-Type, Accept",
        "Access-Control-Max-Age": "86400"}
# Chromium asks a public page's permission to call a private address (127.0.0.1) in a preflight.
PREFLIGHT = {**CORS, "Access-Control-Allow-Private-Network": "true"}

# What cannot hold the SERVICE keyword: strings, IRIs and comments. SPARQL has no \u escapes
# outside strings in oxigraph, so the keyword can only be written as itself, in any case.
_NOT_CODE = re.compile(r'''"""(?:[^\\]|\\.)*?"""|\'\'\'(?:[^\\]|\\.)*?\'\'\'
                           |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'
                           |<[^<>"{}|^`\\\s]*>|\#[^\n]*''', re.X | re.S)
_SERVICE = re.compile(r"(?<![\w?$:.-])SERVICE(?![\w:-])", re.I)


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


def is_federated(query: str) -> bool:
    """Whether ``query`` has a ``SERVICE`` clause (a federated query, which makes the engine send
    requests to the address it names). Errs towards yes: a false alarm only refuses a query."""
    return bool(_SERVICE.search(_NOT_CODE.sub(" ", query)))


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


def _worker_main(graph_path: str, memory_mb: int, conn) -> None:
    _limit_memory(memory_mb)
    store, prefixes = load_store(graph_path), graph_prefixes(graph_path)
    # Over the memory limit the engine aborts with a Rust backtrace; the server reports it in one
    # line instead.
    os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
    conn.send("ready")
    while True:
        try:
            query, accept = conn.recv()
        except EOFError:
            return
        conn.send(answer_query(store, prefixes, query, accept))


def _limit_memory(memory_mb: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: no per-process limit; the time limit still applies
        return
    limit = memory_mb << 20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


class _Worker:
    def __init__(self, context, graph_path: str, memory_mb: int):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(graph_path, memory_mb, child),
                                       daemon=True)
        self.process.start()
        child.close()
        try:
            ready = self.conn.poll(120) and self.conn.recv() == "ready"
        except EOFError:
            ready = False
        if not ready:
            self.stop()
            raise ServiceError(f"a query worker could not load {graph_path} within the memory "
                               f"limit of {memory_mb} MB")

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


class QueryService:
    """Read-only queries on one graph, each in a worker process, each with a time limit (counted
    from when the query arrives, so waiting for a busy worker counts) and a memory limit."""

    def __init__(self, graph_path, *, timeout: float = 30.0, workers: int = 2,
                 memory_mb: int = MEMORY_MB, allow_service: bool = False):
        graph_prefixes(graph_path)  # a missing graph fails here, before any process starts
        load_store(graph_path)  # and so does one that does not parse
        self.graph_path, self.timeout = str(graph_path), timeout
        self.memory_mb, self.allow_service = memory_mb, allow_service
        # fork is unsafe in a threaded server; a fork server forks clean workers quickly
        self._context = mp.get_context("forkserver")
        self._context.set_forkserver_preload(["kg.serve"])
        self._idle: queue.Queue[_Worker] = queue.Queue()
        for _ in range(workers):
            self._idle.put(self._new_worker())

    def ask(self, query: str, accept: str = "") -> Answer:
        deadline = time.monotonic() + self.timeout
        if not query.strip():
            return text_answer(HTTPStatus.BAD_REQUEST,
                               "no query: send ?query=… (GET), or a form or a sparql-query "
                               "body (POST)")
        if is_update(query):
            return refuse_update()
        if not self.allow_service and is_federated(query):
            return text_answer(HTTPStatus.BAD_REQUEST,
                               "federated queries (SERVICE) are refused: this endpoint does not "
                               "send requests to other servers unless started to allow them")
        try:
            worker = self._idle.get(timeout=max(deadline - time.monotonic(), 0))
        except queue.Empty:
            return self._over_time()
        try:
            worker.conn.send((query, accept))
            if worker.conn.poll(max(deadline - time.monotonic(), 0)):
                answer = worker.conn.recv()
                self._idle.put(worker)
                return answer
            self._replace(worker)
            return self._over_time()
        except (EOFError, OSError):  # the worker died: the memory limit, or a crash
            self._replace(worker)
            return text_answer(HTTPStatus.SERVICE_UNAVAILABLE,
                               f"the query was stopped: it needed more than the memory limit of "
                               f"{self.memory_mb} MB; narrow it (LIMIT, more specific patterns)")

    def _over_time(self) -> Answer:
        return text_answer(HTTPStatus.SERVICE_UNAVAILABLE,
                           f"the query ran longer than the time limit of {self.timeout:g} s "
                           "(waiting for a free worker included) and was stopped; narrow it "
                           "(LIMIT, more specific patterns) or try again later")

    def _new_worker(self) -> _Worker:
        return _Worker(self._context, self.graph_path, self.memory_mb)

    def _replace(self, worker: _Worker) -> None:
        """End ``worker`` and start another in the background, so the client is answered now."""
        worker.stop()
        threading.Thread(target=lambda: self._idle.put(self._new_worker()), daemon=True).start()

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
    timeout = CLIENT_TIMEOUT  # a socket timeout: a stalled client does not hold a thread forever

    def do_OPTIONS(self) -> None:  # noqa: N802 - http.server's naming
        self._send(Answer(HTTPStatus.NO_CONTENT, "text/plain", b""), PREFLIGHT)

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
        length = self._body_length()
        if isinstance(length, Answer):
            self.close_connection = True  # the body, if any, is left unread
            return self._send(length)
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

    def _body_length(self) -> int | Answer:
        """The request body's length, or the answer refusing it."""
        if self.headers.get("Transfer-Encoding"):
            return text_answer(HTTPStatus.LENGTH_REQUIRED, "send the query with a Content-Length")
        text = (self.headers.get("Content-Length") or "0").strip()
        if not text.isdigit():  # also refuses "-1", which would read until the client stops
            return text_answer(HTTPStatus.BAD_REQUEST, f"bad Content-Length: {text[:40]!r}")
        if int(text) > MAX_BODY:
            return text_answer(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                               f"query too large (more than {MAX_BODY >> 20} MB)")
        return int(text)

    def _answer(self, query: str) -> None:
        self._send(self.service.ask(query, self.headers.get("Accept") or ""))

    def _send(self, answer: Answer, headers: dict[str, str] = CORS) -> None:
        self.send_response(answer.status)
        for name, value in headers.items():
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


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True
    # http.server's backlog of 5 resets connections under a few dozen concurrent clients
    request_queue_size = 128
    service: QueryService

    def handle_error(self, request, client_address) -> None:
        """One line per failed connection (a client gone mid-answer), not a traceback."""
        if not self.RequestHandlerClass.quiet:
            error = sys.exc_info()[1]
            sys.stderr.write(f"{client_address[0]} connection failed: {error!r}\n")


def make_server(graph_path, host: str = "127.0.0.1", port: int = 7878, *, timeout: float = 30.0,
                workers: int = 2, memory_mb: int = MEMORY_MB, allow_service: bool = False,
                client_timeout: float = CLIENT_TIMEOUT, quiet: bool = False) -> SparqlServer:
    """A ready, not yet serving, HTTP server; ``server.service.close()`` ends its workers."""
    service = QueryService(graph_path, timeout=timeout, workers=workers, memory_mb=memory_mb,
                           allow_service=allow_service)
    handler = type("Handler", (SparqlHandler,),
                   {"service": service, "quiet": quiet, "timeout": client_timeout})
    try:
        server = SparqlServer((host, port), handler)
    except OSError:
        service.close()
        raise
    server.service = service
    return server


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ip_address(host).is_loopback
    except ValueError:
        return False


def run_in_thread(server: SparqlServer) -> threading.Thread:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread
