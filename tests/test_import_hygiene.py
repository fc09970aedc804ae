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


def test_the_parser_imports_each_commands_declaration_and_not_its_work() -> None:
    """Every run of `ecf-tui` builds the whole parser, so it imports every command's
    module: those import at their top only what declaring needs (the rest when their
    command runs), or `ecf-tui courts` would wait for QA's pool, the transcripts'
    recorder and the help desk's scenarios too."""
    code = ("import sys; from ecf_tui.cli import build_parser; build_parser(); "
            "print(' '.join(m for m, module in sys.modules.items() "
            "if m.startswith('ecf_tui') and not hasattr(module, '__path__')))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    declaring = {"ecf_tui.cli", "ecf_tui.court.errors", "ecf_tui.training.modes"}
    # UserError, the training modes (without pydantic: `training.record` is the models)
    work = sorted(m for m in proc.stdout.split() if m not in declaring
                  and m.rpartition(".")[2] not in ("commands", "command", "command_line"))
    assert work == [], "imported to build the parser"
