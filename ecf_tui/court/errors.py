"""Provides the one error type the command line prints as a paragraph (exit 2)."""

from __future__ import annotations

import os
from pathlib import Path


class UserError(Exception):
    """Bad input: a broken profile, an unknown court, a bad option.

    Printed as one paragraph naming the file, the place and the fix; never a
    traceback, and never the input's value (it may be something typed).
    """

    def __init__(self, problem: str, *, file: Path | str | None = None,
                 place: str | None = None, fix: str | None = None) -> None:
        self.problem = problem
        self.file = str(file) if file is not None else None
        self.place = place
        self.fix = fix
        super().__init__(self.paragraph())

    def paragraph(self) -> str:
        where = ""
        if self.file:
            where = f"{self.file}"
            if self.place:
                where += f", {self.place}"
            where += ": "
        elif self.place:
            where = f"{self.place}: "
        text = f"ecf-tui: {where}{self.problem}"
        if self.fix:
            text += f" Fix: {self.fix}"
        return text


class ProfileErrors(UserError):
    """Several problems in one profile, reported together."""

    def __init__(self, file: Path | str, problems: list[UserError]) -> None:
        self.problems = problems
        first = problems[0]
        more = f" ({len(problems) - 1} more problem(s) below.)" if len(problems) > 1 else ""
        super().__init__(first.problem + more, file=first.file or file, place=first.place,
                         fix=first.fix)

    def paragraph(self) -> str:
        head = super().paragraph()
        rest = [p.paragraph().removeprefix("ecf-tui: ") for p in self.problems[1:]]
        return "\n".join([head, *(f"  - {r}" for r in rest)])


def writable_folder(path: Path, option: str) -> Path:
    """Make the folder an option names (`--out`) and check it can be written, before any
    long run starts writing into it."""
    if path.exists() and not path.is_dir():
        raise UserError("this is a file, not a folder.", file=path, place=option,
                        fix="give a folder (it is made if missing).")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise UserError(f"cannot make this folder ({err.strerror}).", file=path, place=option,
                        fix="give a folder you can write to (it is made if missing).") from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise UserError("cannot write into this folder.", file=path, place=option,
                        fix="give a folder you can write to (it is made if missing).")
    return path
