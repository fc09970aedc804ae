"""The password sentinel everywhere: a sentinel typed (at machine speed, through tmux)
into every password field of every court, with Textual's log and devtools asked for,
then qa, diff and the other commands that write run with the same HOME and TMPDIR; every
byte written (output folders, HOME, TMPDIR, stdout, stderr, what the app wrote to the
terminal) is searched for it raw and encoded. A planted copy is found, so the search
works."""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from .conftest import COURTS
from .terminal import Terminal

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None,
                                reason="needs Debian's tmux (.ci/run installs it)")

SENTINEL = "Zq7-séntinel-PW"
"""Typed as a password; the é makes its JSON, ascii and URL forms differ from it."""
STEPS = ("pacer-login", "link-form")
TRANSCRIBED = "MSSB/happy/link-form"
"""The states of every court with a password field."""


def encodings(secret: str) -> list[bytes]:
    """The secret as bytes a leak could take: raw UTF-8, JSON-escaped, ascii(), URL
    encoded, and base64 at each of the three alignments it can have inside a longer
    base64 text (the clipboard's OSC 52, a data: URL)."""
    raw = secret.encode()
    found = [raw, json.dumps(secret)[1:-1].encode(), ascii(secret)[1:-1].encode(),
             quote(secret).encode(), quote(secret, safe="").encode()]
    for pad in range(3):
        coded = base64.b64encode(b"\0" * pad + raw)
        start = 4 if pad else 0  # the first quad holds the padding's bits
        found.append(coded[start: len(coded) - 4])  # the last quad depends on what follows
    return found


def leaks(root: Path, secret: str) -> list[str]:
    """Every file under `root` holding the secret in any of its encodings."""
    forms = encodings(secret)
    return sorted(str(p.relative_to(root)) for p in root.rglob("*")
                  if p.is_file() and any(f in p.read_bytes() for f in forms))


def test_the_search_finds_a_planted_copy(tmp_path: Path) -> None:
    for n, form in enumerate(encodings(SENTINEL)):
        (tmp_path / f"planted-{n}.bin").write_bytes(os.urandom(64) + form + os.urandom(64))
    assert len(leaks(tmp_path, SENTINEL)) == len(encodings(SENTINEL))
    clip = base64.b64encode(b"copied: " + SENTINEL.encode())  # as OSC 52 would carry it
    (tmp_path / "osc52.log").write_bytes(b"\x1b]52;c;" + clip + b"\x07")
    assert "osc52.log" in leaks(tmp_path, SENTINEL)


def test_a_typed_password_is_written_nowhere(tmp_path: Path) -> None:
    home, tmp, out = tmp_path / "home", tmp_path / "tmp", tmp_path / "out"
    for folder in (home, tmp, out):
        folder.mkdir()
    env = {"HOME": str(home), "TMPDIR": str(tmp), "TEXTUAL_LOG": str(tmp / "textual.log"),
           "TEXTUAL": "devtools,debug"}
    # In `out`: F10 writes its transcript into the folder the app runs in.
    terminals = [Terminal(f"{court}/happy/{step}", env=env, record=out / f"{court}-{step}.tty",
                          cwd=out)
                 for court in COURTS for step in STEPS]
    try:
        for term in terminals:
            term.wait_for(lambda s: "password" in s.lower() and "Stage" in s)
            term.settled()
        # The login, Tab, the sentinel, at a person's pace (bursts are the burst tests'
        # matter); then select it, try to copy and cut it, and submit.
        for keys in ("someone", "Tab", SENTINEL, "S-Home", "C-c", "C-x", "Enter"):
            for term in terminals:
                if keys in ("someone", SENTINEL):
                    term.type_burst(keys)
                else:
                    term.press(keys)
            time.sleep(0.3)
            for term in terminals:
                term.screen()
        for term in terminals:
            term.wait_for(lambda s: "Stage" in s)
            time.sleep(0.2)
            term.screen()
        # The help desk's panel everywhere, and the walk (the sentinel typed in it) as a
        # transcript from MSSB's link form (F10 writes it in a child process: one is
        # enough to show that what was typed does not reach it; test_transcripts has more).
        for term in terminals:
            term.press("F3")
            if term.target == TRANSCRIBED:
                term.press("F10")
        next(t for t in terminals if t.target == TRANSCRIBED).wait_for(
            lambda s: "Written:" in s, seconds=60)
    finally:
        for term in terminals:
            term.close()
    shown = [(term.target, n, s) for term in terminals for n, s in enumerate(term.screens)
             if SENTINEL in s]
    assert not shown, "the password in clear on {} (screen {}):\n{}".format(*shown[0])
    typed_nowhere = [term.target for term in terminals if "someone" not in "".join(term.screens)]
    assert not typed_nowhere, f"the login typed never showed on {typed_nowhere}: " + next(
        "\n".join(term.screens[-3:]) for term in terminals if term.target in typed_nowhere)
    # Every command that writes, run with the same HOME and TMPDIR: qa writes screenshots
    # as diff --screens does (a fresh process, nothing typed into it: its own test is
    # test_qa's); progress reads the store in HOME a run may have saved to; the job aid
    # (guide) writes QA's screenshots of a walk.
    commands = [["qa", "CASB", "--paths", "happy", "--no-timings", "--out", str(out / "qa")],
                ["diff", "CASB", "CANB", "--format", "json"], ["progress", "--format", "json"],
                ["graph", "MSSB"], ["paths", "MSSB", "--codes"], ["validate", "--coverage"],
                ["scenarios", "--format", "json"],
                ["guide", "CASB", "--format", "md", "--out", str(out / "CASB-aid.md")]]
    for n, argv in enumerate(commands):
        done = subprocess.run([sys.executable, "-m", "ecf_tui", *argv], capture_output=True,
                              env={**os.environ, **env}, timeout=300, check=False)
        (out / f"{n}.stdout").write_bytes(done.stdout)
        (out / f"{n}.stderr").write_bytes(done.stderr)
        assert done.returncode in (0, 1), (argv, done.stderr)
    assert len(list(out.glob("*.tty"))) == len(terminals)
    assert len(list(out.glob("ecf-tui-MSSB-*.txt"))) == 1  # F10's transcript
    assert len(list((out / "CASB-aid_files").glob("*.svg"))) == 9  # the job aid's pictures
    assert leaks(tmp_path, SENTINEL) == []
