"""What the App calls, tested without the App: the training session (the attempt's
life), the demo's player, the help desk's session, which keys show, the crash report."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ecf_tui import engine
from ecf_tui.engine import Action
from ecf_tui.flows import codebook
from ecf_tui.helpdesk.session import HelpDeskSession, write_transcript
from ecf_tui.keys.footer import KeysHere, offered
from ecf_tui.training.demo import DemoPlayer, Fill
from ecf_tui.training.session import TrainingSession
from ecf_tui.ui.crash import crash_report


def _guide_walk(profile, state=None):
    """The guide's moves from `state` (the start) to the end, with the states between."""
    state = state or engine.start(profile)
    while (action := engine.advice(profile, state)) is not None:
        yield state, action
        state = engine.step(profile, state, action)


def test_an_assessment_walked_to_the_end_files_one_passing_record(profiles) -> None:
    profile = profiles["MSSB"]
    session = TrainingSession("assess", "Kim Lee")
    session.begin(profile)
    state = engine.start(profile)
    for state, action in _guide_walk(profile):
        assert not session.ends_at(profile, state)
        session.took(state, action, engine.mistake(profile, state, action))
    end = engine.step(profile, state, action)
    assert session.ends_at(profile, end)
    record = session.file(end)
    assert record is not None and record.passed and record.trainee == "Kim Lee"
    assert session.attempt is None and session.finished == [record]
    assert session.exit_code == 0


def test_a_hint_counts_once_a_page_and_only_in_practice(profiles) -> None:
    profile = profiles["CASB"]
    start = engine.start(profile)
    practice = TrainingSession("practice")
    assert not practice.ask_hint(), "no attempt yet"
    practice.begin(profile)
    assert practice.ask_hint() and not practice.ask_hint(), "shown already"
    practice.opened_guide()  # F1 in practice is a hint too
    assert practice.tally == (0, 2)
    practice.took(start, engine.advice(profile, start), None)
    assert not practice.hint and practice.ask_hint() and practice.tally == (0, 3)
    guided = TrainingSession("guided")
    guided.begin(profile)
    assert not guided.ask_hint()
    guided.opened_guide()
    assert guided.tally == (0, 0)


def test_a_walk_left_or_begun_elsewhere_is_an_attempt_of_its_own(profiles) -> None:
    msb, casb = profiles["MSSB"], profiles["CASB"]
    session = TrainingSession("guided")
    session.begin(msb)
    start = engine.start(msb)
    session.walk_elsewhere(casb, start)
    assert session.finished == [], "a walk with no step is no attempt"
    cstart = engine.start(casb)
    session.took(cstart, engine.advice(casb, cstart), None)
    session.walk_elsewhere(msb, cstart)
    assert [r.court for r in session.finished] == ["CASB"]
    session.took(start, engine.advice(msb, start), None)
    session.walk_again(msb, start)
    assert [r.court for r in session.finished] == ["CASB", "MSSB"]
    assert session.attempt is not None and session.attempt.steps == []
    session.leave(start)
    assert len(session.finished) == 2, "quitting a walk with no step files nothing"
    assert session.exit_code is None, "guided walks have no verdict"


def test_an_assessment_left_midway_is_filed_as_failed(profiles) -> None:
    profile = profiles["MOEB"]
    session = TrainingSession("assess")
    session.begin(profile)
    session.leave(engine.start(profile))
    assert [r.passed for r in session.finished] == [False] and session.exit_code == 1


def test_the_demo_never_records_an_attempt(profiles) -> None:
    session = TrainingSession("demo")
    session.begin(profiles["ALNB"])
    assert session.attempt is None
    session.walk_elsewhere(profiles["CANB"], engine.start(profiles["ALNB"]))
    assert session.attempt is None and session.finished == []


@pytest.mark.parametrize("court", ["MSSB", "MOEB"])
def test_the_demo_player_types_in_three_beats_and_pauses_at_the_end(profiles, court) -> None:
    profile = profiles[court]
    player = DemoPlayer()
    state = engine.start(profile)
    typed = 0
    for _ in range(200):
        move = player.next(profile, state, fields=2)
        if move is None:
            break
        if isinstance(move, Fill):
            typed += 1
            assert move.value not in repr(move), "a password never in a repr"
            continue
        if move.typed:
            assert typed % 2 == 0 and typed > 0, "login and password shown before sending"
        state = engine.step(profile, state, move)
    else:
        pytest.fail("the demo never reached the end of the guide's path")
    assert player.paused and engine.is_end(profile, state) and typed >= 2


def test_the_demo_sends_at_once_where_the_page_has_no_two_fields(profiles) -> None:
    profile = profiles["MSSB"]
    player = DemoPlayer()
    for state, action in _guide_walk(profile):
        if action.typed:
            move = player.next(profile, state, fields=0)
            assert isinstance(move, Action) and move.typed
            return
    pytest.fail("the guide's walk types nothing")


def test_the_desk_panel_only_when_open_and_the_code_line_opens_the_screen(reg, profiles) -> None:
    profile = profiles["MOEB"]
    desk = HelpDeskSession(reg)
    state = engine.start(profile)
    assert desk.panel(profile, state) is None
    desk.open = True
    panel = desk.panel(profile, state)
    assert panel is not None and panel.code == codebook.code(profile, state)
    code, line = desk.code_line(profile, state)
    assert line == f"ecf-tui run {code}"
    bound = next(b for b in desk.scenarios.at("MOEB"))
    desk.scenario = bound.scenario.id
    end = desk.caller_screen("MOEB", bound.scenario.id)
    assert desk.code_line(profile, end) == (bound.code, bound.open_line)


def test_the_palettes_ways_round_cover_every_court_scenario_and_step(reg, profiles) -> None:
    desk = HelpDeskSession(reg)
    profile = profiles["CANB"]
    ways = desk.ways_round(profile)
    titles = [w.title for w in ways]
    assert [t for t in titles if t.startswith("Switch court: ")] == [
        f"Switch court: {c}" for c in reg.codes()]
    assert sum(t.startswith("Open scenario: ") for t in titles) == len(desk.scenarios.bound)
    jumps = [w for w in ways if w.title.startswith("Jump to step: ")]
    assert jumps and all(w.court == "CANB" for w in jumps)
    assert all(w.help.endswith(codebook.code(profile, w.state)) for w in jumps)
    assert not any(t.startswith("Jump to step: ") for t in
                   (w.title for w in desk.ways_round(None)))


def test_the_transcript_job_replays_the_walk_and_says_how_to_check_it(
        reg, profiles, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    profile = profiles["MSSB"]
    start = engine.start(profile)
    action = engine.advice(profile, start)
    assert action is not None
    argv, path = HelpDeskSession(reg).transcript_job(profile, start, [action.id], (100, 30))
    assert argv[:3] == [sys.executable, "-m", "ecf_tui"] and path.parent == tmp_path
    said = write_transcript(argv, path)
    assert not said.failed and said.text.endswith(f"ecf-tui replay {path.name}")
    assert path.read_text().count("\n") > 10
    broken = write_transcript([*argv[:3], "transcript", "NOPE", "--out", str(path)], path)
    assert broken.failed and broken.title == "Transcript not written"


def _here(**changes) -> KeysHere:
    base = dict(mode="guided", court_open=True, covered=False, desk_open=False,
                typing_page=False, at_end=False, can_log_out=lambda: False)
    return KeysHere(**{**base, **changes})  # type: ignore[arg-type]


def test_the_footer_shows_each_modes_keys_and_none_over_a_cover() -> None:
    assert offered("quit", _here(covered=True))
    assert not any(offered(a, _here(covered=True)) for a in ("open_guide", "browser", "hint"))
    assert offered("toggle_desk", _here()) and not offered("toggle_desk", _here(mode="assess"))
    assert not offered("copy_code", _here()) and offered("copy_code", _here(desk_open=True))
    assert offered("hint", _here(mode="practice")) and not offered("hint", _here())
    assert not offered("open_guide", _here(mode="assess"))
    assert offered("demo_pause", _here(mode="demo")) and not offered("demo_pause", _here())
    assert not offered("toggle_accounts", _here()) and offered(
        "toggle_accounts", _here(typing_page=True))
    assert not offered("start_over", _here()) and offered("start_over", _here(at_end=True))
    assert offered("log_out", _here(can_log_out=lambda: True))
    asked = []
    offered("hint", _here(can_log_out=lambda: asked.append(1) or True))
    assert asked == [], "the engine is asked for Log Out only"


def test_the_crash_report_masks_a_secret_and_names_the_state(profiles) -> None:
    profile = profiles["MSSB"]
    state = engine.start(profile)
    try:
        raise RuntimeError("bad value s3cret-pass")
    except RuntimeError as error:
        report = crash_report(error, profile, state, ["s3cret-pass"])
    assert "s3cret-pass" not in report and "•••" in report
    assert f"state: {codebook.code(profile, state)}" in report
    assert "test_app_parts.py" in report and "Nothing you typed" in report
