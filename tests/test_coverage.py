"""Guide coverage: `ecf-tui validate --coverage` lists each guide sentence and where it
is shown (the court's page, the side panel, nowhere) with the shares; a sentence that
the built-in courts showed and no longer show fails here (tests/coverage_nowhere.json
holds the ones not shown yet, which only ever shrinks)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ecf_tui.coverage import coverage, sentences

from .conftest import COURTS
from .test_cli import run

KNOWN = json.loads((Path(__file__).with_name("coverage_nowhere.json")).read_text())


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
def test_no_guide_sentence_newly_shown_nowhere(reg, court: str) -> None:
    found = coverage(reg.load(court), reg.guide_text(court))
    nowhere = {s.text for s in found if s.shown == "nowhere"}
    assert sorted(nowhere - set(KNOWN[court])) == []
    assert len(found) == len(sentences(reg.guide_text(court)))


def test_the_known_list_only_names_sentences_still_not_shown(reg) -> None:
    """A sentence the simulator has come to show leaves the list (so it cannot hide a
    later regression)."""
    for court in COURTS:
        found = coverage(reg.load(court), reg.guide_text(court))
        nowhere = {s.text for s in found if s.shown == "nowhere"}
        assert sorted(set(KNOWN[court]) - nowhere) == [], court
