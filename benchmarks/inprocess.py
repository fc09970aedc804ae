"""What the measurements made in this process share: environment variables set for their
time only (the profile cache in the run's throw-away home, never the user's), and a
probe timed with the clock of this process."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from benchmarks.registry import MILLISECONDS, Context, Figures, Probe


@contextmanager
def environment(**values: str) -> Iterator[None]:
    """These variables set (restored after)."""
    before = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def own_cache(context: Context) -> dict[str, str]:
    """ECF_TUI_CACHE in the run's home: a profile cache of the run's own."""
    return {"ECF_TUI_CACHE": str(context.home / "profile-cache")}


def timed(work: Callable[[Context], None], first: Callable[[], object] = lambda: None
          ) -> Probe:
    """A probe: milliseconds `work` takes in this process, after `first()` (untimed: what
    it works on, loaded once); its profile cache the run's."""

    def probe(context: Context) -> Figures:
        with environment(**own_cache(context)):
            first()
            began = time.perf_counter()
            work(context)
            return {MILLISECONDS.key: (time.perf_counter() - began) * 1000}

    return probe
