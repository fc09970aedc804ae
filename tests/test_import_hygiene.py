"""The engine and everything below it never import Textual (Harlequin's import-hygiene
test, done in a fresh interpreter so that nothing else has imported it first)."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEADLESS = ["ecf_tui.engine", "ecf_tui.flows.graph", "ecf_tui.court.profile",
            "ecf_tui.registry.loading", "ecf_tui.flows.flow_checks", "ecf_tui.court.fidelity",
            "ecf_tui.authoring.validation",
            "ecf_tui.training.attempt", "ecf_tui.training.commands", "ecf_tui.training.saving",
            "ecf_tui.training.demo"]


@pytest.mark.parametrize("module", HEADLESS)
def test_headless_module_does_not_import_textual(module: str) -> None:
    code = (f"import sys, {module}; "
            "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')); "
            "print(bad); raise SystemExit(1 if bad else 0)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0, f"{module} imports {proc.stdout.strip()}"


def test_cli_commands_without_a_screen_do_not_import_textual() -> None:
    code = ("import sys, io; from ecf_tui.cli import main; "
            "main(['paths', 'CASB'], io.StringIO(), io.StringIO()); "
            "raise SystemExit(1 if 'textual' in sys.modules else 0)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0
