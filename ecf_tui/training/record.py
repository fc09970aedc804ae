"""Provides the record of one attempt, as a result file holds it (pydantic: it is read
back by `ecf-tui results` and the progress store).

A record names steps, actions and mistakes by their ids (`login:pacer:individual`,
`submit:invalid`): never what was typed. A typed password never reaches it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field

# The modes live in `modes` (no pydantic: the command line declares them); here for the
# App, which imports them from this module.
from ecf_tui.training.modes import MODES, Mode, coached

__all__ = ["MODES", "RECORD_FORMAT", "AttemptRecord", "Mode", "MistakeRecord", "PassRule",
           "StepRecord", "coached"]
RECORD_FORMAT: Final = "ecf-tui-attempt/1"


class Frozen(BaseModel):
    # Built on first use, not at import: a record is made at the end of an attempt, and
    # building the schemas at import was a tenth of the simulator's start.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class StepRecord(Frozen):
    """One action taken, and the time spent on the page before it."""

    step: str
    """The step id the action was taken on (`pacer-login`)."""
    action: str
    """The engine's action id (`login:pacer:individual`), never the text typed."""
    seconds: float = Field(ge=0)
    mistake: str | None = None
    """The kind of mistake the action was, if it was one."""


class MistakeRecord(Frozen):
    kind: str
    """A mistake kind (`firm-pacer`); the profile explains each."""
    step: str
    explanation: str
    """What the trainee did, in the profile's words (for a trainer reading the file)."""


class PassRule(Frozen):
    max_mistakes: int = Field(ge=0)
    hints_allowed: bool = False


class AttemptRecord(Frozen):
    """One walk of one court in one mode, from start to its end or to quitting."""

    format: Literal["ecf-tui-attempt/1"] = RECORD_FORMAT
    id: str = Field(pattern=r"^[0-9a-f]{32}$")
    version: str
    """The ecf-tui version that made it."""
    court: str
    mode: Mode
    trainee: str | None = None
    started: datetime
    ended: datetime
    steps: list[StepRecord] = []
    mistakes: list[MistakeRecord] = []
    hints: int = Field(default=0, ge=0)
    finished: bool
    """Whether the walk reached an end of the procedure (else the trainee quit)."""
    reached: str
    """The last step reached (`refreshed` at the full menus)."""
    linked_right: bool
    """Whether it ended at the full menus with the trainee's own accounts linked."""
    pass_rule: PassRule | None = None
    """The assessment's rule; None outside assess."""
    passed: bool | None = None
    """Whether the assessment was passed; None outside assess."""

    @property
    def seconds(self) -> float:
        return max((self.ended - self.started).total_seconds(), 0.0)

    @property
    def outcome(self) -> str:
        """`passed`, `failed` (assess), `completed` or `left` (the other modes)."""
        if self.passed is not None:
            return "passed" if self.passed else "failed"
        return "completed" if self.finished else "left"
