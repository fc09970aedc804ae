"""Shared fixtures: the built-in courts, and throw-away copies of them to break."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from ecf_tui.court.profile import CourtProfile
from ecf_tui.registry.loading import Registry, builtin_dir, registry

COURTS = ("MSSB", "CASB", "ALNB", "CANB", "MOEB")

# Checked profiles are cached by content (ecf_tui.registry.profile_cache); the suite keeps its own
# cache, shared by its workers and runs, out of the user's cache folder.
os.environ.setdefault("ECF_TUI_CACHE", str(Path(tempfile.gettempdir()) / "ecf-tui-test-cache"))


@pytest.fixture(scope="session")
def reg() -> Registry:
    return registry(env={})


@pytest.fixture(scope="session")
def profiles(reg: Registry) -> dict[str, CourtProfile]:
    return {code: reg.load(code) for code in COURTS}


@pytest.fixture
def court_copy(tmp_path: Path):
    """Copy one built-in court (with its guide) into a folder of its own; returns its path."""

    def copy(code: str) -> Path:
        folder = tmp_path / "profiles"
        (folder / "guides").mkdir(parents=True, exist_ok=True)
        shutil.copy(builtin_dir() / f"{code}.toml", folder / f"{code}.toml")
        shutil.copy(builtin_dir() / "guides" / f"{code}.txt", folder / "guides" / f"{code}.txt")
        return folder / f"{code}.toml"

    return copy


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """One worker more than the machine has cores (`-n auto`): the App tests wait a good
    part of their time (Pilot's pauses, tmux sessions, child processes), and a third
    worker on two cores fills that wait: 247 s -> 228 s for the suite here (a fourth
    adds contention and gains nothing)."""
    return (os.cpu_count() or 1) + 1


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--monkey-long", action="store_true",
                     help="monkey walks: 200 walks of 300 moves per court (the default "
                          "suite walks 1 of 25)")


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    """The monkey walks' figures per court, summed over shards and xdist workers (each
    test records (court, walks, moves, failures) as a property)."""
    totals: dict[str, list[int]] = {}
    for report in terminalreporter.stats.get("passed", []) + terminalreporter.stats.get(
            "failed", []):
        for name, value in getattr(report, "user_properties", ()):
            if name == "monkey" and getattr(report, "when", "call") == "call":
                court, *figures = value
                row = totals.setdefault(court, [0, 0, 0])
                for i, figure in enumerate(figures):
                    row[i] += figure
    for court, (walks, pressed, failed) in sorted(totals.items()):
        terminalreporter.write_line(f"monkey {court}: {walks} walks, {pressed} moves, "
                                    f"{failed} failed walks")
