"""A guide's front matter in its own order, and a guide silent on something the flow
needs. The courts are made up from the documentation's XXDC (docs/examples/XXDC,
itself invented), with guides of our own:

- XXDF's front matter runs: an introduction with its warning inside, "Creating a PACER
  Account", then "Linking CM/ECF Account to PACER" with the go-live note and the help
  desk: the front page, the picker and the job aid keep that order and say which
  paragraph is the date, the warning and the contact.
- XXDS's guide stops at the link's confirmation: it never says how to refresh the
  menus, nor names the full menus (Civil and Criminal): the profile says so."""

from __future__ import annotations

from pathlib import Path

from ecf_tui.registry.loading import registry

from .test_cli import run


def run_cli(*argv: str) -> tuple[int, str]:
    """`ecf-tui ARGV`: its exit code, and what it wrote (out, then err)."""
    code, out, err = run(*argv)
    return code, out + err


EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "examples" / "XXDC"
FRONT = """LINK YOUR CM/ECF ACCOUNT TO YOUR UPGRADED PACER ACCOUNT

U.S. District Court, District of Example

Attorneys who e-file in civil and criminal cases must link their existing CM/ECF \
account to their own upgraded PACER account. Each attorney must link an individual \
PACER account. Do not use a shared firm PACER account.

Creating a PACER Account

If you do not have an upgraded PACER account, create one at pacer.uscourts.gov before \
you begin.

Linking CM/ECF Account to PACER

Note: Attorneys can begin linking accounts on June 1, 2026.

Check the names before you submit. A link cannot be undone.

CM/ECF Help Desk: xxdc-ecf@example.invalid or 555-0100, Monday to Friday, 9 a.m. to 4 p.m.

"""
SECTIONS = r'''[about]
guide_title = "LINK YOUR CM/ECF ACCOUNT TO YOUR UPGRADED PACER ACCOUNT"
go_live = "June 1, 2026"

[[about.sections]]
paragraphs = [
    """Attorneys who e-file in civil and criminal cases must link their existing CM/ECF \
account to their own upgraded PACER account.""",
    { text = """Each attorney must link an individual PACER account. Do not use a shared \
firm PACER account.""", role = "warning" },
]

[[about.sections]]
heading = "Creating a PACER Account"
paragraphs = [
    { text = """If you do not have an upgraded PACER account, create one at \
pacer.uscourts.gov before you begin.""", role = "ready" },
]

[[about.sections]]
heading = "Linking CM/ECF Account to PACER"
paragraphs = [
    { text = "Note: Attorneys can begin linking accounts on June 1, 2026.", role = "go-live" },
    { text = "Check the names before you submit. A link cannot be undone.", role = "warning" },
    { text = """CM/ECF Help Desk: xxdc-ecf@example.invalid or 555-0100, Monday to Friday, \
9 a.m. to 4 p.m.""", role = "contact" },
]

'''


def _copy(tmp_path: Path, code: str, guide: str, toml: str) -> Path:
    folder = tmp_path / "profiles"
    (folder / "guides").mkdir(parents=True)
    (folder / "guides" / f"{code}.txt").write_text(guide)
    toml = toml.replace('code = "XXDC"', f'code = "{code}"').replace(
        'guide = "guides/XXDC.txt"', f'guide = "guides/{code}.txt"')
    (folder / f"{code}.toml").write_text(toml)
    return folder


def _front_court(tmp_path: Path) -> Path:
    guide = (EXAMPLE / "guides" / "XXDC.txt").read_text()
    toml = (EXAMPLE / "XXDC.toml").read_text()
    about = toml[toml.index("[about]"):toml.index("[steps.before-you-begin]")]
    return _copy(tmp_path, "XXDF", FRONT + guide[guide.index("STEP 1 "):],
                 toml.replace(about, SECTIONS))


def test_the_guides_sections_validate_and_keep_their_order(tmp_path: Path) -> None:
    folder = _front_court(tmp_path)
    code, said = run_cli("--profiles", str(folder), "validate", "XXDF")
    assert code == 0, said
    about = registry([folder], env={}).load("XXDF").about
    assert [s.heading.text if s.heading else None for s in about.sections] == [
        None, "Creating a PACER Account", "Linking CM/ECF Account to PACER"]
    assert about.go_live_date is not None and about.go_live_date.text == "June 1, 2026"


async def test_the_front_page_draws_the_sections_in_the_guides_order(tmp_path: Path) -> None:
    from ecf_tui.app import EcfApp
    from ecf_tui.qa.driver import screen_text

    app = EcfApp(registry([_front_court(tmp_path)], env={}), "XXDF")
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.pause()
        text = " ".join(screen_text(app).split())
    order = ["Attorneys who e-file", "Warning", "Each attorney must link",
             "Creating a PACER Account", "Have ready", "If you do not have",
             "Linking CM/ECF Account to PACER", "Go-live", "Note: Attorneys can begin",
             "Contact", "CM/ECF Help Desk:"]
    found = [text.find(words) for words in order]
    assert -1 not in found and found == sorted(found), list(zip(order, found, strict=True))


def _job_aid(folder: Path, code: str) -> str:
    """The court's job aid as Markdown (`guide`), written beside its profiles."""
    aid = folder.parent / f"{code}-aid.md"
    status, said = run_cli("--profiles", str(folder), "guide", code, "--format", "md",
                           "--out", str(aid))
    assert status == 0, said
    return aid.read_text()


def test_the_job_aid_keeps_the_guides_sections_in_order(tmp_path: Path) -> None:
    text = _job_aid(_front_court(tmp_path), "XXDF")
    at = [text.find(w) for w in ("Attorneys who e-file", "Warning:", "Creating a PACER Account",
                                 "Go-live:", "Note: Attorneys can begin", "Contact:")]
    assert -1 not in at and at == sorted(at)


def test_the_picker_shows_the_go_live_of_the_marked_paragraph(tmp_path: Path) -> None:
    from ecf_tui.screens.picker import CourtChoice

    folder = _front_court(tmp_path)
    toml = folder / "XXDF.toml"
    toml.write_text(toml.read_text().replace('go_live = "June 1, 2026"\n', ""))
    [choice] = [c for c in CourtChoice.of([registry([folder], env={}).load("XXDF")])]
    assert choice.go_live == "Note: Attorneys can begin linking accounts on June 1, 2026."


def test_sections_and_slots_together_are_one_problem(tmp_path: Path) -> None:
    folder = _front_court(tmp_path)
    toml = folder / "XXDF.toml"
    toml.write_text(toml.read_text().replace(
        'go_live = "June 1, 2026"\n', 'go_live = "June 1, 2026"\nintro = ["Note: Attorneys '
        'can begin linking accounts on June 1, 2026."]\n'))
    code, said = run_cli("--profiles", str(folder), "validate", "XXDF")
    assert code == 2 and "both as sections and in slots (intro)" in said, said
    assert "Fix: move intro into the sections" in said and "XXDF.toml, line" in said, said
    assert "Traceback" not in said


def _silent_court(tmp_path: Path) -> Path:
    guide = (EXAMPLE / "guides" / "XXDC.txt").read_text()
    guide = guide[:guide.index("STEP 8 ")]  # the guide ends at the link's confirmation
    toml = (EXAMPLE / "XXDC.toml").read_text()
    refresh_words = ('instruction = [\n    "Refresh your browser. The Civil and Criminal menus '
                     'then appear on the menu bar. If they do not, log out and log back in.",\n]\n')
    assert toml.count(refresh_words) == 2
    toml = toml.replace(refresh_words, "")
    toml = toml.replace('guide_step = "STEP 8"\ninstruction = [\n    "The Civil and Criminal menus '
                        'then appear on the menu bar.",\n]\n', "")
    toml = toml.replace('full = ["Civil", "Criminal", "Query", "Reports", "Utilities", '
                        '"Help", "Log Out"]\n', "")
    at = toml.index("\n[refresh]\n")
    toml = toml[:at] + toml[toml.index("\n[menu_bar]\n"):]  # no [refresh] at all
    toml = toml.replace('start = "before-you-begin"\n',
                        'start = "before-you-begin"\nsilent = ["refresh", "menu_bar.full"]\n')
    return _copy(tmp_path, "XXDS", guide, toml)


def test_a_guide_silent_on_the_refresh_validates_with_a_warning_at_its_line(
        tmp_path: Path) -> None:
    folder = _silent_court(tmp_path)
    code, said = run_cli("--profiles", str(folder), "validate", "XXDS")
    assert code == 0, said
    lines = (folder / "XXDS.toml").read_text().splitlines()
    line = next(n for n, t in enumerate(lines, 1) if t.startswith("silent = "))
    warned = [w for w in said.splitlines() if w.startswith("warn ")]
    assert any(f"XXDS.toml:{line}: the guide is silent on refresh" in w for w in warned), said
    assert any("the guide is silent on menu_bar.full" in w for w in warned), said


def test_the_simulators_default_stands_in_marked_and_said(tmp_path: Path) -> None:
    profile = registry([_silent_court(tmp_path)], env={}).load("XXDS")
    [words] = profile.refresh.instruction
    assert words.source == "simulator" and words.text.startswith(
        "The guide does not say how to refresh the menus.")
    assert profile.refresh.menu_items == ["*"]
    assert profile.menu_bar.full[0].source == "simulator"
    assert profile.menu_bar.full[0].text == "Filing menus"


def test_the_job_aid_and_the_desk_panel_say_the_guide_is_silent(tmp_path: Path) -> None:
    from ecf_tui import engine
    from ecf_tui.flows import codebook, graph
    from ecf_tui.helpdesk.desk import desk_view

    folder = _silent_court(tmp_path)
    assert "The guide does not say how to refresh the menus." in _job_aid(folder, "XXDS")
    reg = registry([folder], env={})
    profile = reg.load("XXDS")
    success = next(s for s in graph.paths(graph.of(profile))[0].states
                   if profile.steps[s.step].kind == "success")
    desk = desk_view(profile, success, codebook.code(profile, success),
                     reg.guide_text("XXDS"), [])
    assert any("does not say how to refresh" in line for line in desk.accounts)
    end = graph.paths(graph.of(profile))[0].end
    desk = desk_view(profile, end, codebook.code(profile, end), reg.guide_text("XXDS"), [])
    assert any("does not name the full menus" in line for line in desk.accounts)
    assert engine.is_end(profile, graph.paths(graph.of(profile))[0].end)
