"""Provides the valid pieces of a profile that fails its schema, so that the checks that
read models (step references, guide fidelity) still run on everything the schema
problems leave whole: every problem of a file comes in one run, not a schema problem
first and a misquoted text after it is fixed.

How: the raw profile (its base merged in) is validated piece by piece, top down, along
the models' own fields. A piece that validates is kept as what pydantic makes of it (a
step, a list of links, a text); one that fails is split into its parts, each tried on
its own: a model's fields, a list's items, a table's values by id, and a step's fields
by its kind's model (a step of no known kind, misspelt or missing, by the fields of
every kind: its links and texts are checked all the same).
So `guide_step = 5` in one step costs that one field: the step's links, its other
texts, and every other step come back whole, each with its place.

Why the models and not a walk of the raw tables for strings at text places and step
names: the models are the one statement of which key holds a text or names a step (a
string at `kind`, `person` or `to` is no text; a text is a string or a table; what
`Text` accepts), and a field declared tomorrow is salvaged as it is checked, with no
list kept here. What comes back goes through the same `step_references` and `texts`
as a whole profile's.

Only a profile that fails its schema is split: a valid one is validated once, whole,
or read back from the cache, and nothing here runs.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from ecf_tui.court.fidelity import texts
from ecf_tui.court.model_paths import bare, kind_of
from ecf_tui.court.profile import CourtProfile, Loc, Text, names_a_step, step_references


@dataclass(frozen=True)
class Piece:
    """A largest part of a raw profile that its schema accepts: its place, and what
    pydantic made of it (a model, a list or table of them, or a plain value)."""

    loc: Loc
    value: Any
    names_a_step: bool = False
    """Whether the piece is a field declared `StepRef`: its value is a step id."""


def salvage(raw: Mapping[str, Any]) -> list[Piece]:
    """The valid pieces of a raw profile, in the models' field order."""
    return list(_split(CourtProfile, raw, ()))


def references(pieces: list[Piece]) -> Iterator[tuple[Loc, str | None]]:
    """Every step the pieces name, with its place, as `step_references` gives them for
    a whole profile."""
    for piece in pieces:
        if piece.names_a_step:
            yield piece.loc, piece.value
            continue
        for loc, model in _models(piece.value, piece.loc):
            yield from step_references(model, loc)


def salvaged_texts(pieces: list[Piece]) -> Iterator[tuple[Loc, Text]]:
    """Every text in the pieces, with its place, as `fidelity.texts` gives them for a
    whole profile."""
    for piece in pieces:
        for loc, model in _models(piece.value, piece.loc):
            yield from texts(model, loc)


def _models(value: Any, loc: Loc) -> Iterator[tuple[Loc, BaseModel]]:
    """The outermost models in a validated value: itself, or those in its lists and
    tables."""
    if isinstance(value, BaseModel):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _models(item, (*loc, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _models(item, (*loc, i))


def _salvage(annotation: Any, raw: Any, loc: Loc, ref: bool = False) -> Iterator[Piece]:
    """`raw` as one piece where `annotation` accepts it whole, else its valid parts."""
    try:
        value = _adapter(annotation).validate_python(raw)
    except ValidationError:  # dropped: its problems are the whole profile's, reported
        yield from _split(annotation, raw, loc)
        return
    yield Piece(loc, value, ref)


def _split(annotation: Any, raw: Any, loc: Loc) -> Iterator[Piece]:
    """The valid parts of a value `annotation` does not accept whole; none where it has
    no parts (a plain value, or a value of the wrong shape: a string for a table)."""
    kind = bare(annotation)
    if isinstance(kind, tuple) and isinstance(raw, Mapping):  # the steps' union
        own = next((m for m in kind if kind_of(m) == raw.get("kind")), None)
        yield from _fields(own.model_fields if own else _any_kinds(kind), raw, loc)
    elif isinstance(kind, type) and issubclass(kind, BaseModel) and isinstance(raw, Mapping):
        yield from _fields(kind.model_fields, raw, loc)
    elif get_origin(kind) is list and isinstance(raw, list):
        for i, item in enumerate(raw):
            yield from _salvage(get_args(kind)[0], item, (*loc, i))
    elif get_origin(kind) is dict and isinstance(raw, Mapping):
        for key, item in raw.items():
            yield from _salvage(get_args(kind)[1], item, (*loc, key))


def _fields(fields: Mapping[str, FieldInfo], raw: Mapping[str, Any], loc: Loc
            ) -> Iterator[Piece]:
    for name, info in fields.items():
        if name in raw:
            yield from _salvage(info.rebuild_annotation(), raw[name], (*loc, name),
                                names_a_step(info))


@cache
def _any_kinds(kinds: tuple[type[BaseModel], ...]) -> dict[str, FieldInfo]:
    """The fields of a step of no known kind (a misspelt one, or none): every kind's,
    each as the first kind to declare it does (`links`, `next`, `back_to` are of one
    type in every kind that has them), but `kind` itself."""
    fields: dict[str, FieldInfo] = {}
    for model in kinds:
        for name, info in model.model_fields.items():
            if name != "kind":
                fields.setdefault(name, info)
    return fields


@cache
def _adapter(annotation: Any) -> TypeAdapter[Any]:
    """One adapter per annotation: a field's is built once, not once per step."""
    return TypeAdapter(annotation)
