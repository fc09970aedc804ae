"""`ecf-tui qa` on every court, a whole process: its wall time, and that time over the
number of distinct screens it captured (distinct state codes in its report.json),
against a bare Textual app pushing a trivial screen and taking `export_screenshot()` of
it (in this process, headless: headless.py), the median of PUSHES. The wall line's
baseline is that bare capture times the number of distinct screens: the captures alone,
one after another, in a bare app. qa takes minutes: one pair unless --qa-pairs, and no
warm-up run."""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
import tempfile
import time
from functools import partial
from pathlib import Path

from benchmarks.cli_start import ecf_tui
from benchmarks.first_paint import terminal_env
from benchmarks.registry import SECONDS, BenchmarkError, Context, Metric, Runs, Say

JOBS = 2  # the budget's "on 2 cores", whatever the machine has
PUSHES = 15
TIMEOUT = 1800.0
PER_SCREEN = Metric("ms_per_screen", "ms", 1)
OURS = f"ecf-tui qa --no-timings --jobs {JOBS}, every court"
BARE = "bare app: push a trivial screen + export_screenshot()"


def run_qa(context: Context) -> tuple[float, int, int]:
    """Wall seconds of qa on every court, its distinct screens and its captures."""
    with tempfile.TemporaryDirectory(prefix="qa-", dir=context.home) as out:
        command = [*ecf_tui(), "qa", "--out", out, "--no-timings", "--jobs", str(JOBS)]
        env = terminal_env(str(context.home), {"ECF_TUI_PROFILES": ""})
        began = time.perf_counter()
        proc = subprocess.run(command, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                              timeout=TIMEOUT, check=False)
        seconds = time.perf_counter() - began
        if proc.returncode not in (0, 1):  # 1: a path failed; still a whole run
            raise BenchmarkError(f"{command} exited with {proc.returncode}:\n"
                                 f"{proc.stderr.decode(errors='replace')[-2000:]}")
        report = json.loads((Path(out) / "report.json").read_text())
    codes = [step["code"] for court in report["courts"] for path in court["paths"]
             for step in path["steps"]]
    if not codes:
        raise BenchmarkError(f"{command}: its report.json holds no screen")
    return seconds, len(set(codes)), len(codes)


async def _bare_captures(pushes: int) -> float:
    from benchmarks.bare_push_app import BarePushApp
    from benchmarks.headless import Session, bare_push

    async with Session(BarePushApp()) as bare:
        for _ in range(2):  # warm-up: Textual's first screenshot imports its exporter
            await bare.run(partial(bare_push, bare, screenshot=True))
        times = [await bare.run(partial(bare_push, bare, screenshot=True))
                 for _ in range(pushes)]
    return statistics.median(times)


def collect(context: Context, pairs: int, warm_up: bool, say: Say) -> Runs:
    runs: Runs = {OURS: [], BARE: []}
    for number in range(1, pairs + 1):
        say(f"qa: pair {number}/{pairs}: ecf-tui qa on every court (minutes)")
        seconds, screens, captures = run_qa(context)
        bare = asyncio.run(_bare_captures(PUSHES))
        runs[OURS].append({SECONDS.key: seconds, PER_SCREEN.key: seconds * 1000 / screens,
                           "screens": screens, "captures": captures})
        runs[BARE].append({SECONDS.key: bare * screens, PER_SCREEN.key: bare * 1000})
        say(f"qa: {seconds:.0f} s, {screens} distinct screens ({captures} captured)")
    return runs
