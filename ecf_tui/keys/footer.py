"""Provides which of the App's keys do something now, and so show in the footer: the
court's keys once a court is open, each mode's own, the help desk's in guided and demo
mode only, Log Out where the page offers it; none over the open guide, the too-small
line or an assessment's intro and result, but Quit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ecf_tui import engine, view
from ecf_tui.keys.host import Host
from ecf_tui.screens.assess_intro import AssessIntroScreen
from ecf_tui.screens.guide import GuideScreen
from ecf_tui.screens.result import ResultScreen
from ecf_tui.screens.too_small import TooSmallScreen
from ecf_tui.training.modes import Mode, coached
from ecf_tui.widgets.keys_footer import KEYS_FOR


@dataclass(frozen=True)
class KeysHere:
    """What decides the keys: the moment as the App has it."""

    mode: Mode
    court_open: bool
    covered: bool
    """A screen over the page where the page's keys would act unseen."""
    desk_open: bool
    typing_page: bool
    """Credentials are typed on this page (the panel lists the practice accounts)."""
    at_end: bool
    can_log_out: Callable[[], bool]
    """Asked only for Log Out: it asks the engine for the page's moves."""


def offered(action: str, here: KeysHere) -> bool:
    """Whether the App's `action` does something here."""
    if here.covered and action != "quit":
        return False
    helpdesk = coached(here.mode)  # in practice or assess: the walk given away
    if action in ("find_scenario", "transcript"):
        return helpdesk and (action == "find_scenario" or here.court_open)
    if action in ("toggle_desk", "copy_code"):  # the help desk's: the code shows there
        return here.court_open and helpdesk and (action == "toggle_desk" or here.desk_open)
    if action == "toggle_accounts" and (here.desk_open or not here.typing_page):
        # The desk panel shows the accounts in play, not the practice list; the panel
        # lists practice accounts only where credentials are typed.
        return False
    if action in ("open_guide", "toggle_accounts") and here.mode == "assess":
        return False  # no guide, no hints, the accounts shown once before it began
    if action.startswith("demo_"):
        return here.mode == "demo" and here.court_open
    if action == "hint":
        return here.court_open and here.mode == "practice"
    if action in ("browser", "toggle_sources", "open_guide", "toggle_accounts"):
        return here.court_open
    if action == "start_over":  # at an end of the procedure: the way on is to begin again
        return here.court_open and here.at_end
    if action == "log_out":
        return here.court_open and here.can_log_out()
    return True


class FooterKeys(Host):
    """Mixin for the App: Textual asks it whether each key does something now."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only keys that do something here show in the footer (`offered`): here, or on
        the page made ready off stage whose footer asks (`KEYS_FOR`)."""
        asking = KEYS_FOR.get()
        ready = None if asking is None else self.next_screens.state_of(asking)
        profile = self.profile
        state = ready or self.state
        screen = asking if ready is not None else self.screen
        return offered(action, KeysHere(
            self.training.mode, profile is not None,
            isinstance(screen, GuideScreen | TooSmallScreen | AssessIntroScreen
                       | ResultScreen),
            self.desk.open,
            profile is not None and state is not None
            and profile.steps[state.step].kind in view.ACCOUNT_STEPS,
            profile is not None and state is not None and engine.is_end(profile, state),
            lambda: self._log_out(state) is not None))
