"""Provides where in a TOML file a field path lives, for error messages."""

from __future__ import annotations

import re
from functools import lru_cache
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
        keys = _keys(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    wanted = tuple(str(p) for p in loc if not isinstance(p, int))
    for length in range(len(wanted), 0, -1):
        if found := keys.get(wanted[:length]):
            return f"line {found[0]}, column {found[1]}"
    return None


def free_lines(path: Path) -> tuple[int, int]:
    """Where keys the file lacks may be added: the line of its first table's header (a
    top-level key goes above it: below, a key is that table's), and the line after its
    last (a new table goes there, after every other: it takes no key that follows).
    Either is the line after the last where the file has no table, or cannot be read."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1, 1
    end = len(lines) + 1
    first = next((n for n, line in enumerate(lines, start=1) if _HEADER.match(line)), end)
    return first, end


@lru_cache(maxsize=8)
def _keys(text: str) -> dict[tuple[str, ...], tuple[int, int]]:
    """Each key's full path in the file, at its first line and column. Kept per text: a
    profile with thousands of problems asks for a place thousands of times, and scanning
    the file each time made that minutes."""
    found: dict[tuple[str, ...], tuple[int, int]] = {}
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        if header := _HEADER.match(line):
            table = _parts(header[1])
            full, column = table, line.index("[") + 1
        elif key := _KEY.match(line):
            full, column = (*table, *_parts(key[1])), key.start(1) + 1
        else:
            continue
        if full:
            found.setdefault(full, (number, column))
    return found
