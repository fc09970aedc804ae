"""The measurements, in the order they run and print. A new line goes here: see
`registry.py` for the pieces.

The ones made in this process (engine, step-latency, qa's baseline) import ecf_tui and
Textual only when they run, after the first-screen runs: a child's ru_maxrss starts from
its parent's at the fork, so the harness stays small until the peak RSS is measured."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from benchmarks import cli_start, engine, qa_run, terminal_steps
from benchmarks.cli_start import ecf_tui
from benchmarks.first_paint import PaintError, first_paint, terminal_env
from benchmarks.inprocess import environment, own_cache
from benchmarks.registry import (
    MILLISECONDS,
    PEAK_RSS,
    SECONDS,
    Budget,
    Context,
    Figures,
    Line,
    Measurement,
    Probe,
    Runs,
    Say,
    Subject,
    collected,
)

# The paragraph of bare_app.py (not imported from there: the harness stays free of
# Textual, and small, because a child's ru_maxrss starts from its parent's at the fork).
BARE_TEXT = "A bare Textual app: one paragraph and a footer."
BARE_APP = Path(__file__).with_name("bare_app.py")
FOOTER = "Quit"  # the footer's first key, ^q Quit, drawn in the first screen's last frame

__all__ = ["MEASUREMENTS", "by_name", "ecf_tui"]


def terminal_probe(command: Sequence[str], markers: Sequence[str]) -> Probe:
    """A whole process in a pseudo-terminal: seconds to its first screen, peak RSS."""

    def probe(context: Context) -> Figures:
        # No extra court profiles, and HOME and the XDG folders in the run's own
        # temporary folder: the progress store the app keeps is written there.
        env = terminal_env(str(context.home), {"ECF_TUI_PROFILES": ""})
        paint = first_paint(command, markers, env)
        if paint.exit_status != 0:
            raise PaintError(f"{list(command)} exited with {paint.exit_status} after Ctrl+Q")
        return {SECONDS.key: paint.seconds, PEAK_RSS.key: paint.peak_rss_mib}

    return probe


BARE = Subject("bare Textual app", terminal_probe([sys.executable, str(BARE_APP)],
                                                  [BARE_TEXT, FOOTER]))


def _run(target: str, *markers: str) -> Subject:
    return Subject(f"ecf-tui run {target}",
                   terminal_probe([*ecf_tui(), "run", target], [*markers, FOOTER]))


_MSSB = _run("MSSB", "Southern District of Mississippi",
             "Link Your CM/ECF Account to Your PACER Account")
CODES = ("MSSB/names-differ/confirm", "MOEB/firm-pacer/confirm")
# The state code is shown at the top right of the page it names.
_CODES = tuple(_run(code, code, "Do you want to link these accounts?") for code in CODES)

_COURTS = cli_start.subject("ecf-tui courts", [*ecf_tui(), "courts"], warm_cache=True)
_VALIDATE = cli_start.subject("ecf-tui validate", [*ecf_tui(), "validate"], warm_cache=True)
_WARM = "profile cache warm (`ecf-tui courts` run once, untimed, before the first timed run)"


def _step_latency(context: Context, pairs: int, warm_up: bool, say: Say) -> Runs:
    from benchmarks import step_latency

    with environment(**own_cache(context)):
        return step_latency.collect(pairs, warm_up, say)


_STEP, _BRANCH, _WIDGETS, _PUSH = (collected(label) for label in (
    "a step of a guide walk", "a step off the guide's way",
    "bare app: push a screen of 50 widgets", "bare app: push a trivial screen"))
_STEP_BUDGET = Budget(100.0, absolute=True)
_P95_NOTE = "ratio, for information: this p95 over the 50-widget push's median"
_QA = collected(qa_run.OURS)
_TERMINAL, _TERMINAL_PUSH, _POLLING = (collected(label) for label in terminal_steps.LABELS)

MEASUREMENTS: tuple[Measurement, ...] = (
    Measurement(
        name="first-screen",
        about="whole process, start to first screen painted, vs a bare Textual app "
              "(benchmarks/bare_app.py); peak RSS from the same runs",
        baseline=BARE,
        subjects=(_MSSB,),
        lines=(
            Line("first screen: ecf-tui run MSSB", _MSSB.label, SECONDS, Budget(1.4)),
            Line("peak RSS at first screen: run MSSB", _MSSB.label, PEAK_RSS, Budget(1.4)),
        ),
    ),
    Measurement(
        name="run-code",
        about="the help desk's `ecf-tui run CODE` to its first screen: seconds (the ratio "
              "to the bare app is for information)",
        baseline=BARE,
        subjects=_CODES,
        lines=tuple(Line(f"run CODE: {code}", subject.label, SECONDS,
                         Budget(1.0, absolute=True, strict=True))
                    for code, subject in zip(CODES, _CODES, strict=True)),
    ),
    Measurement(
        name="cli-start",
        about="whole process, start to exit (wall), its output to a pipe: seconds (the "
              "ratio is for information)",
        baseline=cli_start.PYDANTIC,
        subjects=(_COURTS, _VALIDATE),
        lines=(
            Line("CLI start: ecf-tui courts", _COURTS.label, SECONDS,
                 Budget(0.3, absolute=True), note=_WARM),
            Line("CLI start: ecf-tui validate", _VALIDATE.label, SECONDS, None,
                 note=_WARM + ": every court's schema and flow checks read back from it, "
                      "the guide fidelity checks run"),
        ),
    ),
    Measurement(
        name="engine",
        about="in this process, milliseconds for the built-in courts; the baseline reads "
              "and merges their TOML, the part of loading that is not validation",
        baseline=engine.READ,
        subjects=(engine.GRAPHS, engine.VALIDATE),
        lines=(
            Line("engine: graph + every path, every court", engine.GRAPHS.label,
                 MILLISECONDS, None, note="graph.build and graph.paths, each court"),
            Line("engine: validate every built-in profile", engine.VALIDATE.label,
                 MILLISECONDS, None,
                 note="load_file with ECF_TUI_CACHE=off: TOML, schema and flow checks"),
        ),
    ),
    Measurement(
        name="step-latency",
        about="in this process, headless (run_test): a key to the next page painted (its "
              "last change on the screen), at every step of every court's guide walk and "
              "at each edge of its flow graph off the guide's way (a tour, "
              "benchmarks/step_latency.py); a guide step paired with Enter pushing a screen "
              "of 50 widgets (10 Inputs, 10 Buttons, 30 Statics, a Footer) in the bare app "
              "and with a trivial push, timed alike (benchmarks/headless.py); --quick: the "
              "first N steps of each only",
        baseline=_WIDGETS,
        subjects=(_STEP, _BRANCH),
        lines=(
            Line("step latency p95: guide walks", _STEP.label, MILLISECONDS, _STEP_BUDGET,
                 stat="p95", note=_P95_NOTE),
            Line("step latency median: guide walks", _STEP.label, MILLISECONDS, None,
                 note="ratio: the median of the per-pair ratios to the 50-widget push"),
            Line("step latency p95: off the guide's way", _BRANCH.label, MILLISECONDS,
                 _STEP_BUDGET, stat="p95", paired=False,
                 note="each edge of every court's flow graph (a step, an action, the next "
                      "step) not on its guide walk, once, as QA takes it (column pairs: the "
                      "steps, not paired: timed right after each court's guide pairs); every "
                      "one aimed (one that cannot be stops the run), none warmed up; "
                      + _P95_NOTE + " (the guide pairs')"),
            Line("step latency median: off the guide's way", _BRANCH.label, MILLISECONDS,
                 None, paired=False,
                 note="ratio: this median over the 50-widget push's median"),
            Line("50-widget push p95 (the baseline)", _WIDGETS.label, MILLISECONDS, None,
                 stat="p95", baseline=_PUSH.label,
                 note="issue 25's yardstick, beside the guide steps; ratio: its p95 over the "
                      "trivial push's median"),
            Line("50-widget push median (the baseline)", _WIDGETS.label, MILLISECONDS, None,
                 baseline=_PUSH.label,
                 note="ratio: the median of the per-pair ratios to the trivial push"),
        ),
        collect=_step_latency,
    ),
    Measurement(
        name="terminal-steps",
        about=f"a real terminal: `ecf-tui run {terminal_steps.COURT}` in tmux at 100 x 30, "
              "a key sent to the pane's final picture (captured with its styles, every "
              f"{terminal_steps.POLL * 1000:g} ms, quiet {terminal_steps.QUIET:g} s after; "
              "benchmarks/terminal_steps.py), at each step of its guide walk, Start over "
              "(Ctrl+R, untimed) at its end and on; the baseline: Enter pushing a trivial "
              "screen in the bare app, in tmux alike, a pair a step; --quick: N steps",
        baseline=_TERMINAL_PUSH,
        subjects=(_TERMINAL, _POLLING),
        lines=(
            Line(f"terminal step p95: {terminal_steps.COURT} guide walk, "
                 f"{terminal_steps.STEPS} steps", _TERMINAL.label, MILLISECONDS,
                 Budget(150.0, absolute=True), stat="p95",
                 note="13 steps, Start over, 7 more; ratio: the p95 over the bare push's "
                      "median"),
            Line(f"terminal step median: {terminal_steps.COURT} guide walk", _TERMINAL.label,
                 MILLISECONDS, None),
            Line("capture polling: tmux + harness CPU, app still", _POLLING.label,
                 terminal_steps.CPU, None,
                 note="the overhead of the polling: tmux's server and control client and "
                      "this process, polling the bare app's unchanging pane; baseline: the "
                      "same while a bare push is timed (the push's own drawing included)"),
        ),
        collect=terminal_steps.collect,
    ),
    Measurement(
        name="qa",
        about=f"whole process `ecf-tui qa --jobs {qa_run.JOBS}` on every court, wall; one "
              "run (--qa-pairs N for more), no warm-up: it takes minutes",
        baseline=collected(qa_run.BARE),
        subjects=(_QA,),
        lines=(
            Line("qa: every court, wall", _QA.label, SECONDS,
                 Budget(60.0, absolute=True),
                 note="baseline: the bare capture times qa's distinct screens"),
            Line("qa: per distinct screen", _QA.label, qa_run.PER_SCREEN, None,
                 note="wall over the distinct state codes captured (report.json)"),
        ),
        collect=qa_run.collect,
        pairs=1,
        warm_up=False,
    ),
)


def by_name(names: Sequence[str] | None) -> tuple[Measurement, ...]:
    if not names:
        return MEASUREMENTS
    return tuple(m for m in MEASUREMENTS if m.name in names)
