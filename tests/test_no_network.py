"""No network, ever: the suite runs with internet sockets blocked (pytest-socket, in
pyproject's addopts), and `qa` runs in child processes whose every socket event is
audited (tests/audit_net/sitecustomize.py): nothing opens, resolves or connects."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

AUDIT = Path(__file__).with_name("audit_net")


def _audited(tmp_path: Path, *argv: str) -> tuple[subprocess.CompletedProcess[str], str]:
    log = tmp_path / "net.log"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(AUDIT), *sys.path]),
           "ECF_TUI_NET_LOG": str(log)}
    done = subprocess.run([sys.executable, *argv], capture_output=True, text=True, env=env,
                          timeout=300, check=False)
    return done, log.read_text() if log.exists() else ""


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_the_suite_cannot_open_an_internet_socket() -> None:
    with pytest.raises(Exception, match="socket"):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


def test_the_audit_sees_a_connection_attempt(tmp_path: Path) -> None:
    """The planted attempt is found: the audit below would see one too."""
    _, log = _audited(tmp_path, "-c", "import socket\ntry:\n"
                      "    socket.create_connection(('127.0.0.1', 9), timeout=1)\n"
                      "except OSError:\n    pass")
    assert "socket.connect" in log and "127.0.0.1" in log


def test_qa_in_child_processes_opens_no_network_socket(tmp_path: Path) -> None:
    done, log = _audited(tmp_path, "-m", "ecf_tui", "qa", "CASB", "MOEB", "--paths",
                         "happy", "--jobs", "2", "--no-timings", "--out",
                         str(tmp_path / "qa"))
    assert "CASB" in done.stdout and done.returncode in (0, 1), done.stderr
    assert (tmp_path / "qa" / "report.json").exists()
    assert log == ""
