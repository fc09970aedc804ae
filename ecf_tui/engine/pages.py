"""Provides what the engine knows of page kinds: which pages are CM/ECF's (the menu
bar and the browser's keys act there), which end the procedure, and how the menus
refresh once the accounts are linked."""

from __future__ import annotations

from ecf_tui.court.profile import CourtProfile
from ecf_tui.engine.state import Action, State

CMECF_PAGES = frozenset({"main", "utilities", "link-form", "confirm", "success", "refreshed",
                         "stop"})
"""The kinds of CM/ECF's own pages: each shows the menu bar (a stop page too: the
must-upgrade message comes up in CM/ECF, and Log Out is the way on from it)."""
END_KINDS = frozenset({"refreshed", "stop"})
"""The kinds that end the procedure: the guide's way stops there; a stop page still
offers the menu bar."""


def is_chrome(profile: CourtProfile, step_id: str, action: Action) -> bool:
    """Whether `action` is the menu bar's or the browser's rather than the page's: the
    same on every CM/ECF page (the flow graph draws these edges from one node)."""
    return action.name in ("menu", "refresh") or (
        action.name == "clear-cache" and profile.steps[step_id].kind in CMECF_PAGES
    )


def awaits_refresh(state: State) -> bool:
    """Linked in this run, logged in with the linked PACER account, menus still limited."""
    return state.linked is not None and state.pacer == state.linked[0] and not state.full_menus


def menu_refreshes(profile: CourtProfile, label: str) -> bool:
    """Whether clicking this menu item refreshes the menus at this court."""
    items = profile.refresh.menu_items
    return label in items or ("*" in items and label != profile.menu_bar.logout.text)


def relogin_clears(profile: CourtProfile) -> bool:
    """Whether this court's users clear the browser cache before logging back in."""
    return "relogin-after-clear-cache" in profile.refresh.ways
