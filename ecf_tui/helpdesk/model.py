"""Provides the pydantic models of a help-desk scenario (one TOML file per scenario, in a
`scenarios/` folder beside the court profiles; the file's name is the scenario's id).

A scenario says what callers say, which accounts they used, the moves that lead to
their screen (played through the engine, never a state written by hand), and the fix.
It applies to the courts it lists under `[courts.CODE]`; there a plain string is a text
of that court's own guide, checked word for word like a profile's.
"""

from __future__ import annotations

import re

from pydantic import ConfigDict, Field, field_validator

from ecf_tui.court.profile import Model as ProfileModel
from ecf_tui.court.profile import Text


class Model(ProfileModel):
    # Built when the first scenario file is read, not when the app starts: only the help
    # desk's keys and commands read them.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

MOVE_FORMS = (
    "guide until STEP (the guide's way, with the scenario's accounts, to the first page "
    "of that step)",
    "log out (the court's Log Out)",
    "an action id the engine offers there, as `ecf-tui paths` shows them (check, "
    "continue, refresh, menu:Query, login:pacer:firm, submit:cmecf:colleague); `own` "
    "stands for the trainee's own account (login:cmecf:own)",
)


class Accounts(Model):
    """The accounts the caller used; the guide's way logs in and submits with these."""

    pacer: str = "own"
    """What was typed on the PACER login: `own` (the trainee's own PACER account), a
    PACER account id of the court's roster (`firm`, `not-upgraded`, `inactive`), or
    `cmecf:own` / `cmecf:ID` for CM/ECF credentials typed there."""
    cmecf: str = "own"
    """What was submitted on the link form: `own` or a CM/ECF account id (`colleague`,
    `linked`)."""


class CourtBinding(Model):
    """A court the scenario applies to, with the court's own fix."""

    fix: list[Text] = []
    """The fix in this court's guide's words (a plain string is this court's guide);
    none: the scenario's own `fix`."""
    moves: list[str] | None = None
    """This court's way to the caller's screen, where it differs from the scenario's."""


class Scenario(Model):
    """A help-desk scenario: what callers say, the way to their screen, and the fix."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    """The file's name: lower case words joined by hyphens."""
    title: str = Field(min_length=1)
    """What happened, in a line, in the help desk's words."""
    phrasings: list[str] = Field(min_length=2)
    """What callers say, in their words: several ways."""
    accounts: Accounts = Accounts.model_construct()  # no validator built at import
    """The accounts the caller used; by default the trainee's own."""
    moves: list[str] = Field(min_length=1)
    """The way from the court's start to the caller's screen (see MOVE_FORMS)."""
    fix: list[Text] = []
    """The fix where a court gives none of its own: the simulator's words, or another
    court's guide (`quoted_from`)."""
    courts: dict[str, CourtBinding] = Field(
        min_length=1, json_schema_extra={"propertyNames": {"pattern": r"^[A-Z][A-Z0-9]{1,9}$"}})
    """The courts whose guides support the scenario, by court code."""

    @field_validator("phrasings")
    @classmethod
    def _phrasings_differ(cls, value: list[str]) -> list[str]:
        if len({" ".join(p.lower().split()) for p in value}) < len(value):
            raise ValueError("two phrasings are the same")
        return value

    @field_validator("courts")
    @classmethod
    def _court_codes(cls, value: dict[str, CourtBinding]) -> dict[str, CourtBinding]:
        bad = [code for code in value if not re.fullmatch(r"[A-Z][A-Z0-9]{1,9}", code)]
        if bad:
            raise ValueError(f"'{bad[0]}' is not a court code (upper case, as MSSB)")
        return value

    def moves_for(self, court: str) -> list[str]:
        binding = self.courts[court]
        return binding.moves if binding.moves is not None else self.moves

    def fix_for(self, court: str) -> list[Text]:
        return self.courts[court].fix or self.fix
