"""QA: paths run headless in the real App with screenshots, text, report.json, junit.xml
and a gallery; a broken court fails with its shortest failing path; output repeats
byte for byte; graph and diff."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from ecf_tui.cli import main
from ecf_tui.flows import graph
from ecf_tui.flows.graph_export import dot
from ecf_tui.registry.loading import builtin_dir

from .conftest import COURTS


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    os.environ.pop("ECF_TUI_PROFILES", None)
    return main(list(argv), out, err), out.getvalue(), err.getvalue()


@dataclass
class QaRun:
    out: Path
    code: int
    stdout: str
    progress: list[int]
    """What each step of the progress bar advanced by."""
    total: list[int]
    """The totals the progress bar was made for."""


# The tests that read this one run share a worker (xdist's loadgroup), so it runs once.
SHARED_RUN = pytest.mark.xdist_group("qa_out")


@pytest.fixture(scope="module")
def qa_out(tmp_path_factory: pytest.TempPathFactory) -> QaRun:
    from ecf_tui.qa import parallel

    out = tmp_path_factory.mktemp("qa")
    progress: list[int] = []
    totals: list[int] = []

    class Recorder:
        def __init__(self, total: int) -> None:
            totals.append(total)

        def __enter__(self):
            return progress.append

        def __exit__(self, *exc: object) -> None:
            pass

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parallel, "_progress", Recorder)
        code, stdout, _ = run("qa", "CASB", "MSSB", "--out", str(out), "--jobs", "1",
                              "--paths", "happy,cmecf-on-pacer-login", "--no-timings")
    return QaRun(out, code, stdout, progress, totals)


@SHARED_RUN
def test_qa_writes_screens_text_report_junit_and_gallery(qa_out: QaRun) -> None:
    out, code, stdout = qa_out.out, qa_out.code, qa_out.stdout
    assert code == 1, "a subset leaves edges uncovered, so qa does not pass"
    assert re.search(r"^CASB\s+2\s+2\s+0\s+\d+/29$", stdout, re.M), stdout
    report = json.loads((out / "report.json").read_text())
    assert [c["code"] for c in report["courts"]] == ["CASB", "MSSB"]
    mssb = report["courts"][1]
    dialog = next(p for p in mssb["paths"] if p["id"] == "cmecf-on-pacer-login")
    assert dialog["passed"] and [s["step"] for s in dialog["steps"]][:7] == [
        "before-you-begin", "home", "ecf", "ecf-login", "pacer-login", "cmecf-dialog",
        "pacer-login"]
    first = dialog["steps"][5]
    assert first["code"] == "MSSB/cmecf-on-pacer-login/cmecf-dialog"
    svg, txt = out / first["svg"], out / first["txt"]
    assert first["svg"] == "MSSB/cmecf-on-pacer-login/06-cmecf-dialog.svg"
    assert svg.read_text().startswith("<svg") and "cdnjs" not in svg.read_text()
    lines = txt.read_text().splitlines()
    assert len(lines) == 30 and any("MSSB/cmecf-on-pacer-login/cmecf-dialog" in ln for ln in lines)
    assert any("The court's guide says" in ln for ln in lines), "the dialog's guidance"
    assert mssb["edge_coverage"]["covered"] < mssb["edge_coverage"]["total"]
    assert "timings" not in report
    suite = ET.parse(out / "junit.xml").getroot()
    assert suite.get("tests") == "4" and suite.get("failures") == "0"
    html = (out / "index.html").read_text()
    for src in re.findall(r'src="([^"]+)"', html):
        assert (out / src).is_file()
    assert "http" not in re.sub(r"<!--.*?-->", "", html)
    # The guide's own walk opens with the page; the other passing paths stay folded.
    opened = re.findall(r'<details class="pass"( open)?><summary>([^ <]+)', html)
    assert sorted(opened) == [("", "cmecf-on-pacer-login"), ("", "cmecf-on-pacer-login"),
                              (" open", "happy"), (" open", "happy")]


@SHARED_RUN
def test_qa_output_repeats_byte_for_byte(qa_out: QaRun, tmp_path: Path) -> None:
    """Run again with two workers (the first run had one), on one of its two paths per
    court (the other is the first run's alone, to keep the suite short): every screen's
    text, and each path's entry in report.json and junit.xml, the same byte for byte."""
    out, again = qa_out.out, tmp_path
    code, _, _ = run("qa", "CASB", "MSSB", "--out", str(again), "--jobs", "2",
                     "--paths", "cmecf-on-pacer-login", "--no-timings")
    assert code == 1
    screens = sorted(p.relative_to(again) for p in again.rglob("cmecf-on-pacer-login/*"))
    assert len(screens) > 20
    for name in screens:
        assert (again / name).read_bytes() == (out / name).read_bytes(), name

    def paths(report: Path) -> list[str]:
        return [json.dumps(p, sort_keys=True) for c in json.loads(report.read_text())["courts"]
                for p in c["paths"] if p["id"] == "cmecf-on-pacer-login"]

    assert paths(again / "report.json") == paths(out / "report.json")

    def cases(junit: Path) -> list[bytes]:
        return [ET.tostring(case) for case in ET.parse(junit).getroot().iter("testcase")
                if "cmecf-on-pacer-login" in (case.get("name") or "")]

    assert cases(again / "junit.xml") == cases(out / "junit.xml")
    assert len(cases(again / "junit.xml")) == 2


def test_qa_timings_live_in_their_own_field(tmp_path: Path) -> None:
    """Also: a path only some courts have runs in those; the others sit the run out."""
    code, stdout, _ = run("qa", "MOEB", "ALNB", "--out", str(tmp_path), "--paths",
                          "redaction-cancelled", "--jobs", "1")  # no worker to start
    report = json.loads((tmp_path / "report.json").read_text())
    assert set(report["timings"]) == {"started", "seconds", "courts"}
    assert "time" in stdout.splitlines()[0]
    assert [c["code"] for c in report["courts"]] == ["MOEB"]
    assert [p["id"] for p in report["courts"][0]["paths"]] == ["redaction-cancelled"]
    assert report["courts"][0]["paths"][0]["passed"]


@SHARED_RUN
def test_qa_progress_moves_path_by_path(qa_out: QaRun) -> None:
    assert qa_out.total == [4], "one bar for the two courts' two paths"
    assert qa_out.progress == [1, 1, 1, 1], "one worker per court ran two paths; the bar " \
        "moved after each"


def test_broken_court_fails_with_its_shortest_failing_path(tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    (broken / "guides").mkdir(parents=True)
    shutil.copy(builtin_dir() / "guides" / "CASB.txt", broken / "guides" / "CASB.txt")
    text = (builtin_dir() / "CASB.toml").read_text()
    link = '    { label = "Link a CM/ECF account to your PACER account", to = "link-form" },\n'
    assert link in text
    (broken / "CASB.toml").write_text(text.replace(link, ""))
    # Two paths, not all eighteen: the shortening is the point, and it is as long.
    code, stdout, _ = run("qa", "CASB", "--profiles", str(broken), "--out",
                          str(tmp_path / "out"), "--no-timings", "--paths", "happy,firm-pacer",
                          "--jobs", "1")
    assert code == 1
    assert "FAILED CASB happy: no end can be reached" in stdout
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    firm = next(p for p in report["courts"][0]["paths"] if p["id"] == "firm-pacer")
    assert firm["failure"]["state_code"] == "CASB/happy/utilities"
    assert len(firm["failure"]["actions"]) == 7
    assert firm["failure"]["shortest"] == {
        "state_code": "CASB/happy/utilities",
        "actions": ["begin", "follow:Document Filing System", "login:pacer:individual",
                    "menu:Utilities"]}


def test_qa_bad_options_are_clear_errors(tmp_path: Path) -> None:
    code, _, err = run("qa", "CASB", "--out", str(tmp_path), "--size", "10x5")
    assert code == 2 and "--size" in err and "Traceback" not in err
    code, _, err = run("qa", "CASB", "--out", str(tmp_path), "--paths", "nope")
    assert code == 2 and "ecf-tui paths CASB" in err
    code, out, err = run("qa", "--out", str(tmp_path), "--paths", "happy,hapy")
    assert code == 2 and "no court here has the path hapy." in err and out == ""


MERMAID_NODE = re.compile(r'^    (\w+)(\(\[|\[)"(.+)"(\]\)|\])$')
MERMAID_EDGE = re.compile(r'^    (\w+) -->\|"(.*)"\| (\w+)$')


@pytest.mark.parametrize("court", COURTS)
def test_graph_mermaid_parses_back_to_every_engine_edge(reg, court: str) -> None:
    """Read the Mermaid text as a Mermaid reader would (node declarations give each id
    its step, edges carry the action), and find exactly the engine's flow edges, with
    the ends drawn as stadiums."""
    profile = reg.load(court)
    flow = graph.build(profile)
    code, text, _ = run("graph", court, "--format", "mermaid")
    lines = text.splitlines()
    assert code == 0 and lines[0] == "flowchart TD"
    steps, ends = {}, set()
    for line in lines:
        if node := MERMAID_NODE.match(line):
            ident, opening, label, _ = node.groups()
            step = label.rsplit(" (", 1)[0]
            steps[ident] = graph.MENU_BAR if step == "menu bar" else step
            if opening == "([":
                ends.add(steps[ident])
    edges = {(steps[m[1]], m[2], steps[m[3]]) for line in lines if (m := MERMAID_EDGE.match(line))}
    assert all('"' not in e.action and "|" not in e.action for e in flow.flow_edges())
    assert edges == {(e.source, e.action, e.target) for e in flow.flow_edges()}
    assert ends == {s for s in steps.values() if s in profile.steps
                    and profile.steps[s].kind in ("refreshed", "stop")}
    assert "refreshed" in ends


def test_graph_dot(reg) -> None:
    code, text, _ = run("graph", "MOEB", "--format", "dot")
    assert code == 0 and text == dot(graph.build(reg.load("MOEB")))
    assert text.startswith('digraph "MOEB" {') and "doublecircle" in text


def test_diff_casb_canb_names_the_differences() -> None:
    code, text, _ = run("diff", "CASB", "CANB")
    assert code == 0
    assert "only CASB: Release 5.0 Menu Items" in text
    assert "only CANB: Release 3.1 Menu Items..." in text
    assert "Change Your Client Code" in text and "Change Client Code" in text
    assert "CM/ECF Barbara CASB; PACER BarbaraTest Casb" in text
    assert "CM/ECF John Attorney; PACER John Attorney" in text
    assert "≠ refresh method" in text and "way: relogin" in text and "way: clear-cache" in text
    code, raw, _ = run("diff", "CASB", "CANB", "--format", "json")
    points = {p["point"]: p for p in json.loads(raw)["points"]}
    assert points["confirm names"]["same"] is False
    assert points["way in"]["same"] is True


def test_diff_screens_pairs_the_same_step(tmp_path: Path) -> None:
    code, _, _ = run("diff", "MSSB", "MOEB", "--screens", str(tmp_path))
    assert code == 0
    html = (tmp_path / "index.html").read_text()
    assert "MSSB/redaction.svg" in html and "MOEB/redaction.svg" in html
    assert "MOEB/email.svg" in html
    for src in re.findall(r'src="([^"]+)"', html):
        assert (tmp_path / src).is_file()


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed here")
@SHARED_RUN
def test_gallery_shows_the_screenshots_in_headless_chromium(qa_out: QaRun,
                                                            tmp_path: Path) -> None:
    """The gallery, opened offline from file:// in headless Chromium, renders every
    screenshot of its open paths (a probe script added to a copy reports the count)."""
    out = qa_out.out
    probe = ('<script>addEventListener("load", () => { const shots = [...document.'
             'querySelectorAll("details[open] img")]; document.body.dataset.probe = '
             'shots.filter(i => i.complete && i.naturalWidth > 0).length + "/" + '
             "shots.length; });</script>")
    page = out / "probe.html"
    page.write_text((out / "index.html").read_text().replace("</body>", probe + "</body>"))
    proc = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
         "--virtual-time-budget=10000", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False)
    page.unlink()
    loaded = re.search(r'data-probe="(\d+)/(\d+)"', proc.stdout)
    assert loaded, proc.stdout[-2000:] + proc.stderr[-2000:]
    shown, total = map(int, loaded.groups())
    assert total >= 10 and shown == total


def test_qa_shares_courts_out_whole_and_evenly() -> None:
    from ecf_tui.qa.shares import shares

    courts = [("MSSB", ["a"]), ("MOEB", ["b"]), ("CANB", ["c"]), ("ALNB", ["d"]),
              ("CASB", ["e"])]
    split = shares(courts, [83, 76, 54, 54, 49], 2)
    # Biggest first to the least busy would give 179 and 137.
    assert [sorted(code for code, _ in share) for share in split] == [
        ["MOEB", "MSSB"], ["ALNB", "CANB", "CASB"]]
    assert shares(courts[:1], [5], 4) == [[("MSSB", ["a"])]], "no idle worker started"
    many = [(f"C{i}", [str(i)]) for i in range(20)]
    split = shares(many, list(range(20)), 3)  # 3**20 ways: biggest first
    assert sorted(t for share in split for t, _ in share) == sorted(c for c, _ in many)
    loads = [sum(int(i) for _, (i,) in share) for share in split]
    assert max(loads) - min(loads) <= 19


def test_qa_checks_each_page_once_and_shows_it_as_the_path_would(
        reg, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The paths share their first moves: the later ones read them from what the first
    tried, and the App goes back to a page only to try a move not yet tried. A page
    gone back to shows as the path arrives there: pressing Clear on the link form keeps
    the scroll position of the form before it, so after 'already linked' the cleared
    form is scrolled down, which a link form just put on screen is not."""
    from ecf_tui.qa import driver
    from ecf_tui.qa.runner import run_paths

    captured, performed = [], []
    real_capture, real_perform = driver.capture, driver.perform

    def counting_capture(app):  # type: ignore[no-untyped-def]
        captured.append(app.moment)
        return real_capture(app)

    async def counting_perform(pilot, app, action, *, how):  # type: ignore[no-untyped-def]
        performed.append(action.id)
        await real_perform(pilot, app, action, how=how)

    flow = graph.of(reg.load("ALNB"))
    paths = {p.id: p for p in graph.paths(flow)}
    chosen = ["happy", "cmecf-already-linked", "cmecf-already-linked--link-form--clear"]
    with monkeypatch.context() as patch:
        patch.setattr(driver, "capture", counting_capture)
        patch.setattr(driver, "perform", counting_perform)
        results = run_paths(reg.folders, "ALNB", chosen, tmp_path / "shared", (100, 30))
    assert all(r.passed for r in results)
    steps = sum(len(paths[i].edges) for i in chosen)
    assert len(performed) < steps / 2 and len(captured) < steps / 2, (performed, captured)
    alone = run_paths(reg.folders, "ALNB", chosen[-1:], tmp_path / "alone", (100, 30))
    assert alone[0].passed
    folder = Path("ALNB") / chosen[-1]
    pages = sorted((tmp_path / "alone" / folder).iterdir())
    assert len(pages) == 2 * (len(paths[chosen[-1]].edges) + 1)
    for page in pages:
        shared = tmp_path / "shared" / folder / page.name
        assert shared.read_bytes() == page.read_bytes(), page.name
