"""Provides a class's results summarised (`ecf-tui results DIR`): per court the attempts,
the assessments passed and the pass rate; the most common mistakes with what each is;
each trainee's best attempt. As an aligned text table or as JSON.

It reads the record files (`*.json`, not the `*.xapi.json` beside them) that
`run --results DIR` writes. A file that is not a valid record is reported by name and
field only: its values may be something a trainee typed.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ecf_tui.court.errors import UserError
from ecf_tui.court.toml_places import describe_loc
from ecf_tui.training.modes import MODES
from ecf_tui.training.record import AttemptRecord
from ecf_tui.training.results import XAPI_SUFFIX

ANONYMOUS = "(anonymous)"
TOP_MISTAKES = 10


@dataclass(frozen=True)
class CourtLine:
    court: str
    attempts: int
    assessed: int
    """Attempts in assess mode: the only ones that can be passed."""
    passes: int
    pass_rate: float | None
    """passes / assessed, None when no attempt was assessed."""
    pass_rule: str | None = None
    """The rule the assessments were held to ("at most 1 mistake, no hints"; each rule
    seen where they differ); None when no attempt was assessed."""


@dataclass(frozen=True)
class MistakeLine:
    kind: str
    count: int
    explanation: str
    """The profile's words for it, as the first record (by file name) that has it says."""


@dataclass(frozen=True)
class BestLine:
    trainee: str | None
    court: str
    mode: str
    outcome: str
    mistakes: int
    hints: int
    seconds: float


@dataclass(frozen=True)
class ClassSummary:
    files: int
    courts: list[CourtLine]
    mistakes: list[MistakeLine]
    trainees: list[BestLine]


def result_files(folder: Path) -> list[Path]:
    """The record files in `folder`, by name (hidden files, such as a write in progress,
    and the xAPI files are left out)."""
    return sorted(p for p in folder.glob("*.json")
                  if not p.name.endswith(XAPI_SUFFIX) and not p.name.startswith(".")
                  and p.is_file())


def read_record(path: Path) -> AttemptRecord:
    """One record file, validated; a bad one is a UserError naming the file and the
    first failing field, never its value."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise UserError(f"cannot read this result file ({err.strerror}).", file=path,
                        fix="check it can be read, or move it out of the folder.") from None
    try:
        return AttemptRecord.model_validate_json(data)
    except ValidationError as err:
        first = err.errors(include_input=False, include_url=False, include_context=False)[0]
        loc = tuple(first["loc"])
        raise UserError(_what_is_wrong(first["type"]), file=path,
                        place=f"field {describe_loc(loc)}" if loc else None,
                        fix="move it out of the folder: only the files `ecf-tui run "
                            "--results` writes belong there (it may have been changed by "
                            "hand, or be another program's).") from None


def _what_is_wrong(kind: str) -> str:
    if kind.startswith("json"):
        return "this is not a result file: it is not whole JSON."
    if kind == "missing":
        return "this is not a valid result file: a field it needs is missing."
    if kind == "extra_forbidden":
        return "this is not a valid result file: it has a field a result file does not have."
    return "this is not a valid result file: a field has a value of the wrong kind."


def read_results(folder: Path) -> list[AttemptRecord]:
    """Every record in `folder`; a file copied in twice (the same attempt id) counts once."""
    seen: dict[str, AttemptRecord] = {}
    for path in result_files(folder):
        record = read_record(path)
        seen.setdefault(record.id, record)
    return list(seen.values())


def summarise(records: Sequence[AttemptRecord]) -> ClassSummary:
    courts: dict[str, list[AttemptRecord]] = {}
    for record in records:
        courts.setdefault(record.court, []).append(record)
    court_lines = []
    for court in sorted(courts):
        assessed = [r for r in courts[court] if r.passed is not None]
        passes = sum(1 for r in assessed if r.passed)
        rules = sorted({_rule(r) for r in assessed})
        court_lines.append(CourtLine(
            court=court, attempts=len(courts[court]), assessed=len(assessed), passes=passes,
            pass_rate=round(passes / len(assessed), 4) if assessed else None,
            pass_rule="; ".join(rules) or None))
    return ClassSummary(files=len(records), courts=court_lines,
                        mistakes=_mistakes(records), trainees=_best(records))


def _rule(record: AttemptRecord) -> str:
    """An assessment's pass rule in a few words."""
    rule = record.pass_rule
    if rule is None:
        return "no rule recorded"
    most = rule.max_mistakes
    mistakes = f"at most {most} mistake{'s' if most != 1 else ''}" if most else "no mistake"
    return f"{mistakes}, {'hints allowed' if rule.hints_allowed else 'no hints'}"


def _mistakes(records: Iterable[AttemptRecord]) -> list[MistakeLine]:
    counts: Counter[str] = Counter()
    explanations: dict[str, str] = {}
    for record in records:
        for mistake in record.mistakes:
            counts[mistake.kind] += 1
            explanations.setdefault(mistake.kind, mistake.explanation)
    # Most common first; a tie by kind, so the order is the same on every run.
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [MistakeLine(kind, count, explanations[kind]) for kind, count in ranked]


def _rank(record: AttemptRecord) -> tuple[bool, bool, int, int, int, float]:
    """Smaller is better: a passed assessment; then accounts linked right at the end;
    then the less help the mode gives (assess, practice, guided, demo); then fewer
    mistakes, fewer hints, less time."""
    linked = record.finished and record.linked_right
    return (record.passed is not True, not linked, -MODES.index(record.mode),
            len(record.mistakes), record.hints, record.seconds)


def _best(records: Iterable[AttemptRecord]) -> list[BestLine]:
    best: dict[str | None, AttemptRecord] = {}
    for record in records:
        held = best.get(record.trainee)
        if held is None or _rank(record) < _rank(held):
            best[record.trainee] = record
    order = sorted(best, key=lambda t: (t is None, t or ""))
    return [BestLine(trainee=t, court=r.court, mode=r.mode, outcome=r.outcome,
                     mistakes=len(r.mistakes), hints=r.hints, seconds=round(r.seconds, 1))
            for t in order for r in [best[t]]]


def as_json(summary: ClassSummary) -> str:
    data: dict[str, Any] = asdict(summary)
    return json.dumps(data, indent=2) + "\n"


def as_text(summary: ClassSummary) -> str:
    lines = [f"{summary.files} attempt(s).", "", "Per court:"]
    lines += table(("Court", "Attempts", "Assessed", "Passed", "Pass rate", "Pass rule"),
                   [(c.court, c.attempts, c.assessed, c.passes,
                     "-" if c.pass_rate is None else f"{c.pass_rate:.0%}",
                     c.pass_rule or "-")
                    for c in summary.courts])
    lines += ["", "Most common mistakes:"]
    if summary.mistakes:
        shown = summary.mistakes[:TOP_MISTAKES]
        lines += table(("Mistake", "Count", "What it is"),
                       [(m.kind, m.count, m.explanation) for m in shown])
        if len(summary.mistakes) > len(shown):
            lines.append(f"  ... and {len(summary.mistakes) - len(shown)} more kind(s) "
                         "(--format json lists all).")
    else:
        lines.append("  none.")
    lines += ["", "Best attempt per trainee:"]
    lines += table(("Trainee", "Court", "Mode", "Outcome", "Mistakes", "Hints", "Time"),
                   [(b.trainee or ANONYMOUS, b.court, b.mode, b.outcome, b.mistakes, b.hints,
                     f"{b.seconds:.0f} s") for b in summary.trainees])
    return "\n".join(lines) + "\n"


def table(headers: Sequence[str], rows: Iterable[Sequence[object]],
          indent: str = "  ") -> list[str]:
    """Lines of an aligned table: numbers right-aligned, the rest left-aligned, and no
    trailing spaces."""
    values = [list(row) for row in rows]
    numeric = [bool(values) and all(isinstance(row[i], int | float) for row in values)
               for i in range(len(headers))]
    cells = [list(headers)] + [[str(v) for v in row] for row in values]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    return [indent + "  ".join(cell.rjust(widths[i]) if numeric[i] else cell.ljust(widths[i])
                               for i, cell in enumerate(row)).rstrip()
            for row in cells]
