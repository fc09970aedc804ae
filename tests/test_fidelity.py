"""Guide fidelity: every text a profile says is the guide's own appears in that guide,
whitespace-folded; and the profiles mark what the simulator wrote."""

from __future__ import annotations

import pytest

from ecf_tui.court.fidelity import fold, texts, unquoted

from .conftest import COURTS


@pytest.mark.parametrize("court", COURTS)
def test_every_guide_text_is_in_its_guide(reg, profiles, court: str) -> None:
    missing = unquoted(profiles[court], reg.guide_text)
    assert missing == [], [(loc, t.text) for loc, t in missing]


@pytest.mark.parametrize("court", COURTS)
def test_profiles_quote_their_guide_a_lot_and_mark_the_rest(profiles, court: str) -> None:
    found = list(texts(profiles[court]))
    own = [t for _, t in found if t.source == "guide" and t.quoted_from is None]
    simulator = [t for _, t in found if t.source == "simulator"]
    assert len(own) >= 15 and simulator, "a court is mostly its guide's words"


def test_fold_removes_the_pdf_texts_markup() -> None:
    assert fold("8. Enter your **CM/ECF** login") == "8. Enter your CM/ECF login"
    assert fold("[Forgot password?](#) | x") == "Forgot password? | x"
    assert fold("Fed. R. App. P. 25\\(a\\)\\(5\\)") == "Fed. R. App. P. 25(a)(5)"
    assert fold("<b>Username *</b>\t<input type=\"text\"/>") == "Username *"
    assert fold("site (<https://ecf.canb.uscourts.gov/>).") == "site (https://ecf.canb.uscourts.gov/)."


def test_the_guides_shipped_are_the_seeds(reg) -> None:
    for court in COURTS:
        assert len(reg.guide_text(court)) > 2000


def test_canb_court_name_is_marked_as_the_simulators(profiles) -> None:
    # CANB's guide never names the court in full.
    assert profiles["CANB"].name.source == "simulator"
    assert profiles["MSSB"].name.source == "guide"
