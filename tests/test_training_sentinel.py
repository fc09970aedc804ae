"""The password sentinel in the training modes: typed into every password field of
every court in practice and in assess (guided: tests/test_sentinel.py, through real
terminals), each attempt then ended and saved as `run` saves it (result files, xAPI
statements, the progress store under HOME): the sentinel is in no file written, raw or
encoded, and on neither stdout nor stderr."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from ecf_tui.app import make_app
from ecf_tui.cli import main
from ecf_tui.qa.driver import settled
from ecf_tui.training.progress import ProgressStore
from ecf_tui.training.results import check_results_folder
from ecf_tui.training.saving import save_attempts

from .conftest import COURTS
from .test_app_walk import _paths
from .test_sentinel import SENTINEL, leaks

PASSWORD_STEPS = ("pacer-login", "link-form")
TYPED_IN = "MSSB"


@pytest.mark.parametrize("mode", ["practice", "assess"])
async def test_a_password_typed_in_training_is_written_nowhere(reg, mode: str, tmp_path: Path,
                                                               monkeypatch, capsys) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    results = check_results_folder(tmp_path / "results")
    store = ProgressStore()
    for court in COURTS:
        app = make_app(reg, f"{court}/happy/pacer-login", mode=mode, trainee="Pat")
        async with app.run_test(size=(100, 30)) as pilot:
            if mode == "assess":
                await pilot.click("#start")
            for step in PASSWORD_STEPS:
                state = next(s for s in _paths(reg, court)["happy"].states if s.step == step)
                app.show_state(state)
                await settled(pilot, app)
                login, password = list(app.screen.query("#page Input"))[:2]
                assert isinstance(password, Input) and password.password
                login.value = "someone"
                password.focus()
                if court == TYPED_IN:  # typed, key by key, through the App's keys
                    await pilot.press(*SENTINEL, "enter")
                else:  # the same field and the same record: set, to keep the suite short
                    password.value = SENTINEL
                    await pilot.press("enter")
                await settled(pilot, app)
            await app.action_quit()
        assert save_attempts(app.training.finished, results, store) is None
    assert main(["progress", "--format", "json"]) == 0
    assert main(["results", str(results)]) == 0
    out, err = capsys.readouterr()
    assert SENTINEL not in out + err and "wrong-password" in out
    assert len(list(results.glob("*.xapi.json"))) == len(COURTS)
    assert (home / ".local/share/ecf-tui/progress.sqlite3").is_file()
    assert leaks(tmp_path, SENTINEL) == []

