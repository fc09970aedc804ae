"""Provides reading a state as a person does: its situation ("firm-pacer",
"menus-not-refreshed") and its short, stable code `COURT/situation/step`, which a help
desk reads to a colleague and `ecf-tui run` opens."""

from __future__ import annotations

from ecf_tui.court.profile import CourtProfile, DialogStep
from ecf_tui.engine.pages import CMECF_PAGES
from ecf_tui.engine.state import HAPPY, State


def situation(profile: CourtProfile, state: State) -> str:
    """What is going on, in a word or two: the middle of a state code."""
    current = profile.steps[state.step]
    if isinstance(current, DialogStep):
        return state.notice or current.situation
    if state.notice:
        return state.notice
    # Once linked, the link decides the situation: a mistake made there cannot be undone.
    pacer_id, cmecf_id = state.linked or (state.pacer, state.cmecf)
    if pacer_id:
        pacer = profile.accounts.pacer[pacer_id]
        if pacer.kind == "firm":
            return "firm-pacer"
        if not pacer.upgraded:
            return "not-upgraded-pacer"
        if pacer.inactive:
            return "inactive-pacer"
        if cmecf_id and profile.accounts.cmecf[cmecf_id].person != pacer.person:
            return "names-differ"
    if state.linked and not state.full_menus:
        if current.kind in CMECF_PAGES - {"success"}:
            return "menus-not-refreshed"
        if current.kind in ("login", "redaction", "dialog"):
            return "relogin"
    if state.linked:
        return "linked"
    return HAPPY


def short_code(profile: CourtProfile, state: State) -> str:
    """The readable part of a state's code, `COURT/situation/step`, which states alike to a
    person share (`codebook` gives each state its exact code)."""
    return f"{profile.code}/{situation(profile, state)}/{state.step}"
