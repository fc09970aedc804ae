"""Provides making a transcript: the real App run headless from a start state through a
list of engine actions, the screen captured as text once each page has settled.

Each action is one the engine offers at its state, named by its id; a login or Submit
id names the practice account (`login:pacer:individual`), and the QA driver types that
account's credentials from the profile into the fields, as a person would, and the
form is captured filled in before it is sent. Nothing typed reaches a transcript but as
the app draws it: an id cannot carry typed text (typed credentials given to `record`
are written as the account they match), and a password field's row is masked.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ecf_tui import engine
from ecf_tui.court.errors import UserError
from ecf_tui.court.profile import CourtProfile
from ecf_tui.engine import Action, State
from ecf_tui.flows import codebook
from ecf_tui.registry.loading import Registry
from ecf_tui.transcripts.format import Screen, Size, Step, Transcript, shown_id

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from ecf_tui.app import EcfApp


class AppDiffers(Exception):
    """The App showed another state than the engine says an action leads to (a fault
    in the simulator, which QA finds too): no transcript is made of it."""


def offered(profile: CourtProfile, state: State) -> dict[str, Action]:
    """The actions the engine offers at `state`, by id (typed ones with the practice
    account's credentials from the profile)."""
    return {a.id: a for a in engine.actions(profile, state)}


def plan(profile: CourtProfile, start: State, ids: Sequence[str], option: str
         ) -> list[Action]:
    """The engine's actions for `ids`, each checked to be offered where the walk is;
    UserError naming the first that is not, and what that state offers."""
    state, found = start, list[Action]()
    for number, action_id in enumerate(ids, start=1):
        action = offered(profile, state).get(action_id)
        if action is None:
            raise _refused(profile, state, action_id, number, option)
        found.append(action)
        state = engine.step(profile, state, action)
    return found


def plan_text(profile: CourtProfile, start: State, text: str, option: str) -> list[Action]:
    """`--actions ID,ID,...` read against the walk: at each state the id offered there
    that the text goes on with (up to a comma or the end), so a label with a comma in
    it is read whole; UserError naming the first id that is not offered."""
    if text.endswith(","):
        raise UserError("--actions ends with a comma.", place=option,
                        fix="remove the last comma, or add the action after it.")
    state, found, rest = start, list[Action](), text
    while rest:
        ids = offered(profile, state)
        match = max((i for i in ids if rest == i or rest.startswith(f"{i},")), key=len,
                    default=None)
        if match is None:
            raise _refused(profile, state, rest.split(",")[0], len(found) + 1, option)
        found.append(ids[match])
        state = engine.step(profile, state, ids[match])
        rest = rest[len(match) + 1:]
    return found


def action_names(profile: CourtProfile) -> set[str]:
    """The names of every action the court offers somewhere (`follow`, `login`...)."""
    book = codebook.codebook(profile)
    return {a.name for _, state in book for a in engine.actions(profile, state)}


def _refused(profile: CourtProfile, state: State, action_id: str, number: int,
             option: str) -> UserError:
    shown = shown_id(action_id, action_names(profile))
    what = (f"'{shown}'" if shown == action_id else
            f"'{shown}' (the rest is not shown: a login or Submit is named by the account "
            "it logs in as, never by what is typed)" if shown else
            "(not shown: it is none of the court's kinds of action, and could be "
            "something typed)")
    choices = ", ".join(offered(profile, state)) or "none: the walk ends here"
    return UserError(f"action {number} {what} is not offered at "
                     f"{codebook.code(profile, state)}.", place=option,
                     fix=f"give one of the ids offered there: {choices}.")


@dataclass
class Session:
    """The App running headless at a terminal size, driven action by action."""

    app: EcfApp
    pilot: Pilot[None]

    @property
    def profile(self) -> CourtProfile:
        assert self.app.profile is not None, "a transcript's App always shows a court"
        return self.app.profile

    @property
    def state(self) -> State:
        assert self.app.state is not None, "a transcript's App always shows a court"
        return self.app.state

    async def screen(self, *, filled: bool = False) -> Screen:
        """The screen once its page has settled, as text. A notification is taken off
        first: it stays for a time, so whether a capture showed it would depend on how
        long the walk took (no action a transcript takes raises one in guided mode)."""
        from ecf_tui.qa.driver import screen_text, settled

        self.app.clear_notifications()
        await settled(self.pilot, self.app)
        rows = tuple(screen_text(self.app).splitlines())
        return Screen(codebook.code(self.profile, self.state), rows, filled)

    async def take(self, action: Action) -> tuple[Screen, ...]:
        """Do the action through the screen's control; a login or Submit types its
        credentials into the form's fields first, and the form filled in (the password
        masked) is captured before it is sent: returned. NoControl where the screen
        shows no control for the action."""
        from textual.widgets import Button

        from ecf_tui.qa.driver import carrier, credential_fields, perform

        if not action.typed:
            await perform(self.pilot, self.app, action, how="code")
            return ()
        user, secret = credential_fields(self.app)
        user.value, secret.value = action.username, action.password
        filled = await self.screen(filled=True)
        send = carrier(self.app, action)
        assert isinstance(send, Button)
        send.press()
        await self.pilot.pause()
        return (filled,)


@asynccontextmanager
async def session(reg: Registry, court: str, start: State, size: Size
                  ) -> AsyncIterator[Session]:
    """The App at `start`, headless, in guided mode (the mode `ecf-tui run` opens in)."""
    from ecf_tui.app import EcfApp

    app = EcfApp(reg, court, start)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        yield Session(app, pilot)


def record(reg: Registry, start: State, actions: Sequence[Action], size: Size, *,
           scenario: str | None = None, at: str | None = None) -> Transcript:
    """The transcript of the App from `start` through `actions` (as `plan` checked them,
    or typed ones: they are written as the account they resolve to); AppDiffers where
    the App leaves the engine's way."""
    return asyncio.run(_record(reg, start, actions, size, scenario, at))


async def _record(reg: Registry, start: State, actions: Sequence[Action], size: Size,
                  scenario: str | None, at: str | None) -> Transcript:
    from ecf_tui.qa.driver import NoControl

    profile = reg.load(start.court)
    steps = []
    state = start
    async with session(reg, profile.code, start, size) as walk:
        first = await walk.screen()
        for number, typed in enumerate(actions, start=1):
            # What was typed becomes the account it matches: only that is written.
            action = engine.resolve(profile, state, typed)
            if action.id not in offered(profile, state):
                raise _refused(profile, state, action.id, number, "actions")
            expected = engine.step(profile, state, action)
            try:
                filled = await walk.take(typed)
            except NoControl as missing:
                raise AppDiffers(f"at {codebook.code(profile, state)}: {missing}") from None
            if walk.state != expected:
                raise AppDiffers(f"after {action.id} the app shows "
                                 f"{codebook.code(profile, walk.state)} where the engine "
                                 f"leads to {codebook.code(profile, expected)}")
            steps.append(Step(action.id, (*filled, await walk.screen())))
            state = expected
    return Transcript(profile.code, codebook.code(profile, start), size, first, tuple(steps),
                      scenario, at)
