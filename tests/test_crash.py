"""A crash never shows what was typed: the App's own short report replaces Textual's
traceback (which prints every frame's local variables), and nothing typed reaches the
terminal, a log file or the clipboard."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ecf_tui.app import make_app
from ecf_tui.widgets import SecretInput

SENTINEL = "Zq7-sentinel-PW"


def test_crash_report_carries_no_typed_text(tmp_path: Path) -> None:
    log = tmp_path / "textual.log"
    env = {**os.environ, "TEXTUAL_LOG": str(log)}
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("crash_app.py")), SENTINEL],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1
    assert output.count("ecf-tui 0.1.0 stopped on an internal error.") == 1
    assert "court: CASB   state: CASB/happy/pacer-login" in output
    assert "errors shown" not in output and "textual run --dev" not in output
    assert "RuntimeError: the engine failed on purpose" in output
    assert "where: app.py" in output
    assert "Traceback" not in output and "locals" not in output
    assert SENTINEL not in output
    assert not log.exists() or SENTINEL not in log.read_text()


async def test_password_field_cannot_be_copied_or_cut(reg) -> None:
    app = make_app(reg, "CASB/happy/pacer-login")
    async with app.run_test(size=(100, 30)) as pilot:
        field = app.screen.query_one("#password", SecretInput)
        field.focus()
        await pilot.press(*SENTINEL, "ctrl+shift+a", "ctrl+c")
        assert SENTINEL not in app.clipboard
        await pilot.press("ctrl+shift+a", "ctrl+x")
        assert SENTINEL not in app.clipboard
        assert field.value == ""


async def test_login_clears_the_password_field_after_sending(reg) -> None:
    app = make_app(reg, "CASB/happy/pacer-login")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"bcasbtest", "tab", *"wrong-one", "enter")
        await pilot.pause()
        assert app.state.notice == "invalid-login"
        assert app.screen.query_one("#password", SecretInput).value == ""
