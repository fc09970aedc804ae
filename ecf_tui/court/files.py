"""Provides the one way ecf-tui writes a file: to a temporary name beside it, then
renamed into place, so a run that is interrupted or fails leaves either the whole file
or none, never half of one."""

from __future__ import annotations

import os
from pathlib import Path


def write_text(path: Path, text: str) -> None:
    """Write `text` (UTF-8) to `path` whole, or leave `path` as it was."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
