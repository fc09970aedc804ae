"""Provides field paths through the profile models: pydantic's error locations
made readable, and the keys valid at a place (to suggest the nearest one)."""

from __future__ import annotations

import types
import typing
from typing import Any, get_args, get_origin

from pydantic import BaseModel

from ecf_tui.court.profile import CourtProfile


def bare(annotation: Any) -> Any:
    """An annotation without `Annotated` and `None`: a model, `list[...]`, `dict[...]`, a
    plain type, or a tuple of the members of a union (the step kinds')."""
    while get_origin(annotation) is typing.Annotated:
        annotation = get_args(annotation)[0]
    if get_origin(annotation) in (typing.Union, types.UnionType):
        members = [a for a in get_args(annotation) if a is not type(None)]
        if len(members) == 1:
            return bare(members[0])
        return tuple(bare(m) for m in members)
    return annotation


def _walk(loc: tuple[str | int, ...]) -> tuple[tuple[str | int, ...], Any]:
    clean: list[str | int] = []
    current: Any = CourtProfile
    parts = list(loc)
    while parts:
        part = parts.pop(0)
        if isinstance(current, tuple):  # a union of step kinds: pydantic puts the tag here
            current = next(
                (m for m in current if kind_of(m) == part), None
            )
            if current is None:
                break
            continue
        clean.append(part)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            current = bare(field.annotation) if field else None
        elif get_origin(current) is dict:
            current = bare(get_args(current)[1])
        elif get_origin(current) is list:
            current = bare(get_args(current)[0])
        else:
            current = None
        if current is None:
            clean.extend(parts)
            break
    return tuple(clean), current


def kind_of(model: Any) -> str | None:
    """The step kind a model is for (its `kind` literal); None for a model of no kind."""
    if isinstance(model, type) and issubclass(model, BaseModel) and "kind" in model.model_fields:
        args = get_args(model.model_fields["kind"].annotation)
        return args[0] if args else None
    return None


def clean_loc(loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """Pydantic's location without the discriminator tags it inserts for step kinds."""
    return _walk(tuple(loc))[0]


def keys_at(raw_loc: tuple[str | int, ...]) -> list[str]:
    """The keys a table may hold at pydantic's location `raw_loc` (tags included)."""
    model = _walk(tuple(raw_loc))[1]
    if isinstance(model, type) and issubclass(model, BaseModel):
        return list(model.model_fields)
    return []

