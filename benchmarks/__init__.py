"""Benchmarks of ecf-tui, not tests: `python -m benchmarks` prints a table of figures, each
against a baseline measured in the same run, in alternating pairs (so the machine's drift
cancels), with its budget and PASS or FAIL (or info: a line with no budget).

    registry.py         what a measurement, a line and a budget are
    measurements.py     the measurements (add a line here)
    pairs.py            the alternating pairs, their medians and p95
    report.py           the machine, the table, the JSON
    first_paint.py      a whole process in a pseudo-terminal, to its first screen painted
    terminal_screen.py  the screen a terminal would show (characters, styles) for an app's output
    bare_app.py         the baseline: a bare Textual app (a script)
    bare_push_app.py    the bare app pushing a trivial screen, or one of 50 widgets, on Enter
    cli_start.py        whole processes that print and exit (courts, validate)
    inprocess.py        what the in-process measurements share (their own profile cache)
    engine.py           graph, paths and validation, in this process
    headless.py         Apps driven headless in turn, and when a screen counts as painted
    step_latency.py     a key to the next page painted, over every court's guide walk and
                        each flow edge off it
    terminal_steps.py   the same in a real terminal (tmux): MSSB's guide walk, 20 steps
    qa_run.py           `ecf-tui qa` on every court, against a bare push + screenshot
"""
