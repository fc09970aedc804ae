"""Provides the demo's moves: the court's guide path played by itself for a projector,
from any state: the guide's advice, with a look at the court's e-mail notification
where the success page offers one (the guide shows it; the advice goes straight on to
refreshing the menus). Each move is described in a few words for the caption."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from ecf_tui import engine
from ecf_tui.court.profile import CourtProfile
from ecf_tui.engine import Action, State


def demo_move(profile: CourtProfile, state: State, seen_email: bool,
              visited: Collection[str] = ()) -> Action | None:
    """The demo's next action from `state`; None at an end. `seen_email`: the e-mail
    notification was shown already; `visited`: the steps the demo has been on."""
    offered = {a.id: a for a in engine.actions(profile, state)}
    if "email" in offered and not seen_email:
        return offered["email"]
    return engine.advice(profile, state, visited)


def describe(action: Action) -> str:
    """The move in the simulator's words, for the demo's caption."""
    name, target = action.name, action.target
    if name == "login" and action.typed:
        return "Type the PACER username and password, then Login."
    if name == "submit" and action.typed:
        return "Type the CM/ECF login and password, then Submit."
    if name == "menu":
        return f"Choose {target} on the menu bar."
    fixed = {
        "begin": "Choose Begin.",
        "check": "Check the box.",
        "continue": "Choose Continue.",
        "close": "Close the dialog with its \"x\".",
        "submit": "Choose Submit.",
        "refresh": "Refresh the browser page (F5).",
        "clear-cache": "Clear the browser cache (F6).",
        "email": "Open the court's e-mail notification.",
        "back": "Go back.",
    }
    if name in fixed:
        return fixed[name]
    return f"Choose \u201c{target}\u201d." if target else f"{name}."


@dataclass(frozen=True)
class Fill:
    """Show one credential typed in: the page's field number `at` (0 the login, 1 the
    password) gets the practice account's `value`, from the profile: nothing a person
    typed."""

    at: int
    value: str = field(repr=False)  # a practice password: never in a repr


@dataclass
class DemoPlayer:
    """The demo as it plays: every `delay` seconds its next move, paused and resumed
    (Space), a move at a time (Right). A typed move shows in three beats: the login
    filled in, then the password, then sent."""

    delay: float = 2.0
    paused: bool = False
    seen_email: bool = False
    _typing: list[str] = field(default_factory=list)
    """What of a typed move is still to show ("login", "password", "send")."""
    ended: str = "The demo reached the end of the guide's path."
    """Why the demo paused where it can go no further."""
    _at: State | None = None
    """Where the demo's last move led; a state elsewhere (a jump) begins a new walk."""
    _made: set[tuple[State, str]] = field(default_factory=set)

    def next(self, profile: CourtProfile, state: State, fields: int,
             visited: Collection[str] = ()) -> Action | Fill | None:
        """The next beat from `state` on a page with `fields` text fields (`visited`: the
        steps the walk has been on): a field to fill, or the action to take; None where
        the demo ends (it pauses there, and `ended` says why): at the end of the guide's
        path, or before a move it has made from this state already (a demo never goes
        round in a circle)."""
        if state != self._at:
            self._made = set()
        move = demo_move(profile, state, self.seen_email, visited)
        if move is not None and (state, move.id) in self._made:
            self.ended = ("The demo stops here: the guide's way from this page goes back "
                          "to where it has been.")
            move = None
        if move is None:
            self.paused = True
            return None
        if move.typed:
            if not self._typing:
                self._typing = ["login", "password", "send"]
            shown = self._typing.pop(0)
            if shown != "send" and fields >= 2:
                login = shown == "login"
                return Fill(0, move.username) if login else Fill(1, move.password)
            self._typing = []
        if move.name == "email":
            self.seen_email = True
        self._made.add((state, move.id))
        self._at = engine.step(profile, state, move)
        return move

    def stop(self) -> None:
        """The demo stops where it is (the trainer goes on by hand): no beat half shown."""
        self._typing = []
