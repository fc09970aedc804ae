"""Provides the checks a profile must pass beyond its schema: every step it names
exists, the kinds the engine needs are there once, and its flow graph has one
start, no unreachable step, no trap, and a passing end reachable from every state."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ecf_tui.court.profile import MISTAKE_KINDS, NOTICE_KEYS, CourtProfile, Loc, step_references

if TYPE_CHECKING:
    from ecf_tui.court.salvage import Piece

ONE_OF_EACH = ("login", "main", "link-form", "confirm", "success", "refreshed")


@dataclass(frozen=True)
class Problem:
    loc: Loc
    problem: str
    fix: str


def check_profile(profile: CourtProfile, file_code: str | None = None, *,
                  graph: bool = True) -> list[Problem]:
    """The profile's problems. `graph=False` leaves out the flow-graph checks, for QA,
    which runs a broken flow to show where it breaks."""
    problems: list[Problem] = _code_problem(profile.code, file_code)
    add = problems.append
    problems += reference_problems(step_references(profile), profile.steps)
    for kind in ONE_OF_EACH:
        count = len(profile.steps_of(kind))
        if count != 1:
            add(Problem(("steps",), f"has {count} steps of kind '{kind}'; the engine needs "
                        "exactly one.", f"keep one step with kind = \"{kind}\"."))
    if not profile.steps_of("utilities"):
        add(Problem(("steps",), "has no step of kind 'utilities'.",
                    'add the Utilities page as a step with kind = "utilities".'))
    for sid, st in profile.steps.items():
        if st.kind == "dialog" and not (st.closable and st.close_to) and not (
            st.buttons and st.next
        ):
            add(Problem(("steps", sid), "is a dialog with no way out.",
                        "set closable = true with close_to, or a button with next."))
    for key in NOTICE_KEYS:
        if key not in profile.notices:
            add(Problem(("notices",), f"lacks the notice '{key}'.", f"add {key} = \"...\"."))
    for name in profile.notices:
        if name not in NOTICE_KEYS:
            add(Problem(("notices", name), f"'{name}' is not a notice the engine shows.",
                        f"use one of: {', '.join(NOTICE_KEYS)}."))
    for kind in MISTAKE_KINDS:
        if kind not in profile.mistakes:
            add(Problem(("mistakes",), f"lacks the explanation of the mistake '{kind}'.",
                        f"add [mistakes.{kind}] with did, shows and recover."))
    bar = profile.menu_bar
    labels = [t.text for t in bar.limited]
    for name in ("logout", "utilities"):
        if getattr(bar, name).text not in labels:
            add(Problem(("menu_bar", name), "is not one of the limited menu's items.",
                        f"use one of: {', '.join(labels)}."))
    for i, item in enumerate(profile.refresh.menu_items):
        if item != "*" and item not in labels:
            add(Problem(("refresh", "menu_items", i), f"'{item}' is not on the menu bar.",
                        f"use one of: {', '.join(labels)}, or \"*\" for any item."))
    if not profile.refresh.menu_items and not profile.refresh.ways:
        add(Problem(("refresh",), "gives no way to refresh the menus.",
                    "list menu_items or ways (browser-refresh, relogin, ...)."))
    accounts = profile.accounts
    if accounts.own_pacer is None:
        add(Problem(("accounts", "pacer"), "has no active individual upgraded PACER account.",
                    'add one with kind = "individual" and upgraded = true.'))
    elif accounts.own is None:
        person = accounts.pacer[accounts.own_pacer].person
        add(Problem(("accounts", "cmecf"), f"has no unlinked CM/ECF account of person "
                    f"'{person}', the holder of the first individual PACER account.",
                    f"add one with person = \"{person}\" and linked = false."))
    if graph and not problems:
        problems += _graph_problems(profile)
    return problems


def check_pieces(pieces: list[Piece], steps: Collection[str] | None,
                 file_code: str | None = None) -> list[Problem]:
    """The checks a profile that fails its schema still gets, on the pieces the schema
    accepts (`court.salvage`): its code against the file's name, and the step each
    reference names (`steps`: the raw profile's ids; None where `steps` is no table, which
    the schema says: every reference would be one more problem of the same)."""
    from ecf_tui.court.salvage import references  # a valid profile never needs it

    code = next((p.value for p in pieces if p.loc == ("code",)), None)
    problems = _code_problem(code, file_code) if code is not None else []
    if steps is not None:
        problems += reference_problems(references(pieces), steps)
    return problems


def _code_problem(code: str, file_code: str | None) -> list[Problem]:
    if file_code is None or code == file_code:
        return []
    return [Problem(("code",), f"the code '{code}' differs from the file name "
                    f"'{file_code}.toml'.", f"name the file {code}.toml or set code = "
                    f"\"{file_code}\".")]


def reference_problems(references: Iterable[tuple[Loc, str | None]],
                       steps: Collection[str]) -> list[Problem]:
    """Each reference naming a step that is not among `steps`: a whole profile's, or
    the valid pieces' of one that fails its schema (`court.salvage`), whose steps are
    the raw profile's ids, a step with a schema problem of its own among them."""
    known = ", ".join(steps)
    return [Problem(loc, f"names a step '{target}' that the profile does not have.",
                    f"use one of: {known}.")
            for loc, target in references if target is not None and target not in steps]


def _graph_problems(profile: CourtProfile) -> list[Problem]:
    from ecf_tui import engine
    from ecf_tui.flows import graph

    flow = graph.of(profile)
    problems: list[Problem] = []
    reached = {s.step for s in flow.states}
    for sid in profile.steps:
        if sid not in reached:
            problems.append(Problem(("steps", sid), "cannot be reached from the start.",
                                    "link to it from another step, or remove it."))
    ends = set(flow.ends())
    if not any(engine.outcome(profile, s) == "pass" for s in ends):
        problems.append(Problem(("steps",), "no path reaches a passing end.",
                                "make the refreshed step reachable with the roster's accounts."))
        return problems
    # A trap is a state from which no end can be reached: walk the edges backwards.
    back: dict[engine.State, list[engine.State]] = {}
    for e in flow.edges:
        back.setdefault(e.target, []).append(e.source)
    can_end = set(ends)
    todo = list(ends)
    while todo:
        for prev in back.get(todo.pop(), []):
            if prev not in can_end:
                can_end.add(prev)
                todo.append(prev)
    for state in flow.states:
        if state not in can_end:
            code = engine.short_code(profile, state)
            problems.append(Problem(("steps", state.step), f"is a trap: {code} reaches no end.",
                                    "give the step a way on or back."))
            break
    return problems
