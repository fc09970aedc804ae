"""Provides the training modes (demo, guided, practice, assess) and the one rule about
them the App, the View and the keys share (`coached`). Without pydantic: the command
line declares `--mode` with these choices on every run of `ecf-tui`."""

from __future__ import annotations

from typing import Literal

Mode = Literal["demo", "guided", "practice", "assess"]
MODES: tuple[Mode, ...] = ("demo", "guided", "practice", "assess")


def coached(mode: Mode) -> bool:
    """Whether the mode shows the guide's words, the state code and explanations, and
    opens the help desk's keys: guided and demo; practice and assess would have them give
    the walk away."""
    return mode in ("guided", "demo")
