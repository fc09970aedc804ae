"""Provides where in a TOML file a field path lives, for error messages."""

from __future__ import annotations

import re
from pathlib import Path

_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_BARE_OR_QUOTED = r"(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')"
_KEY = re.compile(rf"^\s*({_BARE_OR_QUOTED}(?:\s*\.\s*{_BARE_OR_QUOTED})*)\s*=")
_PART = re.compile(_BARE_OR_QUOTED)


def describe_loc(loc: tuple[str | int, ...]) -> str:
    """`('steps', 'home', 'links', 0, 'to')` as `steps.home.links[0].to`."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(p.strip("\"'") for p in _PART.findall(dotted))


def find_place(path: Path, loc: tuple[str | int, ...]) -> str | None:
    """`line L, column C` of the key that `loc` names (or of its nearest parent key)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    wanted = tuple(str(p) for p in loc if not isinstance(p, int))
    best: tuple[int, int, int] | None = None  # (matched parts, line, column)
    table: tuple[str, ...] = ()
    for number, line in enumerate(lines, start=1):
        if header := _HEADER.match(line):
            table = _parts(header[1])
            full, column = table, line.index("[") + 1
        elif key := _KEY.match(line):
            full, column = (*table, *_parts(key[1])), key.start(1) + 1
        else:
            continue
        if full and wanted[: len(full)] == full and (best is None or len(full) > best[0]):
            best = (len(full), number, column)
    if best is None:
        return None
    return f"line {best[1]}, column {best[2]}"
