"""Provides the demo's keys: its timer's next move once the page has arrived, Space to
pause and resume, Right for one move, Escape to stop and go on by hand, guided. What the
next move is, `training.demo.DemoPlayer` says."""

from __future__ import annotations

from typing import cast

from textual import events
from textual.widgets import Input

from ecf_tui.keys.host import Host
from ecf_tui.screens.dialog import DialogScreen
from ecf_tui.screens.step import StepScreen
from ecf_tui.training.demo import Fill


class DemoKeys(Host):
    """Mixin for the App: the demo mode's keys and timer."""

    def start_demo(self) -> None:
        """The demo plays from now, a move every `delay` seconds."""
        self.set_interval(self.demo.delay, self._demo_tick)

    async def on_event(self, event: events.Event) -> None:
        # A focused field takes a printable key before any binding (Textual lets it
        # consume the key): in the demo, Space in the login it is typing would be typed.
        if (self.training.mode == "demo" and isinstance(event, events.Key)
                and event.key == "space" and not self.holding_keys
                and isinstance(self.focused, Input)):
            self.action_demo_pause()
            return
        await super().on_event(event)

    def _demo_tick(self) -> None:
        """The demo's next move (a typed one shows its login, then its password, then
        sends), once the page has arrived; nothing while paused or stopped."""
        if self.training.mode == "demo" and not self.demo.paused:
            self._demo_move()

    def _demo_move(self) -> None:
        if self.profile is None or self.state is None or self.holding_keys or not isinstance(
                self.screen, StepScreen | DialogScreen):
            return
        fields = list(self.screen.query("#page Input"))
        move = self.demo.next(self.profile, self.state, len(fields), self.visited)
        if move is None:
            self.notify(self.demo.ended, title="Demo")
        elif isinstance(move, Fill):
            cast(Input, fields[move.at]).value = move.value
        else:
            self.dispatch(move)

    def action_demo_pause(self) -> None:
        self.demo.paused = not self.demo.paused
        self._show()

    def action_demo_step(self) -> None:
        self._demo_move()

    def action_demo_stop(self) -> None:
        """The demo stops where it is; the trainer goes on by hand, guided."""
        self.training.mode = "guided"
        self.remove_class("-mode-demo").add_class("-mode-guided")
        self.demo.stop()
        self.refresh_bindings()
        self._show()
