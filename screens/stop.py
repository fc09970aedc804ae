"""Provides StopScreen: an end other than the full menus (the PACER account must be
upgraded first; CM/ECF for PACER only needs no action)."""

from __future__ import annotations

from ecf_tui.profile import StopStep
from ecf_tui.screens.step import StepScreen


class StopScreen(StepScreen[StopStep]):
    CSS_PATH = ["step.tcss", "stop.tcss"]
    BODY_CLASSES = "stop-text"
