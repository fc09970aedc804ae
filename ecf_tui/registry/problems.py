"""Provides a profile's problems as the paragraphs `validate` and `run` print: each in
the file that holds its field (the court's, or a base it extends), at a line and
column, with the fix. A schema problem is pydantic's error made readable (never with
its input: it may be something typed); a key or table the merged profile lacks says
what goes in it, from the model's fields and their docstrings, and where to write it.

Where a missing key goes: a table at the end of the court's file, the one place a new
table header is always valid TOML and takes no key that follows (and a court file holds
only its differences from its base, so there is no order of tables to keep); a top-level
key above the file's first table, as below a table's header a key is that table's; a key
of a table, at that table.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ecf_tui.court.errors import UserError
from ecf_tui.court.toml_places import describe_loc, find_place, free_lines

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
    """A problem the flow checks (or validate's guide check) found, placed."""
    return UserError(problem.problem, **located(files, problem.loc), fix=problem.fix)


def schema_problem(error: Any, files: list[Path]) -> UserError:
    """One of pydantic's errors (as `errors(include_input=False)` gives them), placed."""
    from ecf_tui.court.model_paths import clean_loc, keys_at, model_at

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
        return _missing(error["loc"], loc, files)
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        from ecf_tui.court.profile import STEP_KINDS

        return UserError("a step needs a known kind.", **located(files, loc),
                         fix=f"set kind to one of: {', '.join(STEP_KINDS)}.")
    if kind == "model_type" and _is_text(model_at(error["loc"])):
        # "a valid dictionary or instance of Text": a text is written as a string.
        return UserError("is not a text.", **located(files, loc),
                         fix='write the words in quotes ("..."), or { text = "...", '
                             'source = "simulator" } for words the guide does not have.')
    if kind == "value_error" and FIX_MARK in error["msg"]:
        # The models' own checks word the problem and its fix (`FIX_MARK` between them).
        problem, _, fix = error["msg"].removeprefix("Value error, ").partition(FIX_MARK)
        return UserError(problem, **located(files, loc), fix=fix)
    message = error["msg"].rstrip(".")
    return UserError(f"{message[0].lower()}{message[1:]}.", **located(files, loc),
                     fix="give a value of the expected type and form.")


FIX_MARK = " Fix: "
"""Between the problem and its fix in a model's own check's message."""


def _missing(raw_loc: Loc, loc: Loc, files: list[Path]) -> UserError:
    """A key the merged profile lacks: what goes in it (its docstring; a table's keys,
    required first) and where it goes (see the module's docstring)."""
    from ecf_tui.court.field_docs import brief, field_docs
    from ecf_tui.court.model_paths import field_at, table_help

    name, where, at = str(loc[-1]), describe_loc(loc), field_at(raw_loc)
    doc = brief(field_docs(at[0]).get(name, "")) if at else ""
    says = f": {doc}." if doc else "."
    table = table_help(where, at[1]) if at else None
    top, end = free_lines(files[0])
    if table is not None and not any(isinstance(p, int) for p in loc):
        return UserError(f"the table [{where}] is missing{says}", file=files[0],
                         place=f"line {end}, column 1 (field {where}, at the end of the "
                               "file)", fix=f"add it there: {table}.")
    if len(loc) == 1:
        return UserError(f"the key '{name}' is missing{says}", file=files[0],
                         place=f"line {top}, column 1 (field {where}, above the file's "
                               "first table)" if top < end else
                               f"line {end}, column 1 (field {where}, at the end of the file)",
                         fix=f"add {name} = ... there, with the other top-level keys (a key "
                             "below a table's header belongs to that table).")
    return UserError(f"the key '{name}' is missing{says}", **located(files, loc[:-1]),
                     fix=f"add {name} = ... there.")


def _is_text(model: Any) -> bool:
    from ecf_tui.court.profile import Text

    return model is Text


def nearest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to a misspelt word, if one is close."""
    import difflib

    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None
