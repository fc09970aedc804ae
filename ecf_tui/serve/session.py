"""Provides one browser tab's session: the simulator in a child process of its own, in
a folder of its own, with a minimal environment.

textual-serve 1.1.3 gives every session the server's whole environment (the trainer's
tokens and keys with it) and, in debug mode, Textual's devtools and a log of every key.
A session here gets only what it needs: PATH, a HOME and TMPDIR of its own (a fresh
folder, removed when the session ends, which is also where it runs: F10's transcript
lands there, not in the trainer's folder), the language, the terminal's, textual-serve's
settings for Textual's web driver, and ECF_TUI_PROFILES and the profile cache's folder
so that it loads the courts the server checked."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shlex
import shutil
import sys
import tempfile
from asyncio.subprocess import Process
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from textual_serve.app_service import AppService

WEB_DRIVER_KEYS = frozenset({
    "TEXTUAL_DRIVER", "TEXTUAL_FPS", "TEXTUAL_COLOR_SYSTEM", "TERM_PROGRAM",
    "TERM_PROGRAM_VERSION", "COLUMNS", "ROWS"})
"""What textual-serve sets for Textual's web driver (its debug mode's TEXTUAL and
TEXTUAL_LOG are not among them)."""
PASSED_ON = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "ECF_TUI_PROFILES")
"""What a session takes from the server's environment, where it is set."""
STOP_SECONDS = 5.0
"""How long a session has to quit when asked, before its process is killed."""


def environment(server_env: Mapping[str, str], web_driver: Mapping[str, str],
                home: Path, cache: str) -> dict[str, str]:
    """A session's whole environment (see the module's docstring)."""
    env = {key: server_env[key] for key in PASSED_ON if server_env.get(key)}
    env.setdefault("PATH", os.defpath)
    env.setdefault("LANG", "C.UTF-8")
    env.update({key: value for key, value in web_driver.items() if key in WEB_DRIVER_KEYS})
    env.update({"HOME": str(home), "TMPDIR": str(home), "TERM": "xterm-256color",
                "COLORTERM": "truecolor", "ECF_TUI_CACHE": cache})
    return env


class SessionService(AppService):
    """textual-serve's AppService for one session: the command run in the session's own
    folder with a minimal environment, and the websocket closed when the simulator ends
    (an assessment's last screen, a crash), so that its place is free again."""

    def __init__(self, argv: Sequence[str], cache: str, **options: Any) -> None:
        self.home = Path(tempfile.mkdtemp(prefix="ecf-tui-session-"))
        super().__init__(shlex.join(argv), **options)
        self.argv = list(argv)
        self.debug = False
        self.cache = cache

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        shipped = super()._build_environment(width=width, height=height)
        return environment(os.environ, shipped, self.home, self.cache)

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Process:
        # textual-serve runs the command through a shell, which would add its own
        # variables (PWD, OLDPWD: the server's folder) and a process between: the
        # simulator is started directly, in the session's folder.
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE, cwd=self.home,
            env=self._build_environment(width=width, height=height))
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    async def run(self) -> None:
        try:
            await super().run()
            # textual-serve stops reading the simulator's stderr when its stdout ends,
            # which can be before the last lines (a crash report, which holds nothing
            # typed) are read: they reach the server's output too.
            process = self._process
            if process is not None and process.stderr is not None:
                with contextlib.suppress(asyncio.TimeoutError):
                    rest = await asyncio.wait_for(process.stderr.read(), STOP_SECONDS)
                    sys.stdout.write(rest.decode("utf-8", "replace"))
                    sys.stdout.flush()
        finally:
            await self.remote_close()

    async def stop(self) -> None:
        """Ask the simulator to quit; kill it if it has not within a few seconds; then
        remove the session's folder."""
        try:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(super().stop(), STOP_SECONDS)
            process = self._process
            if process is not None and process.returncode is None:
                with contextlib.suppress(ProcessLookupError):
                    process.kill()
                await process.wait()
        finally:
            shutil.rmtree(self.home, ignore_errors=True)
