"""Provides the checks a profile must pass beyond its schema: every step it names
exists, the kinds the engine needs are there once, and its flow graph has one
start, no unreachable step, no trap, and a passing end reachable from every state."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ecf_tui.court.profile import (
    MISTAKE_KINDS,
    NOTICE_KEYS,
    CourtProfile,
    Loc,
    Text,
    step_references,
)

if TYPE_CHECKING:
    from ecf_tui.court.salvage import Piece
    from ecf_tui.engine import State

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
    if graph and not problems:
        problems += walk_problems(profile)
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


def walk_problems(profile: CourtProfile) -> list[Problem]:
    """The guide's walk (`engine.guide_walk`: what `paths`' happy path, the job aid and
    the demo follow) must reach the full menus with the trainee's own accounts linked,
    and meet the guide's numbered steps in the guide's order: the first step where it
    does not is named."""
    from ecf_tui import engine

    walk = list(engine.guide_walk(profile))
    end = walk[-1][2] if walk else engine.start(profile)
    problems = _order_problems(profile, [engine.start(profile), *(t for _, _, t in walk)])
    if engine.advice(profile, end, {s.step for _, _, s in walk}) is not None:
        page = profile.steps[end.step]
        problems.append(Problem(("steps", end.step), f"is where the guide's walk goes round: "
                                f"from this {page.kind} page it would go back the way it came.",
                                "put the link to the guide's next step first among the "
                                "page's links (a detour's page needs a way back)."))
    elif engine.outcome(profile, end) != "pass" or profile.steps[end.step].kind != "refreshed":
        # Named at the page the walk left for that end: the link to move is there (the
        # end itself may be the base profile's, as its pacer-only page is).
        before = walk[-1][0].step if walk else end.step
        problems.append(Problem(("steps", before), f"is where the guide's walk leaves for "
                                f"'{end.step}' and ends there, short of the full menus: it "
                                "never reaches the refreshed page with the trainee's own "
                                "accounts linked.",
                                "make the guide's way on the first link of this page (the walk "
                                "takes the first way on it has not taken yet)."))
    return problems


def _guide_number(step_texts: tuple[Text, ...]) -> int | None:
    """The smallest of the guide's step numbers a page carries ("Step 3", "5", "STEP 6")."""
    found = [int(m.group()) for t in step_texts if (m := re.search(r"\d+", t.text))]
    return min(found) if found else None


def _order_problems(profile: CourtProfile, states: list[State]) -> list[Problem]:
    """The guide's numbered steps along the walk: each met first no earlier than the one
    before, and none of the numbers passed left out."""
    seen: list[str] = []
    highest, at = 0, ""
    for state in states:
        if state.step in seen:
            continue  # a page a detour came back to: met already
        seen.append(state.step)
        number = _guide_number(profile.steps[state.step].guide_steps)
        if number is None:
            continue
        if number < highest:
            return [Problem(("steps", state.step), f"is the guide's step {number}, but the "
                            f"guide's walk reaches it after step {highest} ('{at}'): the walk "
                            "leaves the guide's order here.",
                            "make the link to this step come before the one to "
                            f"'{at}' on the page that offers both.")]
        highest, at = number, state.step
    skipped = [(n, sid) for sid, st in profile.steps.items() if sid not in seen
               and (n := _guide_number(st.guide_steps)) is not None and n < highest]
    return [Problem(("steps", sid), f"is the guide's step {n}, but the guide's walk never "
                    "comes to it: the walk leaves the guide's order before it.",
                    "make the link to it the first way on of the page before it in the "
                    "guide.") for n, sid in sorted(skipped)[:1]]
