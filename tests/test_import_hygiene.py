"""The engine and everything below it never import Textual (Harlequin's import-hygiene
test, done in a fresh interpreter so that nothing else has imported it first)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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


def _modules_after(code: str, env: dict[str, str] | None = None) -> set[str]:
    """The modules a fresh interpreter holds after running `code`."""
    code += "\nimport sys; print(' '.join(sys.modules))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False, env=env)
    assert proc.returncode == 0, proc.stderr
    return set(proc.stdout.split())


def _pydantic_or_textual(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.partition(".")[0] in ("pydantic", "textual"))


def test_the_parser_imports_neither_pydantic_nor_textual() -> None:
    assert _pydantic_or_textual(_modules_after(
        "from ecf_tui.cli import build_parser; build_parser()")) == []


def test_courts_reads_a_checked_profiles_name_without_the_profile_models(
        tmp_path: Path) -> None:
    """`ecf-tui courts` with the profile cache warm: the names come from the cache, so no
    profile model, no pydantic, no Textual, and of training only the declared options."""
    env = {**os.environ, "ECF_TUI_CACHE": str(tmp_path), "ECF_TUI_PROFILES": ""}
    run = ("import io; from ecf_tui.cli import main; "
           "raise SystemExit(main(['courts'], io.StringIO(), io.StringIO()))")
    subprocess.run([sys.executable, "-c", run], check=True, env=env)  # the cache filled
    modules = _modules_after(run.replace("raise SystemExit", "print"), env)
    assert _pydantic_or_textual(modules) == []
    assert "ecf_tui.court.profile" not in modules
    assert sorted(m for m in modules if m.startswith("ecf_tui.training.")) == [
        "ecf_tui.training.commands", "ecf_tui.training.modes"]


def test_the_app_leaves_the_other_commands_features_alone() -> None:
    """`run` imports the App: not QA, the server, the job aid, authoring, diffs or
    transcripts, nor the help desk's scenarios before the desk is used."""
    modules = _modules_after("import ecf_tui.app")
    features = ("qa", "serve", "job_aid", "authoring", "diff", "transcripts", "cli")
    assert sorted(m for m in modules if m.split(".")[1:2] and m.split(".")[1] in features
                  and m.startswith("ecf_tui.")) == []
    assert "ecf_tui.helpdesk.model" not in modules


def test_the_first_page_from_the_cache_builds_no_validator(tmp_path: Path) -> None:
    """A profile read back from the cache is not validated again: the App made for it
    and its first page's View build no pydantic schema (and so no plugin look-up), which
    would cost the start a tenth (`defer_build`, and the code's own texts made with
    `Text.by_simulator`)."""
    env = {**os.environ, "ECF_TUI_CACHE": str(tmp_path), "ECF_TUI_PROFILES": ""}
    load = ("from ecf_tui.registry.loading import registry; "
            "from ecf_tui.app import make_app; "
            "from ecf_tui.ui.screen_map import shown_for; "
            "app = make_app(registry(), 'MSSB'); shown_for(app.profile, app.state)")
    subprocess.run([sys.executable, "-c", load], check=True, env=env)  # the cache filled
    check = load + ("\nfrom pydantic import BaseModel\n"
                    "def models(c): return [c, *(m for s in c.__subclasses__() "
                    "for m in models(s))]\n"
                    "built = [m.__name__ for m in models(BaseModel) "
                    "if m.__module__.startswith('ecf_tui') and m.__pydantic_complete__]\n"
                    "assert not built, built")
    modules = _modules_after(check, env)
    assert "pydantic.plugin._loader" not in modules
