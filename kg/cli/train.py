"""``kg train-ner``: train the statistical name tagger (kg/recognise/tagger.py) on annotated text."""
from __future__ import annotations

from pathlib import Path

import click

from kg.cli import cli
from kg.errors import InputError
from kg.recognise import tagger

DEFAULT_FILES = ("msra_train_clean.jsonl",)


@cli.command("train-ner")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--data", type=click.Path(path_type=Path), default=None,
              help=f"A folder of training files: its {', '.join(DEFAULT_FILES)} (plus FILES).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=tagger.MODEL,
              show_default="kg/data/ner.crfsuite in the package, which the build uses",
              help="Where to write the model.")
@click.option("--iterations", type=click.IntRange(1), default=tagger.ITERATIONS, show_default=True,
              help="L-BFGS iterations (fewer: faster, a little less accurate).")
@click.option("--min-freq", type=click.IntRange(1), default=tagger.MIN_FREQ, show_default=True,
              help="Keep features seen at least this often.")
def train_command(files: tuple[Path, ...], data: Path | None, out: Path, iterations: int,
                  min_freq: int) -> None:
    """Train the name tagger (PER/LOC/ORG) and write its model.

    FILES are JSON Lines, one record a line:
    {"text": "...", "spans": [[start, end, "PER"], ...]} with half-open character offsets and
    types PER, LOC or ORG. Your own annotated articles can be added to the public sets, or
    replace them. The model is written to OUT, and its weights as arrays to OUT.npz (what
    the tagger loads); the build uses kg/data/ner.crfsuite.

    \b
    Examples:
      kg train-ner --data ../shared/ner-data --out kg/data/ner.crfsuite
      kg train-ner my_articles.jsonl --out my.crfsuite --iterations 50
    """
    paths = list(files)
    if data is not None:
        if not data.is_dir():
            raise InputError(data, "not a folder")
        paths = [data / name for name in DEFAULT_FILES] + paths
    if not paths:
        raise click.UsageError("give training FILES or --data FOLDER")
    report = tagger.train(paths, out, iterations=iterations, min_freq=min_freq,
                          progress=lambda line: click.echo(line, err=True))
    click.echo(f"{out}: {report.size / 1e6:.1f} MB, trained on {report.sentences} sentences "
               f"({report.characters} characters, {report.spans} names) in {report.seconds:.0f} s")
