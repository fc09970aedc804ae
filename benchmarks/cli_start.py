"""Whole processes that print and exit, timed from just before their start to their exit
(wall): `ecf-tui courts` and `ecf-tui validate` against `python -c "import pydantic"`,
the library every profile is validated with. The profile cache (in the run's home, as
the first-screen runs have it) is warm, as it is for a user after the first run: before
the first timed run in a home, `ecf-tui courts` runs once untimed (it loads, and so
caches, every court)."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.first_paint import terminal_env
from benchmarks.registry import SECONDS, BenchmarkError, Context, Figures, Probe, Subject

TIMEOUT = 120.0
_warmed: set[Path] = set()


def ecf_tui() -> list[str]:
    """The console script beside this Python (as a user runs it), or the module."""
    script = Path(sys.executable).with_name("ecf-tui")
    return [str(script)] if script.exists() else [sys.executable, "-m", "ecf_tui"]


def _run(command: Sequence[str], context: Context) -> float:
    env = terminal_env(str(context.home), {"ECF_TUI_PROFILES": ""})
    began = time.perf_counter()
    proc = subprocess.run(list(command), env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=TIMEOUT, check=False)
    seconds = time.perf_counter() - began
    if proc.returncode != 0:
        raise BenchmarkError(f"{list(command)} exited with {proc.returncode}:\n"
                             f"{proc.stderr.decode(errors='replace')[-2000:]}")
    return seconds


def wall_probe(command: Sequence[str], warm_cache: bool = False) -> Probe:
    """Seconds from start to exit; `warm_cache`: the home's profile cache warmed first."""

    def probe(context: Context) -> Figures:
        if warm_cache and context.home not in _warmed:
            _run([*ecf_tui(), "courts"], context)
            _warmed.add(context.home)
        return {SECONDS.key: _run(command, context)}

    return probe


def subject(label: str, command: Sequence[str], warm_cache: bool = False) -> Subject:
    return Subject(label, wall_probe(command, warm_cache))


PYDANTIC = subject('python -c "import pydantic"', [sys.executable, "-c", "import pydantic"])
