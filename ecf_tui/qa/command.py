"""Provides `ecf-tui qa`'s command line side: its options, checked (each problem one
paragraph, exit 2), then QA's run (`parallel`, imported only when the command runs: it
brings the App and Textual with it)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ecf_tui.court.command_line import Command
from ecf_tui.court.errors import UserError

if TYPE_CHECKING:
    from ecf_tui.qa.runner import Size
    from ecf_tui.registry.loading import Registry


def parse_size(text: str) -> Size:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise UserError(f"'{text}' is not a terminal size.", place="--size",
                        fix="give WIDTHxHEIGHT, such as 100x30.") from None
    if width < 80 or height < 24:
        raise UserError(f"{text} is smaller than the simulator's 80x24.", place="--size",
                        fix="give at least 80x24.")
    return width, height


def default_jobs() -> int:
    return os.cpu_count() or 1


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("courts", nargs="*", metavar="COURT", help="default: every court known")
    parser.add_argument("--out", required=True, metavar="DIR", help="where to write the results")
    parser.add_argument("--size", default="100x30", metavar="WxH", help="terminal size (100x30)")
    parser.add_argument("--jobs", type=int, default=None, metavar="N",
                        help="worker processes (default: the number of CPUs)")
    parser.add_argument("--paths", default="", metavar="ID,...", help="only these path ids")
    parser.add_argument("--input", choices=("keys", "mouse"), default="keys",
                        help="how each move is made: keys (Tab or Shift+Tab to the control, "
                             "Enter or Space, typing; the default) or mouse (a click on its "
                             "centre)")
    parser.add_argument("--no-timings", action="store_true",
                        help="leave timings and the run's time out of the report")


def _qa(reg: Registry, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    jobs = args.jobs if args.jobs is not None else default_jobs()
    if jobs < 1:
        raise UserError(f"--jobs {jobs} is not a number of processes.", place="--jobs",
                        fix="give 1 or more.")
    only = [p for p in args.paths.split(",") if p]
    size = parse_size(args.size)
    from ecf_tui.qa.parallel import run_qa

    return run_qa(reg, args.courts, Path(args.out), size, jobs, only,
                  not args.no_timings, out, how=args.input)


QA: Command[Registry] = Command(
    "qa", "run every path of the courts headless in the real app", _configure, _qa)
