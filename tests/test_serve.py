"""``kg serve``: a real HTTP SPARQL endpoint, queried over the loopback interface."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from graph_fixtures import invented_graph
from rdflib import Graph

from kg.serve import GRAPH_TYPES, RESULT_TYPES, accepted, is_loopback, make_server, run_in_thread

PEOPLE = "SELECT ?n WHERE { ?p a dj:Person ; rdfs:label ?n } ORDER BY ?n"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?o ?q }"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    graph = invented_graph(tmp_path_factory.mktemp("invented"))
    server = make_server(graph, "127.0.0.1", 0, timeout=2.0, workers=1, quiet=True)
    run_in_thread(server)
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}"
    server.shutdown()
    server.server_close()
    server.service.close()


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
