"""The project's static checks, run by the one test command: ruff on the repository,
mypy (strict) on the package, and the architecture contracts in pyproject.toml
(import-linter): the engine and view never import Textual, data flows one way, screens
never import each other.

mypy and import-linter read a package from its folder, and `screens/` and `courts/`
become `ecf_tui.screens` and `ecf_tui.courts` only when installed (setuptools'
package-dir). So both run on a copy of the package laid out as the wheel lays it out;
what they report is mapped back to the repository's files."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"
CHECKS = pytest.mark.xdist_group("static-checks")


def _installed_layout(into: Path) -> dict[str, Path]:
    """Copy the package's Python files as installed (package-dir mapping applied);
    returns each copied folder's source folder, to map reports back."""
    mapping = tomllib.loads(PYPROJECT.read_text())["tool"]["setuptools"]["package-dir"]
    folders: dict[str, Path] = {}
    for package, source in sorted(mapping.items()):
        target = into.joinpath(*package.split("."))
        target.mkdir(parents=True, exist_ok=True)
        for path in (ROOT / source).glob("*.py"):
            shutil.copy(path, target / path.name)
        for sub in (ROOT / source).iterdir():
            dotted = f"{package}.{sub.name}"
            if sub.is_dir() and (sub / "__init__.py").is_file() and dotted not in mapping:
                shutil.copytree(sub, target / sub.name,
                                ignore=shutil.ignore_patterns("__pycache__", "*.tcss"))
        folders[str(target.relative_to(into))] = ROOT / source
    shutil.copy(ROOT / "ecf_tui" / "py.typed", into / "ecf_tui" / "py.typed")
    return folders


def _to_repo(text: str, folders: dict[str, Path]) -> str:
    for copied, source in sorted(folders.items(), key=lambda kv: -len(kv[0])):
        text = text.replace(f"{copied}/", f"{source.relative_to(ROOT)}/")
    return text


@pytest.fixture(scope="module")
def layout(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Path]]:
    into = tmp_path_factory.mktemp("installed")
    return into, _installed_layout(into)


def _run(*cmd: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(cwd)})


def test_ruff_is_clean() -> None:
    proc = subprocess.run([sys.executable, "-m", "ruff", "check", str(ROOT)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@CHECKS
def test_mypy_strict_is_clean(layout: tuple[Path, dict[str, Path]]) -> None:
    into, folders = layout
    proc = _run(sys.executable, "-m", "mypy", "--config-file", str(PYPROJECT),
                "--cache-dir", str(into / ".mypy_cache"), "-p", "ecf_tui", cwd=into)
    assert proc.returncode == 0, _to_repo(proc.stdout + proc.stderr, folders)


def _lint_imports(into: Path) -> subprocess.CompletedProcess[str]:
    return _run(sys.executable, "-c", "import sys; from importlinter.cli import "
                "lint_imports_command as c; sys.exit(c(['--config', sys.argv[1], "
                "'--no-cache']))", str(PYPROJECT), cwd=into)


@CHECKS
def test_the_architecture_contracts_hold(layout: tuple[Path, dict[str, Path]]) -> None:
    into, folders = layout
    proc = _lint_imports(into)
    assert proc.returncode == 0, _to_repo(proc.stdout + proc.stderr, folders)
    assert "4 kept, 0 broken" in proc.stdout


def test_a_screen_importing_another_or_the_engine_importing_textual_breaks_them(
        tmp_path: Path) -> None:
    """The contracts are not vacuous: the same run on a copy with two violations fails,
    naming both."""
    _installed_layout(tmp_path)
    with (tmp_path / "ecf_tui" / "screens" / "confirm.py").open("a") as module:
        module.write("from ecf_tui.screens.login import LoginScreen  # noqa\n")
    with (tmp_path / "ecf_tui" / "engine" / "codes.py").open("a") as module:
        module.write("import textual  # noqa\n")
    proc = _lint_imports(tmp_path)
    assert proc.returncode == 1
    assert "ecf_tui.engine.codes -> textual" in proc.stdout
    assert "ecf_tui.screens.confirm -> ecf_tui.screens.login" in proc.stdout
    assert "2 kept, 2 broken" in proc.stdout


@pytest.mark.parametrize(("low", "high"), [
    ("court/profile.py", "ecf_tui.engine"),
    ("registry/loading.py", "ecf_tui.helpdesk.search"),
    ("widgets/page_text.py", "ecf_tui.ui.screen_map"),
    ("qa/runner.py", "ecf_tui.cli"),
])
def test_an_upward_import_between_packages_breaks_the_layers(
        tmp_path: Path, low: str, high: str) -> None:
    """Each package imports only the layers below it: one import up the order, from a
    low package to a high one, breaks the layers contract and is named."""
    _installed_layout(tmp_path)
    with (tmp_path / "ecf_tui" / low).open("a") as module:
        module.write(f"import {high}  # noqa\n")
    proc = _lint_imports(tmp_path)
    assert proc.returncode == 1
    importer = "ecf_tui." + low.removesuffix(".py").replace("/", ".")
    assert f"{importer} -> {high}" in proc.stdout
    assert "Data flows one way" in proc.stdout and "BROKEN" in proc.stdout
