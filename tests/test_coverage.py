"""Guide coverage: `ecf-tui validate --coverage` lists each guide sentence and where it
is shown (the court's page, the side panel, nowhere) with the shares; every sentence of
every built-in guide is shown somewhere, so a sentence no longer shown fails here."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from ecf_tui.authoring.coverage import coverage, sentences, summary
from ecf_tui.authoring.scaffold import new_court
from ecf_tui.court.profile import CourtProfile, Text
from ecf_tui.registry.loading import load_file

from .conftest import COURTS
from .test_cli import run


def test_validate_coverage_prints_each_courts_shares_and_sentences() -> None:
    code, out, _ = run("validate", "--coverage", "CANB", "MOEB")
    assert code == 0
    shares = re.findall(r"^(CANB|MOEB)\s+(\d+) guide sentences: (\d+)% on the court's page, "
                        r"(\d+)% in the side panel, (\d+)% nowhere", out, re.M)
    assert [s[0] for s in shares] == ["CANB", "MOEB"]
    assert "  guides/MOEB.txt:9    page    The Court will notify you once we are live, so you " \
           "can then link your account." in out
    assert re.search(r"^  guides/CANB\.txt:\d+ +panel +STEP 3 Click Utilities", out, re.M)


@pytest.mark.parametrize("court", COURTS)
def test_every_guide_sentence_is_shown_somewhere(reg, court: str) -> None:
    found = coverage(reg.load(court), reg.guide_text(court))
    assert [(s.line, s.text) for s in found if s.shown == "nowhere"] == []
    assert len(found) == len(sentences(reg.guide_text(court)))


def test_the_picture_and_the_guides_headings_count_where_they_are_shown(reg) -> None:
    """CASB's callouts and MSSB's description of its screenshot are the panel's; CANB's
    "Helpful reminders:" and "Linking Your Account" headings are on the front page."""
    where = {court: {s.text: s.shown for s in coverage(reg.load(court), reg.guide_text(court))}
             for court in ("CASB", "MSSB", "CANB")}
    assert where["CASB"]["PACER Search menu"] == "panel"
    assert where["MSSB"]["Buttons: \"Submit\" and \"Clear\"."] == "panel"
    assert where["CANB"]["Helpful reminders:"] == "page"
    assert where["CANB"]["Linking Your Account"] == "page"
    assert where["CANB"]["CM/ECF John Attorney"] == where["CANB"]["PACER John Attorney"] == "page"


def test_a_piece_of_a_sentence_counts_only_with_the_guides_words_around_it(reg) -> None:
    """A PDF breaks MOEB's sentences across paragraphs; a short piece is shown where it
    and the guide's words beside it are one shown text, and only there."""
    moeb = reg.load("MOEB")
    guide = ("If the PACER and CM/ECF names match, click SUBMIT. Upon submission, your\n\n"
             "current CM/ECF account will be linked to your PACER account.\n\n"
             "Upon submission, your\n\nfirm will be billed.\n\n"
             "NOTE: You will receive an email notification after the linking has been "
             "complete. See\n\nsample below:\n\nClick here.\n")
    where = [(s.text, s.shown) for s in coverage(moeb, guide)]
    assert where == [
        ("If the PACER and CM/ECF names match, click SUBMIT.", "panel"),
        ("Upon submission, your", "panel"),
        ("current CM/ECF account will be linked to your PACER account.", "panel"),
        ("Upon submission, your", "nowhere"),
        ("firm will be billed.", "nowhere"),
        ("NOTE: You will receive an email notification after the linking has been complete.",
         "panel"),
        ("See", "panel"),
        ("sample below:", "panel"),
        ("Click here.", "nowhere"),
    ]


def test_the_same_words_count_whatever_their_markup_and_stops(reg) -> None:
    """Italics, a bullet-like asterisk, a stop after a whole text, a slash read as a space
    and the arrow a screenshot points with do not make words different."""
    canb = reg.load("CANB")
    guide = ("(see *Upgrading Your PACER Account* for instructions).\n\n"
             "* Required Information\n\nUsername *\n\nCM ECF Query Reports Utilities\n\n"
             "➔ PACER LOGIN\n\nClient Code.\n\nCM ECF Billing\n")
    assert [s.shown for s in coverage(canb, guide)] == [
        "page", "page", "page", "page", "page", "page", "nowhere"]


def test_an_abbreviation_never_ends_a_sentence() -> None:
    """"U.S." and its kind, bare, in brackets or quotes, or at a line's end, do not end a
    sentence; one at a paragraph's end still ends with it; a stop inside closing quotes
    does end one, and "No." ends one unless a number follows it."""
    guide = ("Write to the U.S. Bankruptcy Court (U.S. Courthouse, No. 5 Main St. Example) "
             "or see 11 U.S.C. 101. Mr. J. Smith, Ms. Lee and Dr. Jones of Example Inc. "
             "answer.\n\n"
             "Open Jan. 2 to Dec. 30, 9 a.m. to 4 p.m.\n\n"
             "Filed in the\nU.S.\nBankruptcy Court.\n\n"
             "This court is part of the U.S.\n\n"
             'Then see the "U.S. Code." Done.\n\n'
             "If asked to save, click No. Then log out.\n")
    assert sentences(guide) == [
        (1, "Write to the U.S. Bankruptcy Court (U.S. Courthouse, No. 5 Main St. Example) "
            "or see 11 U.S.C. 101."),
        (1, "Mr. J. Smith, Ms. Lee and Dr. Jones of Example Inc. answer."),
        (3, "Open Jan. 2 to Dec. 30, 9 a.m. to 4 p.m."),
        (5, "Filed in the U.S. Bankruptcy Court."),
        (9, "This court is part of the U.S."),
        (11, 'Then see the "U.S. Code."'),
        (11, "Done."),
        (13, "If asked to save, click No."),
        (13, "Then log out."),
    ]


def test_a_heading_and_the_line_after_it_are_two_sentences() -> None:
    """A short line with no stop (a heading, a label, a list's item) ends its sentence
    where the next line begins with a capital, and so does a line before the next
    step's number; a line that wraps (long, or ending in a word or mark that leads on,
    or before a line in lower case) joins the next. Each sentence names its own line."""
    guide = ("Linking Instructions\nGo to the court's website and click Document Filing "
             "System.\n\n"
             "Helpful reminders:\nRefresh the screen if the menus do not appear.\n\n"
             "Your Account\nChange Client Code\nReview Billing History\n\n"
             "STEP 4 Enter your CM/ECF login and password and then click Submit on the "
             "form\nSTEP 5 Check the names.\n\n"
             "After you link, log in to CM/ECF with the username and password of your "
             "upgraded\nPACER account from then on.\n\n"
             "Linking is a one-time\nprocess.\n\n"
             "Call the Example Court help desk at\nExample 0100 for help.\n")
    assert sentences(guide) == [
        (1, "Linking Instructions"),
        (2, "Go to the court's website and click Document Filing System."),
        (4, "Helpful reminders:"),
        (5, "Refresh the screen if the menus do not appear."),
        (7, "Your Account"),
        (8, "Change Client Code"),
        (9, "Review Billing History"),
        (11, "STEP 4 Enter your CM/ECF login and password and then click Submit on the form"),
        (12, "STEP 5 Check the names."),
        (14, "After you link, log in to CM/ECF with the username and password of your "
             "upgraded PACER account from then on."),
        (17, "Linking is a one-time process."),
        (20, "Call the Example Court help desk at Example 0100 for help."),
    ]


SAID_TWICE = "Check the two names before you link them."
"""A made-up sentence no court's profile shows, put where a test wants it."""


def _showing(profile: CourtProfile, **shown: Text) -> CourtProfile:
    """The profile with texts put in place: `page` as the confirm page's title, `panel`
    as the first callout of its picture (the side panel shows it)."""
    where = {"page": ("steps", "confirm", "title"),
             "panel": ("steps", "confirm", "picture", 0)}
    for name, text in shown.items():
        profile = _put(profile, where[name], text)
    return profile


def _put(value: Any, loc: tuple[str | int, ...], new: Text) -> Any:
    if not loc:
        return new
    head, *rest = loc
    if isinstance(value, BaseModel):
        return value.model_copy(update={str(head): _put(getattr(value, str(head)),
                                                        tuple(rest), new)})
    if isinstance(value, dict):
        return {**value, head: _put(value[head], tuple(rest), new)}
    items = list(value)
    items[int(head)] = _put(items[int(head)], tuple(rest), new)
    return type(value)(items)


@pytest.mark.parametrize(("shown", "times", "expected"), [
    (("page", "panel"), 2, ["page", "panel"]),
    (("panel",), 2, ["panel", "panel"]),
    (("page",), 2, ["page", "page"]),
    (("page", "panel"), 3, ["page", "panel", "page"]),
])
def test_a_sentence_said_twice_counts_where_each_copy_is(
        reg, shown: tuple[str, ...], times: int, expected: list[str]) -> None:
    """Each time the guide says a sentence counts once, in guide order: first at a copy
    on the page, then at one in the panel, while copies are left; a time past the copies
    is where the sentence is shown (the page, if it is on it)."""
    profile = _showing(reg.load("CASB"), **{name: Text(text=SAID_TWICE) for name in shown})
    guide = "\n\n".join([SAID_TWICE] * times) + "\n"
    assert [(s.line, s.shown) for s in coverage(profile, guide)] == list(
        zip(range(1, 2 * times, 2), expected, strict=True))


def test_a_text_quoted_from_the_template_never_counts_for_the_new_guide(
        reg, tmp_path: Path) -> None:
    """`new-court` keeps CASB's texts as CASB's: one the new guide says word for word
    and that has more than one word is the new court's own from then on (loading
    credits it so), and counts; a one-word label stays CASB's, and the guide's same
    word is shown nowhere; and a text kept as CASB's never counts, even with the new
    guide's very words."""
    guide = tmp_path / "XXTB.txt"
    guide.write_text("Made up for a test: no court's guide.\n\nClick Utilities\n\n"
                     "Utilities\n\nMiscellaneous\n", encoding="utf-8")
    new_court(reg, "XXTB", "Test Court", "CASB", guide, tmp_path / "mine")
    profile = load_file(tmp_path / "mine" / "XXTB.toml")
    found = coverage(profile, guide.read_text(encoding="utf-8"))
    assert [s.shown for s in found] == ["nowhere", "panel", "nowhere", "nowhere"]
    assert summary("XXTB", found).endswith("75% nowhere (25% shown)")
    said = "Made up for a test: no court's guide."
    quoted = _showing(profile, page=Text(text=said, quoted_from="CASB"))
    assert coverage(quoted, guide.read_text(encoding="utf-8"))[0].shown == "nowhere"
    own = _showing(profile, page=Text(text=said))
    assert coverage(own, guide.read_text(encoding="utf-8"))[0].shown == "page"
