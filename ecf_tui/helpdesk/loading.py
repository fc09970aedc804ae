"""Provides finding, reading and checking the help desk's scenarios.

Scenarios live in a `scenarios/` folder beside the court profiles: the built-ins beside
the built-in courts, and one in any profile folder (`--profiles DIR`,
`ECF_TUI_PROFILES`), where a file of the same name overrides a built-in. A scenario is
checked at every court it names: the court is known, its moves can be played there
(`replay`), and each text given as a guide's is in that guide word for word.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from weakref import ref

from pydantic import ValidationError

from ecf_tui.court.errors import ProfileErrors, UserError
from ecf_tui.court.fidelity import contains, fold
from ecf_tui.court.model_paths import clean_loc
from ecf_tui.court.profile import CourtProfile, Text
from ecf_tui.court.toml_places import describe_loc, find_place
from ecf_tui.flows import codebook
from ecf_tui.helpdesk.model import Scenario
from ecf_tui.helpdesk.replay import MoveProblem, Walk, play
from ecf_tui.registry.loading import Registry, read_toml

FOLDER = "scenarios"


@dataclass(frozen=True)
class Bound:
    """A scenario at one court: the walk to the caller's screen and that state's code."""

    scenario: Scenario
    profile: CourtProfile
    walk: Walk
    code: str
    fix: tuple[Text, ...]

    @property
    def court(self) -> str:
        return self.profile.code

    @property
    def linked(self) -> bool:
        """Whether the caller's screen is after linking (search weighs a caller's "I
        linked" by it)."""
        return self.walk.end.linked is not None

    @property
    def open_line(self) -> str:
        """The command that opens this caller's screen with this scenario's fix beside
        it. Not the state code alone: two scenarios can end on one screen (CASB's linked
        page is the caller's who asks "did it work?" and the one whose menus did not
        appear), and the code opens the first."""
        return f"ecf-tui run {self.court} --scenario {self.scenario.id}"


@dataclass(frozen=True)
class Scenarios:
    """Every scenario known, checked, and played at each court it names."""

    by_id: dict[str, Scenario]
    files: dict[str, Path]
    bound: tuple[Bound, ...]

    def at(self, court: str) -> list[Bound]:
        return [b for b in self.bound if b.court == court]

    def linked(self) -> dict[str, bool]:
        """By scenario id, whether its caller has linked, where its courts agree."""
        found: dict[str, set[bool]] = {}
        for bound in self.bound:
            found.setdefault(bound.scenario.id, set()).add(bound.linked)
        return {sid: seen.pop() for sid, seen in found.items() if len(seen) == 1}

    def get(self, court: str, scenario_id: str) -> Bound:
        """The scenario at a court; UserError naming the choices where it is not bound."""
        found = next((b for b in self.bound if b.court == court and
                      b.scenario.id == scenario_id), None)
        if found is None:
            here = ", ".join(b.scenario.id for b in self.at(court)) or "none"
            problem = (f"the scenario '{scenario_id}' does not apply to {court}."
                       if scenario_id in self.by_id else
                       f"no scenario is called '{scenario_id}'.")
            raise UserError(problem, place="--scenario",
                            fix=f"use one of {court}'s: {here} ('ecf-tui scenarios {court}' "
                                "lists them with what callers say).")
        return found

    def for_code(self, court: str, code: str) -> list[Bound]:
        """The scenarios whose caller's screen is this state."""
        return [b for b in self.at(court) if b.code == code]


def files(reg: Registry) -> dict[str, Path]:
    """Each scenario's file by id, later folders overriding earlier ones."""
    found: dict[str, Path] = {}
    for folder in reg.folders:
        for path in sorted((folder / FOLDER).glob("*.toml")):
            found[path.stem] = path
    return found


def read(path: Path) -> Scenario:
    """One scenario file, its schema checked; ProfileErrors naming each problem."""
    raw = read_toml(path)
    if "id" in raw:
        raise UserError("a scenario's id is its file's name, not a key.", file=path,
                        place=find_place(path, ("id",)), fix="remove the 'id' line.")
    try:
        return Scenario.model_validate({"id": path.stem, **raw})
    except ValidationError as err:
        problems = []
        for e in err.errors(include_input=False, include_url=False):
            loc = clean_loc(e["loc"])
            if loc == ("id",):
                problems.append(UserError(
                    "the file's name is not a scenario id.", file=path,
                    fix="name the file in lower-case words joined by hyphens "
                        "(menus-not-shown.toml)."))
                continue
            kind = e["type"]
            message = e["msg"].rstrip(".")
            fix = {"missing": f"add {loc[-1] if loc else 'it'} = ... there.",
                   "extra_forbidden": "remove it; a scenario has title, phrasings, accounts, "
                                      "moves, fix and [courts.CODE] tables."}.get(
                kind, "give a value of the expected type and form.")
            problems.append(UserError(
                f"{message[0].lower()}{message[1:]}.", file=path,
                place=_place(path, loc), fix=fix))
        raise ProfileErrors(path, problems) from None


def _place(path: Path, loc: tuple[str | int, ...]) -> str:
    return f"{find_place(path, loc) or ''} (field {describe_loc(loc)})".strip()


def check(reg: Registry, scenario: Scenario, path: Path) -> list[Bound]:
    """Play the scenario at each court it names and check its guide texts there;
    ProfileErrors naming every problem."""
    problems: list[UserError] = []
    bound: list[Bound] = []
    for court, binding in scenario.courts.items():
        where = ("courts", court)
        if court not in reg.sources:
            problems.append(UserError(
                f"names the court '{court}', which is not known.", file=path,
                place=_place(path, where),
                fix=f"use one of: {', '.join(reg.codes())}; or add its profile folder."))
            continue
        profile = reg.load(court)
        guide = fold(reg.guide_text(court))
        fix_loc = (*where, "fix") if binding.fix else ("fix",)
        for i, text in enumerate(scenario.fix_for(court)):
            if text.source != "guide":
                continue
            quoted = text.quoted_from or court
            words = guide if quoted == court else fold(reg.guide_text(quoted))
            if not contains(words, text.text):
                problems.append(UserError(
                    f"the text \"{text.text[:60]}\" is given as {quoted}'s guide's words "
                    "but that guide does not contain it.", file=path,
                    place=_place(path, (*fix_loc, i)),
                    fix="quote the guide word for word, or mark the text "
                        "{ text = \"...\", source = \"simulator\" }."))
        unknown = _unknown_accounts(profile, scenario)
        if unknown:
            problems.append(UserError(
                f"at {court}, {unknown}", file=path, place=_place(path, ("accounts",)),
                fix="use own, or an account of the court's roster (its profile's "
                    "[accounts.pacer.ID] and [accounts.cmecf.ID] tables)."))
            continue
        try:
            walk = play(profile, scenario)
        except MoveProblem as problem:
            moves_loc = (*where, "moves") if binding.moves is not None else ("moves",)
            problems.append(UserError(
                f"at {court}, {problem}.", file=path, place=_place(path, moves_loc),
                fix="correct the move, or give this court its own moves under "
                    f"[courts.{court}]."))
            continue
        bound.append(Bound(scenario, profile, walk, codebook.code(profile, walk.end),
                           tuple(scenario.fix_for(court))))
    if problems:
        raise ProfileErrors(path, problems)
    return bound


def _unknown_accounts(profile: CourtProfile, scenario: Scenario) -> str | None:
    """What is wrong with the scenario's accounts at this court: an id its roster does
    not have (the guide's way would log in with it and fail for another reason)."""
    pacer, cmecf = scenario.accounts.pacer, scenario.accounts.cmecf
    roster = profile.accounts
    typed_cmecf = pacer.startswith("cmecf:")
    name = pacer.removeprefix("cmecf:")
    known = list(roster.cmecf if typed_cmecf else roster.pacer)
    if name != "own" and name not in known:
        kind = "CM/ECF" if typed_cmecf else "PACER"
        return (f"the PACER login's account '{pacer}' is not one of its {kind} accounts "
                f"({', '.join(known)}).")
    if cmecf != "own" and cmecf not in roster.cmecf:
        return (f"the CM/ECF account '{cmecf}' is not one of its CM/ECF accounts "
                f"({', '.join(roster.cmecf)}).")
    return None


_LOADED: dict[int, tuple[ref[Registry], Scenarios]] = {}
"""Each registry's scenarios, read and played once: every scenario is replayed through
the engine at each of its courts, and a help desk's search, palette and `run --scenario`
all ask for them."""


def load(reg: Registry) -> Scenarios:
    """Every scenario known, each checked at its courts; the first file with problems
    raises them all (ProfileErrors). Read once per registry."""
    held = _LOADED.get(id(reg))
    if held is not None and held[0]() is reg:
        return held[1]
    known = _load(reg)
    for gone in [key for key, (held_ref, _) in _LOADED.items() if held_ref() is None]:
        del _LOADED[gone]
    _LOADED[id(reg)] = (ref(reg), known)
    return known


def _load(reg: Registry) -> Scenarios:
    by_id: dict[str, Scenario] = {}
    found = files(reg)
    bound: list[Bound] = []
    for scenario_id, path in found.items():
        scenario = read(path)
        by_id[scenario_id] = scenario
        bound += check(reg, scenario, path)
    return Scenarios(by_id, found, tuple(bound))
