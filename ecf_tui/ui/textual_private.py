"""Provides every use of Textual's private API, in one place (pinned to Textual 8.2).

Each use says why no public route does the job; `tests/test_textual_private.py`
checks that each still exists with the shape used here, so a Textual upgrade that
changes one fails there, loudly, rather than somewhere in a screen.

- `App._handle_exception`: Textual's handler prints a traceback with every frame's
  locals (a password typed a moment before); the override hands Textual a report that
  has none, which Textual shows through its own public `panic` route.
- `textual.constants.LOG_FILE`: `TEXTUAL_LOG` makes Textual record every key and Input
  value to a file; Textual reads the constant at each log call.
- `App.features`: `TEXTUAL=devtools,debug` connects devtools, which record the same.
- `Screen._on_screen_resume` and `events.ScreenResume.refresh_styles`: a screen put
  in place by `switch_screen` is restyled whole when it resumes, though it was styled
  as it was mounted a moment before (a quarter of a step's style work); `FreshScreen`
  lets its first resume skip that.
- `Screen._compositor.render_update` and `App._background_screens`:
  `App.export_screenshot` renders the screen but returns only the SVG; QA needs the
  same picture as text too.
- `Screen._compositor_refresh`, `Screen._dirty_widgets`, `Compositor._dirty_regions`:
  a headless App still renders every update for a terminal it does not have; QA
  renders each page it checks itself (to see that it has settled, and to capture it),
  so `unpainted` skips Textual's render there (15% of a QA run) and keeps the layout.
- `Screen._layout_required`, `_scroll_required`, `_repaint_required`,
  `_recompose_required`, `_dirty_widgets`, `_callbacks`, `App._animator`: whether an
  App still has work to do after a key (`busy`). Pilot's `press` waits for the process
  to look idle instead, sleeping at least 40 ms per key (measured: 60-90 ms a key): QA
  walks every page by Tab and types every login, and that wait was most of its time.
- `textual.widgets._footer.FooterKey`: the footer's keys, not exported; the footer
  gives narrow terminals their short words (`widgets/keys_footer.py`), as it composes.
- `App._register`: a screen is composed, styled and mounted when it is first pushed or
  switched to, in the key's time; `register_offstage` does the same while the App is
  idle, for a screen on no stack yet (`ui/next_screens.py`), as `App._get_screen` does
  at the switch. Textual's `install_screen` only names a screen, it does not mount it.
- `App._close_all` and `App._prune`: as the App comes down Textual removes the screens
  of its stacks, and then merely closes any other node; a screen made ready off stage
  that fails as it is removed would then fail outside Textual's handling (asyncio
  printing a traceback). `ClosesOffstage` removes those screens first, as Textual
  removes the stacks' own.
- `textual._context.active_app`: a court text's source mark is drawn dim, except in the
  high-contrast theme; the text is built as its widget is made, before the widget has
  an App of its own to ask (`Widget.app` asks the same context).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, cast

from rich.console import RenderableType
from textual import constants, events
from textual.screen import Screen
from textual.widgets._footer import FooterKey

__all__ = ["FooterKey"]  # re-exported here: Textual keeps it private

if TYPE_CHECKING:
    from textual.app import App


def keep_typing_out_of_logs(app: App[Any]) -> None:
    """Switch off Textual's log file and devtools for this process: both record keys
    and Input values, so a typed password would reach them."""
    constants.LOG_FILE = None  # type: ignore[misc]  # Final in Textual, read at each call
    app.features = frozenset(app.features - {"devtools", "debug"})


class CrashReport(Exception):
    """An unhandled error as the user sees it: the App's short report, no traceback.

    Textual renders an exception that has `__rich__` through its public `panic` path
    instead of its traceback with locals; the original error is the cause."""

    def __init__(self, report: str) -> None:
        super().__init__(report)
        self.report = report

    def __rich__(self) -> str:
        return self.report


class ReportsCrashes:
    """Mixin for the App: an unhandled error reaches Textual as a `CrashReport` made by
    `crash_report(error)`, which must never carry what was typed."""

    crash_report: Callable[[Exception], str]
    first_report: str | None = None
    """The report of the first error, once there was one."""

    def _handle_exception(self, error: Exception) -> None:
        # Private: Textual calls this for every unhandled error in a message handler.
        # One report: errors after the first (the App coming down around it) would make
        # Textual add "NOTE: 1 of 2 errors shown" and its own advice to the report.
        if self.first_report is not None:
            return
        self.first_report = self.crash_report(error)
        report = CrashReport(self.first_report)
        report.__cause__ = error
        super()._handle_exception(report)  # type: ignore[misc]


def render_screen(app: App[Any]) -> RenderableType | None:
    """The current screen (and those under a dialog) as a Rich renderable: what
    `App.export_screenshot` renders, kept so the text can come from the same picture."""
    return app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)


class FreshScreen(Screen[Any]):
    """A screen that starts with the App's breakpoint class (the `-narrow`, `-wide`...
    its first resize would add, restyling every widget) and skips the whole-screen
    restyle of its first resume: it was styled, with the App's classes as they are, when
    it was mounted. Later resumes (after a dialog or the guide closes) restyle as usual."""

    _resumed = False

    def __init__(self) -> None:
        super().__init__()
        width, height = self.app.size
        for size, breakpoints in ((width, self.app.HORIZONTAL_BREAKPOINTS),
                                  (height, self.app.VERTICAL_BREAKPOINTS)):
            found = [name for least, name in breakpoints or [] if size >= least]
            if found:
                self.add_class(found[-1])

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Private: Textual calls each class's own handler, this one before Screen's, which
        # reads `refresh_styles`.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False


class ClosesOffstage:
    """Mixin for the App: `offstage()` (the screens made ready, on no stack) are removed
    as the App comes down, before the stacks' screens, as those are."""

    def offstage(self) -> Sequence[Screen[Any]]:
        return ()

    async def _close_all(self) -> None:
        app = cast("App[Any]", self)
        failed: Exception | None = None
        for screen in self.offstage():
            try:
                if screen._running:
                    await app._prune(screen)
            except Exception as error:  # noqa: BLE001 - raised once the stacks are closed too
                failed = failed or error
        await super()._close_all()  # type: ignore[misc]
        if failed is not None:
            raise failed


def register_offstage(app: App[Any], screen: Screen[Any]) -> None:
    """Start `screen` (compose, style, mount its widgets) though it is on no stack: a
    later `switch_screen(screen)` finds it running and only shows it."""
    app._register(app, screen)


@contextmanager
def unpainted() -> Iterator[None]:
    """Headless Apps in this block do not render their updates for a terminal: what is
    on screen is read with `render_screen`, which renders the whole screen at once. The
    layout still runs (regions, scrolling, focus are as in a terminal); a dialog's
    background screen is handled as Textual does."""
    original = Screen._compositor_refresh

    def refresh(screen: Screen[Any]) -> None:
        if screen is screen.app.screen and not screen.app.is_inline:
            screen._dirty_widgets.clear()
            screen._compositor._dirty_regions.clear()
        else:
            original(screen)

    Screen._compositor_refresh = refresh  # type: ignore[method-assign,assignment]
    try:
        yield
    finally:
        Screen._compositor_refresh = original  # type: ignore[method-assign]


def busy(app: App[Any]) -> bool:
    """Work pending on the screen (layout, scrolling, repaint, recompose, an
    after-refresh callback), an animation running (a scroll to a focused control), or a
    message waiting in the App's or a widget's queue, a screen made ready off stage's
    included."""
    screen = app.screen
    if (screen._layout_required or screen._scroll_required or screen._repaint_required
            or screen._recompose_required or screen._dirty_widgets or screen._callbacks):
        return True
    if app._animator._animations:
        return True
    # Screens being made ready off stage are the App's work too: a key waits for them.
    offstage = app.offstage() if isinstance(app, ClosesOffstage) else ()
    return any(pump.message_queue_size for page in (screen, *offstage)
               for pump in (app, *page.walk_children(with_self=True)))


async def until_idle(app: App[Any], limit: float = 10.0) -> None:
    """Until the App has nothing left to do (`busy` false twice running): the screen's
    update is run at once where it waits for its next 60 Hz tick, as Pilot's `pause`
    does; an animation is waited for in small sleeps, not spun on. At most `limit`
    seconds."""
    quiet = 0
    deadline = time.monotonic() + limit
    while quiet < 2 and time.monotonic() < deadline:
        await asyncio.sleep(0)  # the App's tasks handle what is queued
        if not busy(app):
            quiet += 1
            continue
        quiet = 0
        screen = app.screen
        if (screen._layout_required or screen._scroll_required or screen._repaint_required
                or screen._recompose_required or screen._dirty_widgets or screen._callbacks):
            screen._on_timer_update()
        elif app._animator._animations:
            await asyncio.sleep(IDLE_POLL)


IDLE_POLL = 0.004
"""Seconds between looks at an App whose animation is running."""


def running_theme() -> str | None:
    """The theme of the App whose widgets are being made or drawn now; None outside one."""
    from textual._context import NoActiveAppError, active_app

    try:
        return active_app.get().theme
    except (LookupError, NoActiveAppError):
        return None
