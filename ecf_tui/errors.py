"""Provides the one error type the command line prints as a paragraph (exit 2)."""

from __future__ import annotations

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
