"""What a trainee and a help desk meet walking by hand, by keys only, as they did: each
test presses the keys (or runs the command) a person did, and fails on the behaviour
they met before it was mended."""

from __future__ import annotations

import pytest

from ecf_tui.app import make_app
from ecf_tui.flows import codebook
from ecf_tui.qa.driver import settled
from ecf_tui.qa.focus_walk import press


@pytest.mark.parametrize("mode", ["guided", "practice"])
@pytest.mark.parametrize(("code", "then"), [
    # The guide: "Do not make a selection. Instead, close the message by clicking the x".
    ("MSSB/cmecf-on-pacer-login/cmecf-dialog", "pacer-login"),
    # Linked: CANB's users refresh the browser; Enter on a menu item was wrong-refresh.
    ("CANB/linked/success", "pacer-login"),
    # The firm's name on the confirm page: the guide's move is Log Out, not Submit.
    ("MOEB/firm-pacer/confirm", "pacer-login"),
])
async def test_enter_on_arrival_is_never_a_mistake(reg, code: str, then: str,
                                                   mode: str) -> None:
    app = make_app(reg, code, mode=mode)
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot, app)
        await press(pilot, "enter")
        await settled(pilot, app)
        assert app.training.attempt is not None and app.training.attempt.mistakes == []
        if mode == "guided":  # the guide's move itself; in practice, any that is no mistake
            assert app.state.step == then, codebook.code(app.profile, app.state)


def _scenarios_json() -> list[dict]:
    import io
    import json
    import os

    from ecf_tui.cli import main

    os.environ.pop("ECF_TUI_PROFILES", None)
    out, err = io.StringIO(), io.StringIO()
    assert main(["scenarios", "--format", "json"], out, err) == 0, err.getvalue()
    return json.loads(out.getvalue())


def test_every_scenarios_open_line_opens_that_callers_problem(reg) -> None:
    """Each court's `open` line of `scenarios --format json`, read as `ecf-tui run` reads
    it: the App opens the caller's screen with that scenario's problem and fix in the
    help desk's panel (F3), not another scenario's of the same screen (CASB's
    menus-not-shown opened "Did it work?")."""
    import shlex

    from ecf_tui.cli import build_parser

    checked = 0
    for row in _scenarios_json():
        for court in row["courts"]:
            argv = shlex.split(court["open"])
            assert argv[0] == "ecf-tui"
            args = build_parser().parse_args(argv[1:])
            app = make_app(reg, args.target, scenario=args.scenario, at=args.at)
            assert codebook.code(app.profile, app.state) == court["code"]
            app.desk.open = True  # F3
            desk = app.coaching.desk
            assert desk is not None and desk.scenario == row["title"], court["open"]
            assert [t.text for t in desk.fix] == [t["text"] for t in court["fix"]]
            checked += 1
    assert checked > 40


async def test_f3_and_f9_at_a_screen_two_scenarios_share(reg) -> None:
    """CASB's linked page is the caller's who asks "did it work?" and the one whose menus
    did not appear: opened by its line, F3 shows the menus' fix and F9 says that line."""
    app = make_app(reg, "CASB", scenario="menus-not-shown")
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot, app)
        await press(pilot, "f3")
        await settled(pilot, app)
        from ecf_tui.qa.driver import screen_text

        text = " ".join(screen_text(app).split())
        assert "did not appear" in text and "refresh your browser" in text
        await press(pilot, "f9")
        said = [n.message for n in app._notifications]
        assert any("ecf-tui run CASB --scenario menus-not-shown" in m for m in said), said


@pytest.mark.parametrize("caller", [
    "I linked my account but I still only see Query and Reports, no Bankruptcy menu",
    "I did link it, and I only have Query and Reports",
    "after linking I only see Query and Reports",
    "it says the accounts are linked but my menus are just Query and Reports",
])
def test_a_caller_who_says_they_linked_gets_the_after_linking_scenario(caller: str) -> None:
    import io
    import os

    from ecf_tui.cli import main

    os.environ.pop("ECF_TUI_PROFILES", None)
    out = io.StringIO()
    assert main(["scenarios", "CASB", "--search", caller, "--format", "json"], out,
                io.StringIO()) == 0
    import json

    ranked = [row["id"] for row in json.loads(out.getvalue())]
    assert ranked[0] == "menus-not-shown", ranked[:3]


def test_a_caller_who_has_not_linked_gets_the_before_linking_scenario() -> None:
    import io
    import json
    import os

    from ecf_tui.cli import main

    os.environ.pop("ECF_TUI_PROFILES", None)
    out = io.StringIO()
    main(["scenarios", "CASB", "--search", "I haven't linked yet and I only see Query and "
          "Reports", "--format", "json"], out, io.StringIO())
    assert json.loads(out.getvalue())[0]["id"] == "search-only-before-linking"


async def test_the_search_lists_the_open_courts_matches_first(reg) -> None:
    """Ctrl+F at CASB, the caller's sentence typed: CASB's right scenario is the first
    row at 80x24, not the sixth after a scenario bound at five courts."""
    app = make_app(reg, "CASB")
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot, app)
        await press(pilot, "ctrl+f")
        await settled(pilot, app)
        field = app.screen.query_one("#search-words")
        field.value = "I linked my account but I still only see Query and Reports"
        await settled(pilot, app)
        listed = app.screen.listed
        assert (listed[0].court, listed[0].scenario.id) == ("CASB", "menus-not-shown")
        assert [s.court for s in listed[:3]] == ["CASB"] * 3


def test_scenarios_text_shows_the_open_line_and_the_fix_wrapped(monkeypatch) -> None:
    import io
    import os

    from ecf_tui.cli import main

    os.environ.pop("ECF_TUI_PROFILES", None)
    monkeypatch.setenv("COLUMNS", "60")
    out = io.StringIO()
    assert main(["scenarios", "MSSB"], out, io.StringIO()) == 0
    text = out.getvalue()
    assert "open: ecf-tui run MSSB --scenario menus-not-shown" in text
    assert "fix: " in text and "MSSB_IT@mssb.uscourts.gov" in text
    assert max(len(line) for line in text.splitlines()) <= 60


def _typing_states(reg, court: str) -> list:
    from ecf_tui.flows import graph
    from ecf_tui.view import ACCOUNT_STEPS

    profile = reg.load(court)
    flow = graph.of(profile)
    seen = {}
    for path in graph.paths(flow):
        for state in path.states:
            if profile.steps[state.step].kind in ACCOUNT_STEPS and state.notice is None:
                seen.setdefault(state.step, state)
    return list(seen.values())


@pytest.mark.parametrize("court", ["MSSB", "CASB", "ALNB", "CANB", "MOEB"])
async def test_the_account_to_type_is_in_sight_at_80x24_and_f2_shows_the_others(
        reg, court: str) -> None:
    """On every page where credentials are typed, the practice account for that page is
    in the panel's sight on arrival at 80x24 (MSSB's link form had the CM/ECF one below
    the panel's end); F2 brings the others into sight."""
    from ecf_tui.widgets.guide_panel import GuidePanel
    from ecf_tui.widgets.practice_accounts import PracticeAccounts

    app = make_app(reg, court)
    async with app.run_test(size=(80, 24)) as pilot:
        for state in _typing_states(reg, court):
            app.show_state(state)
            await settled(pilot, app)
            panel = app.screen.query_one(GuidePanel)
            first = panel.query(PracticeAccounts).first()
            wanted = "CM/ECF" if app.profile.steps[state.step].kind == "link-form" else "PACER"
            assert first.accounts[0].system == wanted, state.step
            assert panel.region.contains_region(first.region), (state.step, first.region)
            await press(pilot, "f2")
            await settled(pilot, app)
            extra = panel.query(".practice-extra").last()
            assert extra.display and panel.region.overlaps(extra.region), state.step
            await press(pilot, "f2")


@pytest.mark.parametrize("code", ["MSSB/happy/pacer-login", "MSSB/happy/link-form"])
async def test_space_pauses_and_escape_stops_the_demo_over_its_typing(reg, code: str) -> None:
    from textual.widgets import Input

    app = make_app(reg, code, mode="demo", delay=600)
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot, app)
        await press(pilot, "right")  # the demo types the login now
        await settled(pilot, app)
        login = app.screen.query("#page Input").first(Input)
        typed = login.value
        assert typed and app.focused is login
        await press(pilot, "space")
        assert app.demo.paused and login.value == typed
        await press(pilot, "space")
        assert not app.demo.paused
        await press(pilot, "escape")
        await settled(pilot, app)
        assert app.mode == "guided"
        assert app.screen.query("#page Input").first(Input).value == typed


async def test_keys_typed_while_the_window_is_too_small_wait_for_the_page(reg) -> None:
    """A password half typed, the window made too small (one line asks for a bigger
    one), the rest typed, the window made bigger: the password is whole (it came back
    short, a wrong password the assessment counts)."""
    from textual.widgets import Input

    from ecf_tui.screens.too_small import TooSmallScreen

    app = make_app(reg, "MSSB/happy/pacer-login", mode="assess", trainee="kim")
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot, app)
        await press(pilot, "enter")  # the assessment's rule, then the page
        await settled(pilot, app)
        await press(pilot, *"mssbfiler", "tab", *"pacer-pr")
        await pilot.resize_terminal(40, 10)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await press(pilot, *"actice-1")
        await pilot.resize_terminal(100, 30)
        await settled(pilot, app)
        secret = app.screen.query_one("#password", Input)
        assert app.focused is secret and len(secret.value) == len("pacer-practice-1")
        await press(pilot, "enter")
        await settled(pilot, app)
        assert app.training.attempt is not None and app.training.attempt.mistakes == []
        assert app.state.pacer is not None


@pytest.mark.parametrize("size", [(60, 15)])
@pytest.mark.parametrize("court", ["MSSB"])
async def test_at_the_smallest_sizes_focus_is_in_sight_and_codes_whole(reg, court: str,
                                                                       size) -> None:
    """Every kind of screen at the smallest size the simulator draws (and one more):
    focus on arrival and after every Tab in sight (at 60x15 the agreement's box was
    not), no part of the state code or an e-mail address broken, the footer's keys
    whole (it ended "f2 Acc")."""
    from ecf_tui.qa.driver import broken_inside, cut_off_sideways, screen_text
    from ecf_tui.qa.focus_walk import cycle_problems, in_sight

    from .test_any_size import _one_state_per_screen

    app = make_app(reg, court)
    found = {}
    async with app.run_test(size=size) as pilot:
        for state in _one_state_per_screen(reg, court):
            app.show_state(state)
            await settled(pilot, app)
            problems = broken_inside(app) + [p for p in cut_off_sideways(app)
                                             if "Footer" in p]
            if app.focused is not None and not in_sight(app.screen, app.focused):
                problems.append(f"{app.focused} out of sight on arrival")
            problems += await cycle_problems(pilot)
            footer = screen_text(app).splitlines()[-1]
            if footer.rstrip() != footer.rstrip()[:size[0]] or footer.endswith("Acc"):
                problems.append(f"footer cut: {footer}")
            if problems:
                found[codebook.code(app.profile, state)] = problems
    assert found == {}


async def test_an_assessment_needs_a_name_and_its_result_says_whose_and_why(reg) -> None:
    """An empty name is refused (a result filed as anonymous); at the end the result names
    the trainee and why it was not passed, not only "NOT PASSED"."""
    from ecf_tui import engine
    from ecf_tui.qa.driver import perform, screen_text

    app = make_app(reg, "CASB", mode="assess")
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot, app)
        await press(pilot, "enter")  # Enter in the empty name field
        await settled(pilot, app)
        assert app.training.attempt is None and "Type your name first" in screen_text(app)
        await press(pilot, *"Kim Lee", "enter")
        await settled(pilot, app)
        assert app.training.attempt is not None and app.training.trainee == "Kim Lee"
        # Two mistakes (a login the guide warns against, twice), then the guide's way.
        for _ in range(2):
            while app.state.step != "pacer-login":
                await perform(pilot, app, engine.advice(app.profile, app.state), how="code")
                await settled(pilot, app)
            wrong = next(a for a in engine.actions(app.profile, app.state)
                         if a.name == "login" and engine.mistake(app.profile, app.state, a))
            await perform(pilot, app, wrong, how="code")
            await settled(pilot, app)
            app.show_state(engine.start(app.profile))  # back to the court's first page
            await settled(pilot, app)
        while (advice := engine.advice(app.profile, app.state)) is not None:
            await perform(pilot, app, advice, how="code")
            await settled(pilot, app)
        text = " ".join(screen_text(app).split())
        assert "NOT PASSED" in text and "Trainee: Kim Lee" in text
        assert "Not passed: 2 mistakes; at most 1 allowed" in text


def test_results_show_the_pass_rule(tmp_path) -> None:
    import io
    from datetime import UTC, datetime

    from ecf_tui.cli import main
    from ecf_tui.training.record import AttemptRecord, PassRule

    record = AttemptRecord(id="0" * 32, version="0", court="CASB", mode="assess",
                           trainee="kim", started=datetime(2026, 1, 1, tzinfo=UTC),
                           ended=datetime(2026, 1, 1, 0, 5, tzinfo=UTC), finished=True,
                           reached="refreshed", linked_right=True,
                           pass_rule=PassRule(max_mistakes=1), passed=True)
    (tmp_path / "a.json").write_text(record.model_dump_json(), encoding="utf-8")
    out = io.StringIO()
    assert main(["results", str(tmp_path)], out, io.StringIO()) == 0
    assert "at most 1 mistake, no hints" in out.getvalue()


async def test_a_failed_login_keeps_the_login_typed(reg) -> None:
    """A wrong password: the page comes back with its notice, the login still typed and
    selected (a second auto-type replaces it), the password empty."""
    from textual.widgets import Input

    app = make_app(reg, "MSSB/happy/pacer-login")
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot, app)
        await press(pilot, *"mssbfiler", "tab", *"not-it", "enter")
        await settled(pilot, app)
        assert app.state.notice is not None
        login = app.screen.query_one("#username", Input)
        assert login.value == "mssbfiler" and app.focused is login
        assert app.screen.query_one("#password", Input).value == ""
        await press(pilot, *"mssbfiler", "tab", *"pacer-practice-1", "enter")
        await settled(pilot, app)
        assert app.state.pacer is not None


def _panel_words(app) -> str:
    """The side panel's words, read off the screen: on each row, what is right of the
    panel's left edge (the page's words beside them left out)."""
    from ecf_tui.qa.driver import screen_text

    rows = [line.rsplit("\u258f", 1)[1] for line in screen_text(app).splitlines()
            if "\u258f" in line]
    return " ".join(" ".join(rows).split())


async def test_moebs_recovery_after_the_firms_link_is_not_click_submit(reg) -> None:
    """MOEB's confirm page with the firm's PACER name: Tab to Submit, Enter (the
    mistake). "How to recover" said the guide's "If the PACER and CM/ECF names match,
    click SUBMIT.", which read as the way out; now the firm sentence and the simulator's
    own, marked as its own."""
    app = make_app(reg, "MOEB/firm-pacer/confirm")
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot, app)
        await press(pilot, "tab", "enter")
        await settled(pilot, app)
        assert app.training.attempt is not None and app.training.attempt.mistakes != []
        text = _panel_words(app)
        recover = text[text.index("How to recover"):]
        assert "click SUBMIT" not in recover
        assert "you need to get an individual PACER account" in recover
        assert "the link cannot be undone here: call the court. [simulator]" in recover


async def test_canbs_cache_keys_come_under_the_guides_heading(reg) -> None:
    """CANB linked: "For most browsers: Control + Shift + Delete" read as the refresh
    key; the guide's heading "Clearing Browser Cache:" comes first, in the panel."""
    app = make_app(reg, "CANB/linked/success")
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot, app)
        text = _panel_words(app)
        heading = text.index("Clearing Browser Cache:")
        assert heading < text.index("Control + Shift + Delete")


async def test_a_field_labels_source_mark_is_after_the_field(reg) -> None:
    """MOEB's link form takes its field labels from CASB's guide: the mark "[CASB]" sat
    under "Username *", beside where one types, and read as a value. It is after the
    field on the field's row now, and never inside the label."""
    from textual.widgets import Input

    app = make_app(reg, "MOEB/happy/link-form")
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot, app)
        rows = list(app.screen.query(".field-row"))
        assert rows
        for row in rows:
            label, field = row.query_one(".field-label"), row.query_one(Input)
            mark = row.query_one(".field-mark")
            assert "[CASB]" not in str(label.render())
            assert str(mark.render()) == "[CASB]"
            assert mark.region.y == field.region.y == label.region.y
            assert mark.region.x >= field.region.right


@pytest.mark.parametrize("court", ["MSSB", "CANB", "MOEB"])
async def test_the_stages_count_up_by_one_along_the_guides_walk(reg, court: str) -> None:
    """Walked by keys from the front page to the end: the step indicator's stage goes up
    one at a time and ends at "Stage N of N" (MSSB jumped 2 to 4, CANB 2 to 5)."""
    import re

    from ecf_tui import engine
    from ecf_tui.qa.driver import perform, screen_text

    app = make_app(reg, court)
    seen: list[tuple[int, int]] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot, app)
        while True:
            found = re.search(r"Stage (\d+) of (\d+)", screen_text(app))
            if found:
                stage = (int(found[1]), int(found[2]))
                if not seen or seen[-1] != stage:
                    seen.append(stage)
            advice = engine.advice(app.profile, app.state)
            if advice is None:
                break
            await perform(pilot, app, advice, how="keys")
            await settled(pilot, app)
    numbers = [n for n, _ in seen]
    total = seen[-1][1]
    assert numbers == list(range(1, total + 1)), seen
    assert {of for _, of in seen} == {total}
