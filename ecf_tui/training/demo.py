"""Provides the demo's moves: the court's guide path played by itself for a projector,
from any state: the guide's advice, with a look at the court's e-mail notification
where the success page offers one (the guide shows it; the advice goes straight on to
refreshing the menus). Each move is described in a few words for the caption."""

from __future__ import annotations

from ecf_tui import engine
from ecf_tui.court.profile import CourtProfile
from ecf_tui.engine import Action, State


def demo_move(profile: CourtProfile, state: State, seen_email: bool) -> Action | None:
    """The demo's next action from `state`; None at an end. `seen_email`: the e-mail
    notification was shown already."""
    offered = {a.id: a for a in engine.actions(profile, state)}
    if "email" in offered and not seen_email:
        return offered["email"]
    return engine.advice(profile, state)


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
