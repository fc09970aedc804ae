"""docs/adding-a-court.md, done as it says: a court scaffolded with `new-court --from CASB`
from a made-up guide, then edited as the doc says (the finished files in docs/examples/),
is listed, validates with no mark left, and passes qa, with no change to the code; the
same for a district court whose full menus are Civil and Criminal, and for one whose
guide keeps its own front sections, sends the reader to create a PACER account first (a
detour off the home page), puts two steps on the link form and is silent on the refresh
and the full menus (XXDD).

XXDD's qa runs every path and must pass with every edge covered (about 30 s of one
core; it is XXDC's district court with the less usual shapes added); XXEB's and XXDC's
run their guide's walk, and every path with ECF_TUI_LONG=1 (the README's long runs).
The tests that read one example's run share a worker (xdist's loadgroup), so it runs
once."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from ecf_tui.cli import main
from ecf_tui.court.silence import SAID

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "adding-a-court.md"
EXAMPLES = ROOT / "docs" / "examples"

NAMES = {"XXEB": "U.S. Bankruptcy Court, District of Example",
         "XXDC": "U.S. District Court, District of Example",
         "XXDD": "U.S. District Court, Northern District of Example"}
"""Each example court's name, as its guide writes it."""

SILENT = {"XXDD": ["refresh", "menu_bar.full"]}
"""The parts each example's guide is silent on: validate warns of each, at `silent`."""


def _grouped(code: str) -> object:
    """`code` as a parameter whose tests share a worker, and so the example's qa run."""
    return pytest.param(code, marks=pytest.mark.xdist_group(f"qa-{code}"))


EXAMPLE_CODES = [_grouped(code) for code in sorted(NAMES)]
LONG = os.environ.get("ECF_TUI_LONG") == "1"
WHOLE_QA = set(NAMES) if LONG else {"XXDD"}
"""The examples whose qa runs every path here; the others' runs their guide's walk."""


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    os.environ.pop("ECF_TUI_PROFILES", None)
    return main(list(argv), out, err), out.getvalue(), err.getvalue()


def finished(code: str, tmp_path: Path) -> Path:
    """Scaffold `code` from CASB with its made-up guide in a temporary folder, check the
    starter, then put the finished example in its place (what editing as the doc says
    gives); the folder."""
    folder = tmp_path / "courts"
    guide = EXAMPLES / code / "guides" / f"{code}.txt"
    status, out, err = run("new-court", code, "--name", NAMES[code], "--from", "CASB",
                           "--guide", str(guide), "--out", str(folder))
    assert status == 0, err
    assert (folder / "guides" / f"{code}.txt").read_bytes() == guide.read_bytes()
    status, out, err = run("--profiles", str(folder), "validate", code)
    assert status == 0, err
    assert out.startswith(f"ok    {code}"), out
    assert re.search(rf"^warn  \S*{code}\.toml:\d+: ", out, re.M), "the marks are listed"
    shutil.copyfile(EXAMPLES / code / f"{code}.toml", folder / f"{code}.toml")
    return folder


@pytest.mark.parametrize("code", sorted(NAMES))
def test_the_finished_example_is_listed_and_validates_clean(code: str, tmp_path: Path) -> None:
    """No mark left; a `warn` line only for each part the guide is silent on, at the
    line of `silent`."""
    folder = finished(code, tmp_path)
    status, out, _ = run("--profiles", str(folder), "courts")
    assert status == 0
    assert re.search(rf"^{code}\s+{re.escape(NAMES[code])}\s+\S*{code}\.toml$", out, re.M), out
    status, out, err = run("--profiles", str(folder), "validate", code, "--coverage")
    assert status == 0, err
    assert out.startswith(f"ok    {code}"), out
    lines = (folder / f"{code}.toml").read_text().splitlines()
    at = next((n for n, line in enumerate(lines, 1) if line.startswith("silent = ")), 0)
    assert [line for line in out.splitlines() if line.startswith("warn")] == [
        f"warn  {folder / code}.toml:{at}: the guide is silent on {part}: {SAID[part]}"
        for part in SILENT.get(code, [])], out
    assert "0% nowhere (100% shown)" in out, "every guide sentence is shown somewhere"
    text = (folder / f"{code}.toml").read_text()
    assert "# FILL IN:" not in text and "quoted_from" not in text, \
        "the finished file is the court's own words, or the simulator's marked so"


@dataclass(frozen=True)
class QaRun:
    """An example's qa run: the exit status, what it printed, its folder and report."""

    status: int
    said: str
    out: Path
    court: dict[str, Any]


_RUNS: dict[str, QaRun] = {}
"""Each example's qa run in this worker, made once (its tests share the worker)."""


def qa_run(code: str, factory: pytest.TempPathFactory) -> QaRun:
    if code not in _RUNS:
        tmp = factory.mktemp(f"qa-{code}")
        folder, out_dir = finished(code, tmp), tmp / "qa"
        only = [] if code in WHOLE_QA else ["--paths", "happy"]
        status, out, err = run("--profiles", str(folder), "qa", code, "--jobs", "1",
                               "--no-timings", "--out", str(out_dir), *only)
        [court] = json.loads((out_dir / "report.json").read_text())["courts"]
        _RUNS[code] = QaRun(status, out + err, out_dir, court)
    return _RUNS[code]


@pytest.mark.parametrize("code", EXAMPLE_CODES)
def test_the_finished_example_passes_qa(code: str, tmp_path_factory: pytest.TempPathFactory
                                        ) -> None:
    qa = qa_run(code, tmp_path_factory)
    court = qa.court
    assert court["failed"] == 0 and all(p["passed"] for p in court["paths"]), qa.said
    if code in WHOLE_QA:  # every path, every edge
        assert qa.status == 0, qa.said
        assert not court["edge_coverage"]["uncovered"] and len(court["paths"]) >= 10
    happy = next(p for p in court["paths"] if p["id"] == "happy")
    last = happy["steps"][-1]
    assert last["step"] == "refreshed"
    page = (qa.out / last["txt"]).read_text()
    bar = next(line for line in page.splitlines() if line.lstrip().startswith("CM/ECF "))
    if code == "XXDC":
        assert "Civil" in bar and "Criminal" in bar, page
        assert "Bankruptcy" not in page and "Adversary" not in page, page
    elif code == "XXDD":  # silent on the full menus: the simulator's, marked
        assert "Filing menus [simulator]" in bar, page
    else:
        assert "Bankruptcy" in bar and "Adversary" in bar, page


XXDD_WALK = ["before-you-begin", "home", "pacer-account", "home", "pacer-login", "main",
             "utilities", "link-form", "confirm", "success", "refreshed"]
"""XXDD's guide walk: the front page, the home page, the side procedure (creating a PACER
account) and back, then the linking to the full menus."""


@pytest.mark.parametrize("code", [_grouped("XXDD")])
def test_xxdd_qa_walks_the_detour_and_both_steps_of_the_link_form(
        code: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    qa = qa_run(code, tmp_path_factory)
    happy = next(p for p in qa.court["paths"] if p["id"] == "happy")
    assert [s["step"] for s in happy["steps"]] == XXDD_WALK
    form = next(s for s in happy["steps"] if s["step"] == "link-form")
    bar = (qa.out / form["txt"]).read_text().splitlines()[2]
    assert "guide: STEP 5, STEP 6" in bar, bar


def test_xxdd_paths_go_round_the_detour_to_the_refreshed_page() -> None:
    status, out, err = run("--profiles", str(EXAMPLES / "XXDD"), "paths", "XXDD")
    assert status == 0, err
    happy = next(line for line in out.splitlines() if line.startswith("happy "))
    assert happy.split(None, 1)[1] == " > ".join(XXDD_WALK) + "  = pass", happy


async def test_xxdd_front_page_shows_the_guides_sections_in_its_order() -> None:
    from ecf_tui.app import EcfApp
    from ecf_tui.qa.driver import screen_text
    from ecf_tui.registry.loading import registry

    app = EcfApp(registry([EXAMPLES / "XXDD"], env={}), "XXDD")
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.pause()
        page = [row.split("▏")[0] for row in screen_text(app).splitlines()]  # not the panel
    text = " ".join(" ".join(page).split())
    order = ["NEXTGEN CM/ECF: LINKING YOUR ACCOUNTS", "Made up for ecf-tui's documentation",
             "is moving to NextGen CM/ECF", "Warning", "Link your own individual PACER",
             "Creating a PACER Account", "If you do not have an upgraded PACER account",
             "Linking CM/ECF Account to PACER", "Go-live", "Note: Attorneys can begin",
             "Have ready", "Have your upgraded PACER", "Contact", "For help, contact"]
    found = [text.find(words) for words in order]
    assert -1 not in found and found == sorted(found), list(zip(order, found, strict=True))


def _commands(doc: str) -> list[str]:
    """The doc's code blocks' lines that run `ecf-tui new-court`, continuations joined."""
    blocks = re.findall(r"^```[^\n]*\n(.*?)^```", doc, re.M | re.S)
    lines = "\n".join(blocks).replace("\\\n", " ").splitlines()
    return [ln.strip().removeprefix("$ ") for ln in lines
            if ln.strip().removeprefix("$ ").startswith("ecf-tui new-court")]


def test_the_doc_names_the_example_files() -> None:
    """Each `ecf-tui new-court` in the doc's code blocks names a court of docs/examples/
    and a guide there (both examples among them); the examples hold their profile and
    guide."""
    commands = _commands(DOC.read_text())
    assert commands, "the doc shows the scaffold command"
    named = set()
    for command in commands:
        code = command.split()[2]
        guide = re.search(r"--guide\s+(\S+)", command)
        assert guide, command
        assert (ROOT / guide.group(1)).is_file(), command
        assert guide.group(1) == f"docs/examples/{code}/guides/{code}.txt", command
        assert "--from CASB" in command and "--out " in command, command
        assert f'--name "{NAMES[code]}"' in command, command
        named.add(code)
    assert named == set(NAMES)
    for code in NAMES:
        assert (EXAMPLES / code / f"{code}.toml").is_file()
        first = (EXAMPLES / code / "guides" / f"{code}.txt").read_text().splitlines()[0]
        assert first.startswith("Made up for ecf-tui's documentation"), first


QUOTED = re.compile(r"`(?P<file>[\w/.]+\.toml)` lines? (?P<first>\d+)(?:-(?P<last>\d+))?"
                    r"[^\n`]*:\n\n```toml\n(?P<block>.*?)^```", re.M | re.S)
"""A reference to a profile's lines ("`XXDD.toml` lines 119-125):") and the block under it."""


def test_the_docs_quoted_lines_are_the_examples_own() -> None:
    """Each TOML block the doc quotes from a file's lines is those lines, as they are."""
    quoted = list(QUOTED.finditer(DOC.read_text()))
    assert len(quoted) >= 6, "the shapes' examples are quoted with their lines"
    for match in quoted:
        name = match["file"]
        path = ROOT / name if "/" in name else EXAMPLES / name.removesuffix(".toml") / name
        first = int(match["first"])
        last = int(match["last"] or first)
        lines = path.read_text().splitlines()[first - 1:last]
        assert match["block"].splitlines() == lines, f"{name} lines {first}-{last}"
