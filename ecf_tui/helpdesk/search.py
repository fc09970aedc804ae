"""Provides ranking scenarios by what a caller says.

Callers do not use the guides' words: they say "e-filing" for CM/ECF, "my office's
account" for a shared firm PACER account, "the menus" for Bankruptcy and Adversary.
Both the caller's words and each scenario's title and phrasings are folded the same
way (lower case, callers' synonyms to one word, word endings stripped, small words
dropped), then each scenario scores by its best phrasing (BM25: a word that few
scenarios use weighs more, a long phrasing matched in part weighs less) plus its
phrasings and title together, with a bonus for two words matched side by side.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ecf_tui.helpdesk.model import Scenario

PHRASES = (
    # Several words a caller says for one thing, before the text is cut into words.
    (r"\bcm\s*/\s*ecf\b|\bcm-ecf\b|\be-?fil(?:e|ing|er)\b|\becf\b|\belectronic filing\b",
     " cmecf "),
    (r"\blog(?:ged|ging)?\s+in\b|\bsign(?:ed|ing)?\s+in\b|\buser\s*name\b|\buser\s*id\b",
     " login "),
    (r"\blog(?:ged|ging)?\s+(?:out|off)\b|\bsign(?:ed|ing)?\s+out\b", " logout "),
    (r"\be-?mail\b", " email "),
    (r"\bgo(?:es|ing)?[- ]live\b|\bgo[- ]?live\b", " live "),
    (r"\bcan'?t\b|\bcannot\b|\bunable\b|\bwon'?t\b|\bdoesn'?t\b|\bdidn'?t\b|\bnot\b|\bno\b",
     " not "),
    (r"\b800[- ]?676[- ]?6856\b", " pacerphone "),
)
SYNONYMS = {
    # A caller's word -> the word the scenarios use for it.
    "firm": "shared", "office": "shared", "company": "shared", "share": "shared",
    "partner": "shared", "group": "shared", "everyone": "shared",
    "menu": "menu", "bankruptcy": "menu", "adversary": "menu", "option": "menu",
    "tab": "menu", "filing": "menu",
    "connect": "link", "tie": "link", "merge": "link", "join": "link", "associat": "link",
    "credential": "login", "logon": "login", "signon": "login",
    "pw": "password", "passcode": "password", "passphrase": "password",
    "appear": "show", "display": "show", "see": "show", "visible": "show", "gone": "show",
    "missing": "show", "disappear": "show",
    "forget": "forgot", "forgott": "forgot", "lost": "forgot", "remember": "forgot",
    "reset": "forgot",
    "inactiv": "inactive", "disabl": "inactive", "deactivat": "inactive", "suspend": "inactive",
    "old": "upgrade", "legacy": "upgrade", "2014": "upgrade", "outdat": "upgrade",
    "notif": "email", "notification": "email", "mail": "email", "confirmation": "email",
    "receipt": "email",
    "agreement": "redaction", "checkbox": "redaction", "box": "redaction",
    "terms": "redaction", "redact": "redaction",
    "undo": "unlink", "reverse": "unlink", "revers": "unlink",
    "twice": "already", "again": "already", "previous": "already", "before": "already",
    "match": "differ", "mismatch": "differ", "different": "differ", "wrong": "differ",
    "launch": "live", "start": "live", "available": "live", "open": "live",
    "work": "work", "succeed": "work", "success": "work", "went": "work",
    "colleague": "someone", "coworker": "someone", "else": "someone", "another": "someone",
}
STOP = frozenset("""a an the i my me we our us you your it its this that these those is am
are was were be been being to of in on at by for with from as and or but so if then
than there here do does did have has had what which who whom when where how why just
now still also only all any some up out into over about after again very can could
should would will shall may might must get got getting""".split()) - {"again"}
SUFFIXES = ("ations", "ation", "ings", "ing", "edly", "ies", "ed", "es", "s", "ly")


def _stem(word: str) -> str:
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            return stem + "y" if suffix == "ies" else stem
    return word


def words(text: str) -> list[str]:
    """A text folded to the words search compares: synonyms made one, endings off."""
    text = text.lower().replace("’", "'")
    for pattern, replacement in PHRASES:
        text = re.sub(pattern, replacement, text)
    found = []
    for raw in re.findall(r"[a-z0-9']+", text):
        raw = raw.strip("'").removesuffix("'s")
        if not raw or raw in STOP:
            continue
        stem = _stem(raw)
        found.append(SYNONYMS.get(raw, SYNONYMS.get(stem, stem)))
    return found


@dataclass(frozen=True)
class Hit:
    scenario: Scenario
    score: float
    phrasing: str
    """The scenario's phrasing closest to the caller's words."""


def rank(scenarios: Sequence[Scenario], query: str) -> list[Hit]:
    """The scenarios the caller's words match, best first (ties: by id); none where no
    word matches."""
    asked = words(query)
    if not asked:
        return []
    docs = {s.id: [words(p) for p in s.phrasings] + [words(s.title)] for s in scenarios}
    seen_in = Counter(w for lines in docs.values() for w in {w for line in lines for w in line})
    total = len(scenarios)

    def idf(word: str) -> float:
        return math.log(1 + (total - seen_in[word] + 0.5) / (seen_in[word] + 0.5))

    hits = []
    for scenario in scenarios:
        lines = docs[scenario.id]
        best, best_line = 0.0, 0
        for i, line in enumerate(lines):
            score = _bm25(asked, line, idf) + _pairs(asked, line)
            if score > best:
                best, best_line = score, i
        whole = [w for line in lines for w in line]
        score = best + 0.3 * sum(idf(w) for w in set(asked) if w in whole)
        if best > 0:
            phrasing = (scenario.phrasings[best_line] if best_line < len(scenario.phrasings)
                        else scenario.title)
            hits.append(Hit(scenario, round(score, 3), phrasing))
    return sorted(hits, key=lambda h: (-h.score, h.scenario.id))


def _bm25(asked: list[str], line: list[str], idf: Callable[[str], float], k1: float = 1.2,
          b: float = 0.5, mean: float = 7.0) -> float:
    counts = Counter(line)
    norm = k1 * (1 - b + b * len(line) / mean)
    return sum(idf(w) * counts[w] * (k1 + 1) / (counts[w] + norm)
               for w in set(asked) if w in counts)


def _pairs(asked: list[str], line: list[str]) -> float:
    """A little for each two words the caller said side by side that the line has so."""
    theirs = set(zip(line, line[1:], strict=False))
    return 0.5 * sum(1 for pair in zip(asked, asked[1:], strict=False) if pair in theirs)
