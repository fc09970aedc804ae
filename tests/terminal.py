"""A real terminal for tests: ecf-tui in a detached tmux session on a server of its own,
typed into with send-keys (at machine speed), read with capture-pane, and, where asked,
every byte the app writes to the terminal recorded (pipe-pane)."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path


class Terminal:
    """ecf-tui in a detached tmux session of its own server, read with capture-pane."""

    def __init__(self, target: str, *, env: dict[str, str] | None = None,
                 record: Path | None = None, args: tuple[str, ...] = (),
                 size: tuple[int, int] = (100, 30), cwd: Path | None = None) -> None:
        self.socket = f"ecf-test-{uuid.uuid4().hex[:8]}"
        self.target = target
        base = {k: v for k, v in os.environ.items() if not k.startswith("TMUX")}
        # The server's environment is the session's: HOME, TMPDIR and the like reach
        # the app from here.
        where = ("-c", str(cwd)) if cwd is not None else ()
        self._tmux("new-session", "-d", *where, "-x", str(size[0]), "-y", str(size[1]),
                   shlex.join([sys.executable, "-m", "ecf_tui", "run", target, *args]),
                   env={**base, **(env or {})})
        if record is not None:
            self._tmux("pipe-pane", "-o", f"cat >> {record}")
        self.screens: list[str] = []

    def _tmux(self, *args: str, env: dict[str, str] | None = None) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                              text=True, timeout=10, env=env, check=False)
        return done.stdout

    def screen(self) -> str:
        text = self._tmux("capture-pane", "-p")
        self.screens.append(text)
        return text

    def wait_for(self, found: Callable[[str], bool], seconds: float = 20) -> str:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            text = self.screen()
            if found(text):
                return text
            time.sleep(0.1)
        raise AssertionError(f"not seen in {seconds} s; the screen was:\n{self.screens[-1]}")

    def settled(self, seconds: float = 20) -> str:
        """The screen once it has stayed the same for 0.3 s: the page drawn and its first
        field focused, so a burst is not typed into a page still coming up."""
        last, end = None, time.monotonic() + seconds
        while time.monotonic() < end:
            text = self.screen()
            if text == last:
                return text
            last = text
            time.sleep(0.3)
        raise AssertionError(f"never settled in {seconds} s; the screen was:\n{last}")

    def type_burst(self, keys: str) -> None:
        """The whole string written to the terminal at once, Tab and CR as the bytes."""
        self._tmux("send-keys", "-l", keys)

    def paste(self, text: str) -> None:
        """A bracketed paste (the app asks the terminal for bracketed paste mode)."""
        self._tmux("set-buffer", "-b", "burst", text)
        self._tmux("paste-buffer", "-p", "-b", "burst")

    def press(self, key: str) -> None:
        self._tmux("send-keys", key)

    def close(self) -> None:
        self._tmux("kill-server")


