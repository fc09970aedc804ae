"""python -m benchmarks [--pairs N | --quick] [--only NAME] [--json FILE]"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import measurements, report
from benchmarks.first_paint import PaintError
from benchmarks.pairs import LineResult, run_pairs
from benchmarks.registry import Context

QUICK_PAIRS = 3


def _parser() -> argparse.ArgumentParser:
    names = [m.name for m in measurements.MEASUREMENTS]
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="ecf-tui's benchmarks: each figure the median of alternating pairs "
                    "against a baseline measured in the same run, with its budget.")
    parser.add_argument("--pairs", type=int, default=None, metavar="N",
                        help="alternating pairs per measurement (15; with --quick 3)")
    parser.add_argument("--quick", action="store_true",
                        help=f"{QUICK_PAIRS} pairs and no warm-up run: a smoke run, not "
                             "figures to quote")
    parser.add_argument("--only", action="append", choices=names, metavar="NAME",
                        help=f"this measurement only (repeatable): {', '.join(names)}")
    parser.add_argument("--json", type=Path, metavar="FILE",
                        help="also write the figures here as JSON")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    pairs = args.pairs if args.pairs is not None else QUICK_PAIRS if args.quick else 15
    if pairs < 1:
        parser.error(f"--pairs {pairs}: give 1 or more")
    if args.json is not None and not args.json.resolve().parent.is_dir():
        parser.error(f"--json {args.json}: no such folder {args.json.resolve().parent}")
    warm_up = not args.quick

    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    before = report.machine()
    began = time.perf_counter()
    results: list[LineResult] = []
    try:
        with tempfile.TemporaryDirectory(prefix="ecf-bench-") as home:
            context = Context(Path(home))
            for measurement in measurements.by_name(args.only):
                results += run_pairs(measurement, context, pairs, warm_up, say)
    except PaintError as error:
        print(f"benchmarks: {error}", file=sys.stderr)
        return 2
    load_after = os.getloadavg()[0]
    print(report.table(results, pairs, warm_up, before, load_after))
    if args.json is not None:
        report.write_json(args.json, report.payload(results, pairs, warm_up, before, load_after,
                                                    time.perf_counter() - began))
    return 0


if __name__ == "__main__":
    sys.exit(main())
