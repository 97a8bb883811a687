"""A tiny invented corpus for the time and curation tests: two pages, one body each, one person."""
from __future__ import annotations

from pathlib import Path

SECRETARY = """青枫街道召开党建工作推进会

{lead}，青枫街道党工委召开党建工作推进会。青枫街道党工委书记王小明出席会议并讲话。

会议要求，各社区党委要推进“红枫驿站”书记项目。
"""
COMMUNITY = """白鹭社区开展志愿服务活动

{lead}，{where}白鹭社区党委开展志愿服务活动。白鹭社区党委书记王小明参加活动。

白鹭社区党委推进“鹭岛家园”书记项目。
"""


def write_corpus(folder: Path, pages: dict[str, str], manifest: str | None = None) -> Path:
    """Write ``pages`` (file name → text) and, if given, a manifest.csv into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    if manifest is not None:
        (folder / "manifest.csv").write_text(manifest, encoding="utf-8")
    return folder
