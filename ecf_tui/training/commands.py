"""Provides the training commands of the command line: `ecf-tui progress` (this
machine's progress store: attempts and passes per trainee, court and mode) and
`ecf-tui results DIR` (a class's result files summarised). Bad input is a UserError,
which the command line prints as one paragraph (exit 2). The progress store and the
summary are imported when a command runs (every run of `ecf-tui` imports this module).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ecf_tui.court.command_line import Command
from ecf_tui.court.errors import UserError

if TYPE_CHECKING:
    from ecf_tui.training.progress import ProgressRow
    from ecf_tui.training.record import AttemptRecord

EXIT_OK = 0
_CSV_COLUMNS = ("trainee", "court", "mode", "attempts", "finished", "passes", "last")


def _configure_progress(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--trainee", metavar="NAME", help="only this trainee's attempts")
    parser.add_argument("--format", choices=("text", "json", "csv"), default="text")


def _progress(courts: object, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    return progress(args.trainee, args.format, out)


# Command[object]: these handlers need no courts, so they take whatever registry the
# command line gives every handler.
PROGRESS: Command[object] = Command(
    "progress",
    "a trainee's attempts and passes per court and mode (the progress store in the "
    "user's data folder)",
    _configure_progress, _progress)


def _configure_results(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", metavar="DIR", help="the folder given to run --results")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def _results(courts: object, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    return results(Path(args.folder), args.format, out)


RESULTS: Command[object] = Command(
    "results",
    "a class's result files summarised: pass rate per court, the most common mistakes",
    _configure_results, _results)


def progress(trainee: str | None, fmt: str, out: TextIO) -> int:
    """Print the progress store's summary as `text`, `json` or `csv` (all of it, or only
    `trainee`'s). A missing store is an empty one; it is not made by reading it."""
    import csv
    import json

    from ecf_tui.training import summary
    from ecf_tui.training.progress import ProgressStore, default_path

    path = default_path()
    rows: list[ProgressRow] = []
    attempts: list[AttemptRecord] = []
    if path.exists():
        with ProgressStore.open(path) as store:
            rows = store.summary(trainee)
            attempts = store.attempts(trainee) if fmt == "json" else []
    if fmt == "json":
        out.write(json.dumps({
            "store": str(path),
            "trainee": trainee,
            "progress": [_row_data(r) for r in rows],
            "attempts": [_attempt_data(a) for a in attempts],
        }, indent=2) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(_CSV_COLUMNS)
        for row in rows:
            data = _row_data(row)
            writer.writerow(["" if data[c] is None else data[c] for c in _CSV_COLUMNS])
    elif not rows:
        whose = f" for trainee '{trainee}'" if trainee is not None else ""
        print(f"No attempts saved{whose} yet (progress store: {path}).", file=out)
    else:
        print(f"Progress store: {path}", file=out)
        lines = summary.table(
            ("Trainee", "Court", "Mode", "Attempts", "Finished", "Passed", "Last attempt"),
            [(r.trainee or summary.ANONYMOUS, r.court, r.mode, r.attempts, r.finished,
              "-" if r.passes is None else r.passes, r.last.strftime("%Y-%m-%d %H:%M UTC"))
             for r in rows], indent="")
        print("\n".join(lines), file=out)
    return EXIT_OK


def results(folder: Path, fmt: str, out: TextIO) -> int:
    """Print the summary of the result files in `folder` as `text` or `json`."""
    from ecf_tui.training import summary

    if not folder.is_dir():
        raise UserError("there is no folder here.", file=folder, place="results DIR",
                        fix="give the folder that was given to `ecf-tui run --results`.")
    records = summary.read_results(folder)
    if not records:
        raise UserError("this folder holds no result files (*.json).", file=folder,
                        place="results DIR",
                        fix="give the folder that was given to `ecf-tui run --results`, "
                            "after at least one attempt.")
    made = summary.summarise(records)
    out.write(summary.as_json(made) if fmt == "json" else summary.as_text(made))
    return EXIT_OK


def _row_data(row: ProgressRow) -> dict[str, Any]:
    from ecf_tui.training.xapi import timestamp

    return {"trainee": row.trainee, "court": row.court, "mode": row.mode,
            "attempts": row.attempts, "finished": row.finished, "passes": row.passes,
            "last": timestamp(row.last)}


def _attempt_data(record: AttemptRecord) -> dict[str, Any]:
    """An attempt in short: what it was and how it ended, not its every step."""
    from ecf_tui.training.xapi import timestamp

    return {"id": record.id, "trainee": record.trainee, "court": record.court,
            "mode": record.mode, "started": timestamp(record.started),
            "ended": timestamp(record.ended), "outcome": record.outcome,
            "mistakes": len(record.mistakes), "hints": record.hints,
            "seconds": round(record.seconds, 1)}
