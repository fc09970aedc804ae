"""Provides a cache of checked court profiles: a profile that passed validation and the
flow checks is kept, with its flow graph, in the user's cache folder (platformdirs),
under a key made of everything its checks read: the profile's files, the base profiles
it extends, its guide, and the code that reads and checks them. The next `run`,
`courts` or `scenarios` reads it back in a few milliseconds instead of validating
every text and walking every state again (MSSB: ~0.15 s).

Each file holds two pickles: the court's name, then the profile with its graph packed as
plain tuples. `ecf-tui courts` reads only the first (`read_name`): it needs no profile
model, and so never imports pydantic. A graph is unpacked when first asked for.

`ECF_TUI_CACHE` names another folder, or `off` for none. A cache that cannot be read
or written is passed over in silence: it only ever saves time. The files are pickles of
the simulator's own values (no typed text ever reaches a profile), written to a
temporary name and renamed, so a reader never sees half of one.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from dataclasses import astuple, fields
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ecf_tui import __version__

if TYPE_CHECKING:  # imported where a profile is read or written: not by `read_name`
    from ecf_tui.court.profile import CourtProfile
    from ecf_tui.flows.graph import StateGraph

ENV_VAR = "ECF_TUI_CACHE"
FORMAT = 3
"""Raised when what is stored changes shape."""


def folder() -> Path | None:
    chosen = os.environ.get(ENV_VAR)
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_cache_dir("ecf-tui", appauthor=False)) / "profiles"


@cache
def _code_digest() -> bytes:
    """The code that reads and checks a profile and builds its graph: a change to any of
    it (a new check, an engine rule) makes every cached profile stale."""
    package = Path(__file__).parents[1]  # all of ecf_tui, not this package alone
    digest = hashlib.sha256(f"{FORMAT} {__version__} {sys.version}".encode())
    _digest_tree(digest, str(package), "")
    return digest.digest()


def _digest_tree(digest: Any, folder: str, relative: str) -> None:
    """Every `*.py` file under `folder`, its path and its bytes, in name order (os.scandir:
    pathlib's rglob took as long as the reading)."""
    with os.scandir(folder) as listing:
        entries = sorted(listing, key=lambda entry: entry.name)
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            if entry.name != "__pycache__":
                _digest_tree(digest, entry.path, f"{relative}{entry.name}/")
        elif entry.name.endswith(".py"):
            with open(entry.path, "rb") as code:
                digest.update(f"{relative}{entry.name}".encode())
                digest.update(code.read())


def key(files: list[Path], guide: Path | None) -> str:
    """The cache key for a profile made of `files` (it, then the bases it extends)."""
    digest = hashlib.sha256(_code_digest())
    for path in [*files, *([guide] if guide else [])]:
        digest.update(str(path.resolve()).encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"(unreadable)")
    return digest.hexdigest()


def read_name(cache_key: str) -> str | None:
    """The court's full name as stored under the key, without reading the profile back
    (no pydantic, no profile models): None where nothing is stored."""
    where = folder()
    if where is None:
        return None
    try:
        with (where / f"{cache_key}.pickle").open("rb") as stored:
            name = pickle.load(stored)
    except Exception:  # noqa: BLE001 - missing, stale or damaged: load the profile
        return None
    return name if isinstance(name, str) else None


def read(cache_key: str) -> tuple[CourtProfile, Callable[[], StateGraph]] | None:
    """The profile stored under the key, and the way to its graph: unpacked when first
    asked for (`graph.remember`)."""
    from ecf_tui.court.profile import CourtProfile
    from ecf_tui.flows import graph

    where = folder()
    if where is None:
        return None
    try:
        with (where / f"{cache_key}.pickle").open("rb") as stored:
            pickle.load(stored)  # the name
            profile, packed = pickle.load(stored)
        if not isinstance(profile, CourtProfile):
            return None
    except Exception:  # noqa: BLE001 - missing, stale or damaged: check the profile again
        return None

    def unpacked() -> StateGraph:
        try:
            return _unpack(profile, packed)
        except Exception:  # noqa: BLE001 - damaged: the graph is built again
            return graph.build(profile)

    return profile, unpacked


def write(cache_key: str, profile: CourtProfile, flow: StateGraph) -> None:
    where = folder()
    if where is None:
        return
    try:
        where.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=where, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(profile.name.text, out, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump((profile, _pack(flow)), out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, where / f"{cache_key}.pickle")
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
    except OSError:
        return  # a read-only home, a full disk: the profile is checked again next time


Packed = tuple[list[tuple[Any, ...]], list[tuple[str, str]], list[tuple[int, int, int]],
               list[str]]


def _pack(flow: StateGraph) -> Packed:
    """The graph as plain tuples: states, actions, and edges by index (a pickle of the
    objects themselves took 30 ms to read back for MSSB; this takes a few), and each
    state's code (`flows.codebook`), in the order of the states."""
    from ecf_tui.engine import Action
    from ecf_tui.flows import codebook

    index = {state: i for i, state in enumerate(flow.states)}
    actions: dict[Action, int] = {}
    edges = []
    for edge in flow.edges:
        number = actions.setdefault(edge.action, len(actions))
        edges.append((index[edge.source], number, index[edge.target]))
    # Engine actions in a graph carry no typed text (`Action.typed` is never true there).
    book = codebook.codebook(flow.profile)
    return ([astuple(s) for s in flow.states], [(a.name, a.target) for a in actions], edges,
            [book.code(s) for s in flow.states])


def _unpack(profile: CourtProfile, packed: Packed) -> StateGraph:
    from ecf_tui.engine import Action, State
    from ecf_tui.flows import codebook
    from ecf_tui.flows.graph import Edge, StateGraph

    rows, action_rows, edge_rows, codes = packed
    names = [f.name for f in fields(State)]
    states = [State(**dict(zip(names, row, strict=True))) for row in rows]
    actions = [Action(name, target) for name, target in action_rows]
    edges = tuple(Edge(states[a], actions[b], states[c]) for a, b, c in edge_rows)
    flow = StateGraph(profile, states[0], tuple(states), edges)
    codebook.remember(profile, flow, codes)
    return flow
