"""Provides the guide-fidelity check: every text a profile says comes from a guide
appears in that guide, word for word once whitespace and markup are folded, and as
whole words: "Clear" is not found in "Clearing Browser Cache", "Login" not in
"Logins"."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from pydantic import BaseModel

from ecf_tui.court.profile import CourtProfile, Text

Loc = tuple[str | int, ...]

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>]*)>")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_ESCAPE = re.compile(r"\\(.)")
_ITALIC = re.compile(r"(?<![\w*])\*(\w(?:[^*\n]*\w)?)\*(?![\w*])")


def fold(text: str) -> str:
    """The words only: Markdown emphasis (bold and italic), links and escapes, HTML tags and runs of
    white space folded away, as the guides' text carries them from the PDFs."""
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _TAG.sub(" ", text)
    text = _ESCAPE.sub(r"\1", text)
    text = text.replace("**", "").replace("#### ", "")
    text = _ITALIC.sub(r"\1", text)
    return " ".join(text.split())


def contains(folded_guide: str, text: str) -> bool:
    """Whether a folded guide has `text` (folded) as whole words."""
    words = fold(text)
    if words not in folded_guide:  # no pattern to compile: a long text's took 0.1 s
        return False
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", folded_guide) is not None


def texts(model: BaseModel, loc: Loc = ()) -> Iterator[tuple[Loc, Text]]:
    """Every Text in a model, with its field path."""
    if isinstance(model, Text):
        yield loc, model
        return
    for name in type(model).model_fields:
        yield from _texts_in(getattr(model, name), (*loc, name))


def _texts_in(value: Any, loc: Loc) -> Iterator[tuple[Loc, Text]]:
    if isinstance(value, BaseModel):
        yield from texts(value, loc)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts_in(item, (*loc, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts_in(item, (*loc, i))


def unquoted(profile: CourtProfile, guide_of: Callable[[str], str]) -> list[tuple[Loc, Text]]:
    """The guide-sourced texts that their guide does not contain.

    `guide_of(code)` gives a court's guide text; a text is checked against the
    guide it names (`quoted_from`) or else the profile's own.
    """
    return unquoted_texts(texts(profile), profile.code, guide_of)


def unquoted_texts(found: Iterable[tuple[Loc, Text]], own: str,
                   guide_of: Callable[[str], str]) -> list[tuple[Loc, Text]]:
    """`unquoted` of any texts (a whole profile's, or the valid pieces' of one that
    fails its schema), `own` the court's code."""
    folded: dict[str, str] = {}
    missing = []
    for loc, text in found:
        if text.source != "guide":
            continue
        code = text.quoted_from or own
        if code not in folded:
            folded[code] = fold(guide_of(code))
        if not contains(folded[code], text.text):
            missing.append((loc, text))
    return missing
