"""Provides replaying a transcript: the App run headless again from the same start, at the
same size, through the same actions, each screen compared with the transcript's line
by line; the first line that differs is the answer."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from ecf_tui.court.errors import UserError
from ecf_tui.court.profile import CourtProfile
from ecf_tui.engine import State
from ecf_tui.flows import codebook
from ecf_tui.registry.loading import Registry
from ecf_tui.transcripts.format import ACTION_MARK, Screen, Transcript, screen_lines, shown_id
from ecf_tui.transcripts.record import action_names, offered, session


@dataclass(frozen=True)
class Difference:
    """The first line of a transcript the app no longer agrees with."""

    line: int
    text: str
    """What differs, in a sentence (without the file and line)."""

    def message(self, file: str) -> str:
        return f"{file}:{self.line}: {self.text}"


def _has(line: str, where: str, now: str) -> str:
    return f'the transcript has "{line}" where the app now {now} ({where})'


def replay(reg: Registry, transcript: Transcript, file: str) -> Difference | None:
    """Replay the transcript with the courts as `reg` has them now; the first line that
    differs, or None where every screen is the same."""
    try:
        profile = reg.load(transcript.court)
    except UserError as problem:
        raise UserError(problem.problem, file=file,
                        place=f"line {transcript.places.get('court', 2)}",
                        fix=problem.fix) from None
    _check_actions(profile, transcript, file)
    start = codebook.codebook(profile).state(transcript.start)
    if start is None:
        line = transcript.places.get("start", 3)
        return Difference(line, _has(f"start: {transcript.start}", "the start",
                                     f"has no state with that code at {profile.code}"))
    return asyncio.run(_replay(reg, transcript, start))


def _check_actions(profile: CourtProfile, transcript: Transcript, file: str) -> None:
    """Each action is one of the court's kinds of action, and a login or Submit names
    an account's form; UserError (a malformed transcript) naming the first that is not,
    without repeating it (it could be something typed). One the court has but not at
    that point is a difference the replay finds."""
    names = action_names(profile)
    for number, step in enumerate(transcript.steps, start=1):
        shown = shown_id(step.action, names)
        if shown is None:
            raise UserError(f"action {number} is not an action of {profile.code} (it is not "
                            "shown: it could be something typed).", file=file,
                            place=f"line {step.line}",
                            fix=f"an action id starts with one of {', '.join(sorted(names))} "
                                f"('ecf-tui paths {profile.code}' shows the ids).")
        if shown != step.action:
            name = shown.partition(":")[0]
            raise UserError(f"action {number} '{shown}' names no account (the rest is not "
                            "shown: it could be something typed).", file=file,
                            place=f"line {step.line}",
                            fix=f"a {name} is written as the account it logs in as "
                                "(login:pacer:individual, submit:cmecf:filer, login:invalid)"
                                ", never as what is typed.")


async def _replay(reg: Registry, transcript: Transcript, start: State
                  ) -> Difference | None:
    """Each screen the app shows now, compared line by line with the transcript's in
    order (a filled-in form where the transcript has none differs at its marker)."""
    from ecf_tui.qa.driver import NoControl

    expected = screen_lines(transcript)
    codes = [s.code for s in transcript.screens for _ in range(transcript.size[1] + 1)]
    at = 0  # the next of the transcript's lines to compare

    def compare(shown: Screen) -> Difference | None:
        nonlocal at
        number = at // (transcript.size[1] + 1) + 1
        for offset, now in enumerate(shown.lines(number)):
            if at >= len(expected):
                return Difference(expected[-1][0], _has(
                    expected[-1][1], f"screen {number - 1}, the last",
                    f'shows another screen after it: "{now[1]}"'))
            line, had = expected[at]
            if had != now[1]:
                what = (f"screen {number}, {codes[at]}" if offset == 0 else
                        f"screen {number}, {codes[at]}, row {offset}")
                return Difference(line, _has(had, what, f'shows "{now[1]}"'))
            at += 1
        return None

    async with session(reg, transcript.court, start, transcript.size) as walk:
        difference = compare(await walk.screen())
        for number, step in enumerate(transcript.steps, start=1):
            if difference is not None:
                return difference
            where = f"action {number}, at {codebook.code(walk.profile, walk.state)}"
            action = offered(walk.profile, walk.state).get(step.action)
            if action is None:
                choices = ", ".join(offered(walk.profile, walk.state)) or "none"
                return Difference(step.line, _has(f"{ACTION_MARK}{step.action}", where,
                                                  f"offers only {choices}"))
            try:
                filled = await walk.take(action)
            except NoControl:
                return Difference(step.line, _has(f"{ACTION_MARK}{step.action}", where,
                                                  "shows no control for it"))
            for shown in (*filled, await walk.screen()):
                difference = difference or compare(shown)
    if difference is None and at < len(expected):
        line, had = expected[at]
        return Difference(line, _has(had, f"screen {at // (transcript.size[1] + 1) + 1}",
                                     "shows no such screen"))
    return difference
