"""Bad input everywhere is one paragraph and exit 2, with nothing half-written: every file
is written to a temporary name and renamed (ecf_tui/court/files.py), so even a `qa` run
interrupted midway leaves whole files only, and no report."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from .test_cli import run


def test_an_unknown_state_code_is_a_paragraph() -> None:
    code, out, err = run("run", "MOEB/nobody/confirm")
    assert code == 2 and out == ""
    assert err.startswith("ecf-tui: run: no state of MOEB has the code 'MOEB/nobody/confirm'.")
    assert "Fix: list the codes with 'ecf-tui paths MOEB --codes'" in err
    assert "Traceback" not in err


def test_jobs_zero_is_a_paragraph_and_writes_nothing(tmp_path: Path) -> None:
    out_dir = tmp_path / "qa"
    code, out, err = run("qa", "CASB", "--jobs", "0", "--out", str(out_dir))
    assert code == 2 and out == "" and "--jobs 0 is not a number of processes" in err
    assert not out_dir.exists() or list(out_dir.iterdir()) == []


def test_a_bad_size_is_a_paragraph_and_writes_nothing(tmp_path: Path) -> None:
    out_dir = tmp_path / "qa"
    code, out, err = run("qa", "CASB", "--size", "wide", "--out", str(out_dir))
    assert code == 2 and out == "" and "--size" in err and "Traceback" not in err
    assert not out_dir.exists() or list(out_dir.iterdir()) == []


def test_an_interrupted_qa_leaves_whole_files_and_no_report(tmp_path: Path) -> None:
    """Ctrl+C (SIGINT to the whole process group, workers too) midway through the
    screenshots: every file left is whole, no temporary one is left, and there is no
    report, junit.xml or gallery claiming a run that did not finish."""
    out_dir = tmp_path / "qa"
    proc = subprocess.Popen(
        [sys.executable, "-m", "ecf_tui", "qa", "MSSB", "--jobs", "2", "--no-timings",
         "--out", str(out_dir)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        end = time.monotonic() + 120
        while len(list(out_dir.rglob("*.svg"))) < 6 and time.monotonic() < end:
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode != 0 and "Traceback" not in err, err
    names = {p.name for p in out_dir.rglob("*")}
    assert not names & {"report.json", "junit.xml", "index.html"}
    assert [p for p in out_dir.rglob("*") if p.name.endswith(".part")] == []
    svgs = list(out_dir.rglob("*.svg"))
    assert svgs, "the run was interrupted after some screenshots"
    for svg in svgs:
        assert svg.read_text(encoding="utf-8").rstrip().endswith("</svg>"), svg
    for txt in out_dir.rglob("*.txt"):
        assert len(txt.read_text(encoding="utf-8").splitlines()) == 30, txt


def test_a_write_cut_short_leaves_the_old_file_and_no_temporary(tmp_path: Path,
                                                                monkeypatch) -> None:
    """What the interrupted run above relies on, at the moment that matters: Ctrl+C (or a
    full disk) halfway through writing a file."""
    from ecf_tui.court import files

    target = tmp_path / "report.json"
    target.write_text("the last whole report\n")
    real = Path.write_text

    def half_then_interrupt(self: Path, text: str, **kwargs: object) -> int:
        real(self, text[: len(text) // 2], **kwargs)  # type: ignore[arg-type]
        raise KeyboardInterrupt

    monkeypatch.setattr(Path, "write_text", half_then_interrupt)
    try:
        files.write_text(target, '{"a new": "report"}\n')
    except KeyboardInterrupt:
        pass
    monkeypatch.undo()
    assert target.read_text() == "the last whole report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]
