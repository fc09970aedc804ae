"""Provides where focus arrives on a page: on the control of the View's `arrival` (the
guide's next move: a form's first field where the move is to type credentials), else
on the page's first field, else on its first control that is not a mistake, the page's
own controls before the menu bar's (with no control, on the side panel where it
scrolls). A trainee's most natural key is Enter: on arrival
it must never press a move the guide warns against (MSSB's "Do not make a selection"
dialog arrived on "Select a PACER account")."""

from __future__ import annotations

from textual.containers import ScrollableContainer
from textual.scroll_view import ScrollView
from textual.widget import Widget
from textual.widgets import Input

from ecf_tui.view import View
from ecf_tui.widgets.advised import TYPED
from ecf_tui.widgets.agreement_checkbox import AgreementCheckbox

PAGE_AREAS = frozenset({"page-column", "dialog"})
"""Where a screen draws the court's page (the menu bar is above it)."""


def scroll_area(widget: Widget) -> bool:
    """Whether `widget` is a scrolling area (the page, the panel) rather than a control:
    an Input is a scroll view too, for its text."""
    return isinstance(widget, ScrollableContainer) and not isinstance(widget, ScrollView)


def action_of(control: Widget) -> str | None:
    """The id of the engine action a control does; None for one that does none of its
    own (a form's fields and its Login or Submit, Clear)."""
    if isinstance(control, AgreementCheckbox):
        return "check"
    action = getattr(control, "engine_action", None)
    return None if action is None else str(action.id)


def arrival_control(chain: list[Widget], view: View) -> Widget | None:
    """The control of `chain` (a screen's focus chain) that focus arrives on."""
    controls = [w for w in chain if not scroll_area(w)]
    fields = [w for w in controls if isinstance(w, Input)]
    wanted = view.arrival
    if wanted is not None:
        if wanted.startswith(TYPED) and fields:
            return fields[0]
        found = next((w for w in controls if action_of(w) == wanted), None)
        if found is not None:
            return found
    if fields:
        return fields[0]
    page = [w for w in controls if any(a.id in PAGE_AREAS for a in w.ancestors)]
    rest = [w for w in controls if w not in page]
    # With no control at all (the end, a long mistake explained): the panel where it
    # scrolls, so that the arrows scroll it.
    areas = [w for w in chain if scroll_area(w)]
    return next((w for w in page + rest if action_of(w) not in view.mistaken),
                areas[0] if areas and not controls else None)
