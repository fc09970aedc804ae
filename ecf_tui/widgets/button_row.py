"""Provides the row of buttons under a form or a dialog (Submit / Clear, Continue /
Cancel)."""

from __future__ import annotations

from textual.containers import Horizontal


class ButtonRow(Horizontal):
    """A page's buttons side by side, in the guide's order."""
