"""Provides `ecf-tui validate`: each profile's schema, flow graph and guide fidelity,
every problem of a file at once. A valid profile is read as `run` reads it (from the
cache) and its texts checked against the guides; one with a problem is read again with
`examine_file`, which gives every schema and flow problem and what the schema accepts
(the model, or its valid pieces: `court.salvage`), whose texts are checked the same."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ecf_tui.authoring.scaffold import Mark, marks
from ecf_tui.court.errors import ProfileErrors, UserError
from ecf_tui.court.toml_places import find_place
from ecf_tui.registry.loading import (
    BASE_PREFIX,
    MAX_PROBLEMS,
    Registry,
    capped,
    court_code,
    examine_file,
    load_file,
    merged_raw,
    read_toml,
)
from ecf_tui.registry.problems import flow_problem

if TYPE_CHECKING:
    from ecf_tui.court.fidelity import Loc
    from ecf_tui.court.profile import Text
    from ecf_tui.flows.flow_checks import Problem


def _files(reg: Registry, names: list[str]) -> list[Path]:
    """The profile files named: paths as given, folders' court files, court codes."""
    if not names:
        return [reg.source(code).path for code in reg.codes()]
    files: list[Path] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            files += sorted(p for p in path.glob("*.toml") if not p.name.startswith(BASE_PREFIX))
        elif not path.exists() and court_code(name) in reg.sources:
            files.append(reg.source(name).path)
        else:
            files.append(path)
    return files


def validate_file(reg: Registry, path: Path) -> str:
    """One line on a valid profile; raises ProfileErrors with every problem of the file
    at once (its schema's, its flow's, its texts' against the guides), or a UserError
    where it is no profile at all (no TOML, a base missing)."""
    if path.name.startswith(BASE_PREFIX):
        read_toml(path)
        return f"ok    {path}  (a base: checked with the courts that extend it)"
    from ecf_tui.court.fidelity import texts
    from ecf_tui.flows import graph

    try:
        profile = load_file(path)  # a valid profile: read back from the cache, as `run` does
    except ProfileErrors:
        # Checked again to find everything: the model where the schema passed, else the
        # pieces it accepts, each text of them against the guide (`court.salvage`).
        from ecf_tui.court.salvage import salvaged_texts

        found = examine_file(path)
        shown = texts(found.profile) if found.profile else salvaged_texts(found.pieces)
        more, total = _misquoted(reg, found.code, found.guide, shown)
        raise capped(path, found.problems + [flow_problem(p, found.files) for p in more],
                     found.total + total) from None
    all_texts = list(texts(profile))
    more, total = _misquoted(reg, profile.code, path.parent / profile.guide, all_texts)
    if total:  # the files that hold the texts, only now: a valid profile needs none
        files = merged_raw(path)[1]
        raise capped(path, [flow_problem(p, files) for p in more], total)
    flow = graph.of(profile)
    by_sim = sum(1 for _, t in all_texts if t.source == "simulator")
    return (f"ok    {profile.code:<6} {path}  ({len(all_texts) - by_sim} guide texts, "
            f"{by_sim} simulator texts; {len(flow.states)} states, {len(flow.edges)} edges, "
            f"{len(graph.paths(flow))} paths)")


def _misquoted(reg: Registry, code: str, guide: Path | None,
               shown: Iterable[tuple[Loc, Text]]) -> tuple[list[Problem], int]:
    """The texts marked as a guide's own that it does not contain, those quoting a court
    not known here, and a court's guide that cannot be read: the first MAX_PROBLEMS of
    each, and how many in all. `guide`: the court's own, None where that is a problem
    said already (its own texts are then left unchecked)."""
    from ecf_tui.court.fidelity import unquoted_texts
    from ecf_tui.flows.flow_checks import Problem

    known = set(reg.codes()) | {code}
    strangers: list[tuple[Loc, Text]] = []
    checked: list[tuple[Loc, Text]] = []
    for loc, t in shown:
        (checked if t.quoted_from is None or t.quoted_from in known else strangers).append(
            (loc, t))
    problems = [Problem(loc, f"quotes the guide of '{t.quoted_from}', a court not known "
                        "here.", "use one of: " + ", ".join(sorted(known)) + "; or add that "
                        "court's folder with --profiles DIR.")
                for loc, t in strangers[:MAX_PROBLEMS]]  # their guide cannot be read
    own, unreadable = _own_guide(guide)
    problems += unreadable
    if own is None:
        checked = [(loc, t) for loc, t in checked if t.quoted_from not in (None, code)]
    missing = unquoted_texts(checked, code, lambda court: own if own is not None and
                             court == code else reg.guide_text(court))
    problems += [Problem(loc, f"the text \"{_short(t.text)}\" is marked as the guide's own "
                         f"but {t.quoted_from or code}'s guide does not contain it.",
                         "quote the guide word for word, or mark the text "
                         "{ text = \"...\", source = \"simulator\" }.")
                 for loc, t in missing[:MAX_PROBLEMS]]  # each placed in the file: not thousands
    return problems, len(strangers) + len(unreadable) + len(missing)


def _own_guide(guide: Path | None) -> tuple[str | None, list[Problem]]:
    """The court's own guide's text, or None: there is none to read (said already), or
    it cannot be read (the problem)."""
    from ecf_tui.flows.flow_checks import Problem

    if guide is None:
        return None, []
    try:
        return guide.read_text(encoding="utf-8-sig"), []
    except (OSError, UnicodeDecodeError):
        return None, [Problem(("guide",), f"its guide '{guide.name}' cannot be read.",
                              "put the court's guide text there, as UTF-8, or correct "
                              "'guide'.")]


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class Checked:
    """One file's outcome: the `ok` line, or its problems; the marks still in it."""

    file: Path
    kind: str
    """court, base or scenario"""
    ok: str | None = None
    problems: list[UserError] = field(default_factory=list)
    warnings: list[Mark] = field(default_factory=list)


def validate_paths(reg: Registry, names: list[str], out: TextIO, err: TextIO, *,
                   coverage: bool = False, fmt: str = "text") -> int:
    """Check every file named (default: every court and scenario known) and report
    every problem found, each file's at once; exit 2 when there is one."""
    checked = [_check_court(reg, path) for path in _files(reg, names)]
    if not names:
        checked += _duplicates(reg) + _check_scenarios(reg)
    else:
        checked += _check_scenarios(reg, [Path(n) for n in names if Path(n).is_dir()])
    failed = any(c.problems for c in checked)
    if fmt == "json":
        out.write(json.dumps({"ok": not failed, "files": [_as_json(c) for c in checked]},
                             indent=2, ensure_ascii=False) + "\n")
        return 2 if failed else 0
    for c in checked:
        if c.ok is not None:
            print(c.ok, file=out)
        for mark in c.warnings:
            print(f"warn  {c.file}:{mark.line}: {mark.said}: {mark.text}", file=out)
        if c.problems:
            print(ProfileErrors(c.file, c.problems).paragraph(), file=err)
    if coverage:
        for c in checked:
            if c.kind == "court" and not c.problems:
                _print_coverage(c.file, out)
    return 2 if failed else 0


def _check_court(reg: Registry, path: Path) -> Checked:
    kind = "base" if path.name.startswith(BASE_PREFIX) else "court"
    done = Checked(path, kind, warnings=marks(path) + _silences(path))
    try:
        done.ok = validate_file(reg, path)
    except ProfileErrors as broken:
        done.problems = broken.problems
    except UserError as problem:
        done.problems = [problem]
    return done


def _silences(path: Path) -> list[Mark]:
    """A warning for each part the profile says its guide is silent on, at the line of
    its `silent` list: the simulator's default stands there (`court.silence`)."""
    from ecf_tui.court.silence import SAID

    try:
        silent = read_toml(path).get("silent")
    except UserError:
        return []  # the file's own problem, reported as one
    place = find_place(path, ("silent",)) or ""
    line = _LINE.search(place)
    return [Mark(int(line[1]) if line else 1, SAID[part], said=f"the guide is silent on {part}")
            for part in silent if part in SAID] if isinstance(silent, list) else []


def _duplicates(reg: Registry) -> list[Checked]:
    """A court code defined in two of the extra folders: the later folder's wins, which
    is rarely what was meant (a built-in overridden once is the way to adapt a court)."""
    seen: dict[str, Path] = {}
    found = []
    for folder in reg.folders[1:]:
        for path in sorted(folder.glob("*.toml")):
            if path.name.startswith(BASE_PREFIX):
                continue
            code = court_code(path.stem)
            if code in seen:
                found.append(Checked(path, "court", problems=[UserError(
                    f"the court {code} is also defined in {seen[code]}; this file, in a "
                    "later folder, wins.", file=path, place="file name",
                    fix="keep one profile per court among the --profiles folders.")]))
            seen[code] = path
    return found


def _check_scenarios(reg: Registry, folders: list[Path] | None = None) -> list[Checked]:
    """The help desk's scenarios: each file's schema, and each court it names played
    through (an unknown court, step or account is a problem, as is a fix text not in
    the guide it names). `folders`: only those folders' scenarios."""
    from ecf_tui.helpdesk import loading as scenarios

    checked = []
    for path in scenarios.files(reg).values():
        if folders is not None and not any(path.parent.parent.resolve() == f.resolve()
                                           for f in folders):
            continue
        done = Checked(path, "scenario")
        try:
            bound = scenarios.check(reg, scenarios.read(path), path)
            done.ok = f"ok    {path}  (scenario at {', '.join(b.profile.code for b in bound)})"
        except ProfileErrors as broken:
            done.problems = broken.problems
        except UserError as problem:
            done.problems = [problem]
        checked.append(done)
    return checked


_LINE = re.compile(r"line (\d+), column (\d+)")
_FIELD = re.compile(r"field ([^,)\s(]+)")
"""A field path in a place (`field steps.home.kind`); the top level has none."""


def _as_json(checked: Checked) -> dict[str, object]:
    def problem(p: UserError) -> dict[str, object]:
        place = p.place or ""
        line = _LINE.search(place)
        found = _FIELD.search(place)
        return {"file": p.file or str(checked.file),
                "line": int(line[1]) if line else None,
                "column": int(line[2]) if line else None,
                "field": found[1] if found else None,
                "place": p.place, "problem": p.problem, "fix": p.fix}

    return {"file": str(checked.file), "kind": checked.kind, "ok": not checked.problems,
            "summary": checked.ok, "problems": [problem(p) for p in checked.problems],
            "warnings": [{"line": m.line, "text": m.text, "said": m.said}
                         for m in checked.warnings]}


def _print_coverage(path: Path, out: TextIO) -> None:
    from ecf_tui.authoring.coverage import coverage, summary

    profile = load_file(path)
    guide = (path.parent / profile.guide).read_text(encoding="utf-8-sig")
    found = coverage(profile, guide)
    print(f"\n{summary(profile.code, found)}", file=out)
    for sentence in found:
        print(f"  {profile.guide}:{sentence.line:<4} {sentence.shown:<7} {sentence.text}",
              file=out)
