"""`ecf-tui guide COURT --format html|md`: the court's job aid. Every step of the guide's
walk with its title, the court's texts with their source marks as on screen, one of
QA's screenshots per step, the front matter (MSSB's contacts), nothing fetched from the
network, and a PDF printed from the HTML; bad input exit 2 with nothing written. Each
aid is made once for the module (a QA capture of one walk takes a few seconds)."""

from __future__ import annotations

import base64
import io
import os
import re
import shutil
import subprocess
from html import escape
from pathlib import Path

import pytest

from ecf_tui.cli import main
from ecf_tui.court.fidelity import texts
from ecf_tui.court.profile import CourtProfile, RedactionStep, Text
from ecf_tui.flows import graph
from ecf_tui.registry.loading import registry

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
IMAGE = re.compile(r'<img [^>]*src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"')
MARK = '<span class="mark">'


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    saved = os.environ.pop("ECF_TUI_PROFILES", None)
    try:
        code = main(list(argv), out, err)
    finally:
        if saved is not None:
            os.environ["ECF_TUI_PROFILES"] = saved
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def mssb() -> CourtProfile:
    return registry(env={}).load("MSSB")


@pytest.fixture(scope="module")
def walk(mssb: CourtProfile) -> graph.Path:
    return graph.paths(graph.of(mssb))[0]


@pytest.fixture(scope="module")
def html_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html") / "MSSB.html"
    code, out, err = run("guide", "MSSB", "--format", "html", "--out", str(path))
    assert code == 0, err
    assert out.startswith(f"{path}: MSSB's job aid, 14 steps"), out
    return path


@pytest.fixture(scope="module")
def html(html_file: Path) -> str:
    return html_file.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def md_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("md") / "MSSB aid.md"
    code, _, err = run("guide", "MSSB", "--format", "md", "--out", str(path))
    assert code == 0, err
    return path


def page_texts(profile: CourtProfile, walk: graph.Path) -> list[Text]:
    """The texts of the walk's pages (not the side panel's) as the profile has them."""
    return [t for state in walk.states for loc, t in texts(profile.steps[state.step])
            if loc[0] not in ("instruction", "picture", "guide_step")]


def test_html_has_every_step_of_the_walk_in_order(html: str, mssb: CourtProfile,
                                                  walk: graph.Path) -> None:
    steps = html.split('<section class="step"')[1:]
    assert len(steps) == len(walk.states) == 14
    for n, (state, step) in enumerate(zip(walk.states, steps, strict=True), start=1):
        title = mssb.steps[state.step].title
        assert f"<h3>{n}. " in step
        if title is not None:
            assert escape(title.text) in step.split("</h3>")[0], (n, state.step)
    assert "Redaction agreement" in steps[5] and "Choose Continue." in steps[6]


def test_html_has_the_redaction_agreement_contacts_warnings_and_refresh(
        html: str, mssb: CourtProfile) -> None:
    redaction = mssb.steps["redaction"]
    assert isinstance(redaction, RedactionStep)
    for text in (redaction.heading, redaction.agreement, *redaction.body,
                 *mssb.about.warnings, *mssb.about.contacts, *mssb.refresh.instruction):
        assert escape(text.text) in html, text.text
    assert "MSSB_IT@mssb.uscourts.gov" in html and "800-676-6856" in html
    assert escape(mssb.about.guide_title.text) in html and "a simulator" in html


def test_html_has_one_embedded_screenshot_per_step(html: str) -> None:
    steps = html.split('<section class="step"')[1:]
    assert [len(IMAGE.findall(step)) for step in steps] == [1] * len(steps)
    assert len(IMAGE.findall(html)) == len(steps)
    for data in IMAGE.findall(html):
        svg = base64.b64decode(data).decode("utf-8")
        assert svg.startswith("<svg") and "rich-terminal" in svg
        assert not re.search(r"(url\(|href=|src=)\s*['\"]?https?:", svg)


def test_html_loads_nothing_from_anywhere(html: str) -> None:
    """Self-contained: no script, stylesheet link, font or image from a URL (the court's
    own words may name an address, as text)."""
    lowered = html.lower()
    for bad in ("<script", "<link", "@import", "<iframe", "<object", "<embed"):
        assert bad not in lowered, bad
    assert not re.search(r"(src|href|srcset|poster|action)\s*=\s*['\"]?\s*(https?:)?//",
                         lowered)
    assert not re.search(r"url\(\s*['\"]?\s*(https?:)?//", lowered)
    assert "https://www.pacer.gov/reqpswd.html" in html  # the court's words, as text


def test_html_marks_each_text_by_its_source(html: str, mssb: CourtProfile,
                                            walk: graph.Path) -> None:
    found = page_texts(mssb, walk)
    simulator = [t for t in found if t.source == "simulator"]
    quoted = [t for t in found if t.quoted_from is not None]
    assert simulator and quoted
    for text in simulator:
        assert f"{escape(text.text)} {MARK}[simulator]</span>" in html, text.text
    for text in quoted:
        assert re.search(re.escape(escape(text.text)) + " " + re.escape(MARK)
                         + rf"\[(as in )?{text.quoted_from}(&#x27;s guide)?\]", html), text.text
    agreement = mssb.steps["redaction"].agreement  # type: ignore[union-attr]
    assert f"{escape(agreement.text)}</li>" in html  # the court's own words: no mark
    assert f"Choose Begin. {MARK}[simulator]</span>" in html  # the simulator's moves


def test_markdown_has_every_step_with_its_image_beside_it(md_file: Path, mssb: CourtProfile,
                                                          walk: graph.Path) -> None:
    md = md_file.read_text(encoding="utf-8")
    images = md_file.parent / "MSSB aid_files"
    svgs = sorted(images.glob("*.svg"))
    assert [p.name for p in svgs] == [f"{n:02d}-{s.step}.svg"
                                      for n, s in enumerate(walk.states, start=1)]
    linked = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", md)
    assert linked == [f"MSSB%20aid_files/{p.name}" for p in svgs]
    assert all(p.read_text(encoding="utf-8").startswith("<svg") for p in svgs)
    assert len(re.findall(r"^### \d+\. ", md, flags=re.M)) == len(walk.states)
    for text in ("MSSB_IT@mssb.uscourts.gov", "800-676-6856",
                 mssb.steps["redaction"].agreement.text):  # type: ignore[union-attr]
        assert text in md, text
    assert "Go back *[simulator]*" in md and "PACER LOGIN *[as in CASB's guide]*" in md
    assert not list(md_file.parent.glob(".*")), "no temporary file or folder left"


def test_markdown_written_again_replaces_its_images(md_file: Path) -> None:
    """A second run over the first: the same files, nothing temporary left."""
    before = sorted(p.name for p in (md_file.parent / "MSSB aid_files").iterdir())
    from ecf_tui.job_aid import output
    from ecf_tui.job_aid.model import Screenshot

    shots = [Screenshot(name, "<svg/>") for name in before]
    output.write_markdown(md_file, md_file.read_text(encoding="utf-8"), shots)
    assert sorted(p.name for p in (md_file.parent / "MSSB aid_files").iterdir()) == before
    assert not list(md_file.parent.glob(".*"))


def test_an_interrupted_markdown_write_leaves_no_md(tmp_path: Path) -> None:
    from ecf_tui.job_aid import output
    from ecf_tui.job_aid.model import Screenshot

    target = tmp_path / "aid.md"
    with pytest.raises(OSError):
        output.write_markdown(target, "# aid\n", [Screenshot("01-a.svg", "<svg/>"),
                                                  Screenshot("no/such/02-b.svg", "<svg/>")])
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("argv, problem", [
    (["guide", "MSBB"], "unknown court 'MSBB'"),
    (["guide", "MSSB", "--format", "pdf"], "invalid choice: 'pdf'"),
    (["guide", "MSSB", "--out", "{tmp}"], "this is a folder, not a file."),
    (["guide", "MSSB", "--out", "{tmp}/a-file/aid.html"], "is a file, not a folder."),
    (["guide", "MSSB", "--format", "md", "--out", "{tmp}/notes.md"],
     "holds files that are not a job aid's"),
])
def test_bad_input_is_a_paragraph_and_writes_nothing(argv: list[str], problem: str,
                                                     tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("")
    (tmp_path / "notes_files").mkdir()
    (tmp_path / "notes_files" / "mine.txt").write_text("someone's own file")
    before = sorted(tmp_path.rglob("*"))
    code, out, err = run(*(a.replace("{tmp}", str(tmp_path)) for a in argv))
    assert code == 2 and out == "", out
    assert err.startswith("ecf-tui: ") and problem in err and "Fix:" in err, err
    assert "Traceback" not in err and err.count("\n") == 1
    assert sorted(tmp_path.rglob("*")) == before


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed here")
def test_the_html_prints_to_a_pdf_of_several_pages(html_file: Path, tmp_path: Path) -> None:
    """Headless Chromium, offline, prints it: a PDF of more than one page (each step
    kept whole on a page by the print stylesheet; looked at by eye when it changes)."""
    assert CHROMIUM is not None
    pdf = tmp_path / "aid.pdf"
    proc = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
         f"--print-to-pdf={pdf}", "--no-pdf-header-footer", html_file.as_uri()],
        capture_output=True, text=True, timeout=120, check=False)
    assert pdf.is_file(), proc.stderr[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    assert pages > 1, pages
