"""Provides where a quoted text is in its guide file: the line a help desk reads it on."""

from __future__ import annotations

from ecf_tui.court.fidelity import contains, fold

SPAN = 12
"""The most lines a quote can run over (a paragraph the PDF wrapped, with the blank
lines the PDF's text put between its lines)."""


def line_of(guide: str, text: str) -> int | None:
    """The guide's line (1-based) where `text` starts, as whole words once markup and
    white space are folded; a quote over several lines is found on its first. None where
    the guide does not have it."""
    lines = [fold(line) for line in guide.splitlines()]
    for span in range(1, SPAN + 1):
        for start in range(len(lines) - span + 1):
            if not lines[start]:
                continue
            if contains(_joined(lines[start:start + span]), text) and (
                    span == 1 or not contains(_joined(lines[start + 1:start + span]), text)):
                return start + 1
    return None


def _joined(lines: list[str]) -> str:
    return " ".join(line for line in lines if line)
