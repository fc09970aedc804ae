"""The benchmark harness runs and reports (python -m benchmarks): its table and its JSON.
The figures themselves are never asserted here: timings belong to the benchmark."""

from __future__ import annotations

import asyncio
import json
import math
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import (
    bare_app,
    bare_push_app,
    measurements,
    report,
    step_latency,
    terminal_steps,
)
from benchmarks.pairs import p95, run_pairs
from benchmarks.registry import (
    MILLISECONDS,
    SECONDS,
    Budget,
    Context,
    Line,
    Measurement,
    Runs,
    collected,
)
from benchmarks.terminal_screen import TerminalScreen
from ecf_tui.flows import graph
from ecf_tui.registry.loading import registry

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


def test_a_step_and_the_bare_pushes_are_timed_in_pairs_and_a_step_off_the_way() -> None:
    # One step of the first court's guide walk against one 50-widget push and one trivial
    # push, and one step off its guide's way (figures not judged).
    runs = asyncio.run(step_latency.measure(1, every_court=False, warm_up=False,
                                            say=lambda _: None))
    assert set(runs) == set(step_latency.LABELS)
    for label in runs:
        [figures] = runs[label]
        assert 0 < figures["ms"] < 20_000 and math.isfinite(figures["ms"])


def _measurement(name: str) -> Measurement:
    [found] = [m for m in measurements.MEASUREMENTS if m.name == name]
    return found


def _labels(measurement: Measurement) -> set[str]:
    return {measurement.baseline.label, *(s.label for s in measurement.subjects),
            *(line.baseline for line in measurement.lines if line.baseline)}


def test_the_budget_lines_of_issue_25() -> None:
    budgets = {line.label: (line.budget, line.stat)
               for m in measurements.MEASUREMENTS for line in m.lines}
    assert budgets["first screen: ecf-tui run MSSB"] == (Budget(1.4), "median")
    assert budgets["peak RSS at first screen: run MSSB"] == (Budget(1.4), "median")
    step = (Budget(100.0, absolute=True), "p95")
    assert budgets["step latency p95: guide walks"] == step
    assert budgets["step latency p95: off the guide's way"] == step
    assert budgets["step latency median: guide walks"] == (None, "median")
    assert budgets["terminal step p95: MSSB guide walk, 20 steps"] == (
        Budget(150.0, absolute=True), "p95")
    # The 50-widget push is the steps' baseline, its median and p95 printed beside the
    # trivial push's.
    latency = _measurement("step-latency")
    assert latency.baseline.label == step_latency.WIDGETS
    widgets = [line for line in latency.lines if line.subject == step_latency.WIDGETS]
    assert {(line.stat, line.baseline) for line in widgets} == {
        ("p95", step_latency.BARE), ("median", step_latency.BARE)}
    assert all(not line.paired for line in latency.lines if line.subject == step_latency.BRANCH)


def test_the_runs_collected_are_the_ones_the_lines_name() -> None:
    # measurements.py names them without importing the modules that collect (Textual).
    assert _labels(_measurement("step-latency")) == set(step_latency.LABELS)
    assert _labels(_measurement("terminal-steps")) == set(terminal_steps.LABELS)
    assert terminal_steps.BARE_TEXT == bare_app.TEXT
    assert terminal_steps.TRIVIAL_TEXT == bare_push_app.TRIVIAL_TEXT


def test_the_tour_takes_each_flow_edge_off_the_guides_way_once() -> None:
    reg = registry(env={})
    flow = graph.of(reg.load("MSSB"))
    profile = flow.profile
    guide = {graph.flow_edge(profile, e) for e in graph.follow_advice(flow, flow.start)}
    tour = step_latency.branches(flow)
    taken = [graph.flow_edge(profile, e) for e in tour]
    assert len(taken) == len(set(taken))
    assert set(taken) == set(flow.flow_edges()) - guide
    assert all(e in flow.edges for e in tour)
    typed = [e.action for e in tour if e.action.name in ("login", "submit")]
    assert typed and all(a.typed for a in typed)  # the roster's credentials, to type


def test_a_line_may_name_its_baseline_and_runs_not_paired(tmp_path: Path) -> None:
    runs: Runs = {"ours": [{"ms": 10.0}, {"ms": 30.0}], "push": [{"ms": 5.0}, {"ms": 10.0}],
                  "other": [{"ms": 2.0}, {"ms": 2.0}, {"ms": 2.0}]}
    unused = collected("unused")
    measurement = Measurement(
        name="fake", about="made up", baseline=collected("push"), subjects=(unused,),
        lines=(Line("paired", "ours", MILLISECONDS, None),
               Line("own baseline", "ours", MILLISECONDS, None, baseline="other",
                    paired=False),
               Line("p95", "ours", MILLISECONDS, Budget(25.0, absolute=True), stat="p95")),
        collect=lambda context, pairs, warm_up, say: runs)
    paired, own, top = run_pairs(measurement, Context(tmp_path), 2, False, lambda _: None)
    assert paired.ratio == 2.5 and paired.ratios == [2.0, 3.0]
    assert own.ratio == 10.0 and own.ratios == [] and own.baseline_median == 2.0
    assert top.ours_figure == 29.0 and top.result == "FAIL"
    text = report.table([paired, own, top], 2, False, report.machine(), 0.0, 1.0)
    assert "own baseline: baseline: other" in text
    data = report.payload([paired, own, top], 2, False, report.machine(), 0.0, 1.0)
    assert [line["baseline"] for line in data["lines"]] == ["push", "other", "push"]
    assert [line["paired"] for line in data["lines"]] == [True, False, True]


def test_a_terminal_picture_counts_its_code_whole_and_knows_a_blink() -> None:
    shown = terminal_steps.shows("MSSB/happy/redaction")
    assert shown("Stage 3 \x1b[1mMSSB/happy/redaction\x1b[0m\nrest")
    assert not shown("Stage 3 MSSB/happy/redaction+ticked")
    final = "row one\n\x1b[7m \x1b[0mfield\nrow three"
    assert terminal_steps.blink_of("row one\n \x1b[0mfield\nrow three", final)
    assert not terminal_steps.blink_of("row one\n field!\nrow three", final)  # the text
    assert not terminal_steps.blink_of("\x1b[1mrow one\x1b[0m\n field\nrow three", final)


def test_the_terminal_walk_is_planned_as_keys() -> None:
    moves = terminal_steps.plan(terminal_steps.STEPS)
    assert len(moves) == terminal_steps.STEPS == 20
    first = terminal_steps.restart_code()
    assert [n for n, m in enumerate(moves) if m.source == first] == [0, 13]  # Start over
    assert all(m.key in ("Enter", "Space", "Escape", "F5", "F6") for m in moves)
    typed = [m for m in moves if any(k.text for k in m.ready)]
    assert typed and all([k.name for k in m.ready][-3:] == ["", "Tab", ""] for m in typed)


@pytest.mark.skipif(shutil.which("tmux") is None,
                    reason="needs Debian's tmux (.ci/run installs it)")
def test_quick_terminal_steps_prints_its_lines(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--pairs", "1", "--only",
         "terminal-steps", "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=180, check=False)
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"^terminal step p95: MSSB guide walk, 20 steps +\d+\.\d ms +\d+\.\d ms"
                     r" +\d+\.\d\dx +<= 150 ms +(PASS|FAIL) +1$", proc.stdout, re.MULTILINE), \
        proc.stdout
    figures = json.loads(out.read_text())
    assert [line["measurement"] for line in figures["lines"]] == ["terminal-steps"] * 3
    for line in figures["lines"]:
        assert line["pairs"] == 1
        assert math.isfinite(line["ours_figure"]) and line["ours_figure"] > 0


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
