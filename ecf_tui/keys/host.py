"""Provides what the keys' mixins use of the App they are mixed into: Textual's App, and
the moment and the feature objects the App holds. For the type checker only: at run
time a mixin is a plain class, and the App is what it is mixed into."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App

    from ecf_tui.court.profile import CourtProfile, MistakeKind
    from ecf_tui.engine import Action, State
    from ecf_tui.helpdesk.session import HelpDeskSession
    from ecf_tui.registry.loading import Registry
    from ecf_tui.training.demo import DemoPlayer
    from ecf_tui.training.session import TrainingSession
    from ecf_tui.ui.next_screens import NextScreens

    class Host(App[Any]):
        registry: Registry
        profile: CourtProfile | None
        state: State | None
        training: TrainingSession
        demo: DemoPlayer
        desk: HelpDeskSession
        walk_start: State | None
        walk: list[str]
        visited: set[str]
        next_screens: NextScreens

        @property
        def holding_keys(self) -> bool: ...

        def dispatch(self, action: Action) -> None: ...

        def hold_keys(self) -> None: ...

        def nothing_arriving(self) -> None: ...

        def _took(self, action: Action, mistake: MistakeKind | None) -> None: ...

        def _show(self, new_screen: bool = False) -> None: ...

        def _log_out(self, state: State | None = None) -> Action | None: ...

        def _demo_tick(self) -> None: ...

        def show_state(self, state: State, mistake: MistakeKind | None = None, *,
                       new_screen: bool = False) -> None: ...

        def open_state(self, court: str, state: State, scenario: str | None = None
                       ) -> None: ...
else:
    Host = object
