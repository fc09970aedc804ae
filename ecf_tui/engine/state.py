"""Provides the engine's values: where the user is (`State`), what the user does
(`Action`), and the refusal of an action the state does not offer.

Typed credentials arrive inside an `Action`, are compared in memory against the
simulated accounts, and never reach a `State`: a state records which account
matched, never what was typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ecf_tui.court.profile import NoticeKey

HAPPY = "happy"
"""The situation of a walk with no mistake in it, and the id of the guide's own path."""
INVALID = "invalid"
"""The target of a login or Submit whose credentials match no account."""
WRONG_PASSWORD = "not-the-password"
"""The password the engine's own offered wrong-login actions carry."""


@dataclass(frozen=True)
class State:
    """Where the user is. Frozen, hashable, and free of anything typed."""

    court: str
    step: str
    pacer: str | None = None
    """The PACER account logged in (an id from the profile's roster)."""
    cmecf: str | None = None
    """The CM/ECF account submitted on the link form, shown on the confirm page."""
    linked: tuple[str, str] | None = None
    """(PACER id, CM/ECF id) linked during this run; it outlives a log out."""
    full_menus: bool = False
    checked: bool = False
    """The redaction agreement's checkbox."""
    cache_cleared: bool = False
    notice: NoticeKey | None = None
    """A message the engine shows on this step (a key of the profile's notices)."""


@dataclass(frozen=True)
class Action:
    """Something the user does. `password` never shows in a repr."""

    name: str
    target: str = ""
    """A link or menu label, or which account a login matched (`pacer:<id>`)."""
    username: str = field(default="", compare=False)
    password: str = field(default="", repr=False, compare=False)

    @property
    def id(self) -> str:
        return f"{self.name}:{self.target}" if self.target else self.name

    @property
    def typed(self) -> bool:
        """Whether it is credentials typed into a form (a login and a password), then
        sent: Login on the PACER login, Submit on the link form."""
        return self.name in ("login", "submit") and bool(self.username)


class ActionNotAllowed(Exception):
    """Raised by `step` for an action the state does not offer."""

    def __init__(self, action: Action, state: State) -> None:
        super().__init__(f"Can't {action.id} when in {state.step}.")
        self.action = action
        self.state = state
