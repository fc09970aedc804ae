"""Provides the short report a crash prints in place of Textual's traceback (which prints
every frame's local variables): where and what, the court and the state code a help
desk reads, and nothing typed."""

from __future__ import annotations

import traceback
from pathlib import Path

from ecf_tui import __version__
from ecf_tui.court.profile import CourtProfile
from ecf_tui.engine import State
from ecf_tui.flows import codebook


def crash_report(error: Exception, profile: CourtProfile | None, state: State | None,
                 secrets: list[str]) -> str:
    """The report for `error` at `state`; each of `secrets` (the page's password fields'
    values) is masked wherever the error's message repeats it."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if "ecf_tui" in f.filename] or frames
    where = "?"
    if ours:
        where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno} in {ours[-1].name}"
    message = str(error)
    for secret in secrets:
        message = message.replace(secret, "•••")
    court = profile.code if profile else "-"
    try:  # the state code, as QA and a help desk read it; the step if that fails too
        code = codebook.code(profile, state) if profile and state else "-"
    except Exception:  # noqa: BLE001 - a report must come out whatever broke
        code = state.step if state else "-"
    return (f"ecf-tui {__version__} stopped on an internal error.\n"
            f"court: {court}   state: {code}\n"
            f"error: {type(error).__name__}: {message}\n"
            f"where: {where}\n"
            "Nothing you typed is shown here. Please report this report.")
