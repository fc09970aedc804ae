"""Provides a checkbox whose long label wraps (a court's agreement sentence is its label;
Textual's Checkbox keeps its label on one line and cuts it off)."""

from __future__ import annotations

from textual.geometry import Size
from textual.widgets import Checkbox


class AgreementCheckbox(Checkbox):
    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.render().get_height(self.styles, width)
