"""Provides KeysFooter: Textual's footer, compact (no padding around the keys) in a
terminal narrower than its keys at full width, so no key runs past the right edge; and
composed again only when the keys it shows change."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from textual import events
from textual.widget import Widget
from textual.widgets import Footer

from ecf_tui.ui.textual_private import FooterKey

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.screen import Screen

FULL_WIDTH = 100
"""Below this many columns the footer goes compact: at full width the most keys a page
offers (Quit, Refresh, Clear cache, Log out, Guide, Accounts, Start over) take about 90."""

KEYS_FOR: ContextVar[Screen[Any] | None] = ContextVar("keys_for", default=None)
"""The screen whose footer is reading its keys now: the App's `check_action` is asked
with no screen, and a screen made ready off stage shows the keys of its own page, not
those of the page on show."""


@contextmanager
def keys_for(screen: Screen[Any]) -> Iterator[None]:
    token = KEYS_FOR.set(screen)
    try:
        yield
    finally:
        KEYS_FOR.reset(token)


Keys = tuple[tuple[str, str, str, bool, str], ...]

SHORT = (("Clear cache", "Cache"), ("Start over", "Restart"), ("Accounts", "Accts"),
         ("Refresh", "F5"), ("Log out", "Out"))
"""Shorter words for the footer's keys, the most saved first, where the row is narrow."""
LONG = {short: long for long, short in SHORT}


def _row_width(keys: Iterable[tuple[str, str]]) -> int:
    """The compact footer row's width for (key, words) pairs: each key, a space, its
    words; a space between two keys."""
    shown = [len(key) + 1 + len(words) for key, words in keys]
    return sum(shown) + len(shown) - 1


def _pairs(keys: Iterable[Widget], *, full: bool = False) -> list[tuple[str, str]]:
    return [(k.key_display, LONG.get(k.description, k.description) if full else
             k.description) for k in keys if isinstance(k, FooterKey)]


class KeysFooter(Footer):
    def __init__(self) -> None:
        # Compact or not from the start, at the terminal's width: a footer that changes
        # its mind on its first resize styles each of its keys again.
        super().__init__(compact=self.app.size.width < FULL_WIDTH, show_command_palette=False)
        # Ctrl+P is named by the help desk's panel and the README: at 80 columns the
        # court's keys need the whole row.
        # Keys at the first compose: Textual's footer composes empty, then again once the
        # screen's bindings are known, which they are by the time this one is mounted.
        self.set_reactive(Footer._bindings_ready, True)
        self._composed: Keys | None = None
        """The keys shown, as of the last compose."""

    _shortened = False

    @property
    def keys_shown(self) -> Keys | None:
        """The keys as of the last compose (None before the first)."""
        return self._composed

    def on_resize(self, event: events.Resize) -> None:
        self.compact = event.size.width < FULL_WIDTH
        if (_row_width(_pairs(self.query(FooterKey), full=True)) > event.size.width
                ) != self._shortened:
            self.refresh(recompose=True)

    def _keys(self) -> Keys:
        with keys_for(self.screen):
            return self._read_keys()

    def _read_keys(self) -> Keys:
        return tuple((binding.key, binding.description, binding.action, enabled, tooltip)
                     for _, binding, enabled, tooltip in self.screen.active_bindings.values()
                     if binding.show)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        # Textual composes the footer again (six or seven keys, each styled several
        # times) on every focus change; a step's page moves focus a few times as it
        # comes up, and the keys seldom change: that was a third of a step's time.
        if (self._composed is not None and self.is_attached and screen is self.screen
                and self._keys() == self._composed):
            return
        super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        with keys_for(self.screen):
            if self._bindings_ready:
                self._composed = self._read_keys()
            keys = list(super().compose())
        # In a terminal too narrow for the keys' own words (60 columns: "f2 Acc"), their
        # short words, longest saved first, until the row fits.
        width = self.app.size.width
        self._shortened = _row_width(_pairs(keys)) > width
        for long, short in SHORT:
            if _row_width(_pairs(keys)) <= width:
                break
            for key in keys:
                if isinstance(key, FooterKey) and key.description == long:
                    key.description = short
        yield from keys
