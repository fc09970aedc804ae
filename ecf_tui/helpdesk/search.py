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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ecf_tui.helpdesk.model import Scenario


PHRASES = (
    # Several words a caller says for one thing, before the text is cut into words.
    (r"\bcm\s*/\s*ecf\b|\bcm-ecf\b|\be-?fil(?:e|ing|er)\b|\becf\b|\belectronic filing\b",
     " cmecf "),
    # "filing" alone is the filing menus; a filing login, password or account is CM/ECF's.
    (r"\bfiling\s+(?=(?:log\s*in|login|password|account|credential|user))", " cmecf "),
    (r"\blog(?:ged|ging)?\s+in\b|\bsign(?:ed|ing)?\s+in\b|\buser\s*name\b|\buser\s*id\b",
     " login "),
    (r"\blog(?:ged|ging)?\s+(?:out|off)\b|\bsign(?:ed|ing)?\s+out\b", " logout "),
    (r"\be-?mail\b", " email "),
    (r"\bgo(?:es|ing)?[- ]live\b|\bgo[- ]?live\b", " live "),
    (r"\b(?:not|aren'?t|isn'?t)\s+(?:the\s+)?same\b", " differ "),
    # Not knowing a login or password is having forgotten it.
    (r"\b(?:don'?t|do\s+not|can'?t|cannot)\s+(?:know|remember|recall)\b|\bno\s+idea\b",
     " forgot "),
    (r"\bcan'?t\b|\bcannot\b|\bunable\b|\bwon'?t\b|\bdoesn'?t\b|\bdidn'?t\b|\bnot\b|\bno\b",
     " not "),
    (r"\b800[- ]?676[- ]?6856\b", " pacerphone "),
    # Ticking a box is the redaction agreement's; a box or window that pops up is a dialog.
    (r"\b(?:check|tick)(?:ed|ing|s)?\s+(?:(?:the|a|that|this)\s+)?box\b|\bcheck\s*mark\b",
     " redaction "),
    (r"\bpop(?:s|ped|ping)?[- ]?up\b|\bpopup\b", " popup "),
    # Done before: linked already (not "before linking").
    (r"\b(link(?:ed)?|done|did)\s+(?:(?:it|this|that|them)\s+)?before\b", r"\1 already"),
    # Getting somewhere is finding it.
    (r"\b(?:get|go)\s+to\b|\bnavigat\w*|\blocat\w*", " find "),
    # What the filing menus are for: a new case, a petition, a claim.
    (r"\bnew\s+cases?\b|\bpetitions?\b|\bproofs?\s+of\s+claim\b", " menu "),
    # A year before PACER's upgrade (CANB: accounts created before August 2014).
    (r"\b(?:19[89]\d|200\d|201[0-4])\b", " upgrade "),
)
SYNONYMS = {
    # A caller's word -> the word the scenarios use for it.
    "firm": "shared", "office": "shared", "company": "shared", "share": "shared",
    "partner": "shared", "group": "shared", "everyone": "shared", "everybody": "shared",
    "menu": "menu", "bankruptcy": "menu", "adversary": "menu", "option": "menu",
    "tab": "menu", "filing": "menu",
    # A district court's full menus (docs/examples/XXDC): its callers miss these.
    "civil": "menu", "criminal": "menu",
    "connect": "link", "tie": "link", "merge": "link", "join": "link", "associat": "link",
    "credential": "login", "logon": "login", "signon": "login",
    "pw": "password", "passcode": "password", "passphrase": "password",
    "appear": "show", "display": "show", "see": "show", "visible": "show", "gone": "show",
    "missing": "show", "disappear": "show", "available": "show",
    "forget": "forgot", "forgott": "forgot", "lost": "forgot", "remember": "forgot",
    "reset": "forgot", "recall": "forgot",
    "inactiv": "inactive", "disabl": "inactive", "deactivat": "inactive", "suspend": "inactive",
    "activ": "inactive", "activat": "inactive", "reactivat": "inactive",
    "expir": "inactive",
    "upgrad": "upgrade", "legacy": "upgrade", "outdat": "upgrade",
    "notif": "email", "notification": "email", "mail": "email", "receipt": "email",
    "confirmation": "confirm",
    "agreement": "redaction", "checkbox": "redaction", "terms": "redaction",
    "redact": "redaction",
    "dialog": "popup", "window": "popup", "prompt": "popup",
    "pick": "select", "choos": "select", "choice": "select",
    "undo": "unlink", "reverse": "unlink", "revers": "unlink",
    "twice": "already", "again": "already", "previous": "already",
    "match": "differ", "mismatch": "differ", "different": "differ", "wrong": "differ",
    "launch": "live", "start": "live", "cutover": "live", "switch": "live",
    "work": "work", "succeed": "work", "success": "work", "went": "work",
    "colleague": "someone", "coworker": "someone", "else": "someone", "another": "someone",
    "paralegal": "someone", "secretary": "someone", "assistant": "someone",
    "look": "view", "read": "view", "brows": "view", "download": "view", "research": "view",
    "cooky": "cookie",
    "separate": "individual", "personal": "individual", "own": "individual",
}
CANONICAL = frozenset(SYNONYMS.values())
"""The words synonyms are made: kept as they are where a caller says them ("shared")."""
STOP = frozenset("""a an the i my me we our us you your it its this that these those is am
are was were be been being to of in on at by for with from as and or but so if then
than there here do does did have has had what which who whom when where how why just
now still also only all any some up out into over about after again very can could
should would will shall may might must get got getting""".split()) - {"again"}
SUFFIXES = ("ations", "ation", "ings", "ing", "edly", "ies", "ed", "es", "s", "ly")


def _stem(word: str) -> str:
    """The word without its ending, and without a final e, so that "name", "names" and
    "named" are one word (nam), as "upgrade" and "upgrading" (upgrad)."""
    stem = word
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            if suffix == "ies":
                stem += "y"
            elif suffix == "es" and not stem.endswith(("s", "x", "z", "ch", "sh")):
                stem += "e"
            break
    return stem[:-1] if stem.endswith("e") and len(stem) > 3 else stem


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
        found.append(SYNONYMS.get(raw) or SYNONYMS.get(stem)
                     or (raw if raw in CANONICAL else stem))
    return found


@dataclass(frozen=True)
class Hit:
    scenario: Scenario
    score: float
    phrasing: str
    """The scenario's phrasing closest to the caller's words."""


LINKED_SAID = re.compile(
    r"\b(?:i|we|i've|we've)\s+(?:have\s+|had\s+|did\s+|already\s+|just\s+|finally\s+)*"
    r"link(?:ed)?\b(?!\s+(?:it\s+)?before)"
    r"|\bafter\s+(?:(?:i|we)\s+)?(?:had\s+)?link(?:ing|ed)\b"
    r"|\b(?:is|are|was|were|got|been|now|successfully|says?|said|shows?|showed)\s+"
    r"(?:(?:the\s+)?accounts?\s+(?:are\s+|is\s+)?|it'?s?\s+|now\s+)?linked\b"
    r"|\blinked\s+successfully\b|\blinking\s+(?:worked|went\s+through|succeeded)\b")
"""A caller saying they have linked: "I linked", "I did link", "after linking", "it
says the accounts are linked"."""
NOT_LINKED_SAID = re.compile(
    r"\b(?:not|haven'?t|have\s+not|didn'?t|did\s+not|never|can'?t|cannot|before|how\s+do"
    r"\s+i|where\s+do\s+i|yet\s+to|want\s+to|need\s+to|trying\s+to)\s+"
    r"(?:(?:been|yet|even|to|i|we)\s+)*link(?:ed|ing)?\b")
"""A caller saying they have not linked yet: "not linked", "haven't linked", "before
linking", "how do I link"."""
CONTRARY = 0.4
"""What a scenario's score is worth when the caller says they are past the point it
is about (they linked; it is about before linking), or not there yet."""


def progress(query: str) -> bool | None:
    """Whether the caller says they have linked (True), have not (False), or neither."""
    text = query.lower().replace("’", "'")
    said_not = bool(NOT_LINKED_SAID.search(text))
    said = bool(LINKED_SAID.search(NOT_LINKED_SAID.sub(" ", text)))
    return None if said == said_not else said


def rank(scenarios: Sequence[Scenario], query: str,
         linked: Mapping[str, bool] | None = None) -> list[Hit]:
    """The scenarios the caller's words match, best first (ties: by id); none where no
    word matches. `linked` says, by scenario id, whether its caller has linked (their
    screen is after linking); where the caller's words say how far they got, a scenario
    on the other side counts for less."""
    asked = words(query)
    if not asked:
        return []
    docs = {s.id: [words(p) for p in s.phrasings] + [words(s.title)] for s in scenarios}
    seen_in = Counter(w for lines in docs.values() for w in {w for line in lines for w in line})
    total = len(scenarios)

    def idf(word: str) -> float:
        return math.log(1 + (total - seen_in[word] + 0.5) / (seen_in[word] + 0.5))

    said = progress(query)
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
        if said is not None and linked and linked.get(scenario.id, said) != said:
            score *= CONTRARY
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
