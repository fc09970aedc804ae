"""Provides `ecf-tui qa`'s command line side: its options' values checked (each problem
one paragraph, exit 2) before QA's run (`parallel`), which brings the App and Textual
with it."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ecf_tui.court.errors import UserError

if TYPE_CHECKING:
    from ecf_tui.qa.runner import Size


def parse_size(text: str) -> Size:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise UserError(f"'{text}' is not a terminal size.", place="--size",
                        fix="give WIDTHxHEIGHT, such as 100x30.") from None
    if width < 80 or height < 24:
        raise UserError(f"{text} is smaller than the simulator's 80x24.", place="--size",
                        fix="give at least 80x24.")
    return width, height


def default_jobs() -> int:
    return os.cpu_count() or 1
