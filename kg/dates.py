"""When each article was reported: the manifest's date, else the date the text writes.

A news item dates itself in its lead: ``7月28日，青枫街道召开……`` or ``2023年7月28日上午，……``
(the byline ``本报讯（记者 王小明）`` before it is already cut off by ``kg.bylines``), or on a
``发布时间：2023年07月28日`` line. The first of these in the first body paragraphs is the article's
*dateline*; ``日前``/``近日`` (\"recently\") before any date leave the article undated rather than
guessed. When the text writes only month and day, the year comes from the manifest, else from the
first full date written on the page; with neither, the article stays undated.

Which date the article carries (``dcterms:date``): the manifest's publication date when it gives
one — it is when the paper reported the fact — else the dateline's. The dateline is kept either
way, with its evidence span, as any other fact is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kg.manifest import Manifest, PageInfo
from kg.model import Article, PageResult
from kg.recognise import lexicon

_FULL = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"
_PUBLISHED = re.compile("(?:" + lexicon.alternation(lexicon.cues("published-verb"))
                        + r")?(?:时间|日期)[：:]\s*(?:" + _FULL
                        + r"|(\d{4})-(\d{1,2})-(\d{1,2}))")
# A lead date: written before the first comma of its clause, maybe with the time of day and a
# range end (``5月10日—12日``); or ``日前``/``近日``, which date nothing.
_LEAD = re.compile(r"(?:(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"
                   r"(?:\s*[—\-－至到]\s*\d{1,2}\s*日)?"
                   r"(?=\s*(?:" + lexicon.alternation(lexicon.cues("time-of-day"))
                   + r")?\s*(?:\d{1,2}\s*[点时](?:\d{1,2}分)?)?"
                   r"\s*[，,、\s])"
                   r"|(日前|近日))")
_ANY_FULL = re.compile(_FULL)
LEAD_PARAGRAPHS = 2  # body paragraphs searched for a lead date; later dates are of other events


@dataclass(frozen=True, slots=True)
class Dateline:
    """A date an article writes, as found: ``[start, end)`` indexes ``Article.text``."""

    date: date
    start: int
    end: int
    rule: str  # "date-published" | "dateline" | "dateline-page-year" | "dateline-manifest-year"


@dataclass(frozen=True, slots=True)
class Dated:
    """What the graph says of one article's time and origin."""

    date: date | None  # dcterms:date, and the dj:asOf of the posts the article states
    dateline: Dateline | None = None  # the date the text writes, with its evidence
    page: PageInfo | None = None  # the manifest row of the article's page


def find_dateline(article: Article, year: int | None = None, published: date | None = None,
                  year_rule: str = "dateline-page-year") -> Dateline | None:
    """The date ``article`` writes of itself, or ``None`` (no date, ``日前``/``近日``, no year).

    ``year`` completes a month-and-day date; ``published`` (the page's date, when known) moves
    such a date a year back when it would fall after publication (``12月30日`` on 3 January).
    ``year_rule`` names where ``year`` came from, for the provenance.
    """
    text, start = _lead(article)
    match = _PUBLISHED.search(text, start)
    if match:
        numbers = [int(g) for g in match.groups() if g]
        day = _calendar(*numbers)
        if day:
            return Dateline(day, match.start(), match.end(), "date-published")
    match = _LEAD.search(text, start)
    if not match or match.group(4):
        return None
    written_year, month, day_of_month = (int(g) if g else None for g in match.groups()[:3])
    if written_year:
        day = _calendar(written_year, month, day_of_month)
        return Dateline(day, match.start(), match.end(), "dateline") if day else None
    if year is None:
        return None
    day = _calendar(year, month, day_of_month)
    if day and published and day > published:
        day = _calendar(year - 1, month, day_of_month)
    return Dateline(day, match.start(), match.end(), year_rule) if day else None


def page_year(text: str) -> int | None:
    """The year of the first full date (``2023年7月28日``) written on a page, if any."""
    for match in _ANY_FULL.finditer(text):
        if _calendar(*map(int, match.groups())):
            return int(match.group(1))
    return None


def date_articles(results: list[PageResult], manifest: Manifest | None = None) -> dict[str, Dated]:
    """Every article's ``Dated``, by article id; articles with nothing to say are left out."""
    dated: dict[str, Dated] = {}
    for result in results:
        page = (manifest or {}).get(result.source)
        if page and page.year:
            year, rule = page.year, "dateline-manifest-year"
        else:
            year, rule = page_year(result.source_text), "dateline-page-year"
        for article in result.articles:
            dateline = find_dateline(article, year, page.date if page else None, rule)
            day = page.date if page and page.date else (dateline.date if dateline else None)
            if day or dateline or page:
                dated[article.id] = Dated(day, dateline, page)
    return dated


def _lead(article: Article) -> tuple[str, int]:
    """The article text, and where the search for its date may end: past the headline lines,
    within the first body paragraphs."""
    text = article.text
    heading = {line for line in (article.title + "\n" + article.kicker).split("\n") if line}
    lines = text.split("\n")
    skipped = 0
    while skipped < len(lines) and lines[skipped] in heading:
        skipped += 1
    start = sum(len(line) + 1 for line in lines[:skipped])
    end = sum(len(line) + 1 for line in lines[:skipped + LEAD_PARAGRAPHS])
    return text[:end], start


def _calendar(year: int, month: int | None, day: int | None) -> date | None:
    try:
        return date(year, month or 0, day or 0)
    except ValueError:
        return None
