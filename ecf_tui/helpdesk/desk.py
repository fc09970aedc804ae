"""Provides the help-desk panel's facts for a state: the accounts in play, the state
code, the guide's own words for the step with the guide file and line, and the fix of
the scenario the caller's screen belongs to."""

from __future__ import annotations

from ecf_tui import view
from ecf_tui.court.profile import CourtProfile
from ecf_tui.engine import State
from ecf_tui.helpdesk.guide_lines import line_of
from ecf_tui.helpdesk.loading import Bound


def desk_view(profile: CourtProfile, state: State, code: str, guide: str,
              scenarios: list[Bound]) -> view.DeskView:
    """The panel for `state`; `guide` is the court's guide file's text, `scenarios` the
    ones this screen belongs to (the one opened first)."""
    return view.DeskView(code, accounts(profile, state), quotes(profile, state, guide),
                         scenarios[0].scenario.title if scenarios else None,
                         scenarios[0].fix if scenarios else ())


def accounts(profile: CourtProfile, state: State) -> tuple[str, ...]:
    """The accounts in play, each with the facts that matter to a caller's problem."""
    lines = []
    if state.pacer is not None:
        acct = profile.accounts.pacer[state.pacer]
        facts = ["a shared firm account" if acct.kind == "firm" else "an individual account",
                 "upgraded" if acct.upgraded else "NOT upgraded"]
        facts += ["inactive"] if acct.inactive else []
        lines.append(f"PACER logged in: {acct.username.text} ({acct.name.text}): "
                     f"{', '.join(facts)}.")
    else:
        lines.append("PACER: not logged in.")
    if state.cmecf is not None:
        cmecf = profile.accounts.cmecf[state.cmecf]
        linked = "already linked before" if cmecf.linked else "not linked before"
        lines.append(f"CM/ECF submitted: {cmecf.login.text} ({cmecf.name.text}): {linked}.")
    if state.linked is not None:
        pacer, cmecf_id = state.linked
        lines.append(f"Linked in this walk: PACER {profile.accounts.pacer[pacer].username.text}"
                     f" with CM/ECF {profile.accounts.cmecf[cmecf_id].login.text}; menus "
                     f"{'refreshed' if state.full_menus else 'not refreshed yet'}.")
        if "refresh" in profile.silent and not state.full_menus:
            lines.append("The court's guide does not say how to refresh the menus: the "
                         "simulator's default way stands in for it.")
        if "menu_bar.full" in profile.silent and state.full_menus:
            lines.append("The court's guide does not name the full menus: 'Filing menus' "
                         "stands in for them.")
    return tuple(lines)


def quotes(profile: CourtProfile, state: State, guide: str) -> tuple[view.DeskQuote, ...]:
    """The court's own guide's words for this step, each with its file and line: what
    it says to do now, then its words on the step's picture."""
    step = profile.steps[state.step]
    wanted = [*view.guidance(profile, state), *step.instruction, *step.picture]
    found: list[view.DeskQuote] = []
    for text in dict.fromkeys(wanted):
        if text.source != "guide" or text.quoted_from is not None:
            continue
        line = line_of(guide, text.text)
        found.append(view.DeskQuote(text, f"{profile.guide}:{line}" if line else profile.guide))
    return tuple(found)
