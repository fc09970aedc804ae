"""Provides guide coverage: each sentence of a court's guide, and where the simulator
shows it: on the court's page, in the side panel (the guide's instructions), or
nowhere. `ecf-tui validate --coverage` prints it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ecf_tui.fidelity import contains, fold, texts
from ecf_tui.profile import CourtProfile

PANEL_FIELDS = frozenset({"instruction"})
"""Fields whose texts the side panel shows; every other text is on a page."""
_BULLET = re.compile(r"^[-*•]\s+|^\d+\.\s+(?=[A-Z])")


@dataclass(frozen=True)
class Sentence:
    line: int
    """The guide's line (1-based)."""
    text: str
    shown: str
    """"page", "panel" or "nowhere"."""


ABBREVIATIONS = frozenset({"R.", "P.", "Fed.", "App.", "Civ.", "Crim.", "Bankr.", "U.S.",
                           "etc.", "e.g.", "i.e."})
"""Words ending in a full stop that do not end a sentence (the redaction rules' cites)."""


def sentences(guide: str) -> list[tuple[int, str]]:
    """The guide's sentences, markup folded, with the line each starts on. Lines of one
    paragraph (the PDF wraps them) join before the text is split into sentences."""
    paragraphs: list[tuple[int, list[str]]] = []
    for number, line in enumerate(guide.splitlines(), start=1):
        folded = _BULLET.sub("", fold(line))
        if not folded:
            paragraphs.append((number + 1, []))
        elif paragraphs and paragraphs[-1][1] and not _BULLET.match(fold(line)):
            paragraphs[-1][1].append(folded)
        else:
            paragraphs.append((number, [folded]))
    found = []
    for number, lines in paragraphs:
        words, current = " ".join(lines).split(), []
        for word in words:
            current.append(word)
            if word[-1] in ".!?" and word not in ABBREVIATIONS and len(word) > 2:
                found.append((number, " ".join(current)))
                current = []
        if current:
            found.append((number, " ".join(current)))
    return found


def coverage(profile: CourtProfile, guide: str) -> list[Sentence]:
    own = [(loc, t) for loc, t in texts(profile)
           if t.source == "guide" and t.quoted_from is None]
    def in_panel(loc: tuple[str | int, ...]) -> bool:
        return bool(PANEL_FIELDS & {str(p) for p in loc}) or loc[0] == "refresh"

    page = [_plain(t.text) for loc, t in own if not in_panel(loc)]
    panel = [_plain(t.text) for loc, t in own if in_panel(loc)]
    result = []
    for number, sentence in sentences(guide):
        words = _plain(sentence).split()
        # A sentence pieced from both (the indicator's "STEP 3" and the panel's
        # instruction) counts as the panel's: that is where it is read.
        where = ("page" if _pieced(words, page) else
                 "panel" if _pieced(words, panel) or _pieced(words, page + panel) else
                 "nowhere")
        result.append(Sentence(number, sentence, where))
    return result


def _plain(text: str) -> str:
    """Folded, and without the colons a screen's labels carry ("Court:", "CM/ECF login:")
    and a guide's transcription may not."""
    return fold(text).replace(":", "")


def summary(code: str, found: list[Sentence]) -> str:
    total = len(found) or 1
    share = {w: 100 * sum(s.shown == w for s in found) / total
             for w in ("page", "panel", "nowhere")}
    return (f"{code:<6} {len(found)} guide sentences: {share['page']:.0f}% on the court's "
            f"page, {share['panel']:.0f}% in the side panel, {share['nowhere']:.0f}% nowhere "
            f"({share['page'] + share['panel']:.0f}% shown)")


MIN_RUN = 4
"""Words a run must have to count where it stands inside a longer text; a shorter run
counts only as a whole text (a label, a menu item, "STEP 3"), so common words picked
from here and there never add up to a sentence."""


def _pieced(words: list[str], candidates: list[str]) -> bool:
    """Whether the words, in order, are made of runs that each are a shown text, or
    stand in one: "STEP 3 Click Utilities..." is the step's number and its
    instruction; a menu bar's line is its items. A lone separator ("|") needs no text."""
    whole = set(candidates)
    reach = [False] * (len(words) + 1)
    reach[0] = True
    for start in range(len(words)):
        if not reach[start]:
            continue
        if words[start] in ("|", "-", "–"):
            reach[start + 1] = True
        for end in range(len(words), start, -1):
            if reach[end]:
                continue
            run = " ".join(words[start:end])
            if run in whole or end - start >= MIN_RUN and any(
                    contains(text, run) for text in candidates):
                reach[end] = True
    return reach[-1]
