"""The ``kg`` command line: a click group; each command lives in its own module of this package
and does no more than parse options, call one library function and print the result."""
from __future__ import annotations

import importlib
import sys

import click

from kg import __version__
from kg.errors import KgError


# Command name → the module that registers it on ``cli``. Imported on first use, so `kg query`
# does not pay for the pipeline, the views and the tagger (about 0.6 s of imports).
COMMANDS = {"build": "build", "query": "query", "serve": "serve", "stats": "stats",
            "train-ner": "train", "validate": "validate", "view": "view"}


class KgGroup(click.Group):
    """Loads each command's module when it is asked for, and turns library errors into one clear
    line on stderr and their exit code, never a traceback."""

    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        if name not in self.commands and name in COMMANDS:
            importlib.import_module(f"kg.cli.{COMMANDS[name]}")
        return self.commands.get(name)

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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
