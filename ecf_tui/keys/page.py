"""Provides the trainee's keys beside the page: the browser's F5 and F6, Log Out on the
menu bar, the guide (F1), practice's hint (F7, ?), the practice accounts (F2), start
over at an end (Ctrl+R) and the texts' sources (F4)."""

from __future__ import annotations

from ecf_tui import engine, view
from ecf_tui.engine import Action, State
from ecf_tui.keys.host import Host
from ecf_tui.screens.guide import GuideScreen
from ecf_tui.training.modes import coached
from ecf_tui.widgets import GuidePanel


class PageKeys(Host):
    """Mixin for the App: the keys a trainee uses on a court's page."""

    def _offered(self, action_id: str, state: State | None = None) -> Action | None:
        """The action with this id offered now (or in `state`, a page made ready)."""
        state = state or self.state
        if self.profile is None or state is None:
            return None
        return next((a for a in engine.actions(self.profile, state) if a.id == action_id),
                    None)

    def action_browser(self, action_id: str) -> None:
        action = self._offered(action_id)
        if action is not None:
            self.dispatch(action)
            return
        if self.profile is None or self.state is None:
            return
        mistake = engine.mistake(self.profile, self.state, Action(action_id))
        if mistake is not None:  # the page reloads, menus still limited: a mistake
            self._took(Action(action_id), mistake)
            self._show()
        said = view.browser_notice(self.profile, action_id,
                                   coached(self.training.mode), mistake)
        if said is not None:
            self.notify(said.text, title=said.title, severity=said.severity,
                        timeout=said.timeout)

    def _log_out(self, state: State | None = None) -> Action | None:
        return None if self.profile is None else self._offered(
            f"menu:{self.profile.menu_bar.logout.text}", state)

    def action_log_out(self) -> None:
        action = self._log_out()
        if action is not None:
            self.dispatch(action)
        elif self.profile is not None:
            self.bell()

    def action_open_guide(self) -> None:
        """The court's whole guide, at the lines of the current step."""
        if self.profile is None or self.state is None:
            return
        self.training.opened_guide()
        text = self.registry.guide_text(self.profile.code)
        self.push_screen(GuideScreen(view.guide_page(self.profile, text, self.state.step)))

    def action_hint(self) -> None:
        """Practice: the guide's words for this page in the panel, counted as a hint."""
        if self.training.ask_hint():
            self._show()

    def action_toggle_accounts(self) -> None:
        """Show the other practice accounts (a firm's, a colleague's...) in the panel;
        in practice, the practice accounts at all (they are not shown unasked)."""
        self.toggle_class("-all-accounts")
        if self.training.mode == "practice" and self.state is not None:
            self.training.accounts = not self.training.accounts
            self._show()
        elif self.has_class("-all-accounts"):
            for panel in self.screen.query(GuidePanel):
                self.call_after_refresh(panel.reveal_extra)

    def action_start_over(self) -> None:
        """Back to the court's first page, to walk the procedure again: the walk that
        ended is an attempt of its own (guided; practice and assess ended theirs)."""
        if self.profile is None:
            return
        if self.state is not None:
            self.training.walk_again(self.profile, self.state)
        self.show_state(engine.start(self.profile))

    def action_toggle_sources(self) -> None:
        """Colour every court text by its source (the court's guide, another court's,
        the simulator's), for a trainer checking a profile; F4 again turns it off."""
        self.toggle_class("-show-sources")
