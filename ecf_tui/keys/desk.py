"""Provides the help desk's keys (guided and demo mode only): the desk panel (F3), the
scenario search (Ctrl+F), the command palette's ways round (Ctrl+P), the state code
(F9) and a transcript of the walk (F10). What they give, `helpdesk.session` says."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import SystemCommand
from textual.screen import Screen

from ecf_tui.helpdesk.session import write_transcript
from ecf_tui.keys.host import Host
from ecf_tui.training.modes import coached

if TYPE_CHECKING:
    from ecf_tui.screens.scenario_search import ScenarioAt


class DeskKeys(Host):
    """Mixin for the App: the help desk's keys."""

    def action_toggle_desk(self) -> None:
        """The help desk's panel (the state code, the accounts in play, the guide's words
        with file and line, the fix) in place of the trainee's; F3 again puts it back.
        Not in practice or assess, where it would give the walk away."""
        if not coached(self.training.mode):
            return
        self.desk.open = not self.desk.open
        self.set_class(self.desk.open, "-desk")
        self.refresh_bindings()
        if self.state is not None:
            self._show()

    def action_find_scenario(self) -> None:
        """The help desk's search: the caller's words, the scenarios of every court
        ranked as they are typed, Enter to open the caller's screen."""
        if not coached(self.training.mode):
            return
        from ecf_tui.screens.scenario_search import ScenarioAt, ScenarioSearchScreen

        found = [ScenarioAt(b.scenario, b.court, b.code, b.linked)
                 for b in self.desk.scenarios.bound]
        court = self.profile.code if self.profile else None
        self.push_screen(ScenarioSearchScreen(found, court), self._open_scenario)

    def _open_scenario(self, chosen: ScenarioAt | None) -> None:
        if chosen is not None:
            end = self.desk.caller_screen(chosen.court, chosen.scenario.id)
            self.open_state(chosen.court, end, chosen.scenario.id)

    def action_command_palette(self) -> None:
        """Ctrl+P: Textual's palette, as this project styles it (see screens/palette)."""
        from ecf_tui.screens.palette import Palette

        if self.use_command_palette and not Palette.is_open(self):
            self.push_screen(Palette(id="--command-palette"))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The command palette (Ctrl+P): switch court, open a scenario, jump to a step of
        the open court, and quit."""
        for way in self.desk.ways_round(self.profile):
            yield SystemCommand(way.title, way.help,
                                partial(self.open_state, way.court, way.state, way.scenario))
        yield SystemCommand("Quit", "Quit ecf-tui", self.action_quit)

    def action_transcript(self) -> None:
        """Write this walk as a transcript, in a worker: `ecf-tui replay FILE` checks it
        later."""
        if self.profile is None or self.walk_start is None or not coached(self.training.mode):
            return
        argv, path = self.desk.transcript_job(self.profile, self.walk_start, self.walk,
                                              (self.size.width, self.size.height))
        self.notify(f"Writing the transcript of this walk to {path.name}…", title="Transcript")
        self.run_worker(partial(self._write_transcript, argv, path), thread=True,
                        group="transcript")

    def _write_transcript(self, argv: list[str], path: Path) -> None:
        said = write_transcript(argv, path)
        self.call_from_thread(self.notify, said.text, title=said.title,
                              severity="error" if said.failed else "information")

    def action_copy_code(self) -> None:
        """The state code to the clipboard (the terminal's, OSC 52): what a help desk
        sends a colleague, who opens it with `ecf-tui run CODE`."""
        if self.profile is None or self.state is None or not self.desk.open:
            return
        code, line = self.desk.code_line(self.profile, self.state)
        self.copy_to_clipboard(code)
        self.notify(f"Copied {code}. Open this screen with: {line}", title="State code")
