"""Provides the training side of one run of the simulator: the mode and the trainee, the
attempt in progress and the attempts ended (the command line saves them), and what the
trainee turned on beside the page (practice's hint and practice accounts).

The App tells it each move and each walk begun or left; it never decides where the flow
goes. An attempt is one walk: a new one starts at the court's first page again, at
another court or at a jumped-to step, and the walk it ends is kept as its own."""

from __future__ import annotations

from dataclasses import dataclass, field

from ecf_tui import engine
from ecf_tui.court.profile import CourtProfile, MistakeKind
from ecf_tui.engine import Action, State
from ecf_tui.training.attempt import Attempt
from ecf_tui.training.modes import Mode
from ecf_tui.training.record import AttemptRecord


@dataclass
class TrainingSession:
    mode: Mode
    trainee: str | None = None
    attempt: Attempt | None = None
    finished: list[AttemptRecord] = field(default_factory=list)
    """The attempts ended in this run, in order."""
    hint: bool = False
    """Practice: the guide's words for this page shown in the panel (until the next move)."""
    accounts: bool = False
    """Practice: the practice accounts shown in the panel (they are not shown unasked)."""

    def begin(self, profile: CourtProfile) -> None:
        """A walk of `profile` starts, as an attempt: none in the demo, a trainer's
        projector with no trainee and nothing recorded."""
        if self.mode != "demo":
            self.attempt = Attempt(profile, self.mode, self.trainee)

    def took(self, state: State, action: Action, mistake: MistakeKind | None) -> None:
        """The trainee took `action` in `state`; `mistake` is the kind it was, if any.
        A hint shown lasts until the move."""
        if self.attempt is not None:
            self.attempt.took(state, action, mistake)
        self.hint = False

    def ask_hint(self) -> bool:
        """Practice's hint (F7, ?): the guide's words for this page, counted; False where
        there is none to give (another mode, before the attempt, shown already)."""
        if self.mode != "practice" or self.hint or self.attempt is None:
            return False
        self.attempt.hinted()
        self.hint = True
        return True

    def opened_guide(self) -> None:
        """In practice, the guide open at this step (F1) is a hint too."""
        if self.mode == "practice" and self.attempt is not None:
            self.attempt.hinted()

    @property
    def tally(self) -> tuple[int, int]:
        """Mistakes and hints so far in the attempt (none without one)."""
        return self.attempt.tally if self.attempt is not None else (0, 0)

    def ends_at(self, profile: CourtProfile, state: State) -> bool:
        """Whether practice or an assessment ends at `state` (with its result shown)."""
        return self.mode in ("practice", "assess") and engine.is_end(profile, state)

    def file(self, state: State) -> AttemptRecord | None:
        """End the attempt in progress at `state` and keep its record with this run's;
        None where no attempt was going on."""
        if self.attempt is None:
            return None
        record = self.attempt.record(state)
        self.finished.append(record)
        self.attempt = None
        return record

    def walk_again(self, profile: CourtProfile, state: State) -> None:
        """Start over at the court's first page: a walk with steps, left at `state`, is
        an attempt of its own, and a new one begins (guided; practice and assess have
        filed theirs at the end)."""
        if self.attempt is not None and self.attempt.steps:
            self.file(state)
            self.attempt = Attempt(profile, self.mode, self.trainee)

    def walk_elsewhere(self, profile: CourtProfile, left: State | None) -> None:
        """A walk of `profile` begins elsewhere (another court, a scenario's screen, a
        jumped-to step): the walk with steps left at `left` is kept as its own."""
        if self.attempt is not None and self.attempt.steps and left is not None:
            self.file(left)
        self.begin(profile)

    def leave(self, state: State | None) -> None:
        """The run ends at `state`: an attempt left midway is recorded as left (an
        assessment: failed); one opened and closed with no step is no attempt."""
        if self.attempt is not None and state is not None and (
                self.attempt.steps or self.mode == "assess"):
            self.file(state)

    @property
    def exit_code(self) -> int | None:
        """The run's last assessment's verdict (0 passed, 1 not); None without one."""
        verdicts = [r.passed for r in self.finished if r.passed is not None]
        return None if not verdicts else 0 if verdicts[-1] else 1
