"""Provides when Python collects cyclic garbage in the simulator: not in a key's time.

Python's full collection walks every object alive; with a page's widgets and Textual's
caches of rendered lines that was ~250k objects and 250-300 ms here, and at the default
thresholds it ran every three or four steps, inside a step: the slowest steps were
that pause. So the objects alive once the first screen is up (the modules, the court's
profile and flow graph) are frozen out of every collection (`gc.freeze`), full
collections start by themselves ten times less often, and one runs when the App has
been idle for IDLE_COLLECT seconds after a page (a person reading it). Young
collections (a few milliseconds) run as usual, and free a page's garbage mostly.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

IDLE_COLLECT = 1.0
"""Seconds after a page is shown before the full collection, if no other page came."""
FULL_EVERY = 100
"""Young (second-generation) collections between two full ones started by Python itself
(its default is 10): the net under a walk that never pauses (a help desk clicking)."""


class Collector:
    def __init__(self, app: App[Any]) -> None:
        self._app = app
        self._timer: Timer | None = None
        self._thresholds: tuple[int, int, int] | None = None

    def start(self) -> None:
        """The App's first screen is up: freeze what is alive, collect seldom."""
        if self._thresholds is None:
            self._thresholds = gc.get_threshold()
            young, middle, _ = self._thresholds
            gc.set_threshold(young, middle, FULL_EVERY)
            gc.freeze()

    def after_page(self) -> None:
        """A page was shown: the full collection once the App has been idle a while."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = self._app.set_timer(IDLE_COLLECT, self._collect)

    def _collect(self) -> None:
        self._timer = None
        gc.collect()

    def stop(self) -> None:
        """The App ends: Python's own collection as it was (tests run many Apps in one
        process), the frozen objects collectable again."""
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
            gc.unfreeze()
            self._thresholds = None
