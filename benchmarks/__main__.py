"""python -m benchmarks [--pairs N | --quick] [--qa-pairs N] [--only NAME] [--json FILE]"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import measurements, report
from benchmarks.pairs import LineResult, run_pairs
from benchmarks.registry import BenchmarkError, Context

QUICK_PAIRS = 3


def _parser() -> argparse.ArgumentParser:
    names = [m.name for m in measurements.MEASUREMENTS]
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="ecf-tui's benchmarks: each figure the median (or p95) of alternating pairs "
                    "against a baseline measured in the same run, with its budget.")
    parser.add_argument("--pairs", type=int, default=None, metavar="N",
                        help="alternating pairs per measurement (15; with --quick 3); "
                             "step-latency walks every court at least once (a pair a step) "
                             "and tours its steps off the guide's way, terminal-steps takes "
                             "20 steps, but under --quick; qa has its own, --qa-pairs")
    parser.add_argument("--qa-pairs", type=int, default=None, metavar="N",
                        help="runs of qa, minutes each (1)")
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
    if args.qa_pairs is not None and args.qa_pairs < 1:
        parser.error(f"--qa-pairs {args.qa_pairs}: give 1 or more")
    own = {"qa": args.qa_pairs}
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
                count = own.get(measurement.name) or measurement.pairs or pairs
                results += run_pairs(measurement, context, count,
                                     warm_up and measurement.warm_up, say)
    except BenchmarkError as error:
        print(f"benchmarks: {error}", file=sys.stderr)
        return 2
    load_after = os.getloadavg()[0]
    seconds = time.perf_counter() - began
    print(report.table(results, pairs, warm_up, before, load_after, seconds))
    if args.json is not None:
        report.write_json(args.json, report.payload(results, pairs, warm_up, before, load_after,
                                                    seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
