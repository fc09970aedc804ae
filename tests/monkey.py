"""Monkey walks: seeded random keys, clicks on random cells, pastes and resizes (down to
1x1) through `run_test`, each walk with a time limit. A walk fails on an exception, a
crash report, a hang, or an app that no longer answers at the end; its seed and the
shortest failing sequence of moves are printed, ready to become a regression test."""

from __future__ import annotations

import asyncio
import random
from dataclasses import dataclass

from textual import events
from textual.pilot import Pilot

from ecf_tui.app import EcfApp, make_app
from ecf_tui.registry.loading import Registry

KEYS = ("tab", "shift+tab", "enter", "space", "escape", "up", "down", "left", "right",
        "pageup", "pagedown", "home", "end", "backspace", "delete", "f1", "f2", "f4", "f5",
        "f6", "f8", "ctrl+r", "ctrl+c", "ctrl+x", "ctrl+v", "ctrl+a", "a", "Z", "7", "-",
        "@")
PASTES = ("pond7\tecf-practice-1\n", "mssbfiler", "x\ty\tz", "\n", "é – ✓ 漢字", "a" * 300)


@dataclass(frozen=True)
class Move:
    kind: str
    """"key", "click", "paste" or "resize"."""
    value: str | tuple[int, int]

    def __str__(self) -> str:
        return f"{self.kind}:{self.value!r}"


def moves(seed: int, count: int) -> list[Move]:
    """The walk of a seed: keys mostly, clicks, pastes, resizes (1 in 20 to a tiny size)."""
    rng = random.Random(seed)
    found = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.05:
            found.append(Move("resize", (rng.randint(1, 12), rng.randint(1, 8))))
        elif roll < 0.10:
            found.append(Move("resize", (rng.randint(20, 140), rng.randint(8, 45))))
        elif roll < 0.25:
            found.append(Move("click", (rng.randint(0, 139), rng.randint(0, 44))))
        elif roll < 0.30:
            found.append(Move("paste", rng.choice(PASTES)))
        else:
            found.append(Move("key", rng.choice(KEYS)))
    return found


@dataclass(frozen=True)
class Outcome:
    error: str | None
    """None: the walk ended with the app answering."""


HANG = 20.0
"""Seconds one move may take before the walk counts as a hang: per move, not per walk,
so a long walk on a loaded machine is not taken for a hang."""


async def walk(registry: Registry, court: str, steps: list[Move], *,
               hang: float = HANG) -> Outcome:
    """Play `steps` on a fresh App of the court; then check that it still answers."""
    app = make_app(registry, court)
    try:
        return await _play(app, steps, hang)
    except TimeoutError as timeout:
        return Outcome(f"no answer within {hang:.0f} s {timeout} (a hang)")
    except Exception as error:  # noqa: BLE001 - what the walk is looking for
        return Outcome(f"{type(error).__name__}: {error}")


async def _play(app: EcfApp, steps: list[Move], hang: float) -> Outcome:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for move in steps:
            try:
                await asyncio.wait_for(_move(app, pilot, move), timeout=hang)
            except TimeoutError:
                raise TimeoutError(f"after {move}") from None
            if app.return_code is not None or app._exit_renderables:
                return Outcome(f"the app ended (code {app.return_code}) after {move}")
        # It still answers: back to a usable size, a screen is drawn with the court on it.
        court = app.profile.code if app.profile else "ecf-tui"
        try:
            await asyncio.wait_for(_answers(app, pilot, court), timeout=hang)
        except TimeoutError:
            return Outcome(f"the screen no longer shows {court} at the end")
    if app.return_code not in (None, 0):
        return Outcome(f"the app ended with code {app.return_code}")
    if app.released_late:
        return Outcome(f"a page never said it arrived ({app.released_late} times the held "
                       "keys went on after the key gate's limit)")
    return Outcome(None)


async def _move(app: EcfApp, pilot: Pilot[None], move: Move) -> None:
    if move.kind == "key":
        await pilot.press(str(move.value))
    elif move.kind == "click":
        x, y = move.value  # type: ignore[misc]
        width, height = app.size
        at = (x % width, y % height)
        if not _quits(app, at):  # anywhere but the footer's Quit, which ends a walk
            await pilot.click(offset=at)
    elif move.kind == "paste":
        app.post_message(events.Paste(str(move.value)))
        await pilot.pause()
    else:
        await pilot.resize_terminal(*move.value)  # type: ignore[misc]
    # A key, a click and a resize return once the app is idle again.


async def _answers(app: EcfApp, pilot: Pilot[None], court: str) -> None:
    """Back at 100x30, until the court's code is on the screen (a loaded machine may
    take a few pauses to lay the screen out again)."""
    await pilot.resize_terminal(100, 30)
    while court not in app.export_screenshot():
        await pilot.pause(0.1)


def _quits(app: EcfApp, at: tuple[int, int]) -> bool:
    try:
        widget, _ = app.screen.get_widget_at(*at)
    except Exception:  # noqa: BLE001 - no widget there: the click lands on nothing
        return False
    # Textual's FooterKey is not public: known by its name and its key.
    return type(widget).__name__ == "FooterKey" and getattr(widget, "key", None) == "ctrl+q"


async def shortest_failing(registry: Registry, court: str, steps: list[Move]) -> list[Move]:
    """A shorter sequence that still fails: the shortest failing prefix, then each move
    dropped that the failure does not need."""
    low, high = 1, len(steps)
    while low < high:
        mid = (low + high) // 2
        if (await walk(registry, court, steps[:mid])).error:
            high = mid
        else:
            low = mid + 1
    found = steps[:high]
    i = 0
    while i < len(found) - 1:
        trial = found[:i] + found[i + 1:]
        if (await walk(registry, court, trial)).error:
            found = trial
        else:
            i += 1
    return found
