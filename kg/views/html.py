"""Turning data into safe, self-contained HTML.

Everything from the graph reaches a page one of two ways: as JSON inside
``<script type="application/json">`` (with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped, so no
text can close the element), which the page's script reads and inserts with ``textContent``; or as
text in a Jinja template with autoescaping on. A Content-Security-Policy allows only the page's
own scripts (by hash) and no requests at all, so even a slip elsewhere cannot run injected code or
reach the network.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path

import pyvis
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

ASSETS = Path(__file__).parent / "assets"
VIS_JS = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"

_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.MULTILINE)
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                 "\u2029": "\\u2029"}


def json_text(value) -> Markup:
    """JSON that is safe inside a ``<script>`` element: sorted keys, so pages are reproducible.

    A string is taken as JSON text already (pyvis hands over its options dumped).
    """
    text = value if isinstance(value, str) else json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(escape_json(text))


def escape_json(text: str) -> str:
    """Escape the characters that could end a script element or a JS line, in JSON text.

    In JSON they can only occur inside strings, where ``\\uXXXX`` means the same character.
    """
    for char, escape in _JSON_ESCAPES.items():
        text = text.replace(char, escape)
    return text


@lru_cache(maxsize=64)
def script_hash(code: str) -> str:
    """The CSP source that allows exactly this inline script."""
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def csp(scripts: list[str]) -> str:
    """No requests of any kind; only these inline scripts; inline styles; data: images."""
    return ("default-src 'none'; script-src " + " ".join(script_hash(s) for s in scripts)
            + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    """An inlined asset: our CSS/JS, or vis-network from pyvis's own copy (no CDN)."""
    path = VIS_JS if name == "vis-network.min.js" else ASSETS / name
    text = path.read_text(encoding="utf-8")
    # A source-map comment would make developer tools request a file that is not there.
    text = _SOURCE_MAP.sub("", text)
    if "</script" in text.lower():
        raise ValueError(f"{name} contains '</script' and cannot be inlined")
    return text


@lru_cache(maxsize=None)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(ASSETS)), autoescape=True,
                      undefined=StrictUndefined, keep_trailing_newline=True)
    env.filters["json_text"] = json_text
    return env
