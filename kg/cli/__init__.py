"""The ``kg`` command line: a click group; each command lives in its own module of this package
and does no more than parse options, call one library function and print the result."""
from __future__ import annotations

import sys

import click

from kg import __version__
from kg.errors import KgError


class KgGroup(click.Group):
    """Turns library errors into one clear line on stderr and their exit code, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KgError as error:
            click.echo(f"Error: {error}", err=True)
            ctx.exit(error.exit_code)
        except KeyboardInterrupt:
            click.echo("Interrupted; nothing was written.", err=True)
            ctx.exit(130)


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def cli():
    """Build a knowledge graph of Chinese local-governance news (党建, 街道, 社区党委, 书记项目).

    Reads newspaper pages (.txt), finds organisations, people with their posts, places and
    initiatives, links them with the sentence that says so, and writes RDF (Turtle) and
    interactive HTML views.

    \b
    Quick start:
      kg build seeds/ --out output/
      kg query 'SELECT ?n WHERE { ?p a dj:Person ; rdfs:label ?n }'
    """


def main():
    cli.main(prog_name="kg")


# Each module registers its command on ``cli``.
from kg.cli import build  # noqa: E402,F401
from kg.cli import validate  # noqa: E402,F401
from kg.cli import query  # noqa: E402,F401
from kg.cli import stats  # noqa: E402,F401
from kg.cli import serve  # noqa: E402,F401
from kg.cli import view  # noqa: E402,F401
from kg.cli import train  # noqa: E402,F401

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
