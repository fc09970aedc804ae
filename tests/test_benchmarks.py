"""The benchmark harness runs and reports (python -m benchmarks): its table and its JSON.
The figures themselves are never asserted here: timings belong to the benchmark."""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from pathlib import Path

from benchmarks import bare_app, measurements
from benchmarks.terminal_screen import TerminalScreen

ROOT = Path(__file__).resolve().parents[1]
# measurement, ours, baseline, ratio, budget, result
ROW = re.compile(r"^run CODE: (?P<code>\S+) +\d+\.\d+ s +\d+\.\d+ s +(?P<ratio>\d+\.\d\d)x"
                 r" +< 1 s +(?P<result>PASS|FAIL)$", re.MULTILINE)


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
