"""Provides the key gate: keys that reach the App while a page is arriving wait for it.

Textual routes a key to the widget focused when the App takes the key from its queue,
not when the key is handled. A page that is arriving (pushed, or composed again with
the next state) has no focused field for a moment; a burst typed then (a password
manager's `login<Tab>password<Enter>`, a second auto-type right after a failed login)
would reach the old fields, nowhere, or, worst, Tab would focus the new login field
after the login was typed and the password would land there in clear. So the App
holds keys and pastes from the moment it shows a page until the page says it has
`Arrived` (its first control focused), then replays them in order.

The gate lives here, beside the widgets, because both sides use it: the App (the
mixin) and the credential form, whose Enter closes the gate at once, before the keys
after it are routed to the fields it is about to empty."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events
from textual.message import Message

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen
    from textual.timer import Timer

HOLD_LIMIT = 10.0
"""Seconds after which held keys go on even if no page said it arrived: a safety net
(a page that never arrives must not leave the simulator deaf), long enough that a page
slow to come up on a loaded machine is waited for, not typed past."""


class Arrived(Message):
    """A page has its first control focused: keys typed while it came up go to it now."""

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__()
        self.page = screen


if TYPE_CHECKING:
    _App = App[Any]  # what the mixin's methods may use: the App they are mixed into
else:
    _App = object


class KeyGate(_App):
    """Mixin for the App: `expect(screen)` when a page will arrive, `hold_keys()` when
    something about to happen will show one; held keys are replayed once every page
    expected has arrived, or when `nothing_arriving()` says none will."""

    hold_limit: float = HOLD_LIMIT
    never_held: frozenset[str] = frozenset({"ctrl+q"})
    """Keys that go on at once: quitting never waits for a page."""
    released_late = 0
    """How many times held keys went on because a page never said it arrived (a bug:
    the monkey walks check it stays 0)."""
    arrivals = 0
    """How many pages have arrived (focus put where it arrives): QA tells a page shown
    anew from one changed in place (a ticked box keeps its focus) by it."""
    _held: list[events.Event] | None = None
    _awaited: frozenset[int] = frozenset()
    """The pages expected, by id."""
    _limit: Timer | None = None

    @property
    def holding_keys(self) -> bool:
        """True while a page is arriving: keys typed now wait for it."""
        return self._held is not None

    def hold_keys(self) -> None:
        """From now, keys and pastes wait (until the pages expected arrive)."""
        if self._held is None:
            self._held = []
        if self._limit is not None:
            self._limit.stop()
        self._limit = self.set_timer(self.hold_limit, self._released_late)

    def expect(self, screen: Screen[Any]) -> None:
        """`screen` is arriving: keys wait until it posts `Arrived`."""
        self._awaited |= {id(screen)}
        self.hold_keys()

    def nothing_arriving(self) -> None:
        """No page is on its way after all (the same page again, a refused action): the
        held keys go on once the current message is handled."""
        if not self._awaited and self._held is not None:
            self.call_next(self._release)

    async def on_event(self, event: events.Event) -> None:
        if (self._held is not None and isinstance(event, events.Key | events.Paste)
                and not event.is_forwarded
                and getattr(event, "key", None) not in self.never_held):
            self._held.append(event)
            return
        await super().on_event(event)

    async def on_arrived(self, message: Arrived) -> None:
        message.stop()
        self.arrivals += 1
        self._awaited -= {id(message.page)}
        if not self._awaited:
            await self._release()

    def keys_must_wait(self) -> bool:
        """Whether held keys wait whatever has arrived: the App says so while nothing can
        take them (the one line asking for a bigger window is up)."""
        return False

    async def _released_late(self) -> None:
        if self.keys_must_wait():
            self._limit = self.set_timer(self.hold_limit, self._released_late)
            return
        if self._awaited:
            self.released_late += 1
        await self._release()

    async def _release(self) -> None:
        if self.keys_must_wait():
            return  # held on: `nothing_arriving()` once they can go
        held, self._held, self._awaited = self._held or [], None, frozenset()
        if self._limit is not None:
            self._limit.stop()
            self._limit = None
        if not self.screen_stack:  # the App is closing: nothing to type into
            return
        for n, event in enumerate(held):
            if self._held is not None:
                # A replayed key showed a page (the form's Enter): the rest wait for it.
                self._held.extend(held[n:])
                return
            await self.on_event(event)


def hold_keys(app: object) -> None:
    """Close the App's gate, where the App has one (a widget tested on its own has not)."""
    if isinstance(app, KeyGate):
        app.hold_keys()
