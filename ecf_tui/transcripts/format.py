"""Provides the transcript and its plain-text form: written by `ecf-tui transcript`,
read by `ecf-tui replay`, and meant to be read in a pager and diffed.

    ecf-tui transcript 1
    court: MOEB
    start: MOEB/happy/before-you-begin
    size: 100x30
    scenario: menus-not-shown
    # (two comment lines saying how to read and replay it)

    === screen 1: MOEB/happy/before-you-begin
    |<the first terminal row, as the app showed it>
    ...                              (exactly as many "|" rows as the size is high)

    --> begin
    === screen 2: MOEB/happy/home
    ...

    --> login:pacer:individual
    === screen 5: MOEB/happy/pacer-login (filled in, not yet sent)
    ...                              (the login and password typed: the password masked)
    === screen 6: MOEB/happy/redaction
    ...

A row is the terminal row with its trailing spaces taken off, after a "|" so that no
row can be taken for a marker (and a row's leading spaces stay visible); a password
field's row is as the app draws it, masked. A "-->" line is the engine's id of the
action taken on the screen above it: a login or Submit is named by the account it
logs in as (`login:pacer:individual`), never by what was typed; its form is shown
filled in before it is sent, a screen of its own. Blank lines and "#" lines between
the blocks are ignored. Nothing here imports Textual.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ecf_tui.court.errors import UserError

VERSION = 1
FIRST_LINE = f"ecf-tui transcript {VERSION}"
SCREEN_MARK = "=== screen "
FILLED = " (filled in, not yet sent)"
ACTION_MARK = "--> "
ROW_MARK = "|"
COMMENT = (
    "# Each '|' line is a terminal row as the app showed it (password fields masked); each",
    "# '-->' line is the action taken on the screen above it. Check: ecf-tui replay FILE",
)
MIN_SIZE = (80, 24)
"""The smallest terminal a transcript is made at (as `ecf-tui qa --size`)."""
REQUIRED = ("court", "start", "size")
OPTIONAL = ("scenario", "at")

Size = tuple[int, int]

TYPED_NAMES = ("login", "submit")
"""Actions whose id could be taken for credentials: only the account's form is echoed."""
ACCOUNT = re.compile(r"(pacer|cmecf):[A-Za-z0-9_-]+|invalid")
"""How a login or Submit names what it logs in as (`pacer:individual`, `invalid`)."""

_SCREEN = re.compile(r"=== screen (\d+): (\S+)(" + re.escape(FILLED) + ")?")
_SIZE = re.compile(r"(\d+)x(\d+)")
_HEADER = re.compile(r"([a-z]+): (.*)")


@dataclass(frozen=True)
class Screen:
    """One screen as the app showed it: the state's exact code and the terminal's rows."""

    code: str
    rows: tuple[str, ...]
    filled: bool = False
    """A form with the login and password typed in (the password masked), not sent yet."""
    line: int = field(default=0, compare=False)
    """The line of its marker in the file it was read from (0: made, not read); row i
    is on line `line + 1 + i`."""

    def marker(self, number: int) -> str:
        return f"{SCREEN_MARK}{number}: {self.code}{FILLED if self.filled else ''}"

    def lines(self, number: int) -> list[tuple[int, str]]:
        """Its marker and rows as (line in the file, or 0; text)."""
        return [(self.line, self.marker(number)),
                *((self.line + 1 + i if self.line else 0, ROW_MARK + row)
                  for i, row in enumerate(self.rows))]


@dataclass(frozen=True)
class Step:
    """An action and what it showed: the form filled in first (a login or Submit),
    then the screen it led to."""

    action: str
    screens: tuple[Screen, ...]
    line: int = field(default=0, compare=False)
    """The line of its "-->" line in the file it was read from (0: made, not read)."""


@dataclass(frozen=True)
class Transcript:
    """A walk through the App: the first screen, then each action and its screens."""

    court: str
    start: str
    """The exact code of the state the walk starts at."""
    size: Size
    first: Screen
    steps: tuple[Step, ...]
    scenario: str | None = None
    at: str | None = None
    places: Mapping[str, int] = field(default_factory=dict, compare=False, hash=False)
    """The line each header key was read from (0 where not read)."""

    def __post_init__(self) -> None:
        if any(len(s.rows) != self.size[1] for s in self.screens):
            raise ValueError("a transcript's screens have as many rows as its size is high")
        if self.first.filled or any(not s.screens or s.screens[-1].filled or
                                    any(not f.filled for f in s.screens[:-1])
                                    for s in self.steps):
            raise ValueError("an action shows its filled-in form(s), then one screen")

    @property
    def screens(self) -> tuple[Screen, ...]:
        """Every screen in order, filled-in forms included."""
        return (self.first, *(screen for step in self.steps for screen in step.screens))

    @property
    def actions(self) -> tuple[str, ...]:
        return tuple(step.action for step in self.steps)


def shown_id(action_id: str, names: Collection[str]) -> str | None:
    """An action id as a message may repeat it, given the names of the court's actions
    (`follow`, `login`...): None where its name is none of them, and a login's or
    Submit's target only where it is an account's form. A person may give what they
    typed where an id goes; that is never repeated."""
    name, _, target = action_id.partition(":")
    if name not in names:
        return None
    if name in TYPED_NAMES and target and not ACCOUNT.fullmatch(target):
        return f"{name}:…"
    return action_id


def size_text(size: Size) -> str:
    return f"{size[0]}x{size[1]}"


def to_text(transcript: Transcript) -> str:
    """The transcript's plain-text form (`parse` reads it back as it was)."""
    lines = [FIRST_LINE, f"court: {transcript.court}", f"start: {transcript.start}",
             f"size: {size_text(transcript.size)}"]
    if transcript.scenario is not None:
        lines.append(f"scenario: {transcript.scenario}")
    if transcript.at is not None:
        lines.append(f"at: {transcript.at}")
    lines += [*COMMENT, ""]
    number = 1
    lines += [text for _, text in transcript.first.lines(number)]
    for step in transcript.steps:
        lines += ["", f"{ACTION_MARK}{step.action}"]
        for screen in step.screens:
            number += 1
            lines += [text for _, text in screen.lines(number)]
    return "\n".join(lines) + "\n"


def screen_lines(transcript: Transcript) -> list[tuple[int, str]]:
    """Every screen's marker and rows as (line in the file, text), in order."""
    return [line for number, screen in enumerate(transcript.screens, start=1)
            for line in screen.lines(number)]


def parse(text: str, file: Path | str) -> Transcript:
    """A transcript's text read back; UserError naming the line where it is malformed."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != FIRST_LINE:
        found = lines[0].strip() if lines else ""
        problem = ("this is not an ecf-tui transcript (its first line is not "
                   f"'{FIRST_LINE}')." if not found.startswith("ecf-tui transcript ")
                   else f"this transcript is of a version this ecf-tui does not read "
                        f"('{found}').")
        raise UserError(problem, file=file, place="line 1",
                        fix="give a file 'ecf-tui transcript CODE --out FILE' wrote, or make "
                            "it again with this version.")
    header, places, n = _header(lines, file)
    size = _size(header["size"], file, places["size"])
    court = header["court"]
    if not header["start"].startswith(f"{court}/"):
        raise UserError(f"the start '{header['start']}' is not a state code of {court}.",
                        file=file, place=f"line {places['start']}",
                        fix=f"give the exact code of a state of {court}, such as "
                            f"{court}/happy/<step> ('ecf-tui paths {court} --codes').")
    first, steps = _body(lines, n, size[1], file)
    return Transcript(court, header["start"], size, first, tuple(steps),
                      header.get("scenario"), header.get("at"), places)


def _header(lines: list[str], file: Path | str) -> tuple[dict[str, str], dict[str, int], int]:
    """The header's keys and their lines, and the index of the first line after it."""
    header: dict[str, str] = {}
    places: dict[str, int] = {}
    n = 1
    while n < len(lines) and lines[n].strip() and not lines[n].startswith(SCREEN_MARK):
        line = lines[n]
        n += 1
        if line.startswith("#"):
            continue
        match = _HEADER.fullmatch(line.rstrip())
        key = match.group(1) if match else None
        if match is None or key not in (*REQUIRED, *OPTIONAL):
            raise UserError(f"'{line.strip()[:60]}' is not a line of a transcript's header.",
                            file=file, place=f"line {n}",
                            fix="the header's lines are 'KEY: VALUE' with KEY one of "
                                f"{', '.join((*REQUIRED, *OPTIONAL))}, then a blank line.")
        assert key is not None
        if key in header:
            raise UserError(f"the header gives '{key}' twice.", file=file, place=f"line {n}",
                            fix=f"keep one '{key}:' line.")
        value = match.group(2).strip() if match else ""
        if not value:
            raise UserError(f"the header's '{key}' is empty.", file=file, place=f"line {n}",
                            fix=f"give its value after '{key}: '.")
        header[key], places[key] = value, n
    missing = [k for k in REQUIRED if k not in header]
    if missing:
        raise UserError(f"the header has no '{missing[0]}' line.", file=file,
                        place=f"line {n + 1}",
                        fix="a transcript's header gives court, start and size, each on a "
                            "line of its own, then a blank line.")
    return header, places, n


def _size(text: str, file: Path | str, line: int) -> Size:
    match = _SIZE.fullmatch(text)
    if match is None:
        raise UserError(f"'{text}' is not a terminal size.", file=file, place=f"line {line}",
                        fix="give WIDTHxHEIGHT, such as 100x30.")
    width, height = int(match.group(1)), int(match.group(2))
    if width < MIN_SIZE[0] or height < MIN_SIZE[1]:
        raise UserError(f"{text} is smaller than the simulator's "
                        f"{size_text(MIN_SIZE)}.", file=file, place=f"line {line}",
                        fix="give at least 80x24, the size it was made at.")
    return width, height


def _body(lines: list[str], n: int, height: int, file: Path | str
          ) -> tuple[Screen, list[Step]]:
    """The screens and the actions after the header. After an action come its
    filled-in form (if any), then the screen it led to; then another action, or the end."""
    screens: list[Screen] = []
    steps: list[tuple[str, int, list[Screen]]] = []
    want_screen = True  # a screen must come next (at the start, after an action)
    while n < len(lines):
        line, number = lines[n], n + 1
        if not line.strip() or line.startswith("#"):
            n += 1
            continue
        screen = _SCREEN.fullmatch(line.rstrip())
        if screen is not None and want_screen:
            if int(screen.group(1)) != len(screens) + 1:
                raise UserError(f"screen {screen.group(1)} is here where screen "
                                f"{len(screens) + 1} comes next.", file=file,
                                place=f"line {number}",
                                fix="number the screens 1, 2, 3... in order.")
            filled = screen.group(3) is not None
            if filled and not steps:
                raise UserError("the first screen is a filled-in form; a walk starts at a "
                                "page as it opens.", file=file, place=f"line {number}",
                                fix=f"take '{FILLED.strip()}' off its line.")
            rows = _rows(lines, n + 1, height, len(screens) + 1, file)
            screens.append(Screen(screen.group(2), rows, filled, number))
            if steps:
                steps[-1][2].append(screens[-1])
            n += 1 + height
            want_screen = filled
            continue
        if not want_screen and line.startswith(ACTION_MARK) and line[len(ACTION_MARK):].strip():
            steps.append((line[len(ACTION_MARK):], number, []))
            n += 1
            want_screen = True
            continue
        if want_screen:
            what = ("an action" if line.startswith(ACTION_MARK) else
                    "a row" if line.startswith(ROW_MARK) else f"'{line.strip()[:40]}'")
            raise UserError(f"{what} is here where a screen's first line was expected.",
                            file=file, place=f"line {number}",
                            fix=f"each screen starts '{SCREEN_MARK}N: CODE', and each "
                                f"action ('{ACTION_MARK}ID') has a screen after it.")
        what = ("another screen" if screen is not None else
                "a row" if line.startswith(ROW_MARK) else f"'{line.strip()[:40]}'")
        raise UserError(f"{what} follows screen {len(screens)}'s {height} rows, where an "
                        "action or the end of the file was expected.", file=file,
                        place=f"line {number}",
                        fix=f"put the action taken ('{ACTION_MARK}ID') between two screens; "
                            f"each screen has exactly {height} rows, as the size says.")
    if not screens:
        raise UserError("the transcript has no screens.", file=file,
                        place=f"line {len(lines)}",
                        fix="make it again: 'ecf-tui transcript CODE --out FILE'.")
    if want_screen:
        action, line_number, _ = steps[-1]
        raise UserError(f"action {len(steps)} has no screen it led to after it.", file=file,
                        place=f"line {line_number}",
                        fix="remove the last action, or make the transcript again.")
    return screens[0], [Step(action, tuple(shown), line) for action, line, shown in steps]


def _rows(lines: list[str], first: int, height: int, screen: int, file: Path | str
          ) -> tuple[str, ...]:
    rows = []
    for n in range(first, first + height):
        if n >= len(lines) or not lines[n].startswith(ROW_MARK):
            raise UserError(f"screen {screen} has {n - first} rows where the size says "
                            f"{height}.", file=file, place=f"line {n + 1}",
                            fix=f"each screen has exactly {height} rows, each starting "
                                f"'{ROW_MARK}': make the transcript again.")
        rows.append(lines[n][len(ROW_MARK):].rstrip())
    return tuple(rows)
