"""docs/adding-a-court.md, done as it says: a court scaffolded with `new-court --from CASB`
from a made-up guide, then edited as the doc says (the finished files in docs/examples/),
is listed, validates with no mark left, and passes qa, with no change to the code; the
same for a district court whose full menus are Civil and Criminal.

Each example's qa runs every path and must pass with every edge covered (about 12 s of
one core each)."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from ecf_tui.cli import main

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "adding-a-court.md"
EXAMPLES = ROOT / "docs" / "examples"

NAMES = {"XXEB": "U.S. Bankruptcy Court, District of Example",
         "XXDC": "U.S. District Court, District of Example"}
"""Each example court's name, as its guide writes it."""


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
    folder = finished(code, tmp_path)
    status, out, _ = run("--profiles", str(folder), "courts")
    assert status == 0
    assert re.search(rf"^{code}\s+{re.escape(NAMES[code])}\s+\S*{code}\.toml$", out, re.M), out
    status, out, err = run("--profiles", str(folder), "validate", code, "--coverage")
    assert status == 0, err
    assert out.startswith(f"ok    {code}") and "\nwarn" not in out, out
    assert "0% nowhere (100% shown)" in out, "every guide sentence is shown somewhere"
    text = (folder / f"{code}.toml").read_text()
    assert "# FILL IN:" not in text and "quoted_from" not in text, \
        "the finished file is the court's own words, or the simulator's marked so"


@pytest.mark.parametrize("code", sorted(NAMES))
def test_the_finished_example_passes_qa(code: str, tmp_path: Path) -> None:
    folder, out_dir = finished(code, tmp_path), tmp_path / "qa"
    status, out, err = run("--profiles", str(folder), "qa", code, "--jobs", "1",
                           "--no-timings", "--out", str(out_dir))
    report = json.loads((out_dir / "report.json").read_text())
    [court] = report["courts"]
    assert status == 0, out + err
    assert court["failed"] == 0 and not court["edge_coverage"]["uncovered"]
    assert len(court["paths"]) >= 10 and all(p["passed"] for p in court["paths"]), out
    happy = next(p for p in court["paths"] if p["id"] == "happy")
    last = happy["steps"][-1]
    assert last["step"] == "refreshed"
    page = (out_dir / last["txt"]).read_text()
    bar = next(line for line in page.splitlines() if line.lstrip().startswith("CM/ECF "))
    if code == "XXDC":
        assert "Civil" in bar and "Criminal" in bar, page
        assert "Bankruptcy" not in page and "Adversary" not in page, page
    else:
        assert "Bankruptcy" in bar and "Adversary" in bar, page


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
