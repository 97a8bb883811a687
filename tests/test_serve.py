"""``kg serve``: a real HTTP SPARQL endpoint, queried over the loopback interface."""
from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, HTTPServer
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from graph_fixtures import invented_graph
from rdflib import Graph

from kg.serve import (GRAPH_TYPES, RESULT_TYPES, accepted, is_federated, is_loopback, make_server,
                      run_in_thread)

PEOPLE = "SELECT ?n WHERE { ?p a dj:Person ; rdfs:label ?n } ORDER BY ?n"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?o ?q }"
# Sorting a cartesian product holds all of it: gigabytes within seconds.
GREEDY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY ?a ?f ?l"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    graph = invented_graph(tmp_path_factory.mktemp("invented"))
    with serving(graph, timeout=2.0, workers=1, client_timeout=1.0) as url:
        yield url


class serving:  # noqa: N801 - used as a context manager, like open()
    """A ``kg serve`` server on a free loopback port, for the length of a ``with`` block."""

    def __init__(self, graph, **options):
        self.server = make_server(graph, "127.0.0.1", 0, quiet=True, **options)

    def __enter__(self) -> str:
        run_in_thread(self.server)
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.server.service.close()


@pytest.fixture
def listener():
    """A local HTTP server that records every request it receives (the target of SERVICE)."""
    received = []

    class Recorder(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self._record()

        def do_POST(self):  # noqa: N802
            self._record()

        def _record(self):
            received.append(self.path)
            body = b'{"head": {"vars": []}, "results": {"bindings": []}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/x", received
    server.shutdown()
    server.server_close()


def raw(endpoint: str, request: bytes, wait: float = 10.0) -> bytes:
    """Send ``request`` as it is over a socket; everything the server answers before closing."""
    host, port = endpoint.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=wait) as connection:
        connection.sendall(request)
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def http(url: str, data: bytes | None = None, headers: dict | None = None, method=None):
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode("utf-8")


def get(endpoint: str, query: str, accept: str = "") -> tuple[int, dict, str]:
    url = f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": query})
    return http(url, headers={"Accept": accept} if accept else {})


def post_form(endpoint: str, **fields: str) -> tuple[int, dict, str]:
    body = urllib.parse.urlencode(fields).encode("utf-8")
    return http(f"{endpoint}/sparql", body,
                {"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"})


def test_serve_answers_a_get_query_in_sparql_json(endpoint):
    status, headers, body = get(endpoint, PEOPLE)
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
    data = json.loads(body)
    assert [b["n"]["value"] for b in data["results"]["bindings"]] == sorted(["张三丰", "李四光", "王五"])
    assert headers["Access-Control-Allow-Origin"] == "*"


def test_serve_answers_a_form_post_in_csv(endpoint):
    status, headers, body = post_form(endpoint, query=PEOPLE)
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert body.splitlines() == ["n"] + sorted(["张三丰", "李四光", "王五"])


def test_serve_answers_a_sparql_query_post_in_tsv(endpoint):
    status, _, body = http(f"{endpoint}/sparql", PEOPLE.encode("utf-8"),
                           {"Content-Type": "application/sparql-query",
                            "Accept": "text/tab-separated-values"})
    assert status == 200 and body.splitlines()[0] == "?n" and '"张三丰"@zh' in body


def test_serve_answers_ask_and_construct(endpoint):
    status, _, body = get(endpoint, "ASK { ?p a dj:Person }")
    assert status == 200 and json.loads(body)["boolean"] is True
    status, headers, body = get(endpoint, "CONSTRUCT WHERE { ?p a dj:Person ; rdfs:label ?n }",
                                accept="text/turtle")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    assert len(Graph().parse(data=body, format="turtle")) == 6


@pytest.mark.parametrize("how", ["form", "sparql-update", "query"])
def test_serve_refuses_updates(endpoint, how):
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    if how == "form":
        status, _, body = post_form(endpoint, update=update)
    elif how == "sparql-update":
        status, _, body = http(f"{endpoint}/sparql", update.encode(),
                               {"Content-Type": "application/sparql-update"})
    else:
        status, _, body = post_form(endpoint, query=update)
    assert status == 403 and "read-only" in body
    assert json.loads(get(endpoint, "ASK { <urn:a> <urn:b> <urn:c> }")[2])["boolean"] is False


def test_serve_syntax_error_is_400_with_the_line(endpoint):
    status, _, body = get(endpoint, "SELECT ?n WHERE {\n ?p a dj:Person ;\n")
    assert status == 400 and "line 3" in body


def test_serve_stops_a_query_over_the_time_limit_and_keeps_answering(endpoint):
    started = time.monotonic()
    status, _, body = get(endpoint, SLOW)
    assert status == 503 and "time limit of 2 s" in body
    assert time.monotonic() - started < 30
    status, _, body = get(endpoint, PEOPLE)  # waits for the replacement worker
    assert status == 200 and "张三丰" in body


def test_serve_cors_preflight(endpoint):
    status, headers, _ = http(f"{endpoint}/sparql", method="OPTIONS",
                              headers={"Origin": "https://yasgui.triply.cc",
                                       "Access-Control-Request-Method": "POST"})
    assert status == 204
    assert "POST" in headers["Access-Control-Allow-Methods"]
    assert headers["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("path, status", [("/", 200), ("/nothing", 404), ("/sparql", 400)])
def test_serve_other_paths(endpoint, path, status):
    assert http(endpoint + path)[0] == status


@pytest.mark.parametrize("accept, offered, expected", [
    ("", RESULT_TYPES, "application/sparql-results+json"),
    ("text/csv", RESULT_TYPES, "text/csv"),
    ("application/sparql-results+json,*/*;q=0.9", RESULT_TYPES, "application/sparql-results+json"),
    ("text/html;q=0.9, text/tab-separated-values", RESULT_TYPES, "text/tab-separated-values"),
    ("application/n-triples;q=0.5, text/turtle", GRAPH_TYPES, "text/turtle"),
    ("image/png", GRAPH_TYPES, "text/turtle"),
])
def test_serve_content_negotiation(accept, offered, expected):
    assert accepted(accept, offered) == expected


def test_serve_knows_loopback_addresses():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")


def test_serve_cli_serves_over_http_and_stops_on_sigterm(tmp_path):
    graph = invented_graph(tmp_path)
    kg = Path(sys.executable).with_name("kg")
    process = subprocess.Popen([str(kg), "serve", "--graph", str(graph), "--port", "0",
                                "--workers", "1"], stderr=subprocess.PIPE, text=True)
    try:
        line = process.stderr.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/sparql", line)
        assert match, line
        status, _, body = get(f"http://127.0.0.1:{match.group(1)}", PEOPLE, accept="text/csv")
        assert status == 200 and "李四光" in body
    finally:
        process.terminate()
        assert process.wait(timeout=60) == 0
    assert "Stopped." in process.stderr.read()


def test_serve_refuses_a_federated_query_and_sends_no_request(endpoint, listener):
    target, received = listener
    status, _, body = get(endpoint, f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}")
    assert status == 400 and "SERVICE" in body
    silent = f"SELECT * {{ service silent <{target}> {{ ?s ?p ?o }} }}"
    status, _, _ = post_form(endpoint, query=silent)
    assert status == 400
    time.sleep(0.2)
    assert received == []


def test_serve_allows_a_federated_query_only_when_asked(tmp_path, listener):
    target, received = listener
    with serving(invented_graph(tmp_path), workers=1, allow_service=True) as url:
        status, _, _ = get(url, f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}")
    assert status == 200 and received  # the proof that the refusal above is what stops it


@pytest.mark.parametrize("query, federated", [
    ("SELECT * { SERVICE <http://a/> { ?s ?p ?o } }", True),
    ("SELECT * {\n  service\tsilent ?endpoint { ?s ?p ?o } }", True),
    ("SELECT * { OPTIONAL {?s ?p ?o} SERVICE<http://a/>{?s ?p ?o} }", True),
    ('SELECT * { ?s rdfs:label "SERVICE <http://a/>" }', False),
    ("SELECT * { ?s ?p ?o } # SERVICE <http://a/>", False),
    ("SELECT ?service { ?service a <http://a/SERVICE> }", False),
    ("PREFIX service: <http://a/> SELECT * { ?s service:x ex:SERVICE }", False),
])
def test_serve_recognises_federated_queries(query, federated):
    assert is_federated(query) is federated


def test_serve_stops_a_query_over_the_memory_limit_while_answering_others(tmp_path):
    with serving(invented_graph(tmp_path), workers=2, timeout=60.0, memory_mb=400) as url:
        with ThreadPoolExecutor(1) as pool:
            started = time.monotonic()
            greedy = pool.submit(get, url, GREEDY)
            time.sleep(0.3)
            asked = time.monotonic()
            status, _, body = get(url, PEOPLE)
            assert status == 200 and "张三丰" in body
            assert time.monotonic() - asked < 1.0
            status, _, body = greedy.result()
        assert status == 503 and "memory limit of 400 MB" in body
        assert time.monotonic() - started < 30  # stopped by memory, long before its time limit
        status, _, body = get(url, PEOPLE)  # a fresh worker took the stopped one's place
        assert status == 200 and "张三丰" in body


def test_serve_counts_the_wait_for_a_worker_in_the_time_limit(endpoint):
    with ThreadPoolExecutor(1) as pool:
        slow = pool.submit(get, endpoint, SLOW)
        time.sleep(0.3)  # the first holds the only worker until its 2 s limit
        started = time.monotonic()
        status, _, body = get(endpoint, SLOW)  # uncounted, the wait would add 2 s to its own 2
        assert time.monotonic() - started < 3.0
        assert status == 503 and "waiting for a free worker included" in body
        assert slow.result()[0] == 503


def test_serve_answers_many_concurrent_clients_without_a_connection_error(endpoint):
    def client(_):
        seconds = []
        for _ in range(10):
            started = time.monotonic()
            status, _, _ = get(endpoint, "ASK { ?p a dj:Person }")
            assert status == 200
            seconds.append(time.monotonic() - started)
        return seconds

    with ThreadPoolExecutor(20) as pool:
        seconds = sorted(s for one_client in pool.map(client, range(20)) for s in one_client)
    assert len(seconds) == 200
    print(f"p95 {seconds[189]:.3f} s over 20 clients x 10 requests")


@pytest.mark.parametrize("length", ["-1", "abc", "1e3", ""])
def test_serve_refuses_a_malformed_content_length(endpoint, length):
    answer = raw(endpoint, b"POST /sparql HTTP/1.1\r\nHost: x\r\n"
                           b"Content-Type: application/sparql-query\r\n"
                           b"Content-Length: " + length.encode() + b"\r\n\r\nASK {}")
    assert answer.startswith(b"HTTP/1.0 400") and b"Content-Length" in answer


def test_serve_refuses_a_body_over_the_cap_without_reading_it(endpoint):
    answer = raw(endpoint, b"POST /sparql HTTP/1.1\r\nHost: x\r\n"
                           b"Content-Type: application/sparql-query\r\n"
                           b"Content-Length: 2000000000\r\n\r\nASK {}")
    assert answer.startswith(b"HTTP/1.0 413")


def test_serve_drops_a_stalled_client(endpoint):
    started = time.monotonic()
    answer = raw(endpoint, b"GET /sparql?query=ASK", wait=10.0)  # and never the line's end
    assert answer == b"" and time.monotonic() - started < 5  # the client timeout is 1 s here
    assert get(endpoint, "ASK { ?s ?p ?o }")[0] == 200


def test_serve_answers_the_private_network_preflight(endpoint):
    status, headers, _ = http(f"{endpoint}/sparql", method="OPTIONS",
                              headers={"Origin": "https://yasgui.triply.cc",
                                       "Access-Control-Request-Method": "POST",
                                       "Access-Control-Request-Private-Network": "true"})
    assert status == 204 and headers["Access-Control-Allow-Private-Network"] == "true"


def test_serve_queues_a_burst_of_connections_before_accepting_them(tmp_path):
    server = make_server(invented_graph(tmp_path), "127.0.0.1", 0, workers=1, quiet=True)
    connections = []
    try:  # not serving yet: every connection waits in the listen backlog
        for _ in range(40):
            connections.append(socket.create_connection(server.server_address[:2], timeout=1))
    except OSError as error:
        pytest.fail(f"connection {len(connections) + 1} refused or timed out: {error}")
    finally:
        for connection in connections:
            connection.close()
        server.server_close()
        server.service.close()


def test_serve_answers_each_research_query_with_the_bytes_kg_query_prints():
    # the endpoint holds the graph in memory, `kg query` reads the on-disk store: a reader must
    # get the same rows in the same order from both
    from click.testing import CliRunner
    from graph_fixtures import seed_graph

    from kg.cli import cli
    from kg.query import library

    graph = seed_graph()
    with serving(graph, workers=1, timeout=30.0) as url:
        for name, path in library().items():
            status, _, body = post_form(url, query=path.read_text(encoding="utf-8"))
            printed = CliRunner().invoke(cli, ["query", name, "--graph", str(graph),
                                               "--format", "csv"])
            assert status == 200 and printed.exit_code == 0, (name, body, printed.output)
            assert body == printed.stdout_bytes.decode("utf-8") and body.count("\n") > 1, name
