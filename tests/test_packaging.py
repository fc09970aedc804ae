"""The built wheel installs into a fresh venv, keeps `screens` and `courts` inside the
`ecf_tui` namespace, ships the profiles and guides, and runs `ecf-tui courts`."""

from __future__ import annotations

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

    out = _run(venv / "bin" / "ecf-tui", "courts", cwd=tmp_path)
    assert [line.split()[0] for line in out.splitlines()] == ["ALNB", "CANB", "CASB", "MOEB",
                                                              "MSSB"]
    assert str(purelib / "ecf_tui" / "courts" / "MSSB.toml") in out
    _run(venv / "bin" / "ecf-tui", "validate", cwd=tmp_path)
