"""The committed output/ is exactly what the seeds build to: rebuild and compare byte for byte.

When this fails after a deliberate change to the extractor, run ``make build`` and commit output/.
"""
from __future__ import annotations

from pathlib import Path

from kg.pipeline import BuildOptions, build

from conftest import ROOT, SEEDS

OUTPUT = ROOT / "output"


def _files(folder: Path) -> set[Path]:
    return {p.relative_to(folder) for p in folder.rglob("*")
            if p.is_file() and not {".cache", ".store"} & set(p.relative_to(folder).parts)}


def test_committed_output_is_what_the_seeds_build_to(tmp_path):
    build([SEEDS], BuildOptions(out=tmp_path, cache=False, validate=False))
    committed, fresh = _files(OUTPUT), _files(tmp_path)
    assert committed, "output/ is empty: run `make build` and commit it"
    assert committed == fresh, "output/ holds other files than a build of seeds/ writes"
    differ = [str(rel) for rel in sorted(committed)
              if (OUTPUT / rel).read_bytes() != (tmp_path / rel).read_bytes()]
    assert not differ, f"differ from a fresh build of seeds/ (run `make build`): {differ[:5]}"
