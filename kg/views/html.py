"""Turning data into safe, reproducible files.

Everything from the graph reaches the page as JSON inside a data script (``data/*.js``) which the
explorer reads and inserts with ``textContent`` only, or as text in a Jinja template with
autoescaping on. JSON has ``<``, ``>``, ``&``, U+2028 and U+2029 escaped, so no text can end a
script or a line. The page's Content-Security-Policy allows scripts from its own folder only and
no requests at all, so even a slip elsewhere cannot run injected code or reach the network.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

ASSETS = Path(__file__).parent / "assets"
# vis-network as pyvis ships it, found without importing pyvis (a tenth of a second a build)
VIS_JS = (Path(find_spec("pyvis").origin).parent / "templates" / "lib" / "vis-9.1.2"
          / "vis-network.min.js")

_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.MULTILINE)
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                 "\u2029": "\\u2029"}


def json_dumps(value) -> str:
    """Compact JSON with sorted keys, so files are reproducible; Chinese stays readable."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def escape_json(text: str) -> str:
    """Escape the characters that could end a script element or a JS line, in JSON text.

    In JSON they can only occur inside strings, where ``\\uXXXX`` means the same character.
    """
    for char, escape in _JSON_ESCAPES.items():
        text = text.replace(char, escape)
    return text


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    """A file shipped with the page: our CSS/JS, or vis-network from pyvis's own copy (no CDN)."""
    path = VIS_JS if name == "vis-network.min.js" else ASSETS / name
    # A source-map comment would make developer tools request a file that is not there.
    return _SOURCE_MAP.sub("", path.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def environment() -> Environment:
    return Environment(loader=FileSystemLoader(str(ASSETS)), autoescape=True,
                       undefined=StrictUndefined, keep_trailing_newline=True)
