"""Benchmarks of ecf-tui, not tests: `python -m benchmarks` prints a table of figures, each
the median of alternating pairs against a baseline measured in the same run (so the
machine's drift cancels), with its budget and PASS or FAIL.

    registry.py         what a measurement, a line and a budget are
    measurements.py     the measurements (add a line here)
    pairs.py            the alternating pairs and their medians
    first_paint.py      a whole process in a pseudo-terminal, to its first screen painted
    terminal_screen.py  the screen a terminal would show for the bytes an app writes
    bare_app.py         the baseline: a bare Textual app (a script)
    report.py           the machine, the table, the JSON

qa_bench.py is a separate script (`python benchmarks/qa_bench.py`).
"""
