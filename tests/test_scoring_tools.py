"""``make score`` and ``make errors``: the project's scorer on seeds and dev, and the error listing."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT, SHARED

needs_shared = pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(),
                                  reason="../shared (gold and scorer) is not beside the checkout")


@needs_shared
def test_score_prints_seeds_and_dev_side_by_side():
    shown = subprocess.run([sys.executable, "-m", "bench.score"], cwd=ROOT, check=True,
                           capture_output=True, text=True).stdout
    head, *rows = shown.splitlines()
    assert head.split() == ["seeds", "dev"]
    labels = {" ".join(r.split()[:2]) for r in rows}
    assert {"ent Person", "rel memberOf", "rel between"} <= labels
    assert any(r.startswith("creators ") for r in rows)
    creators = next(r for r in rows if r.startswith("creators")).split()
    assert float(creators[3]) >= 0.99  # seeds: every byline creator found (F1 column)


@needs_shared
def test_errors_lists_each_missed_creator_with_its_line():
    shown = subprocess.run([sys.executable, "-m", "bench.errors", "dev", "--type", "creators"],
                           cwd=ROOT, check=True, capture_output=True, text=True).stdout
    assert shown.startswith("# dev")
    counts = next(line for line in shown.splitlines() if line.strip().startswith("creators"))
    tp, missed = int(counts.split()[2]), int(counts.split()[4])
    assert tp + missed > 50  # the dev set credits 66 creators
    listed = [line for line in shown.splitlines() if line.startswith("  ") and ".txt: " in line]
    assert all(" — " in line for line in listed)  # each with the sentence it stands in
