"""Provides a profile's problems as the paragraphs `validate` and `run` print: each in
the file that holds its field (the court's, or a base it extends), at a line and
column, with the fix. A schema problem is pydantic's error made readable (never with
its input: it may be something typed).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ecf_tui.court.errors import UserError
from ecf_tui.court.toml_places import describe_loc, find_place

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ecf_tui.flows.flow_checks import Problem

Loc = tuple[str | int, ...]


def located(files: list[Path], loc: Loc) -> dict[str, Any]:
    """The file that holds a field (the court's, or a base profile it extends) and the
    line and column there, as UserError's `file` and `place`."""
    where = describe_loc(loc)
    for file in files:
        found = find_place(file, loc)
        if found and file == files[0]:
            return {"file": file, "place": f"{found} (field {where})"}
        if found:
            return {"file": file, "place": f"{found} (field {where}, which {files[0].name} "
                                           f"takes from this base profile)"}
    return {"file": files[0], "place": f"field {where}"}


def flow_problem(problem: Problem, files: list[Path]) -> UserError:
    """A problem the flow checks (or the guide-fidelity check) found, placed."""
    return UserError(problem.problem, **located(files, problem.loc), fix=problem.fix)


def schema_problem(error: Any, files: list[Path]) -> UserError:
    """One of pydantic's errors (as `errors(include_input=False)` gives them), placed."""
    from ecf_tui.court.model_paths import clean_loc, keys_at

    loc = clean_loc(error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        bad = str(loc[-1])
        valid = keys_at(error["loc"][:-1])
        close = nearest(bad, valid)
        fix = (f"did you mean '{close}'? " if close else "")
        fix += f"Valid keys here: {', '.join(valid)}."
        return UserError(f"unknown key '{bad}'.", **located(files, loc), fix=fix)
    if kind == "missing":
        return UserError(f"the key '{loc[-1]}' is missing.", **located(files, loc[:-1]),
                         fix=f"add {loc[-1]} = ... there.")
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        from ecf_tui.court.profile import STEP_KINDS

        return UserError("a step needs a known kind.", **located(files, loc),
                         fix=f"set kind to one of: {', '.join(STEP_KINDS)}.")
    message = error["msg"].rstrip(".")
    return UserError(f"{message[0].lower()}{message[1:]}.", **located(files, loc),
                     fix="give a value of the expected type and form.")


def nearest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to a misspelt word, if one is close."""
    import difflib

    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None
