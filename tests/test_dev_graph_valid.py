"""A build of unseen articles is SHACL-valid: every statement has one confidence and one rule, even
when two rules (or two mentions the resolver merges) state the same triple in one article."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg import BuildOptions, build

DEV_ARTICLES = Path(__file__).parents[1].parent / "shared" / "dev" / "articles"


@pytest.mark.slow
@pytest.mark.skipif(not DEV_ARTICLES.is_dir(), reason=f"no development set at {DEV_ARTICLES}")
def test_the_dev_build_has_no_shacl_problems(tmp_path):
    summary = build([DEV_ARTICLES], BuildOptions(out=tmp_path, cache=False, views=False))

    assert summary.problems is not None
    assert [p.line() for p in summary.problems] == []


def test_two_roles_in_one_body_give_one_statement_and_two_memberships(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("青松科技公司召开会议\n青松科技公司董事长、总经理王小明主持会议。\n", encoding="utf-8")

    summary = build([page], BuildOptions(out=tmp_path / "out", cache=False, views=False))

    ttl = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert [p.line() for p in summary.problems] == []
    assert ttl.count("rdf:predicate org:memberOf") == 1
    # the 总经理's membership keeps its own rule
    assert ttl.count("prov:wasGeneratedBy dj:rule-title-chain-scope") == 1
    assert ttl.count("a org:Membership") == 2
