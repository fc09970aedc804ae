"""Training modes over the same engine and screens: guided explains a mistake and
highlights the control the guide says to use; practice hides the guide's words and the
state code until asked, and tallies; assess shows its rule first, hides everything,
and ends with a verdict (exit 0 passed, 1 not) and a record naming each mistake."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from textual.widgets import Button, Input

from ecf_tui import engine
from ecf_tui.app import make_app
from ecf_tui.cli import main
from ecf_tui.flows import codebook
from ecf_tui.qa.driver import perform, settled, shown
from ecf_tui.screens.assess_intro import AssessIntroScreen
from ecf_tui.screens.result import ResultScreen
from ecf_tui.training.progress import ProgressStore
from ecf_tui.training.results import check_results_folder
from ecf_tui.training.saving import save_attempts
from ecf_tui.widgets import GuidePanel, StepIndicator
from ecf_tui.widgets.practice_accounts import PracticeAccounts

from .terminal import Terminal
from .test_app_walk import _paths

SIZE = (100, 30)


def _action(app, action_id: str):
    found = {a.id: a for a in engine.actions(app.profile, app.state)}
    return found[action_id]


async def _step(pilot, app, action) -> None:
    """Take `action`, and wait for the page it leads to, as QA does (under load a page
    is still being composed a pause after the action)."""
    await perform(pilot, app, action, how="code")
    await settled(pilot, app)


async def _walk_to(pilot, app, step: str) -> None:
    """The guide's way until the page `step`."""
    while app.state.step != step:
        await _step(pilot, app, engine.advice(app.profile, app.state))


async def _finish(pilot, app) -> None:
    while (advice := engine.advice(app.profile, app.state)) is not None:
        await _step(pilot, app, advice)


def _code_shown(app) -> str:
    return str(app.screen.query_one(StepIndicator).query_one(".state-code").render())


@pytest.mark.parametrize("court", ["MSSB", "MOEB"])
async def test_guided_explains_a_mistake_and_highlights_the_guides_control(reg, court) -> None:
    app = make_app(reg, court)
    async with app.run_test(size=SIZE) as pilot:
        await _walk_to(pilot, app, "pacer-login")
        advised = [b for b in app.screen.query(Button) if b.has_class("-advised")]
        assert [b.id for b in advised] == ["login"], "the form's Login, where the guide says"
        await _step(pilot, app, _action(app, "login:pacer:firm"))
        panel = shown(app)
        explained = app.profile.mistakes["firm-pacer"]
        assert "That was a mistake" in panel
        assert {explained.did.text, explained.shows.text} <= panel
        assert all(t.text in panel for t in explained.recover)
        assert _code_shown(app) == codebook.code(app.profile, app.state)
        # The next action takes the explanation away.
        await _step(pilot, app, engine.advice(app.profile, app.state))
        assert "That was a mistake" not in shown(app)


@pytest.mark.parametrize("court", ["CASB", "MOEB"])
async def test_practice_hides_hints_and_codes_until_asked_and_tallies(reg, court) -> None:
    app = make_app(reg, court, mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await _walk_to(pilot, app, "pacer-login")
        guidance = [t.text for t in app.profile.steps["pacer-login"].instruction]
        assert not app.screen.query_one(GuidePanel).display, "no panel unasked"
        assert _code_shown(app) == ""
        assert not set(guidance) & shown(app)
        await pilot.press("f7")  # ? is typed in the login field, which has focus
        await settled(pilot, app)
        assert set(guidance) <= shown(app)
        assert "Mistakes: 0 · Hints: 1" in shown(app)
        await pilot.press("f2")
        await settled(pilot, app)
        own = app.profile.accounts.pacer["individual"].username.text
        logins = [a.login for w in app.screen.query(PracticeAccounts) for a in w.accounts]
        assert own in logins, "F2 shows the practice accounts"
        await _step(pilot, app, _action(app, "login:pacer:firm"))
        assert "That was a mistake" not in shown(app), "shown as the real system would"
        assert "Mistakes: 1 · Hints: 1" in shown(app)
        assert app.profile.code + "/" not in _code_shown(app)
        # On to the last page before the end (the walk there is the other tests'), and
        # the move that ends it.
        app.show_state(_paths(reg, court)["happy"].states[-2])
        await settled(pilot, app)
        await _finish(pilot, app)
        assert isinstance(app.screen, ResultScreen)
        assert "Practice finished" in shown(app) and "Mistakes: 1" in shown(app)
        assert app.training.exit_code is None, "practice has no verdict"


async def _assess(reg, court: str, mistakes: list[str]):
    """An assessment of `court` with these mistakes made on the way (each an action id
    taken where the engine offers it), then the guide's way to the end."""
    app = make_app(reg, court, mode="assess", trainee=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AssessIntroScreen)
        rule = shown(app)
        assert any("no more than 1 mistake" in s for s in rule)
        assert app.training.attempt is None, "the attempt starts with Start"
        app.screen.query_one("#trainee", Input).value = "Pat Trainee"
        await pilot.click("#start")
        await pilot.pause()
        assert app.state.step == app.profile.start
        assert not app.screen.query_one(GuidePanel).display and _code_shown(app) == ""
        for action_id in mistakes:
            while action_id not in {a.id for a in engine.actions(app.profile, app.state)}:
                await _step(pilot, app, engine.advice(app.profile, app.state))
            await _step(pilot, app, _action(app, action_id))
        await _finish(pilot, app)
        assert isinstance(app.screen, ResultScreen)
        result = shown(app)
        await pilot.click("#done")
    return app, result


async def test_assess_with_two_mistakes_fails_and_a_clean_one_passes(reg, tmp_path: Path,
                                                                     monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    failed, result = await _assess(reg, "CASB", ["login:pacer:firm", "login:invalid"])
    assert failed.return_code == 1 and "NOT PASSED" in result  # the process's exit code
    assert {"firm-pacer ×1", "wrong-password ×1"} <= result
    passed, result = await _assess(reg, "MOEB", [])  # and a second court's
    assert passed.return_code == 0 and "PASSED" in result
    folder = check_results_folder(tmp_path / "results")  # as `run --results` does
    for app in (failed, passed):
        assert [r.trainee for r in app.training.finished] == ["Pat Trainee"]
        assert save_attempts(app.training.finished, folder, ProgressStore()) is None
    [bad] = [json.loads(p.read_text()) for p in (tmp_path / "results").glob("*.json")
             if not p.name.endswith(".xapi.json") and json.loads(p.read_text())["passed"] is False]
    assert [m["kind"] for m in bad["mistakes"]] == ["firm-pacer", "wrong-password"]
    for xapi in (tmp_path / "results").glob("*.xapi.json"):
        for statement in json.loads(xapi.read_text()):
            assert statement["actor"] and statement["verb"]["id"] and statement["object"]["id"]
    out, err = _Out(), _Out()
    assert main(["progress", "--format", "json"], out=out, err=err) == 0
    assert failed.training.finished[0].id in out.text and passed.training.finished[0].id in out.text


class _Out:
    def __init__(self) -> None:
        self.text = ""

    def write(self, s: str) -> int:
        self.text += s
        return len(s)

    def flush(self) -> None:
        pass


def test_an_unknown_mode_or_unwritable_results_folder_stops_before_the_simulator(
        tmp_path: Path, capsys) -> None:
    assert main(["run", "CASB", "--mode", "quiz"]) == 2
    assert "--mode" in capsys.readouterr().err
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    assert main(["run", "CASB", "--results", str(blocker)]) == 2
    err = capsys.readouterr().err
    assert "--results" in err and err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs Debian's tmux")
def test_a_corrupt_progress_store_is_said_and_the_simulator_runs(tmp_path: Path) -> None:
    store = tmp_path / "data" / "ecf-tui" / "progress.sqlite3"
    store.parent.mkdir(parents=True)
    store.write_bytes(b"not a database")
    term = Terminal("CASB", env={"XDG_DATA_HOME": str(tmp_path / "data")})
    try:
        screen = term.wait_for(lambda s: "Progress not saved" in s and "Begin" in s)
    finally:
        term.close()
    assert "sqlite3" in screen, "the file named"
    assert store.read_bytes() == b"not a database", "left as it was"


async def test_guided_attempts_are_the_walks_taken(reg) -> None:
    """A walk ended by Ctrl+R is an attempt; opening and quitting with no step is none."""
    app = make_app(reg, "ALNB")
    async with app.run_test(size=SIZE) as pilot:
        await _walk_to(pilot, app, "pacer-login")
        app.show_state(_paths(reg, "ALNB")["happy"].end)
        await settled(pilot, app)
        await pilot.press("ctrl+r")
        await settled(pilot, app)
        await pilot.press("ctrl+q")
    [walk] = app.training.finished
    assert walk.mode == "guided" and walk.steps and walk.passed is None
    assert app.return_code == 0
