"""One screen per step kind, mapped in one place (`screen_map`); which modules a screen
may import is an architecture contract in pyproject.toml (tests/test_checks.py)."""

from __future__ import annotations


def test_each_step_kind_has_its_own_screen() -> None:
    from ecf_tui.court.profile import STEP_KINDS
    from ecf_tui.ui.screen_map import SCREEN_FOR_KIND

    assert set(SCREEN_FOR_KIND) == set(STEP_KINDS)
    assert len(set(SCREEN_FOR_KIND.values())) == len(STEP_KINDS), "one screen per kind"
