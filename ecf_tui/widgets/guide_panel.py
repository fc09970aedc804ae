"""Provides the side panel: what the court's guide says to do on this step, and the
practice accounts to type (fake values: real credentials never go here)."""

from __future__ import annotations

import re

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ecf_tui.court.profile import Text
from ecf_tui.view import ACCOUNT_STEPS, DeskView, MistakeView, View, says
from ecf_tui.widgets.page_text import texts
from ecf_tui.widgets.practice_accounts import PracticeAccounts
from ecf_tui.widgets.unbroken import Unbroken

SILENT = Text.by_simulator("The guide is silent here: the page's words are the simulator's.")
OWN = 2
"""The View lists the trainee's own PACER and CM/ECF accounts first."""


ADDRESS = re.compile(r"\S*@\S*")
"""An e-mail address as the text wraps it: with what touches it (a full stop)."""
CHROME = 4
"""The panel's columns besides its text: its padding, its edge and its scroll bar."""


class GuidePanel(VerticalScroll):
    def __init__(self, view: View) -> None:
        super().__init__(id="guide-panel")
        self.view = view

    def allow_focus(self) -> bool:
        """A stop of the Tab cycle only where it scrolls: focused, the arrows and the
        page keys scroll it; all in sight, it has nothing for a key to do."""
        return self.max_scroll_y > 0

    def focus_on_click(self) -> bool:
        # A click on the panel (to read it, to select a practice account's name) leaves
        # focus in the page's field, where a password manager's auto-type goes next.
        return False

    @staticmethod
    def shows(view: View) -> tuple[object, ...]:
        """What of a View this draws: the same for two Views, nothing to compose again."""
        return (view.desk, view.mistake, view.guidance,
                view.step.kind in ACCOUNT_STEPS and view.accounts,
                view.step.picture if view.guidance else None)

    def compose(self) -> ComposeResult:
        step = self.view.step
        shown = self.shows(self.view)
        # As wide as its longest e-mail address, whole on a line (at 80 columns the
        # narrow panel broke "MSSB_IT@mssb.uscourts.gov." across two).
        addresses = [w for t in self._texts() for w in ADDRESS.findall(t)]
        self.styles.min_width = max(map(cell_len, addresses), default=0) + CHROME or None
        # Nothing to show (practice before a hint, assess): the page takes the width.
        self.display = any(shown)
        if self.view.desk is not None:  # the help desk's panel in place of the trainee's
            yield from self._compose_desk(self.view.desk)
            return
        if self.view.mistake is not None:
            yield from self._compose_mistake(self.view.mistake)
        accounts = self.view.accounts if step.kind in ACCOUNT_STEPS else ()
        if accounts:
            # The account to type on this page first, in sight at 80x24 over the guide's
            # words (under them it was below the panel's end on MSSB's link form).
            yield Static("Type this practice account", classes="panel-heading")
            yield PracticeAccounts(accounts[:1])
        for heading, run in says(self.view.guidance):
            yield Static(heading, classes="panel-heading")
            yield from texts(run, classes="guide-instruction")
        if accounts:
            # The trainee's other own account; the others (a firm's, a colleague's, an
            # inactive one) one key away, so the guidance above stays in sight.
            yield Static("Your other account (not for this page)", classes="panel-heading")
            yield PracticeAccounts(accounts[1:OWN])
            if len(accounts) > OWN:
                yield Static("Other practice accounts (to see a mistake)",
                             classes="panel-heading practice-extra")
                yield PracticeAccounts(accounts[OWN:], classes="practice-extra")
                yield Static("F2: the other practice accounts", classes="practice-more")
        if step.picture and self.view.guidance:
            # Last, so the guidance and the accounts stay in sight; the panel scrolls.
            yield Static("In the guide's picture", classes="panel-heading")
            yield from texts(step.picture, classes="guide-picture")

    def _texts(self) -> list[str]:
        """Every text the panel shows for its View."""
        view = self.view
        found = [t.text for t in view.guidance]
        if view.mistake is not None:
            found += [view.mistake.did.text, view.mistake.shows.text,
                      *(t.text for t in view.mistake.recover)]
        if view.desk is not None:
            found += [t.text for t in view.desk.fix] + [q.text.text for q in view.desk.quotes]
        return found + [t.text for t in view.step.picture]

    def reveal_extra(self, tries: int = 3) -> None:
        """F2 has shown the other practice accounts: scroll them into sight, so what it
        added is seen (they are last in the panel), once they are laid out (the App's
        class shows them at its next restyle)."""
        extra = self.query(".practice-extra")
        if not extra:
            return
        if not extra.first().region and tries:
            self.call_after_refresh(self.reveal_extra, tries - 1)
            return
        self.scroll_to_widget(extra.first(), top=True, animate=False)

    @staticmethod
    def _compose_mistake(mistake: MistakeView) -> ComposeResult:
        """The mistake just made: what you did, what the real system shows, how to
        recover; first in the panel, so it is in sight on arrival."""
        yield Static("That was a mistake", classes="panel-heading mistake-heading")
        yield from texts([mistake.did, mistake.shows], classes="mistake-text")
        yield Static("How to recover", classes="panel-heading")
        yield from texts(mistake.recover, classes="mistake-text")

    @staticmethod
    def _compose_desk(desk: DeskView) -> ComposeResult:
        """What a person answering a call reads: the state code to send a colleague, the
        caller's problem and its fix first (in sight at 80x24), then the guide's words
        for this step with where the guide has them, and the accounts in play."""
        yield Static("Help desk", classes="panel-heading desk-heading")
        yield Unbroken(desk.code, id="desk-code", classes="desk-code")
        yield Static("F9 copy · Ctrl+F find · Ctrl+P commands", classes="desk-hint")
        if desk.scenario is not None:
            yield Static("Caller's problem", classes="panel-heading")
            yield Static(desk.scenario, classes="desk-line")
        if desk.fix:
            yield Static("The fix", classes="panel-heading")
            yield from texts(desk.fix, classes="guide-instruction")
        if not desk.quotes:  # the simulator's words, under a heading that claims none
            yield Static("The court's guide", classes="panel-heading")
            yield from texts([SILENT], classes="guide-instruction")
        else:
            yield Static("The court's guide says", classes="panel-heading")
        for quote in desk.quotes:
            yield from texts([quote.text], classes="desk-quote")
            yield Static(quote.where, classes="desk-where")
        yield Static("Accounts in play", classes="panel-heading")
        yield from (Static(line, classes="desk-line") for line in desk.accounts)
