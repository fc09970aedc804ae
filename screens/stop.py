"""Provides StopScreen: an end other than the full menus (the PACER account must be
upgraded first; CM/ECF for PACER only needs no action)."""

from __future__ import annotations

from ecf_tui.court.profile import StopStep
from ecf_tui.screens.step import StepScreen


class StopScreen(StepScreen[StopStep]):
    BODY_CLASSES = "stop-text"
