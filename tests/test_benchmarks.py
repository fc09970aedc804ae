"""The benchmark harness runs and reports (python -m benchmarks): its table and its JSON.
The figures themselves are never asserted here: timings belong to the benchmark."""

from __future__ import annotations

import asyncio
import json
import math
import re
import subprocess
import sys
from pathlib import Path

from benchmarks import bare_app, measurements, step_latency
from benchmarks.pairs import p95
from benchmarks.registry import SECONDS, Budget
from benchmarks.terminal_screen import TerminalScreen

ROOT = Path(__file__).resolve().parents[1]
# measurement, ours, baseline, ratio, budget, result
# measurement, ours, baseline, ratio, budget, result, pairs
ROW = re.compile(r"^run CODE: (?P<code>\S+) +\d+\.\d+ s +\d+\.\d+ s +(?P<ratio>\d+\.\d\d)x"
                 r" +< 1 s +(?P<result>PASS|FAIL) +1$", re.MULTILINE)
CLI_ROWS = re.compile(r"^CLI start: ecf-tui courts +\d+\.\d+ s +\d+\.\d+ s +\d+\.\d\dx"
                      r" +<= 0\.3 s +(PASS|FAIL) +1\n"
                      r"CLI start: ecf-tui validate +\d+\.\d+ s +\d+\.\d+ s +\d+\.\d\dx"
                      r" +- +info +1$", re.MULTILINE)


def test_quick_run_code_prints_its_lines_and_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    proc = subprocess.run(
        # One pair: this checks the harness, not the figures (no timed assertion here).
        [sys.executable, "-m", "benchmarks", "--quick", "--pairs", "1", "--only", "run-code",
         "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=180, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "cores" in proc.stdout and "Textual" in proc.stdout
    rows = {m["code"]: m for m in ROW.finditer(proc.stdout)}
    assert set(rows) == set(measurements.CODES), proc.stdout
    assert "first screen: ecf-tui run MSSB" not in proc.stdout  # --only

    figures = json.loads(out.read_text())
    assert figures["pairs"] == 1
    assert [line["line"] for line in figures["lines"]] == [f"run CODE: {c}"
                                                           for c in measurements.CODES]
    for line in figures["lines"]:
        assert line["result"] in ("PASS", "FAIL")
        assert len(line["ours"]) == len(line["baselines"]) == len(line["ratios"]) == 1
        for key in ("ours_median", "baseline_median", "ratio"):
            assert isinstance(line[key], float) and math.isfinite(line[key]) and line[key] > 0
    assert not list(tmp_path.glob(".*.tmp"))  # written under a temporary name, renamed


def test_quick_cli_start_prints_a_budget_line_and_an_info_line() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--pairs", "1", "--only", "cli-start"],
        cwd=ROOT, capture_output=True, text=True, timeout=180, check=False)
    assert proc.returncode == 0, proc.stderr
    assert CLI_ROWS.search(proc.stdout), proc.stdout
    assert "profile cache warm" in proc.stdout


def test_a_step_and_a_bare_push_are_timed_in_pairs() -> None:
    # One step of the first court's guide walk against one bare push (figures not judged).
    runs = asyncio.run(step_latency.measure(1, every_court=False, warm_up=False,
                                            say=lambda _: None))
    assert set(runs) == {step_latency.OURS, step_latency.BARE}
    for label in runs:
        [figures] = runs[label]
        assert 0 < figures["ms"] < 20_000 and math.isfinite(figures["ms"])


def test_a_paint_that_leaves_the_picture_as_it_was_changes_nothing() -> None:
    picture = TerminalScreen(3, 10)
    picture.feed_text("\x1b[1;1H\x1b[1;31mOK\x1b[0m\x1b[2;3Hsame")
    before = picture.snapshot()
    picture.feed_text("\x1b[1;1H\x1b[1;31mOK\x1b[0m")  # painted again, unchanged
    assert picture.snapshot() == before
    picture.feed_text("\x1b[1;1H\x1b[7mOK\x1b[0m")  # the same text, another style
    assert picture.snapshot() != before and picture.text() == "OK\n  same\n"


def test_p95_and_budgets() -> None:
    assert p95([5.0]) == 5.0
    assert p95([float(n) for n in range(1, 101)]) == 95.05
    assert Budget(2.0).allows(ours=100.0, ratio=2.0)
    assert not Budget(1.0, absolute=True, strict=True).allows(ours=1.0, ratio=0.1)
    assert Budget(0.3, absolute=True).text(SECONDS) == "<= 0.3 s"


def test_the_bare_apps_marker_is_its_paragraph() -> None:
    assert measurements.BARE_TEXT == bare_app.TEXT


def test_the_screen_is_drawn_from_escapes_split_anywhere() -> None:
    screen = TerminalScreen(3, 20)
    stream = "\x1b[?1049h\x1b]22;default\x07\x1b[2;3H\x1b[1;38;5;189mDo you\x1b[0m want\x1b[3;1H·x"
    data = stream.encode()
    for i in range(len(data)):  # every byte on its own: escapes and UTF-8 cut in two
        screen.feed(data[i:i + 1])
    assert screen.text() == "\n  Do you want\n·x"
    screen.feed(b"\x1b[2;5H\x1b[K")
    assert screen.text() == "\n  Do\n·x"
