"""Provides the help desk's side of one run of the simulator: whether the desk panel
(F3) is open, the scenario opened, the scenarios known (read once, when first needed),
and what the desk's keys give: the panel's facts, the line that opens this screen (F9),
the command palette's ways round, a transcript of the walk (F10).

The App calls it and shows what it says; nothing here imports Textual."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ecf_tui import engine
from ecf_tui.court.profile import CourtProfile
from ecf_tui.engine import State
from ecf_tui.flows import codebook
from ecf_tui.registry.loading import Registry

# The scenarios (pydantic models, files to read) load when the desk is first used, not
# with the App: a trainee who never opens it pays nothing for them at start.
if TYPE_CHECKING:
    from ecf_tui import view
    from ecf_tui.helpdesk.loading import Scenarios


@dataclass(frozen=True)
class WayRound:
    """One of the command palette's ways round: open `state` of `court` (with the
    scenario's fix where `scenario` is one's id)."""

    title: str
    help: str
    court: str
    state: State
    scenario: str | None = None


@dataclass(frozen=True)
class Said:
    """What a desk key did, for the App to say in a notification."""

    title: str
    text: str
    failed: bool = False


class HelpDeskSession:
    def __init__(self, registry: Registry, scenario: str | None = None) -> None:
        self.registry = registry
        self.open = False
        """F3's panel in place of the trainee's."""
        self.scenario = scenario
        """The scenario opened (`--scenario`, the search, the palette): its fix shows."""
        self._scenarios: Scenarios | None = None

    @property
    def scenarios(self) -> Scenarios:
        if self._scenarios is None:
            from ecf_tui.helpdesk import loading

            self._scenarios = loading.load(self.registry)
        return self._scenarios

    def panel(self, profile: CourtProfile | None, state: State | None) -> view.DeskView | None:
        """The desk panel for the state shown, where F3 opened it."""
        if not self.open or profile is None or state is None:
            return None
        from ecf_tui.helpdesk.desk import desk_view

        code = codebook.code(profile, state)
        opened = [b for b in self.scenarios.at(profile.code) if b.scenario.id == self.scenario]
        return desk_view(profile, state, code, self.registry.guide_text(profile.code),
                         opened or self.scenarios.for_code(profile.code, code))

    def caller_screen(self, court: str, scenario_id: str) -> State:
        """Where a scenario's caller is: the end of its walk at `court`."""
        return self.scenarios.get(court, scenario_id).walk.end

    def code_line(self, profile: CourtProfile, state: State) -> tuple[str, str]:
        """The state code F9 copies, and the line that opens this screen: a scenario
        opened here has its own (two scenarios can share a screen, and the code opens
        the first one's fix)."""
        code = codebook.code(profile, state)
        opened = [b for b in self.scenarios.at(profile.code)
                  if b.scenario.id == self.scenario and b.code == code]
        return code, opened[0].open_line if opened else f"ecf-tui run {code}"

    def ways_round(self, profile: CourtProfile | None) -> list[WayRound]:
        """The palette's entries: switch court, open a scenario, jump to a step of the
        open court."""
        ways = []
        for code in self.registry.codes():
            court = self.registry.load(code)
            ways.append(WayRound(f"Switch court: {code}", court.name.text, code,
                                 engine.start(court)))
        for bound in self.scenarios.bound:
            ways.append(WayRound(f"Open scenario: {bound.scenario.title} ({bound.court})",
                                 bound.code, bound.court, bound.walk.end, bound.scenario.id))
        if profile is not None:
            for step_id, step in profile.steps.items():
                state = codebook.codebook(profile).first_at(step_id)
                if state is not None:
                    kind = engine.KIND_NAMES.get(step.kind, step.kind)
                    ways.append(WayRound(f"Jump to step: {step_id}",
                                         f"{kind} · {codebook.code(profile, state)}",
                                         profile.code, state))
        return ways

    def transcript_job(self, profile: CourtProfile, walk_start: State, walk: list[str],
                       size: tuple[int, int]) -> tuple[list[str], Path]:
        """F10: the command that writes this walk's transcript (`ecf-tui transcript`
        replays the action ids headless; nothing typed is among them) into a file in
        the current folder, and that file."""
        from datetime import datetime

        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path = Path.cwd() / f"ecf-tui-{profile.code}-{stamp}.txt"
        folders = (a for folder in self.registry.folders[1:] for a in ("--profiles",
                                                                        str(folder)))
        argv = [sys.executable, "-m", "ecf_tui", *folders, "transcript",
                codebook.code(profile, walk_start), "--out", str(path),
                "--size", f"{size[0]}x{size[1]}"]
        if walk:
            argv += ["--actions", ",".join(walk)]
        return argv, path


def write_transcript(argv: list[str], path: Path) -> Said:
    """Run a `transcript_job` (in a worker thread: it replays the walk headless)."""
    import os
    import subprocess

    # The folders are given on the command line; the variable would add them twice.
    env = {k: v for k, v in os.environ.items() if k != "ECF_TUI_PROFILES"}
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    if done.returncode == 0:
        return Said("Transcript", f"Written: {path}. Check it later with: "
                    f"ecf-tui replay {path.name}")
    said = (done.stdout + done.stderr).strip().splitlines()
    return Said("Transcript not written", said[-1] if said else "it failed.", failed=True)
