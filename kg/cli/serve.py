"""``kg serve``: a read-only SPARQL endpoint over a built graph."""
from __future__ import annotations

import signal
from pathlib import Path

import click

from kg.cli import cli
from kg.errors import KgError, ServiceError
from kg.serve import MEMORY_MB, is_loopback, make_server

GRAPH = Path("output") / "graph.ttl"


@cli.command("serve")
@click.option("--graph", "graph", type=click.Path(dir_okay=False, path_type=Path), default=GRAPH,
              show_default=True, help="The graph file to serve.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; loopback by default, so only this machine can ask.")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True,
              help="Port to listen on (0: any free port).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              help="Seconds a query may take, waiting for a free worker included.")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True,
              help="Queries answered at the same time (one process each).")
@click.option("--memory", "memory_mb", type=click.IntRange(min=64), default=MEMORY_MB,
              show_default=True, metavar="MB",
              help="Memory each worker may use, graph included; a query needing more is stopped.")
@click.option("--allow-service", is_flag=True,
              help="Answer federated queries (SERVICE <url>), which make this server send "
                   "requests to other addresses; refused by default.")
def serve_command(graph: Path, host: str, port: int, timeout: float, workers: int,
                  memory_mb: int, allow_service: bool) -> None:
    """Serve the graph as a read-only SPARQL endpoint.

    The endpoint is http://HOST:PORT/sparql (SPARQL 1.1 Protocol).

    GET and POST queries are answered in JSON, CSV, TSV or XML (SELECT, ASK) or Turtle,
    N-Triples, JSON-LD (CONSTRUCT, DESCRIBE) as the Accept header asks; updates are refused.
    CORS is open, so YASGUI (https://yasgui.triply.cc) can use it as its endpoint; federated
    queries (SERVICE) are refused unless --allow-service is given.

    \b
    Example:
      kg serve --graph output/graph.ttl
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT ?n WHERE { ?p a dj:Person ; rdfs:label ?n }' http://127.0.0.1:7878/sparql
    """
    if allow_service:
        click.echo("Warning: federated queries are allowed: any page that can reach this server "
                   "can make it send requests to other addresses", err=True)
    if not is_loopback(host):
        click.echo(f"Warning: listening on {host}: anyone who can reach this machine can query "
                   "the graph", err=True)
    try:
        server = make_server(graph, host, port, timeout=timeout, workers=workers,
                             memory_mb=memory_mb, allow_service=allow_service)
    except ServiceError as error:
        raise ServiceError(f"{error} (raise --memory)") from None
    except OSError as error:
        raise KgError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    bound_host, bound_port = server.server_address[:2]
    click.echo(f"Serving {graph} at http://{bound_host}:{bound_port}/sparql (read-only); "
               "Ctrl-C stops", err=True)
    # a plain `kill` ends the server like Ctrl-C, so its worker processes end with it
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("Stopped.", err=True)
    finally:
        server.server_close()
        server.service.close()


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt
