"""The guide's walk follows the guide: a side procedure before the linking (a detour off
the home page that comes back) is walked and the walk goes on to the full menus, in
`paths`, the job aid and the demo; a walk that cannot reach the end, or leaves the
guide's order, fails `validate` naming the step, file and line; a page may carry two of
the guide's steps.

The courts here are made up from the documentation's XXDC (docs/examples/XXDC, itself
invented), with a guide section of our own added: "Creating a PACER Account"."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest

from ecf_tui import engine
from ecf_tui.flows import graph
from ecf_tui.registry.loading import registry
from ecf_tui.training.demo import DemoPlayer

from .test_cli import run


def run_cli(*argv: str) -> tuple[int, str]:
    """`ecf-tui ARGV`: its exit code, and what it wrote (out, then err)."""
    code, out, err = run(*argv)
    return code, out + err


EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "examples" / "XXDC"
DETOUR_GUIDE = """
Creating a PACER Account

If you do not have an upgraded PACER account, click **Create a PACER Account** on the \
court's website and follow the PACER site's instructions. Then return to the court's \
website to link your accounts.

Linking CM/ECF Account to PACER
"""
DETOUR_STEP = """
[steps.pacer-account]
kind = "site"
title = "Creating a PACER Account"
address = { text = "pacer.uscourts.gov", source = "simulator" }
instruction = [
    \"\"\"If you do not have an upgraded PACER account, click Create a PACER Account on \\
the court's website and follow the PACER site's instructions.\"\"\",
    "Then return to the court's website to link your accounts.",
]
links = [{ label = { text = "Back to the court's website", source = "simulator" }, to = "home" }]
"""
HOME_LINKS = '''links = [
    { label = "Document Filing System", to = "pacer-login" },
]'''
DETOUR_FIRST = '''links = [
    { label = "Create a PACER Account", to = "pacer-account" },
    { label = "Document Filing System", to = "pacer-login" },
]'''


def _court(tmp_path: Path, links: str = DETOUR_FIRST, extra: str = "",
           guide_extra: str = "", code: str = "XXDT") -> Path:
    """XXDC as `code`, with the guide's side procedure before its steps, its page off the
    home page (`links`: the home page's), and `extra` TOML at the end."""
    folder = tmp_path / "profiles"
    (folder / "guides").mkdir(parents=True)
    guide = (EXAMPLE / "guides" / "XXDC.txt").read_text()
    at = guide.index("STEP 1 ")
    (folder / "guides" / f"{code}.txt").write_text(
        guide[:at] + DETOUR_GUIDE + guide_extra + "\n" + guide[at:])
    toml = (EXAMPLE / "XXDC.toml").read_text().replace('code = "XXDC"', f'code = "{code}"')
    toml = toml.replace('guide = "guides/XXDC.txt"', f'guide = "guides/{code}.txt"')
    assert HOME_LINKS in toml
    toml = toml.replace(HOME_LINKS, links) + DETOUR_STEP + extra
    (folder / f"{code}.toml").write_text(toml)
    return folder


def _validate(folder: Path, code: str = "XXDT") -> tuple[int, str]:
    return run_cli("--profiles", str(folder), "validate", code)


def test_a_detour_before_the_linking_is_walked_and_the_walk_goes_on(tmp_path: Path) -> None:
    folder = _court(tmp_path)
    assert _validate(folder)[0] == 0
    profile = registry([folder], env={}).load("XXDT")
    happy = graph.paths(graph.of(profile))[0]
    steps = [s.step for s in happy.states]
    assert happy.id == engine.HAPPY and steps[:5] == [
        "before-you-begin", "home", "pacer-account", "home", "pacer-login"]
    assert profile.steps[steps[-1]].kind == "refreshed"
    assert engine.outcome(profile, happy.end) == "pass"


def test_the_job_aid_walks_the_detour_in_the_guides_order(tmp_path: Path) -> None:
    folder = _court(tmp_path)
    aid = tmp_path / "aid.md"
    code, said = run_cli("--profiles", str(folder), "guide", "XXDT", "--format", "md",
                         "--out", str(aid))
    assert code == 0, said
    text = aid.read_text()
    detour = text.index("Creating a PACER Account", text.index("Screen 1 of"))
    assert detour < text.index("Enter your upgraded PACER username and password")


def test_the_demo_walks_the_detour_and_reaches_the_end_without_a_loop(tmp_path: Path) -> None:
    profile = registry([_court(tmp_path)], env={}).load("XXDT")
    player, state, visited = DemoPlayer(), engine.start(profile), {"before-you-begin"}
    for _ in range(60):
        move = player.next(profile, state, fields=0, visited=visited)
        if move is None:
            break
        assert isinstance(move, engine.Action)
        state = engine.step(profile, state, move)
        visited.add(state.step)
    else:
        pytest.fail("the demo went round: 60 moves and no end")
    assert "pacer-account" in visited and profile.steps[state.step].kind == "refreshed"


async def test_the_demo_in_the_app_reaches_the_full_menus_within_a_timeout(
        tmp_path: Path) -> None:
    """The demo driven by its Right key (a move at a time, as a trainer steps it), so the
    walk, not the machine's speed, decides: a loop runs out of moves or of time."""
    from ecf_tui.app import EcfApp

    app = EcfApp(registry([_court(tmp_path)], env={}), "XXDT", mode="demo", delay=3600)
    async with app.run_test(size=(100, 30)) as pilot:
        async def walked() -> None:
            for _ in range(80):  # the walk takes 15 moves, three beats for a login
                assert app.profile is not None and app.state is not None
                if app.demo.paused or engine.is_end(app.profile, app.state):
                    return
                await pilot.press("right")
                await pilot.pause()
        await asyncio.wait_for(walked(), timeout=120)
        assert app.profile is not None and app.state is not None
        assert app.profile.steps[app.state.step].kind == "refreshed", app.demo.ended
        assert "pacer-account" in app.visited
        assert app.released_late == 0, "a page never said it arrived: the demo waited"


def test_a_demo_that_cannot_go_on_stops_with_one_sentence(tmp_path: Path) -> None:
    """A detour whose only way on goes back forever: the demo stops, never loops."""
    profile = registry([_court(tmp_path)], env={}).load("XXDT")
    player, state = DemoPlayer(), engine.start(profile)
    # With no memory of where it has been (a caller's jump each time), the walk from the
    # home page takes the detour and comes back, again and again.
    for _ in range(10):
        move = player.next(profile, state, fields=0)
        if move is None:
            break
        assert isinstance(move, engine.Action)
        state = engine.step(profile, state, move)
    assert player.paused and player.ended.startswith("The demo stops here")
    assert player.ended.count(".") == 1


def test_a_guide_walk_that_ends_short_of_the_menus_fails_validate(tmp_path: Path) -> None:
    """A page that ends the procedure listed first on the Utilities page (the
    simulator's "No action is needed" for someone who uses PACER only): the walk takes
    the first way on and ends there, so validate names that step."""
    folder = _court(tmp_path, extra='''
[steps.no-action]
kind = "stop"
outcome = "pass"
body = [{ text = "No action is needed.", source = "simulator" }]
''')
    toml = folder / "XXDT.toml"
    toml.write_text(toml.read_text().replace('''items = [
    { label = "Link a CM/ECF account to my PACER account", to = "link-form" },''', '''items = [
    { label = "Maintain Your E-mail", to = "no-action" },
    { label = "Link a CM/ECF account to my PACER account", to = "link-form" },'''))
    code, said = _validate(folder)
    assert code == 2
    line = next(n for n, text in enumerate(toml.read_text().splitlines(), 1)
                if text == "[steps.utilities]")
    assert "XXDT.toml" in said and f"line {line}" in said, said
    assert "is where the guide's walk leaves for 'no-action' and ends there, short of the " \
           "full menus" in said


def test_a_stop_page_off_the_home_page_first_fails_validate_without_a_traceback(
        tmp_path: Path) -> None:
    """The issue's shape: the side procedure's page listed first ends the procedure
    before any login (no menu bar there): validate names the home page, once said ok."""
    links = '''links = [
    { label = "Create a PACER Account", to = "no-action" },
    { label = { text = "More about PACER", source = "simulator" }, to = "pacer-account" },
    { label = "Document Filing System", to = "pacer-login" },
]'''
    folder = _court(tmp_path, links=links, extra='''
[steps.no-action]
kind = "stop"
outcome = "pass"
body = [{ text = "No action is needed.", source = "simulator" }]
''')
    code, said = _validate(folder)
    assert code == 2 and "Traceback" not in said, said
    line = next(n for n, text in enumerate((folder / "XXDT.toml").read_text().splitlines(), 1)
                if text == "[steps.home]")
    assert f"line {line}" in said and "leaves for 'no-action'" in said, said


def test_a_guide_walk_that_goes_round_fails_validate(tmp_path: Path) -> None:
    """A side procedure of two pages whose way back is listed after the way between
    them: the walk would go between them for ever (the demo looped so)."""
    folder = _court(tmp_path, extra='''
[steps.pacer-register]
kind = "site"
address = { text = "pacer.uscourts.gov/register", source = "simulator" }
links = [
    { label = { text = "Account details", source = "simulator" }, to = "pacer-account" },
    { label = { text = "Back to the court's website", source = "simulator" }, to = "home" },
]
''')
    toml = folder / "XXDT.toml"
    toml.write_text(toml.read_text().replace(
        'links = [{ label = { text = "Back to the court\'s website", source = "simulator" }, '
        'to = "home" }]',
        'links = [{ label = { text = "Register", source = "simulator" }, to = "pacer-register" }]'))
    code, said = _validate(folder)
    assert code == 2, said
    assert "is where the guide's walk goes round" in said, said


def test_a_guide_walk_that_leaves_the_guides_order_fails_validate(tmp_path: Path) -> None:
    """The detour is the guide's STEP 1 too, but the home page lists the filing system
    first: the walk never comes to it."""
    links = '''links = [
    { label = "Document Filing System", to = "pacer-login" },
    { label = "Create a PACER Account", to = "pacer-account" },
]'''
    folder = _court(tmp_path, links=links, extra='guide_step = "STEP 1"\n')
    code, said = _validate(folder)
    assert code == 2, said
    assert "is the guide's step 1, but the guide's walk never comes to it" in said
    toml = (folder / "XXDT.toml").read_text().splitlines()
    line = next(n for n, text in enumerate(toml, 1) if text == "[steps.pacer-account]")
    assert f"line {line}" in said


def test_two_guide_steps_on_one_page_each_checked_and_both_shown(tmp_path: Path) -> None:
    folder = _court(tmp_path)
    toml = folder / "XXDT.toml"
    text = toml.read_text()
    assert 'guide_step = "STEP 5"' in text
    toml.write_text(text.replace('guide_step = "STEP 5"', 'guide_step = ["STEP 5", "STEP 6"]'))
    assert _validate(folder)[0] == 0
    profile = registry([folder], env={}).load("XXDT")
    assert [t.text for t in profile.steps["link-form"].guide_steps] == ["STEP 5", "STEP 6"]
    toml.write_text(text.replace('guide_step = "STEP 5"', 'guide_step = ["STEP 5", "STEP 56"]'))
    code, said = _validate(folder)
    assert code == 2 and '"STEP 56"' in said and "guide_step[1]" in said, said


async def test_the_step_bar_shows_both_of_the_pages_guide_steps(tmp_path: Path) -> None:
    from ecf_tui.app import EcfApp
    from ecf_tui.flows import codebook
    from ecf_tui.qa.driver import screen_text

    folder = _court(tmp_path)
    toml = folder / "XXDT.toml"
    toml.write_text(toml.read_text().replace('guide_step = "STEP 5"',
                                             'guide_step = ["STEP 5", "STEP 6"]'))
    reg = registry([folder], env={})
    profile = reg.load("XXDT")
    state = next(s for s in graph.paths(graph.of(profile))[0].states if s.step == "link-form")
    app = EcfApp(reg, "XXDT", state)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        bar = next(line for line in screen_text(app).splitlines() if "guide:" in line)
        assert "guide: STEP 5, STEP 6" in bar, codebook.code(profile, state)


def test_the_documentations_examples_still_walk_to_the_end() -> None:
    for example in ("XXDC", "XXEB"):
        folder = EXAMPLE.parent / example
        assert _validate(folder, example)[0] == 0


def test_copies_are_independent(tmp_path: Path) -> None:
    """The fixture copies: the example's own files are never changed."""
    before = (EXAMPLE / "XXDC.toml").read_text()
    _court(tmp_path)
    assert (EXAMPLE / "XXDC.toml").read_text() == before
    shutil.rmtree(tmp_path / "profiles")
