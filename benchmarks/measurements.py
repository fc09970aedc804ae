"""The measurements, in the order they run and print. A new line goes here: see
`registry.py` for the pieces."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from benchmarks.first_paint import PaintError, first_paint, terminal_env
from benchmarks.registry import (
    PEAK_RSS,
    SECONDS,
    Budget,
    Context,
    Figures,
    Line,
    Measurement,
    Probe,
    Subject,
)

# The paragraph of bare_app.py (not imported from there: the harness stays free of
# Textual, and small, because a child's ru_maxrss starts from its parent's at the fork).
BARE_TEXT = "A bare Textual app: one paragraph and a footer."
BARE_APP = Path(__file__).with_name("bare_app.py")
FOOTER = "Quit"  # the footer's first key, ^q Quit, drawn in the first screen's last frame


def ecf_tui() -> list[str]:
    """The console script beside this Python (as a user runs it), or the module."""
    script = Path(sys.executable).with_name("ecf-tui")
    return [str(script)] if script.exists() else [sys.executable, "-m", "ecf_tui"]


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

MEASUREMENTS: tuple[Measurement, ...] = (
    Measurement(
        name="first-screen",
        about="whole process, start to first screen painted, vs a bare Textual app "
              "(benchmarks/bare_app.py); peak RSS from the same runs",
        baseline=BARE,
        subjects=(_MSSB,),
        lines=(
            Line("first screen: ecf-tui run MSSB", _MSSB.label, SECONDS, Budget(1.3)),
            Line("peak RSS at first screen: run MSSB", _MSSB.label, PEAK_RSS, Budget(1.3)),
        ),
    ),
    Measurement(
        name="run-code",
        about="the help desk's `ecf-tui run CODE` to its first screen: seconds (the ratio "
              "to the bare app is for information)",
        baseline=BARE,
        subjects=_CODES,
        lines=tuple(Line(f"run CODE: {code}", subject.label, SECONDS, Budget(1.0, absolute=True))
                    for code, subject in zip(CODES, _CODES, strict=True)),
    ),
)


def by_name(names: Sequence[str] | None) -> tuple[Measurement, ...]:
    if not names:
        return MEASUREMENTS
    return tuple(m for m in MEASUREMENTS if m.name in names)
