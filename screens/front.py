"""Provides FrontScreen: before you begin, the court guide's own front matter (title,
introduction, go-live, what to have ready, warnings, contacts), verbatim, then the
way in."""

from __future__ import annotations

from itertools import groupby

from textual.app import ComposeResult

from ecf_tui.court.profile import FrontSection, FrontStep, Text
from ecf_tui.screens.step import StepScreen
from ecf_tui.view import FRONT_ROLES
from ecf_tui.widgets import ActionButton, ButtonRow, Chrome, PageText, TextLabel, texts


class FrontScreen(StepScreen[FrontStep]):

    def compose_intro(self) -> ComposeResult:
        about = self.view.about
        assert about is not None, "the view gives the front page the guide's front matter"
        yield PageText(about.guide_title, classes="front-title")
        if about.sections:
            for section in about.sections:
                yield from self._guides_section(section)
            if about.steps_heading is not None:
                yield TextLabel(about.steps_heading, classes="front-heading")
            return
        yield from texts(about.intro)
        # The headings are the simulator's own labels for the guide's sections.
        if about.go_live is not None:
            yield Chrome("Go-live", classes="front-heading")
            yield TextLabel(about.go_live, classes="front-date")
        for heading, items in (("Have ready", about.ready), ("Warnings", about.warnings),
                               ("Contacts", about.contacts),
                               (about.reminders_heading or "Reminders", about.reminders)):
            yield from self._section(heading, items)
        if about.steps_heading is not None:
            yield TextLabel(about.steps_heading, classes="front-heading")

    def _guides_section(self, section: FrontSection) -> ComposeResult:
        """One of the guide's own sections, in the guide's order: its heading, then its
        paragraphs, a run of go-live, warning, contact or have-ready ones under the
        simulator's label for what they are."""
        if section.heading is not None:
            yield TextLabel(section.heading, classes="front-heading")
        for role, run in groupby(section.paragraphs, key=lambda p: p.role):
            if role is not None:
                yield Chrome(FRONT_ROLES[role], classes=f"front-role -{role}")
            yield from texts(run, classes="front-item" if role else "")

    def _section(self, heading: str | Text, items: list[Text]) -> ComposeResult:
        """A section under the guide's own heading where it has one, else the simulator's."""
        if items:
            yield (TextLabel(heading, classes="front-heading") if isinstance(heading, Text)
                   else Chrome(heading, classes="front-heading"))
            yield from texts(items, classes="front-item")

    def compose_foot(self) -> ComposeResult:
        # In a row with padding, not a margin on the button: the column would take a
        # child's margin off the page's width too.
        with ButtonRow(id="begin-row"):
            yield ActionButton(self.page.begin_button, self.view.action("begin"),
                               variant="primary", id="begin")
