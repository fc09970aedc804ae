"""Textual Apps driven headless in this process (`run_test`, as the tests drive them), each
in an asyncio task of its own so that two can be driven in turn (a step of ours, a bare
push); a key as the terminal driver hands it over; and when a screen counts as painted.

Painted. Textual paints by rendering what changed on the screen (its compositor) into an
update that `App._display` turns into the terminal's bytes and writes; headless, it skips
both. A `PaintClock` wraps the App's `_display` (private API, Textual 8.2: checked when
wrapped) to turn each update into the bytes a terminal would be sent, as a terminal run
does, writing nothing, and notes when that was done: a paint. After a key, the App is
waited for until it is quiet: no paint for QUIET seconds, through which the process used
under IDLE_CPU of a core; nothing pending on the screen (layout, repaint, recompose, an
after-refresh callback); every message queue of the App and of the screen's widgets
empty; and the caller's `done()` true (the page expected is shown, and said it arrived).
Then the paints are followed on a `TerminalScreen` (characters and styles, as a terminal shows
them): the screen was painted at the last paint that changed the picture. Textual often
paints a screen again unchanged a few frames later; those paints are not waited for,
as the first-screen benchmark times the last change of the screen, not the last write.
The waiting is sleeping in the driving task, reading flags: nothing is posted to the App
but the key, so nothing but the App's own work (and the harness's noting) is timed.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Awaitable, Callable
from typing import Any, Generic, TypeVar

from rich.console import RenderableType
from textual import events
from textual._compositor import CompositorUpdate
from textual.app import App
from textual.screen import Screen

from benchmarks.bare_push_app import BarePushApp
from benchmarks.registry import BenchmarkError
from benchmarks.terminal_screen import TerminalScreen
from ecf_tui.ui.textual_private import busy

SIZE = (100, 30)  # as QA's screens and the first-screen pty
QUIET = 0.1
IDLE_CPU = 0.25
POLL = 0.004
TIMEOUT = 20.0
KEY_CHARACTERS = {"enter": "\r", "space": " ", "escape": "\x1b", "tab": "\t"}

AppT = TypeVar("AppT", bound=App[Any])
PushT = TypeVar("PushT", bound=BarePushApp)
T = TypeVar("T")


class PaintClock:
    """The paints of one App: how many, when the last was (and the process's CPU time
    then), and each paint's bytes, fed to a `TerminalScreen` when asked which changed it."""

    def __init__(self, app: App[Any], size: tuple[int, int]) -> None:
        self.count = 0
        self.last = time.perf_counter()
        self.cpu_at_last = time.process_time()
        self._paints: list[tuple[float, str]] = []
        self._picture = TerminalScreen(size[1], size[0])
        self._shown = self._picture.snapshot()
        display = getattr(app, "_display", None)
        if not callable(display):
            raise BenchmarkError("Textual's App has no _display to time paints by: check "
                                 "benchmarks/headless.py against this Textual")

        def noted(screen: Screen[Any], renderable: RenderableType | None) -> None:
            display(screen, renderable)
            if renderable is None or app._batch_count:
                return  # nothing drawn
            sent = ""
            if isinstance(renderable, CompositorUpdate):
                sent = renderable.render_segments(app.console)  # what a terminal is sent
            self.count += 1
            self.last = time.perf_counter()
            self.cpu_at_last = time.process_time()
            self._paints.append((self.last, sent))

        app._display = noted  # type: ignore[method-assign]

    def quiet(self, since: float, cpu_since: float) -> bool:
        """No paint for QUIET seconds, nor since `since` (when the process had used
        `cpu_since` of CPU time), and the process mostly idle through that time."""
        start, cpu = (self.last, self.cpu_at_last) if self.last > since else (since, cpu_since)
        calm = time.perf_counter() - start
        return calm >= QUIET and time.process_time() - cpu < IDLE_CPU * calm

    def last_change(self, since: float) -> float | None:
        """Follow the paints made so far on the picture; when the last of them made at or
        after `since` that changed it was made (None: none did)."""
        found = None
        for when, sent in self._paints:
            self._picture.feed_text(sent)
            shown = self._picture.snapshot()
            if shown != self._shown:
                self._shown = shown
                if when >= since:
                    found = when
        self._paints.clear()
        return found

    def text(self) -> str:
        """The picture's text as of the paints followed."""
        return self._picture.text()


def press(app: App[Any], key: str) -> None:
    """`key` pressed: posted to the App as the terminal driver posts it."""
    event = events.Key(key, KEY_CHARACTERS.get(key, key if len(key) == 1 else None))
    event.set_sender(app)
    app.post_message(event)


async def quiet(app: App[Any], clock: PaintClock, done: Callable[[], bool], what: str) -> None:
    """Until the App is quiet (see the module) with `done()` true."""
    began, cpu = time.perf_counter(), time.process_time()
    while not (clock.quiet(began, cpu) and done() and not busy(app)):
        if time.perf_counter() - began > TIMEOUT:
            raise BenchmarkError(f"{what}: not quiet within {TIMEOUT:g} s (done: {done()}, "
                                 f"busy: {busy(app)}, screen {type(app.screen).__name__}):\n"
                                 f"{clock.text()}")
        await asyncio.sleep(POLL)


async def settle(app: App[Any], clock: PaintClock, done: Callable[[], bool] = lambda: True,
                 what: str = "settling") -> None:
    """Until the App is quiet with `done()` true, its paints followed (untimed: before a
    key is pressed)."""
    await quiet(app, clock, done, what)
    clock.last_change(math.inf)


async def painted(app: App[Any], clock: PaintClock, began: float, done: Callable[[], bool],
                  what: str) -> float:
    """Seconds from `began` to the last paint that changed the picture before the App
    fell quiet with `done()` true."""
    before = clock.count
    await quiet(app, clock, lambda: clock.count > before and done(), what)
    changed = clock.last_change(began)
    if changed is None:
        raise BenchmarkError(f"{what}: no paint changed the screen:\n{clock.text()}")
    return changed - began


class Session(Generic[AppT]):
    """An App running headless in a task of its own. `run(job)` has the task await
    `job()`: Textual's active App is the task's own, so two Sessions take turns."""

    def __init__(self, app: AppT, size: tuple[int, int] = SIZE) -> None:
        self.app = app
        self.size = size
        self.clock = PaintClock(app, size)
        self._jobs: asyncio.Queue[tuple[Callable[[], Awaitable[Any]], asyncio.Future[Any]]
                                  | None] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None

    async def __aenter__(self) -> Session[AppT]:
        ready: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._task = asyncio.create_task(self._serve(ready))
        await ready
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._jobs.put(None)
        if self._task is not None:
            await self._task

    async def _serve(self, ready: asyncio.Future[None]) -> None:
        try:
            async with self.app.run_test(size=self.size):
                await settle(self.app, self.clock, what=f"{type(self.app).__name__} starting")
                ready.set_result(None)
                while (job := await self._jobs.get()) is not None:
                    call, future = job
                    try:
                        future.set_result(await call())
                    except Exception as error:  # noqa: BLE001 - handed to the caller
                        future.set_exception(error)
        except Exception as error:
            if ready.done():
                raise
            ready.set_exception(error)
        finally:
            if not ready.done():
                ready.set_exception(BenchmarkError(f"{self.app!r} ended before it started"))

    async def run(self, job: Callable[[], Awaitable[T]]) -> T:
        future: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        await self._jobs.put((job, future))
        return await future


async def bare_push(session: Session[PushT], screenshot: bool = False) -> float:
    """Seconds from Enter to the app's screen (a trivial one, or 50 widgets: the app's
    PUSHED) painted (plus, `screenshot`, taking `export_screenshot()` of it once
    painted); then it is popped, untimed."""
    app = session.app
    pushed = app.PUSHED
    began = time.perf_counter()
    press(app, "enter")
    seconds = await painted(app, session.clock, began, lambda: isinstance(app.screen, pushed),
                            f"bare push of {pushed.__name__}")
    if screenshot:
        shot = time.perf_counter()
        app.export_screenshot()
        seconds += time.perf_counter() - shot
    await app.pop_screen()
    await settle(app, session.clock, lambda: not isinstance(app.screen, pushed))
    return seconds
