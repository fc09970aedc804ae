"""Provides the procedure's eight stages, and which stage each step belongs to."""

from __future__ import annotations

from ecf_tui.court.profile import Step

STAGE_OF_KIND: dict[str, int] = {
    "front": 0,
    "site": 1,
    "login": 2,
    "dialog": 3,
    "redaction": 4,
    "main": 5,
    "utilities": 5,
    "link-form": 6,
    "info": 6,
    "confirm": 7,
    "stop": 7,
    "success": 8,
    "email": 8,
    "refreshed": 8,
}

STAGE_NAMES: dict[int, str] = {
    0: "Before you begin",
    1: "Filing system link",
    2: "PACER login",
    3: "Dialogs",
    4: "Redaction agreement",
    5: "Utilities",
    6: "Link form",
    7: "Confirm",
    8: "Linked",
}
KIND_NAMES: dict[str, str] = {"refreshed": "Refreshed menus", "email": "E-mail notification"}
"""Where a step's kind names it better than its stage does."""


def stage_of(step: Step) -> int:
    """Which of the procedure's eight stages a step belongs to."""
    return step.stage or STAGE_OF_KIND[step.kind]
