"""Provides the attempt in progress: what the trainee did, step by step, with the time
spent on each page, the mistakes by kind and the hints asked for; at the end, the
assessment's verdict and the record a result file and the progress store keep.

The App tells it every action (by the engine's action id, never what was typed) and
every hint; the clock is passed in, so tests control time."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ecf_tui import __version__, engine
from ecf_tui.court.profile import CourtProfile, MistakeKind
from ecf_tui.engine import Action, State
from ecf_tui.training.record import (
    AttemptRecord,
    MistakeRecord,
    Mode,
    PassRule,
    StepRecord,
)


def pass_rule_text(profile: CourtProfile) -> str:
    """The assessment's rule, shown before it starts (the simulator's words)."""
    most = profile.assessment.max_mistakes
    allowed = "no mistake" if most == 0 else f"no more than {most} mistake" + (
        "s" if most > 1 else "")
    return (f"To pass: reach the full CM/ECF menus with your own practice accounts linked, "
            f"with {allowed} and no hints (the guide and hints are off).")


@dataclass
class Attempt:
    profile: CourtProfile
    mode: Mode
    trainee: str | None = None
    clock: Callable[[], float] = time.monotonic
    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    steps: list[StepRecord] = field(default_factory=list)
    mistakes: list[MistakeRecord] = field(default_factory=list)
    hints: int = 0

    def __post_init__(self) -> None:
        self.started = self.now()
        self._page_since = self.clock()

    def took(self, state: State, action: Action, mistake: MistakeKind | None) -> None:
        """The trainee took `action` in `state` (offered or refused); `mistake` is the
        kind of mistake it was, if any."""
        now = self.clock()
        self.steps.append(StepRecord(step=state.step, action=action.id,  # ids, not typing
                                     seconds=round(max(now - self._page_since, 0.0), 3),
                                     mistake=mistake))
        self._page_since = now
        if mistake is not None:
            self.mistakes.append(MistakeRecord(
                kind=mistake, step=state.step,
                explanation=self.profile.mistakes[mistake].did.text))

    def hinted(self) -> None:
        self.hints += 1

    @property
    def tally(self) -> tuple[int, int]:
        return len(self.mistakes), self.hints

    def passes(self, state: State) -> bool:
        """The assessment's rule: the full menus with the trainee's own accounts, no
        hints, at most the profile's number of mistakes."""
        return (engine.outcome(self.profile, state) == "pass"
                and self.profile.steps[state.step].kind == "refreshed"
                and self.hints == 0
                and len(self.mistakes) <= self.profile.assessment.max_mistakes)

    def record(self, state: State) -> AttemptRecord:
        """The attempt as it stands at `state` (its end, or where the trainee quit)."""
        finished = engine.is_end(self.profile, state)
        linked_right = (self.profile.steps[state.step].kind == "refreshed"
                        and engine.outcome(self.profile, state) == "pass")
        assess = self.mode == "assess"
        return AttemptRecord(
            id=self.id, version=__version__, court=self.profile.code, mode=self.mode,
            trainee=self.trainee, started=self.started, ended=self.now(),
            steps=list(self.steps), mistakes=list(self.mistakes), hints=self.hints,
            finished=finished, reached=state.step, linked_right=linked_right,
            pass_rule=PassRule(max_mistakes=self.profile.assessment.max_mistakes)
            if assess else None,
            passed=self.passes(state) if assess else None,
        )
