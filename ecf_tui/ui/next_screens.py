"""Provides the next screens made ready while the person reads: a page's likely next
pages composed, styled and focused in the background, so that the key that asks for one
only lays it out and paints it.

Mounting a page costs Textual per widget (a 40-widget page ~100 ms here, the most of a
step's time); laying out and painting one already mounted ~30 ms. So once a page has
arrived and the App is idle, the moves it offers are foreseen one by one, the guide's
move first: the state each leads to (`engine.step`), the coaching the App would show
there, and so the screen and View the App would show (`screen_map.shown_for`). Each is
composed as a screen registered with the App but on no stack. At the key, the App asks
for the screen of the View it is about to show: a ready one is taken only where its
View, its panel's View, the terminal's size, the App's classes and theme are all equal
to the ones it would be made with now; anything else is made as before. A foresight
that was wrong costs idle time, never a wrong page.

Nothing here decides where the flow goes: the engine does, at the key, as always. The
screens left over when a key is taken are removed at the next idle moment, not in the
key's time. Dialogs (a page with a modal over it) are not made ready.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, cast

from ecf_tui import engine, view
from ecf_tui.engine import Action, ActionNotAllowed, State
from ecf_tui.screens.step import StepScreen
from ecf_tui.ui.screen_map import Shown, shown_for
from ecf_tui.ui.textual_private import register_offstage

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

    from ecf_tui.court.profile import CourtProfile
    from ecf_tui.helpdesk.session import HelpDeskSession

IDLE = 0.05
"""Seconds after a page is shown before the first next screen is made: the page's own
paint goes first."""
BETWEEN = 0.02
"""Seconds between two next screens: a key typed meanwhile is taken between them."""
MOST = 8
"""The most next screens kept ready at once (a page offers up to about eight moves)."""


@dataclass(frozen=True)
class Setting:
    """What a screen is styled and laid out for, besides its View: a screen made for
    another terminal size, App classes or theme would not look the same."""

    size: tuple[int, int]
    classes: frozenset[str]
    theme: str

    @classmethod
    def of(cls, app: App[Any]) -> Setting:
        return cls((app.size.width, app.size.height), frozenset(app.classes), app.theme)


@dataclass(frozen=True)
class Foreseen:
    """A page a move leads to: the state, and what the App would show for it."""

    state: State
    shown: Shown


@dataclass(frozen=True)
class Ready:
    state: State
    shown: Shown
    setting: Setting
    screen: StepScreen[Any]
    """Made with the page's own guidance in its panel (no dialog over it)."""


def foresee(profile: CourtProfile, state: State, action: Action, coaching: view.Coaching,
            desk: HelpDeskSession) -> Foreseen | None:
    """What the App would show after `action` from `state` (as `EcfApp.dispatch` shows
    it), where that is a page with no dialog over it; None where it is not, or the
    engine refuses the action."""
    action = engine.resolve(profile, state, action)
    try:
        new = engine.step(profile, state, action)
    except ActionNotAllowed:
        return None
    after = replace(coaching, mistake=engine.mistake(profile, state, action), hint=False,
                    visited=coaching.visited | {new.step}, desk=desk.panel(profile, new))
    shown = shown_for(profile, new, after)
    return Foreseen(new, shown) if shown.under is None else None


def foreseen(profile: CourtProfile, state: State, coaching: view.Coaching,
             desk: HelpDeskSession) -> Iterator[Foreseen | None]:
    """The pages the moves from `state` lead to, the guide's move first, then the page's
    others in its order (None for a move that leads to no page to make ready: a dialog,
    the same page changed in place), each foreseen only when asked for."""
    advised = engine.advice(profile, state, coaching.visited)
    offered = engine.actions(profile, state)
    for action in ([advised] if advised is not None else []) + [
            a for a in offered if advised is None or a.id != advised.id]:
        page = foresee(profile, state, action, coaching, desk)
        yield None if page is None or page.state.step == state.step else page


class NextScreens:
    """The App's screens made ready. `plan(foreseen)` after each page shown: the Shown
    of each likely next page, made one at a time while the App is idle; `take(shown,
    panel)` at the key."""

    def __init__(self, app: App[Any], *, enabled: bool = True) -> None:
        self._app = app
        self.enabled = enabled
        self._ready: list[Ready] = []
        self._leftover: list[StepScreen[Any]] = []
        self._plan: Iterator[Foreseen | None] = iter(())
        self._timer: Timer | None = None
        self.taken = 0
        """How many keys found their screen ready (the tests read it)."""

    def plan(self, pages: Iterator[Foreseen | None]) -> None:
        """A page was shown: what was ready for the page before is left over, and the
        `pages` (`foreseen`) are made after IDLE, one at a time (the iterator is asked
        lazily, so a key typed in between costs no more foresight)."""
        if not self.enabled:
            return
        self._leftover += [r.screen for r in self._ready]
        self._ready = []
        self._plan = pages
        self._wait(IDLE)

    def take(self, shown: Shown, panel: view.View) -> StepScreen[Any] | None:
        """The screen made ready for exactly this page, if there is one (it leaves the
        ready ones)."""
        setting = Setting.of(self._app)
        for ready in self._ready:
            if (ready.setting == setting and self._same(ready, shown)
                    and panel == shown.view):
                self._ready.remove(ready)
                self.taken += 1
                return ready.screen
        return None

    @property
    def done(self) -> bool:
        """Nothing left to make ready or to remove (until the next page is shown)."""
        return self._timer is None

    def _wait(self, seconds: float) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self._app.set_timer(seconds, self._next)

    def _next(self) -> None:
        """Make the next page of the plan ready, else remove one screen left over; again
        after BETWEEN, until both are done. While keys are held (a page is arriving),
        later."""
        self._timer = None
        if getattr(self._app, "holding_keys", False):
            self._wait(IDLE)
            return
        page = next(self._plan, False) if len(self._ready) < MOST else False
        if page is not False:  # False: the plan has no more pages
            if isinstance(page, Foreseen) and not any(self._same(r, page.shown)
                                                     for r in self._ready):
                self._make(page)
        elif self._leftover:
            screen = self._leftover.pop()
            if screen.is_attached and screen not in self._app.screen_stack:
                screen.remove()
        else:
            return
        self._wait(BETWEEN)

    def _same(self, ready: Ready, shown: Shown) -> bool:
        return ready.shown.screen is shown.screen and ready.shown.view == shown.view

    def _make(self, page: Foreseen) -> None:
        """Compose, style and focus the page's screen off stage."""
        shown = page.shown
        screen_class = cast(type[StepScreen[Any]], shown.screen)
        screen = screen_class(shown.view, shown.view, offstage=True)
        self._ready.append(Ready(page.state, shown, Setting.of(self._app), screen))
        register_offstage(self._app, screen)

    def state_of(self, screen: object) -> State | None:
        """The state a screen made ready shows (its footer's keys are that state's)."""
        return next((r.state for r in self._ready if r.screen is screen), None)

    @property
    def screens(self) -> list[StepScreen[Any]]:
        """The screens ready now."""
        return [r.screen for r in self._ready]

    def offstage(self) -> list[StepScreen[Any]]:
        """Every screen made here that is on no stack (ready, or left over)."""
        return [s for s in [*(r.screen for r in self._ready), *self._leftover]
                if s not in self._app.screen_stack]
