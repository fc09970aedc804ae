"""Provides every key the App binds, in the order the footer shows them; the actions
are the App's and its keys' mixins' (`page`, `demo`, `desk`); `footer` says which show
where."""

from __future__ import annotations

from textual.binding import Binding, BindingType

BINDINGS: list[BindingType] = [
    Binding("f5", "browser('refresh')", "Refresh"),
    Binding("f6", "browser('clear-cache')", "Clear cache"),
    Binding("f8", "log_out", "Log out"),
    Binding("f4", "toggle_sources", "Sources", show=False),  # a trainer's key: README
    Binding("f1", "open_guide", "Guide"),
    # Practice's hint: ? where focus is not in a field (there it is typed), F7 anywhere.
    Binding("f7", "hint", "Hint"),
    Binding("question_mark", "hint", "Hint", show=False),
    Binding("f2", "toggle_accounts", "Accounts"),
    # The help desk's keys, not a trainee's: out of the footer (which keeps to the keys
    # a trainee needs at 80 columns), like F4; `run --help` and the README name them.
    Binding("f3", "toggle_desk", "Help desk", show=False),
    Binding("f9", "copy_code", "Copy code"),
    Binding("f10", "transcript", "Transcript", show=False),
    Binding("ctrl+f", "find_scenario", "Find scenario", show=False),
    Binding("ctrl+r", "start_over", "Start over"),
    # The demo's keys, before any field or button sees them (demo mode only); the
    # demo's caption lists them (in the footer they pushed Escape past its edge).
    Binding("space", "demo_pause", "Pause", priority=True, show=False),
    Binding("right", "demo_step", "Next move", priority=True, show=False),
    Binding("escape", "demo_stop", "Stop demo", priority=True, show=False),
    Binding("ctrl+q", "quit", "Quit", priority=True),
]
