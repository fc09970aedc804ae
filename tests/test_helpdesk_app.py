"""The help desk in the app: every built-in scenario's code opens the caller's screen,
and the F3 panel shows that code, the accounts in play, the guide's words for the step
at the file and line it names, and the fix; F9 copies the code; Ctrl+F finds a scenario
by the caller's words and Enter opens it; the command palette switches court, opens a
scenario and jumps to a step. One App per court."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from ecf_tui import engine
from ecf_tui.app import make_app
from ecf_tui.court.fidelity import contains, fold
from ecf_tui.flows import codebook
from ecf_tui.helpdesk import loading
from ecf_tui.helpdesk.desk import desk_view, quotes
from ecf_tui.helpdesk.guide_lines import SPAN
from ecf_tui.qa.driver import settled
from ecf_tui.registry.loading import builtin_dir
from ecf_tui.ui.screen_map import shown_for
from ecf_tui.widgets.page_text import PageText

from .conftest import COURTS

SIZE = (100, 30)


@pytest.fixture(scope="module")
def scenarios(reg) -> loading.Scenarios:
    return loading.load(reg)


def _panel_texts(app) -> list[str]:
    panel = app.screen.query_one("#guide-panel")
    return [str(w.render()) for w in panel.query(Static)]


def _quoted_at(where: str, text: str) -> bool:
    """Whether the guide file named `guides/X.txt:N` has `text` starting on line N."""
    name, _, line = where.rpartition(":")
    assert name and line.isdigit(), f"no line for {text!r}"
    lines = (builtin_dir() / name).read_text(encoding="utf-8").splitlines()
    start = int(line) - 1
    return any(contains(" ".join(fold(x) for x in lines[start:start + span] if x.strip()), text)
               for span in range(1, SPAN + 1)) and fold(lines[start]) != ""


def _shown_here(scenarios: loading.Scenarios, court: str) -> list[loading.Bound]:
    """The scenarios whose screen the app test opens at this court: each scenario once,
    at one of its courts in turn (by id), so the five court tests share them out."""
    ids = sorted(scenarios.by_id)
    return [b for b in scenarios.at(court)
            if b.scenario.courts and list(b.scenario.courts)[
                ids.index(b.scenario.id) % len(b.scenario.courts)] == court]


def test_every_scenario_code_opens_its_state_and_its_quotes_are_where_it_says(
        reg, scenarios) -> None:
    """At every court each scenario is bound to (the engine's side; the app's below)."""
    for bound in scenarios.bound:
        # `ecf-tui run CODE` opens this state: the code names the scenario's end.
        state = codebook.codebook(bound.profile).state(bound.code)
        assert state == bound.walk.end, (bound.court, bound.scenario.id)
        desk = desk_view(bound.profile, state, bound.code, reg.guide_text(bound.court),
                         [bound])
        assert desk.fix == bound.fix and desk.scenario == bound.scenario.title
        for quote in desk.quotes:
            assert _quoted_at(quote.where, quote.text.text), (quote.where, quote.text.text)


@pytest.mark.parametrize("court", COURTS)
async def test_every_scenario_opens_the_callers_screen_with_the_desk_beside_it(
        reg, scenarios, court: str) -> None:
    bound = _shown_here(scenarios, court)
    assert bound, f"{court} shows no scenario"
    profile = reg.load(court)
    app = make_app(reg, bound[0].code)
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot, app)
        await pilot.press("f3")
        for scenario in bound:
            app.desk.scenario = scenario.scenario.id
            app.show_state(codebook.codebook(profile).state(scenario.code))
            await settled(pilot, app)
            expected = shown_for(profile, scenario.walk.end, app.coaching)
            page = expected.under or expected
            assert app.screen_stack[-1 if expected.under is None else -2].view == page.view
            shown = _panel_texts(app)
            assert scenario.code in shown, scenario.scenario.id
            assert scenario.scenario.title in shown
            desk = app.coaching.desk
            assert desk is not None and desk.code == scenario.code
            assert [q.where for q in desk.quotes if q.where in shown] == [
                q.where for q in desk.quotes]
            drawn = {w.source_text for w in app.screen.query_one("#guide-panel").query(PageText)}
            assert set(scenario.fix) <= drawn and (desk.quotes or any(
                "guide is silent here" in t.text for t in drawn))
        await pilot.press("f9")
        assert app.clipboard == bound[-1].code


def test_the_app_tests_open_every_scenario(scenarios) -> None:
    opened = [b.scenario.id for court in COURTS for b in _shown_here(scenarios, court)]
    assert sorted(opened) == sorted(scenarios.by_id)


async def test_the_desk_says_where_the_guide_is_silent_and_names_the_accounts(reg) -> None:
    app = make_app(reg, "MOEB/firm-pacer/confirm")
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot, app)
        await pilot.press("f3")
        await settled(pilot, app)
        shown = " ".join(_panel_texts(app))
        assert "MOEB/firm-pacer/confirm" in shown
        assert "PACER logged in: firmshared (Doe & Roe LLP): a shared firm account" in shown
        await pilot.press("f3")  # off again: the trainee's panel
        await settled(pilot, app)
        assert "Help desk" not in _panel_texts(app)
        # A page the guide says nothing about (a help page the simulator words).
        guide = reg.guide_text("MOEB")
        silent = next(s for s in (codebook.codebook(app.profile).first_at(step)
                                  for step in app.profile.steps)
                      if s is not None and not quotes(app.profile, s, guide))
        app.show_state(silent)
        await pilot.press("f3")
        await settled(pilot, app)
        assert app.coaching.desk is not None and not app.coaching.desk.quotes
        assert any("guide is silent here" in t for t in _panel_texts(app))


async def test_the_desk_is_not_offered_in_practice_or_assess(reg) -> None:
    app = make_app(reg, "CASB", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot, app)
        for key in ("f3", "f9", "ctrl+f", "ctrl+p"):
            await pilot.press(key)
        await pilot.pause()
        assert app.coaching.desk is None and type(app.screen).__name__ == "FrontScreen"


async def test_the_search_finds_the_callers_words_and_opens_the_screen(reg, scenarios) -> None:
    app = make_app(reg, "CASB")
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot, app)
        await pilot.press("ctrl+f")
        await pilot.pause()
        app.screen.query_one("#search-words", Input).value = "the menus did not appear"
        await pilot.pause()
        listed = app.screen.listed
        assert listed[0].scenario.id == "menus-not-shown" and listed[0].court == "CASB"
        assert {s.court for s in listed if s.scenario.id == "menus-not-shown"} == set(COURTS)
        # The open court's matches first, then the others'.
        courts = [s.court for s in listed]
        assert courts == sorted(courts, key=lambda c: c != "CASB")
        # The results by keys: Down into the list, Down to the second row, Enter.
        await pilot.press("down", "down", "enter")
        await settled(pilot, app)
        chosen = listed[1]
        assert app.profile.code == chosen.court
        assert codebook.code(app.profile, app.state) == chosen.code
        assert app.desk.scenario == chosen.scenario.id


async def test_the_command_palette_switches_court_opens_a_scenario_jumps_to_a_step(
        reg) -> None:
    app = make_app(reg, "CASB")
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot, app)
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        commands["Switch court: MOEB"].callback()
        await settled(pilot, app)
        assert app.profile.code == "MOEB" and app.state.step == "before-you-begin"
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        jump = commands["Jump to step: confirm"]
        assert jump.help.endswith("MOEB/happy/confirm")
        jump.callback()
        await settled(pilot, app)
        assert codebook.code(app.profile, app.state) == "MOEB/happy/confirm"
        opener = next(c for t, c in commands.items() if t.startswith("Open scenario:")
                      and t.endswith("(ALNB)"))
        opener.callback()
        await settled(pilot, app)
        assert app.profile.code == "ALNB" and codebook.code(app.profile, app.state) == opener.help


def test_the_guide_line_is_the_line_a_text_starts_on(tmp_path: Path) -> None:
    from ecf_tui.helpdesk.guide_lines import line_of

    guide = "Title\n\nThe first **sentence** runs\nover two lines. Then more.\n"
    assert line_of(guide, "The first sentence runs over two lines.") == 3
    assert line_of(guide, "over two lines.") == 4
    assert line_of(guide, "Title") == 1 and line_of(guide, "nowhere") is None


async def test_f10_writes_the_walk_as_a_transcript_without_what_was_typed(
        reg, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A walk with a wrong login typed (a sentinel as its password), then F10: the file
    replays the walk (the login as `login:invalid`, the password masked), never the
    sentinel, and `ecf-tui replay` passes it."""
    from ecf_tui.qa.driver import perform
    from ecf_tui.transcripts.commands import replay_command

    from .test_sentinel import encodings

    sentinel = "Pw-Sentinel-7781"
    monkeypatch.chdir(tmp_path)
    app = make_app(reg, "CASB/happy/pacer-login")
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot, app)
        fields = list(app.screen.query("#page Input"))
        fields[0].value, fields[1].value = "someone", sentinel
        app.screen.query_one("#login").press()
        await settled(pilot, app)
        assert app.walk == ["login:invalid"]
        own = next(a for a in engine.actions(app.profile, app.state)
                   if a.id == "login:pacer:individual")
        await perform(pilot, app, own, how="code")
        await settled(pilot, app)
        await pilot.press("f10")
        await app.workers.wait_for_complete()
        await pilot.pause()
    (written,) = tmp_path.glob("ecf-tui-CASB-*.txt")
    data = written.read_bytes()
    assert not [form for form in encodings(sentinel) if form in data]
    text = data.decode()
    assert "start: CASB/happy/pacer-login" in text and "--> login:invalid" in text
    assert "--> login:pacer:individual" in text and "•" in text
    out = io.StringIO()
    # The replay runs its own event loop: in a thread, beside this test's.
    assert await asyncio.to_thread(replay_command, reg, written, out) == 0, out.getvalue()


@pytest.mark.parametrize("mode", ["guided", "practice"])
async def test_the_desk_keys_reach_through_a_dialog_in_guided_only(reg, mode: str) -> None:
    """MSSB's CM/ECF-credentials dialog is modal (it stops the App's keys), and the
    screen a caller most often describes: F3 opens the desk over it, in guided mode."""
    app = make_app(reg, "MSSB/cmecf-on-pacer-login/cmecf-dialog", mode=mode)
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot, app)
        await pilot.press("f3", "f9")
        await pilot.pause()
        desk = app.coaching.desk
        if mode == "guided":
            assert desk is not None and desk.code == "MSSB/cmecf-on-pacer-login/cmecf-dialog"
            assert app.clipboard == desk.code
        else:
            assert desk is None and app.clipboard == ""
