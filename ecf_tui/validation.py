"""Provides `ecf-tui validate`: each profile's schema, flow graph and guide fidelity."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from ecf_tui.errors import UserError
from ecf_tui.loading import BASE_PREFIX, Registry, court_code, load_file, read_toml
from ecf_tui.scaffold import marks
from ecf_tui.toml_places import describe_loc, find_place


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
    """One line on a valid profile; raises UserError for the first kind of problem found."""
    if path.name.startswith(BASE_PREFIX):
        read_toml(path)
        return f"ok    {path}  (a base: checked with the courts that extend it)"
    profile = load_file(path)
    from ecf_tui import graph
    from ecf_tui.errors import ProfileErrors
    from ecf_tui.fidelity import texts, unquoted

    def guide_of(code: str) -> str:
        guide = path.parent / profile.guide if code == profile.code else None
        if guide is None:
            return reg.guide_text(code)
        try:
            return guide.read_text(encoding="utf-8")
        except OSError:
            raise UserError(f"its guide '{profile.guide}' cannot be read.", file=path,
                            place=find_place(path, ("guide",)),
                            fix="put the court's guide text there, or correct 'guide'.") from None

    missing = unquoted(profile, guide_of)
    if missing:
        problems = [
            UserError(
                f"the text \"{_short(text.text)}\" is marked as the guide's own but "
                f"{text.quoted_from or profile.code}'s guide does not contain it.",
                place=f"{find_place(path, loc) or ''} (field {describe_loc(loc)})".strip(),
                fix="quote the guide word for word, or mark the text "
                    "{ text = \"...\", source = \"simulator\" }.",
            )
            for loc, text in missing
        ]
        raise ProfileErrors(path, problems)
    flow = graph.of(profile)
    all_texts = list(texts(profile))
    by_sim = sum(1 for _, t in all_texts if t.source == "simulator")
    return (f"ok    {profile.code:<6} {path}  ({len(all_texts) - by_sim} guide texts, "
            f"{by_sim} simulator texts; {len(flow.states)} states, {len(flow.edges)} edges, "
            f"{len(graph.paths(flow))} paths)")


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def validate_paths(reg: Registry, names: list[str], out: TextIO, err: TextIO, *,
                   coverage: bool = False) -> int:
    failed = 0
    covered: list[Path] = []
    for path in _files(reg, names):
        try:
            print(validate_file(reg, path), file=out)
            for mark in marks(path):
                print(f"warn  {path}:{mark.line}: still the template's: {mark.text}",
                      file=out)
            covered += [] if path.name.startswith(BASE_PREFIX) else [path]
        except UserError as problem:
            failed += 1
            print(problem.paragraph(), file=err)
    if coverage:
        for path in covered:
            _print_coverage(path, out)
    return 2 if failed else 0


def _print_coverage(path: Path, out: TextIO) -> None:
    from ecf_tui.coverage import coverage, summary

    profile = load_file(path)
    guide = (path.parent / profile.guide).read_text(encoding="utf-8")
    found = coverage(profile, guide)
    print(f"\n{summary(profile.code, found)}", file=out)
    for sentence in found:
        print(f"  {profile.guide}:{sentence.line:<4} {sentence.shown:<7} {sentence.text}",
              file=out)
