"""Provides `ecf-tui validate`: each profile's schema, flow graph and guide fidelity."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ecf_tui.authoring.scaffold import Mark, marks
from ecf_tui.court.errors import ProfileErrors, UserError
from ecf_tui.court.toml_places import describe_loc, find_place
from ecf_tui.registry.loading import (
    BASE_PREFIX,
    MAX_PROBLEMS,
    Registry,
    capped,
    court_code,
    load_file,
    read_toml,
)

if TYPE_CHECKING:
    from ecf_tui.court.fidelity import Loc


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


def _text_place(path: Path, loc: Loc) -> str:
    """Where a profile's text is: its line and column, and its field."""
    return f"{find_place(path, loc) or ''} (field {describe_loc(loc)})".strip()


def validate_file(reg: Registry, path: Path) -> str:
    """One line on a valid profile; raises UserError for the first kind of problem found."""
    if path.name.startswith(BASE_PREFIX):
        read_toml(path)
        return f"ok    {path}  (a base: checked with the courts that extend it)"
    from ecf_tui.court.fidelity import texts, unquoted
    from ecf_tui.flows import graph

    flow_problems: list[UserError] = []
    try:
        profile = load_file(path)
    except ProfileErrors as broken:
        # A flow that cannot be walked still has texts to check against the guide: the
        # author hears of both at once. A schema problem leaves no profile to check.
        try:
            profile = load_file(path, graph_checks=False)
        except UserError:
            raise broken from None
        flow_problems = broken.problems

    def guide_of(code: str) -> str:
        guide = path.parent / profile.guide if code == profile.code else None
        if guide is None:
            return reg.guide_text(code)
        try:
            return guide.read_text(encoding="utf-8-sig")
        except OSError:
            raise UserError(f"its guide '{profile.guide}' cannot be read.", file=path,
                            place=find_place(path, ("guide",)),
                            fix="put the court's guide text there, or correct 'guide'.") from None

    known = set(reg.codes()) | {profile.code}
    strangers = [(loc, t) for loc, t in texts(profile)
                 if t.quoted_from is not None and t.quoted_from not in known]
    if strangers:  # their guide cannot be read: said at the text, not as a bad command line
        raise capped(path, flow_problems + [
            UserError(f"quotes the guide of '{t.quoted_from}', a court not known here.",
                      place=_text_place(path, loc),
                      fix="use one of: " + ", ".join(sorted(known)) + "; or add that "
                          "court's folder with --profiles DIR.")
            for loc, t in strangers[:MAX_PROBLEMS]], len(flow_problems) + len(strangers))
    missing = unquoted(profile, guide_of)
    if missing or flow_problems:
        problems = flow_problems + [
            UserError(
                f"the text \"{_short(text.text)}\" is marked as the guide's own but "
                f"{text.quoted_from or profile.code}'s guide does not contain it.",
                place=_text_place(path, loc),
                fix="quote the guide word for word, or mark the text "
                    "{ text = \"...\", source = \"simulator\" }.",
            )
            for loc, text in missing[:MAX_PROBLEMS]  # each placed in the file: not thousands
        ]
        raise capped(path, problems, len(flow_problems) + len(missing))
    flow = graph.of(profile)
    all_texts = list(texts(profile))
    by_sim = sum(1 for _, t in all_texts if t.source == "simulator")
    return (f"ok    {profile.code:<6} {path}  ({len(all_texts) - by_sim} guide texts, "
            f"{by_sim} simulator texts; {len(flow.states)} states, {len(flow.edges)} edges, "
            f"{len(graph.paths(flow))} paths)")


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
