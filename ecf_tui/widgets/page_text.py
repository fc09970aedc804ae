"""Provides a court's text on a page, always with its source in sight: this court's
guide (no mark), another court's guide (`[as in CASB's guide]`, or `[CASB]` inside a
line: a button, a menu item, a field label) or the simulator (`[simulator]`). Every
widget that draws a profile `Text` keeps it as `source_text` (and whether its mark is
the compact one), so QA can check that what is drawn is the View's text, marked."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text as RichText
from textual.widgets import Static

from ecf_tui.court.profile import Text
from ecf_tui.ui.textual_private import running_theme
from ecf_tui.ui.themes import HIGH_CONTRAST

MARK_STYLE = "dim italic"
HIGH_CONTRAST_MARK_STYLE = "italic"
"""Dim text falls below 7:1 on its background; in the high-contrast theme the mark is
set apart by its brackets and italics alone."""


def mark(text: Text, *, compact: bool = False) -> str | None:
    """The mark a text carries on a court's page; None for the court's own guide."""
    if text.source == "simulator":
        return "[simulator]"
    if text.quoted_from is not None:
        return f"[{text.quoted_from}]" if compact else f"[as in {text.quoted_from}'s guide]"
    return None


def source_class(text: Text) -> str:
    """The CSS class of a text's source, for the view that colours texts by source."""
    if text.source == "simulator":
        return "source-simulator"
    return "source-other-guide" if text.quoted_from is not None else "source-guide"


def rich(text: Text, *, compact: bool | None = False) -> RichText:
    """The words, and after them, dim, the mark of where they come from (the compact
    one where `compact`; none where `compact is None`: a later text carries it)."""
    out = RichText(text.text)
    found = None if compact is None else mark(text, compact=compact)
    if found is not None:
        high = running_theme() == HIGH_CONTRAST.name
        out.append(f" {found}", style=HIGH_CONTRAST_MARK_STYLE if high else MARK_STYLE)
    return out


def shown(text: Text, *, compact: bool | None = False) -> str:
    """What a court text looks like on screen, mark included, as plain text."""
    return rich(text, compact=compact).plain


class PageText(Static):
    """One paragraph of a court's page."""

    def __init__(self, text: Text, *, classes: str = "", id: str | None = None) -> None:
        super().__init__(rich(text), id=id,
                         classes=f"page-text {classes} {source_class(text)}".strip())
        self.source_text = text
        self.compact_mark = False


class TextLabel(Static):
    """A court text inside a line (a field label, a name, the menu bar's logo).
    `marked=False`: a later text of the same source in the line carries the mark."""

    def __init__(self, text: Text, *, classes: str = "", id: str | None = None,
                 marked: bool = True) -> None:
        compact = True if marked else None
        super().__init__(rich(text, compact=compact), id=id,
                         classes=f"{classes} {source_class(text)}".strip())
        self.source_text = text
        self.compact_mark = compact
        """True: the compact mark; None: the mark is drawn after a later text."""


def marked_at_run_ends(items: list[Text]) -> list[bool]:
    """For texts side by side in a line (the menu bar): which ones draw their mark.
    Of a run of texts with the same source only the last does, so "Query Reports
    Utilities Help Log Out [CASB]" fits where five marks would not."""
    marks = [mark(t, compact=True) for t in items]
    return [i == len(items) - 1 or marks[i] != marks[i + 1] for i in range(len(items))]


class Chrome(Static):
    """What the simulator draws around a court's page (the court-code badge, the
    browser's address label, a dialog's close "x"): no court's words, so no mark."""


def texts(items: Iterable[Text], classes: str = "") -> list[PageText]:
    return [PageText(t, classes=classes) for t in items]
