"""Provides field paths through the profile models: pydantic's error locations
made readable, and the keys valid at a place (to suggest the nearest one)."""

from __future__ import annotations

import re
import types
import typing
from typing import Any, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

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
        if isinstance(current, tuple):  # a union: pydantic puts the member's tag here
            current = next(
                (m for m in current if kind_of(m) == part or member_tag(m) == _untagged(part)),
                None
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


def member_tag(member: Any) -> str:
    """How pydantic names a union's member in an error's location: `Text`, `list[Text]`."""
    if isinstance(member, type):
        return member.__name__
    args = get_args(member)
    origin = get_origin(member)
    if origin is not None and args:
        return f"{getattr(origin, '__name__', origin)}[{', '.join(map(member_tag, args))}]"
    return str(member)


_VALIDATOR = re.compile(r"function-[a-z]+\[[^,\[\]]*, ")


def _untagged(tag: str | int) -> str:
    """A union member's tag without the validators pydantic names in it:
    "list[function-after[_quote_needs_guide(), Text]]" is "list[Text]"."""
    plain = _VALIDATOR.sub("", str(tag))
    while plain.count("]") > plain.count("["):
        plain = plain[:-1]
    return plain


def one_per_place(errors: list[Any]) -> list[Any]:
    """Pydantic's errors, the first of each place: a value that fits no member of a union
    (a number for "a text or a list of texts") is one problem, not one a member."""
    seen: set[tuple[str | int, ...]] = set()
    kept = []
    for error in errors:
        place = clean_loc(error["loc"])
        if place not in seen:
            seen.add(place)
            kept.append(error)
    return kept


def kind_of(model: Any) -> str | None:
    """The step kind a model is for (its `kind` literal); None for a model of no kind."""
    if isinstance(model, type) and issubclass(model, BaseModel) and "kind" in model.model_fields:
        args = get_args(model.model_fields["kind"].annotation)
        return args[0] if args else None
    return None


def clean_loc(loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """Pydantic's location without the discriminator tags it inserts for step kinds."""
    return _walk(tuple(loc))[0]


def model_at(raw_loc: tuple[str | int, ...]) -> Any:
    """What the models expect at pydantic's location `raw_loc` (tags included): a model,
    a bare annotation (see `bare`), or None where they say nothing."""
    return _walk(tuple(raw_loc))[1]


def keys_at(raw_loc: tuple[str | int, ...]) -> list[str]:
    """The keys a table may hold at pydantic's location `raw_loc` (tags included)."""
    model = model_at(raw_loc)
    if isinstance(model, type) and issubclass(model, BaseModel):
        return list(model.model_fields)
    return []


def field_at(raw_loc: tuple[str | int, ...]) -> tuple[type[BaseModel], FieldInfo] | None:
    """The model holding the field at pydantic's location `raw_loc` (tags included), and
    the field's declaration; None where no model's field is there (a table's key)."""
    if not raw_loc:
        return None
    model = _walk(tuple(raw_loc[:-1]))[1]
    if isinstance(model, type) and issubclass(model, BaseModel):
        info = model.model_fields.get(str(raw_loc[-1]))
        if info is not None:
            return model, info
    return None


def table_help(dotted: str, info: FieldInfo) -> str | None:
    """How to write the table a field holds, briefly, for a problem's fix: `[refresh]
    with instruction (the guide's words on refreshing); and, where need be, menu_items,
    ...`, each required key with its docstring's first clause; None where the field
    holds no table (a value, a text, a list)."""
    kind = bare(info.annotation)
    if _is_table(kind):
        return f"[{dotted}] {_keys_help(kind)}"
    if get_origin(kind) is not dict:
        return None
    key, value = (bare(arg) for arg in get_args(kind))
    names: tuple[Any, ...] = get_args(key)  # a Literal's, or the schema's for `notices`
    extra = info.json_schema_extra
    named = extra.get("propertyNames") if isinstance(extra, dict) else None
    if not names and isinstance(named, dict) and isinstance(named.get("enum"), list):
        names = tuple(named["enum"])  # type: ignore[arg-type]
    each = f" for each X of: {', '.join(map(str, names))}" if names else " for each"
    if isinstance(value, tuple):  # the steps: a table per step, of its kind's keys
        kinds = ", ".join(k for k in map(kind_of, value) if k)
        return f"a table [{dotted}.X] for each, with kind (one of: {kinds}) and that kind's keys"
    if _is_table(value):
        return f"a table [{dotted}.X]{each}, {_keys_help(value)}"
    return f"[{dotted}] with a text X = \"...\"{each}"


def _is_table(kind: Any) -> bool:
    """A model written as a table of its own: any but `Text`, written as a string."""
    from ecf_tui.court.profile import Text

    return isinstance(kind, type) and issubclass(kind, BaseModel) and kind is not Text


def _keys_help(model: type[BaseModel]) -> str:
    from ecf_tui.court.field_docs import brief, field_docs

    docs = field_docs(model)
    fields = model.model_fields
    needed = [f"{n} ({brief(docs[n])})" if n in docs else n
              for n, f in fields.items() if f.is_required()]
    others = [n for n, f in fields.items() if not f.is_required()]
    parts = [f"with {', '.join(needed)}"] if needed else []
    if others:
        parts.append(f"{'and, where need be, ' if needed else 'with, where need be, '}"
                     f"{', '.join(others)}")
    return "; ".join(parts)
