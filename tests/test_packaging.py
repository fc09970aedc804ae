"""The built wheel installs into a fresh venv, keeps `screens` and `courts` inside the
`ecf_tui` namespace, ships the profiles and guides, and runs `ecf-tui courts`."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SKIP = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__",
                              ".pytest_cache", ".ruff_cache", ".hypothesis", "__snapshots__")


def _run(*cmd: str | Path, cwd: Path | None = None) -> str:
    proc = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, cwd=cwd,
                          check=False)
    assert proc.returncode == 0, f"{cmd}\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


def _source_files() -> set[str]:
    mapped = {"ecf_tui": ROOT / "ecf_tui", "ecf_tui/screens": ROOT / "screens",
              "ecf_tui/courts": ROOT / "courts"}
    return {f"{prefix}/{path.relative_to(folder)}"
            for prefix, folder in mapped.items()
            for pattern in ("*.py", "*.tcss", "*.toml", "*.json")
            for path in folder.rglob(pattern)
            if "__pycache__" not in path.parts}


def _shipped(package: Path) -> set[str]:
    return {f"ecf_tui/{path.relative_to(package)}" for path in package.rglob("*")
            if path.is_file()}


def test_wheel_installs_and_runs(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOT, src, ignore=SKIP)
    _run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
         tmp_path / "dist", src)
    wheel = next((tmp_path / "dist").glob("ecf_tui-*.whl"))

    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    purelib = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")
                   .strip())
    # The runtime dependencies come from this test environment, so nothing is downloaded;
    # a plain path in a .pth file does not run this environment's editable-install hook.
    (purelib / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index",
         "--quiet", wheel)

    installed = sorted(p.name for p in purelib.iterdir())
    assert "ecf_tui" in installed
    assert "screens" not in installed and "courts" not in installed
    assert (purelib / "ecf_tui" / "courts" / "MSSB.toml").is_file()
    assert (purelib / "ecf_tui" / "courts" / "_base.toml").is_file()
    assert (purelib / "ecf_tui" / "courts" / "guides" / "MOEB.txt").is_file()
    assert (purelib / "ecf_tui" / "screens" / "__init__.py").is_file()
    # Every source module and style sheet reaches the wheel, so a new subpackage missing
    # from pyproject's package list fails here rather than on a user's machine.
    assert _shipped(purelib / "ecf_tui") >= _source_files()

    out = _run(venv / "bin" / "ecf-tui", "courts", cwd=tmp_path)
    assert [line.split()[0] for line in out.splitlines()] == ["ALNB", "CANB", "CASB", "MOEB",
                                                              "MSSB"]
    assert str(purelib / "ecf_tui" / "courts" / "MSSB.toml") in out
    _run(venv / "bin" / "ecf-tui", "validate", cwd=tmp_path)

    # The installed app itself runs: one short path through the real screens, headless.
    qa = subprocess.run([str(venv / "bin" / "ecf-tui"), "qa", "MSSB", "--paths",
                         "pacer-login--link-forgot-password",
                         "--jobs", "1", "--out", str(tmp_path / "qa")],
                        capture_output=True, text=True, cwd=tmp_path, check=False)
    assert qa.returncode == 1, "one path leaves edges uncovered"
    assert re.search(r"^MSSB\s+1\s+1\s+0\s", qa.stdout, re.M), qa.stdout + qa.stderr
    assert (tmp_path / "qa" / "index.html").is_file()
