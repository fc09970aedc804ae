"""Provides a checkbox whose long label wraps (a court's agreement sentence is its label;
Textual's Checkbox keeps its label on one line and cuts it off)."""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Checkbox


class AgreementCheckbox(Checkbox):
    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # Textual's toggle buttons are one line high whatever their label; a widget's own
        # measure gives the wrapped label's height.
        return Widget.get_content_height(self, container, viewport, width)
