"""Provides guide coverage: each sentence of a court's guide, and where the simulator
shows it: on the court's page, in the side panel (the guide's instructions), or
nowhere. `ecf-tui validate --coverage` prints it.

How it counts:

- A sentence ends at a stop (".", "!", "?", a closing quote or bracket after it
  allowed), never at an abbreviation ("U.S.", "No. 5", "a.m."), and at a paragraph's
  end. The lines of a paragraph join (a PDF wraps them), but a heading's line, short
  and with no stop, is a sentence of its own (`_heading`).
- Only the court's own guide's texts show a sentence: a text quoted from another
  court's guide (`quoted_from`, as `new-court` keeps the template's) never does, even
  with the very words. (Loading credits a quoted text of more than one word to the
  court's guide where that guide says it word for word: it is then the court's own.)
- Each time the guide says a sentence counts once. Said twice (a heading on two of the
  PDF's pages), the times take its shown copies in guide order, the page's first: one
  copy on the page and one in the panel make one time "page" and the other "panel",
  not both "page"; copies only in the panel make every time "panel"; a time past the
  copies counts where the sentence is shown all the same (the page, where it is on it).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ecf_tui.court.fidelity import fold, texts
from ecf_tui.court.profile import CourtProfile

PANEL_FIELDS = frozenset({"instruction", "picture"})
"""Fields whose texts the side panel shows; every other text is on a page."""
SEPARATORS = frozenset({"|", "-", "–", "➔"})
"""Marks between shown texts that need no text of their own: a links line's bars, the
arrow a guide's screenshot points with."""
_BULLET = re.compile(r"^[-*•]\s+|^\d+\.\s+(?=[A-Z])")


@dataclass(frozen=True)
class Sentence:
    line: int
    """The guide's line (1-based)."""
    text: str
    shown: str
    """"page", "panel" or "nowhere"."""


ABBREVIATIONS = frozenset({
    "R.", "P.", "Fed.", "App.", "Civ.", "Crim.", "Bankr.",  # the redaction rules' cites
    "etc.", "vs.", "v.", "Mr.", "Mrs.", "Ms.", "Dr.", "Jr.", "Sr.", "St.", "Inc.", "Co.",
    "Corp.", "Ltd.", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.",
    "Sept.", "Oct.", "Nov.", "Dec."})
"""Words ending in a full stop that never end a sentence. Dotted initials ("U.S.",
"U.S.C.", "e.g.", "a.m.") and a capital's initial ("J.") are abbreviations by their
shape (`_INITIALS`); "No." is one only before a number (`_BEFORE_NUMBER`)."""
_INITIALS = re.compile(r"^(?:[A-Za-z]\.){2,}$|^[A-Z]\.$")
_BEFORE_NUMBER = frozenset({"No.", "Nos."})
"""Abbreviations that are words too: "No. 5" goes on, "click No." ends."""
_LIST_MARK = re.compile(r"^\d{1,2}\.$")
"""A list's number, which begins a sentence rather than ending one ("2. Click Login")."""
_OPENING = "([{\"'“‘*"
_CLOSING = ")]}\"'”’*"
"""Marks around a word that are not it: "(U.S." is "U.S.", and the stop in 'court."'
ends the sentence as the one in "court." does."""


def sentences(guide: str) -> list[tuple[int, str]]:
    """The guide's sentences, markup folded, with the line each starts on. Lines of one
    paragraph (the PDF wraps them) join before the text is split into sentences; a
    line that ends its sentence with no stop (a heading, `_heading`) joins no other."""
    found = []
    for paragraph in _paragraphs(guide):
        words = [(number, word) for number, line in paragraph for word in line.split()]
        current: list[tuple[int, str]] = []
        for at, (number, word) in enumerate(words):
            current.append((number, word))
            following = words[at + 1][1] if at + 1 < len(words) else ""
            if _ends(word, following) and not (len(current) == 1 and _LIST_MARK.match(word)):
                found.append((current[0][0], " ".join(w for _, w in current)))
                current = []
        if current:
            found.append((current[0][0], " ".join(w for _, w in current)))
    return found


def _paragraphs(guide: str) -> list[list[tuple[int, str]]]:
    """The guide's runs of lines read as one text, each line folded with its number: a
    blank line, a bullet or a numbered item, and the end of a heading begin a new one."""
    paragraphs: list[list[tuple[int, str]]] = []
    for number, line in enumerate(guide.splitlines(), start=1):
        folded = _BULLET.sub("", fold(line))
        if not folded:
            paragraphs.append([])
        elif paragraphs and paragraphs[-1] and not _BULLET.match(fold(line)) \
                and not _heading(paragraphs[-1][-1][1], folded):
            paragraphs[-1].append((number, folded))
        else:
            paragraphs.append([(number, folded)])
    return [p for p in paragraphs if p]


HEADING_WORDS = 8
"""The most words a line with no stop may have and still end its sentence (a heading,
a label, a list's item): a PDF's wrapped line is longer, near the page's width."""
_LEADS_ON = frozenset({
    "a", "an", "the", "and", "or", "nor", "but", "of", "to", "in", "on", "at", "by", "for",
    "from", "with", "into", "via", "your", "my", "our", "their", "its", "his", "her",
    "this", "that", "is", "are", "be", "will", "can", "must", "if", "as", "than"})
"""Words a sentence does not end on: a line ending in one wraps ("...contact us at")."""
_STEP = re.compile(r"^step\s+\d+\b", re.IGNORECASE)


def _heading(line: str, after: str) -> bool:
    """Whether `line` ends its sentence though no stop ends it, with `after` the line
    that follows in the paragraph: a line that does not lead on (no word or mark such
    as "the", ",", "U.S." at its end) before one that begins with a capital, where it
    ends in a colon ("Helpful reminders:"), is short (`HEADING_WORDS`), is in Title Case
    or capitals, or comes before the next step's number ("STEP 5 ...")."""
    words = line.split()
    last = words[-1]
    if last[-1] in ",;-–—/(&+" or last.lower() in _LEADS_ON or _abbreviation(
            _core(last), after):
        return False
    if not after.lstrip(_OPENING)[:1].isupper():
        return False
    titled = all(w[:1].isupper() for w in words if sum(c.isalpha() for c in w) > 3)
    return (line.endswith(":") or len(words) <= HEADING_WORDS or titled
            or _STEP.match(after) is not None)


def _ends(word: str, following: str) -> bool:
    """Whether a sentence ends with `word` (and `following` begins the next): a word
    that ends in a stop, with any closing quote or bracket after it, unless it is an
    abbreviation. At a paragraph's end every sentence ends, abbreviation or not."""
    core = _core(word)
    if not core or core[-1] not in ".!?":
        return False
    return core[-1] != "." or not _abbreviation(core, following)


def _abbreviation(core: str, following: str) -> bool:
    if core in _BEFORE_NUMBER:
        return following.lstrip(_OPENING)[:1].isdigit()
    return core in ABBREVIATIONS or _INITIALS.match(core) is not None


def _core(word: str) -> str:
    return word.lstrip(_OPENING).rstrip(_CLOSING)


def coverage(profile: CourtProfile, guide: str) -> list[Sentence]:
    page, panel = _shown(profile)
    found = sentences(guide)
    split = [_plain(text).split() for _, text in found]
    said = Counter(_bare(" ".join(words)) for words in split)
    stream = [word for words in split for word in words]
    copies = _Copies(page, panel)
    result, at = [], 0
    for (number, sentence), words in zip(found, split, strict=True):
        # The guide's words either side: a PDF breaks sentences across paragraphs
        # ("...if do not have" / "one."), so a short piece counts where it and its
        # neighbours' words are one shown text.
        around = (stream[max(0, at - REACH):at], stream[at + len(words):at + len(words) + REACH])
        at += len(words)
        on_page = _pieced(words, page, around)
        # A sentence pieced from both (the indicator's "STEP 3" and the panel's
        # instruction) counts as the panel's: that is where it is read. Said once and
        # on the page, it is the page's whatever the panel holds.
        in_panel = (not on_page or said[_bare(" ".join(words))] > 1) and (
            _pieced(words, panel, around)
            or not on_page and _pieced(words, page + panel, around))
        result.append(Sentence(number, sentence, copies.take(words, on_page, in_panel)))
    return result


def _shown(profile: CourtProfile) -> tuple[list[str], list[str]]:
    """The texts of the court's own guide that the simulator shows, plain
    (`_plain`): those on a page, and those in the side panel. A text quoted from
    another court's guide (a template's, kept by `new-court`) is none of them."""
    own = [(loc, t) for loc, t in texts(profile)
           if t.source == "guide" and t.quoted_from is None]

    def in_panel(loc: tuple[str | int, ...]) -> bool:
        # The refresh words and a mistake's explanation show in the panel too.
        return bool(PANEL_FIELDS & {str(p) for p in loc}) or loc[0] in ("refresh", "mistakes")

    return ([_plain(t.text) for loc, t in own if not in_panel(loc)],
            [_plain(t.text) for loc, t in own if in_panel(loc)])


class _Copies:
    """Where each time the guide says a sentence counts: the guide may say one twice
    (a page's title, then the next page's), and each time is one copy of it shown.
    A copy is a shown text that holds the sentence (whole, or inside it as a run of
    `MIN_RUN` words), or one piecing of it from several texts. The times take the
    copies in guide order, the page's first, then the panel's; a time past the copies
    counts where the sentence is shown all the same, the page where it is on it."""

    def __init__(self, page: list[str], panel: list[str]) -> None:
        self.page, self.panel = page, panel
        self.left: dict[str, list[int]] = {}

    def take(self, words: list[str], on_page: bool, in_panel: bool) -> str:
        key = _bare(" ".join(words))
        if key not in self.left:
            self.left[key] = [max(1, _holding(words, self.page)),
                              max(1, _holding(words, self.panel))]
        left = self.left[key]
        for where, shown, index in (("page", on_page, 0), ("panel", in_panel, 1)):
            if shown and left[index]:
                left[index] -= 1
                return where
        return "page" if on_page else "panel" if in_panel else "nowhere"


def _holding(words: list[str], candidates: list[str]) -> int:
    """How many of the texts hold the words, each on its own."""
    return sum(_Shown([text]).has(words) for text in candidates)


def _bare(text: str) -> str:
    """A whole text without the stop after it: "Click Login" and "Click Login." are the
    same words, and so are "Username *" and "Username"."""
    return text.rstrip(".:;* ")


def _plain(text: str) -> str:
    """Folded, with the same words the same on both sides: no bullet before a text
    ("* Required Information"), no colons (a screen's "CM/ECF login:" where a guide's
    transcription has none), no stop after it, and a slash a space (the logo "CM/ECF"
    that a transcription reads "CM ECF")."""
    plain = _BULLET.sub("", fold(text)).replace(":", "").replace("/", " ")
    return " ".join(plain.split())


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


REACH = 8
"""How many of a neighbouring sentence's words a run at a sentence's edge may take in."""


class _Shown:
    """Shown texts, ready to be asked about runs of words: a set of the whole texts, and
    every text in one string (apart by a character no run holds), searched once a run
    instead of once a text."""

    def __init__(self, candidates: list[str]) -> None:
        self.whole = {_bare(c) for c in candidates}
        self.joined = "\x00".join(candidates)

    def has(self, words: list[str]) -> bool:
        """Whether the run is a whole shown text, or long enough to count inside one."""
        text = " ".join(words)
        return _bare(text) in self.whole or len(words) >= MIN_RUN and _has_words(
            self.joined, text)


def _has_words(haystack: str, words: str) -> bool:
    """`fidelity.contains` for text already folded, without a regex to compile for each
    of the many runs a sentence is tried in: an occurrence with no word character
    either side."""
    at = haystack.find(words)
    while at >= 0:
        end = at + len(words)
        if (at == 0 or not _word(haystack[at - 1])) and (
                end == len(haystack) or not _word(haystack[end])):
            return True
        at = haystack.find(words, at + 1)
    return False


def _word(char: str) -> bool:
    """A word character, as the regex's `\\w` has it."""
    return char.isalnum() or char == "_"


def _pieced(words: list[str], candidates: list[str],
            around: tuple[list[str], list[str]] = ([], [])) -> bool:
    """Whether the words, in order, are made of runs that each are a shown text, or
    stand in one: "STEP 3 Click Utilities..." is the step's number and its
    instruction; a menu bar's line is its items. A lone separator ("|") needs no text.
    Where they are not, a run at either edge may take in the guide's words just before
    or after the sentence (`around`): "one." is shown where "...if do not have one." is."""
    shown = _Shown(candidates)
    return _reaches(words, shown) or _reaches(words, shown, around)


def _reaches(words: list[str], shown: _Shown,
             around: tuple[list[str], list[str]] | None = None) -> bool:
    before, after = around or ([], [])
    reach = [False] * (len(words) + 1)
    reach[0] = True
    for start in range(len(words)):
        if not reach[start]:
            continue
        if words[start] in SEPARATORS:
            reach[start + 1] = True
        for end in range(len(words), start, -1):
            if reach[end]:
                continue
            heads = [before[len(before) - k:] for k in range(min(REACH, len(before)) + 1)] \
                if start == 0 and around else [[]]
            tails = [after[:k] for k in range(min(REACH, len(after)) + 1)] \
                if end == len(words) and around else [[]]
            if any(shown.has([*head, *words[start:end], *tail])
                   for head in heads for tail in tails):
                reach[end] = True
    return reach[-1]
