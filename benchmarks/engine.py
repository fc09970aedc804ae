"""The engine, in this process: building the flow graph and every path of every court
(`graph.build`, `graph.paths`), and validating every built-in profile (`load_file` with
the profile cache off: it reads, validates and runs the flow checks), against reading
and merging every built-in profile's TOML (`loading.merged_raw`), which is the part of
loading that is not validation: a ratio that says what validation costs over reading the
files, and keeps the machine's drift out of the graph's figure."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.inprocess import environment, timed
from benchmarks.registry import Context, Subject

if TYPE_CHECKING:
    from ecf_tui.court.profile import CourtProfile


@cache
def _sources() -> tuple[Path, ...]:
    """The built-in courts' profile files."""
    from ecf_tui.registry.loading import registry

    return tuple(source.path for source in registry(env={}).sources.values())


@cache
def _profiles() -> tuple[CourtProfile, ...]:
    """The built-in courts' profiles, loaded once (the run's profile cache: see timed)."""
    from ecf_tui.registry.loading import load_file

    return tuple(load_file(path) for path in _sources())


def _read(context: Context) -> None:
    from ecf_tui.registry.loading import merged_raw

    for path in _sources():
        merged_raw(path)


def _graphs_and_paths(context: Context) -> None:
    from ecf_tui.flows import graph

    for profile in _profiles():
        graph.paths(graph.build(profile))


def _validate(context: Context) -> None:
    from ecf_tui.registry.loading import load_file

    with environment(ECF_TUI_CACHE="off"):
        for path in _sources():
            load_file(path)


def _loaded() -> None:
    """The modules each probe uses, imported, and the profiles loaded: untimed."""
    import ecf_tui.flows.flow_checks  # noqa: F401 - imported by load_file on its first check

    _profiles()


READ = Subject("read and merge every built-in profile's TOML", timed(_read, _loaded))
GRAPHS = Subject("graph and every path of every court", timed(_graphs_and_paths, _loaded))
VALIDATE = Subject("validate every built-in profile", timed(_validate, _loaded))
