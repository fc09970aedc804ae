"""A whole process, from its start to its first screen painted, in a pseudo-terminal.

The command runs with the pty's slave side as its terminal (100 x 30, xterm-256color); its
output, read from the master side, is drawn on a `TerminalScreen`, so a text counts once
it is on the screen, whatever escapes and write boundaries came between its parts.

The first screen is the page the command opens, drawn in full. Its markers (texts of that
page and of the footer, which no earlier screen shows) say the page is there; Textual then
often paints it again a few milliseconds later with what its first frame lacked (borders,
the footer's keys). So the first screen is timed to the last read that changed the screen's
text before it stayed the same for SETTLE seconds: the final paint, and not the quiet wait
after it. Then Ctrl+Q; the process's own rusage from `os.wait4` gives its peak RSS.
"""

from __future__ import annotations

import fcntl
import os
import pty
import resource
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from benchmarks.registry import BenchmarkError
from benchmarks.terminal_screen import TerminalScreen

ROWS, COLS = 30, 100
CTRL_Q = b"\x11"
PAINT_TIMEOUT = 30.0
EXIT_TIMEOUT = 10.0
SETTLE = 0.2


class PaintError(BenchmarkError):
    """The markers never all showed, or the process ended first."""


@dataclass(frozen=True)
class FirstPaint:
    seconds: float  # from just before Popen to the first screen's last change
    marked_seconds: float  # ... to the read that completed the markers (<= seconds)
    peak_rss_mib: float  # the process's ru_maxrss (its whole life, from os.wait4)
    exit_status: int


def terminal_env(home: str, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """A small, fixed environment: the pty's size and type, and HOME and the XDG folders
    in `home` so that nothing is written to the user's own (the progress store)."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "TERM": "xterm-256color",
        "COLUMNS": str(COLS),
        "LINES": str(ROWS),
        "HOME": home,
        "XDG_DATA_HOME": os.path.join(home, "data"),
        "XDG_CONFIG_HOME": os.path.join(home, "config"),
        "XDG_CACHE_HOME": os.path.join(home, "cache"),
        "XDG_STATE_HOME": os.path.join(home, "state"),
        "TMPDIR": os.environ.get("TMPDIR", "/tmp"),
    }
    env.update(extra or {})
    return env


def first_paint(command: Sequence[str], markers: Sequence[str], env: Mapping[str, str],
                settle: float = SETTLE) -> FirstPaint:
    """Run `command` to its first screen, quit it with Ctrl+Q and reap it. Raises
    PaintError, with the screen as it was, when the markers do not come."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    screen = TerminalScreen(ROWS, COLS)
    proc: subprocess.Popen[bytes] | None = None
    try:
        began = time.perf_counter()
        proc = subprocess.Popen(list(command), stdin=slave, stdout=slave, stderr=slave,
                                env=dict(env), start_new_session=True, close_fds=True)
        os.close(slave)
        slave = -1
        marked, settled = _until_first_screen(master, screen, markers, began, settle)
        os.write(master, CTRL_Q)
        status, maxrss_kib = _reap(proc, master)
        return FirstPaint(settled, marked, maxrss_kib / 1024, status)
    finally:
        if proc is not None and proc.returncode is None:  # an error on the way: no orphan
            _kill(proc)
        if slave != -1:
            os.close(slave)
        os.close(master)


def _read(master: int, timeout: float) -> bytes | None:
    """What the process wrote within `timeout` (b"" for nothing yet); None once the
    slave side is closed (Linux reports EIO)."""
    ready, _, _ = select.select([master], [], [], max(timeout, 0.0))
    if not ready:
        return b""
    try:
        data = os.read(master, 65536)
    except OSError:
        return None
    return data or None


def _until_first_screen(master: int, screen: TerminalScreen, markers: Sequence[str],
                        began: float, settle: float) -> tuple[float, float]:
    """Seconds from `began` to the read that completed the markers, and to the read that
    last changed the screen's text before `settle` seconds without a change."""
    deadline = began + PAINT_TIMEOUT
    marked = changed = 0.0
    text = screen.text()
    while (now := time.perf_counter()) < deadline:
        if marked and now - changed >= settle:
            return marked - began, changed - began
        wait = deadline - now if not marked else changed + settle - now
        data = _read(master, wait)
        arrived = time.perf_counter()
        if data is None:
            when = "by itself after" if marked else "before"
            raise PaintError(f"the process ended {when} its first screen:\n{screen.text()}")
        if not data:
            continue
        screen.feed(data)
        if (new := screen.text()) != text:
            text, changed = new, arrived
        if not marked and all(marker in text for marker in markers):
            marked = changed = arrived
    if marked:  # the screen never settled: the last change seen
        return marked - began, changed - began
    raise PaintError(f"no first screen in {PAINT_TIMEOUT:g} s (markers {list(markers)}); "
                     f"the screen was:\n{screen.text()}")


def _reap(proc: subprocess.Popen[bytes], master: int) -> tuple[int, int]:
    """Drain the terminal (a full pty would block the app's last writes) until the process
    exits; kill it after EXIT_TIMEOUT. Its exit status and ru_maxrss (KiB on Linux)."""
    deadline = time.perf_counter() + EXIT_TIMEOUT
    open_pty = True
    while time.perf_counter() < deadline:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            return _reaped(proc, status, usage)
        if open_pty:
            open_pty = _read(master, 0.02) is not None
        else:
            time.sleep(0.005)
    os.killpg(proc.pid, signal.SIGKILL)
    _, status, usage = os.wait4(proc.pid, 0)
    _reaped(proc, status, usage)
    raise PaintError(f"{proc.args!r} did not exit within {EXIT_TIMEOUT:g} s of Ctrl+Q")


def _reaped(proc: subprocess.Popen[bytes], status: int,
            usage: resource.struct_rusage) -> tuple[int, int]:
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, usage.ru_maxrss


def _kill(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    _, status, _ = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
