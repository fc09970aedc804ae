"""`ecf-tui serve`: the simulator in a browser for a class, on textual-serve hardened.

The server runs as a child process on a free loopback port (the suite blocks internet
sockets; these tests may connect to 127.0.0.1 alone). Its sessions are the real
simulator; a tab is played through textual-serve's websocket protocol, or opened in
headless Chromium (Debian's, which .ci/run installs) driven through its DevTools
protocol."""

from __future__ import annotations

import asyncio
import base64
import inspect
import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from textual_serve.app_service import AppService
from textual_serve.server import Server

from ecf_tui.cli import main
from ecf_tui.serve import command, page
from ecf_tui.serve.session import PASSED_ON, WEB_DRIVER_KEYS

from .test_sentinel import encodings

pytestmark = [pytest.mark.allow_hosts(["127.0.0.1"]), pytest.mark.xdist_group("serve")]

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SECRET = "ECF_TEST_SECRET"
"""Set in the server's environment: no session may see it."""
CASB = "U.S. Bankruptcy Court Southern District of California"
SENTINEL = "Zq7-séntinel-PW"
FOREIGN = "http://evil.example"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Served:
    """`ecf-tui serve ARGS` in a child process, its stdout and stderr in files."""

    def __init__(self, folder: Path, *args: str, script: Path | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.out, self.err = folder / "server.out", folder / "server.err"
        self.results: Path | None = None
        env = {**os.environ, SECRET: "s3cr3t-value", "TEXTUAL": "devtools,debug",
               "TEXTUAL_LOG": str(folder / "textual.log")}
        start = [str(script)] if script else ["-m", "ecf_tui"]
        with self.out.open("wb") as out, self.err.open("wb") as err:
            self.proc = subprocess.Popen(
                [sys.executable, *start, "serve", *args, "--port", str(self.port)],
                stdout=out, stderr=err, env=env)
        self.wait_for(r"Ctrl\+C stops it")

    def output(self) -> str:
        return self.out.read_text() + self.err.read_text()

    def wait_for(self, pattern: str, seconds: float = 20) -> re.Match[str]:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if found := re.search(pattern, self.output()):
                return found
            assert self.proc.poll() is None, f"the server stopped:\n{self.output()}"
            time.sleep(0.05)
        raise AssertionError(f"{pattern!r} not in the server's output:\n{self.output()}")

    def opened(self) -> int:
        return len(re.findall(r"session \d+ opened", self.output()))

    def next_session(self, opened_before: int) -> tuple[int, int]:
        """The number and process id of the session opened after `opened_before` were."""
        end = time.monotonic() + 20
        while self.opened() <= opened_before and time.monotonic() < end:
            time.sleep(0.05)
        found = re.findall(r"session (\d+) opened \(process (\d+)", self.output())
        assert len(found) > opened_before, self.output()
        return int(found[opened_before][0]), int(found[opened_before][1])

    def idle(self) -> None:
        """Wait until every session opened has closed (a test before may have left one
        stopping)."""
        end = time.monotonic() + 20
        while len(re.findall(r"session \d+ closed", self.output())) < self.opened():
            assert time.monotonic() < end, self.output()
            time.sleep(0.05)

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """CASB, two sessions at most, results into a folder."""
    folder = tmp_path_factory.mktemp("serve")
    server = Served(folder, "CASB", "--max-sessions", "2", "--results",
                    str(folder / "results"))
    server.results = folder / "results"
    yield server
    server.stop()


class Tab:
    """A browser tab as textual-serve's page is to the server: a websocket sending
    keys as `["stdin", text]`, receiving the terminal's bytes."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.received = b""

    async def read_until(self, wanted: bytes, seconds: float = 20) -> None:
        """Read the terminal's bytes until `wanted` has come and the app has gone quiet."""
        end = asyncio.get_running_loop().time() + seconds
        while asyncio.get_running_loop().time() < end:
            try:
                message = await self.ws.receive(timeout=0.5)
            except TimeoutError:
                if wanted in self.received:
                    return
                continue
            if message.type == aiohttp.WSMsgType.BINARY:
                self.received += message.data
            elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED,
                                  aiohttp.WSMsgType.CLOSING):
                break
        assert wanted in self.received, self.received[-2000:]

    async def type(self, text: str) -> None:
        await self.ws.send_str(json.dumps(["stdin", text]))

    async def closed(self, seconds: float = 20) -> None:
        """Read on until the server closes the tab's websocket."""
        async with asyncio.timeout(seconds):
            async for message in self.ws:
                if message.type == aiohttp.WSMsgType.BINARY:
                    self.received += message.data


async def open_tab(http: aiohttp.ClientSession, server: Served) -> Tab:
    ws = await http.ws_connect(f"{server.url}/ws?width=100&height=30", origin=server.url)
    return Tab(ws)


def test_textual_serve_internals_have_the_shape_ecf_tui_uses() -> None:
    """ecf_tui/serve/ subclasses textual-serve 1.1's Server and AppService and edits
    its textual.js: when a release changes any of it, this fails here first."""
    assert metadata.version("textual-serve").startswith("1.1.")
    init = inspect.signature(Server.__init__).parameters
    assert {"command", "host", "port", "title"} <= set(init)
    server = Server("true", host="127.0.0.1", port=8123)
    assert (server.host, server.port) == ("127.0.0.1", 8123) and server.download_manager
    assert (server.statics_path / "css" / "xterm.css").is_file()
    assert (server.statics_path / "fonts" / "RobotoMono-VariableFont_wght.ttf").is_file()
    # The messages a tab sends, which _process_messages turns into keys and sizes.
    protocol = inspect.getsource(Server._process_messages)
    assert all(f'"{kind}"' in protocol for kind in ("stdin", "resize", "ping"))
    assert {"write_bytes", "write_str", "close", "download_manager", "debug"} <= set(
        inspect.signature(AppService.__init__).parameters)
    service = AppService("true", write_bytes=None, write_str=None,  # type: ignore[arg-type]
                         close=None, download_manager=None)  # type: ignore[arg-type]
    assert service._process is None and service.remote_close is None
    # SessionService starts the process itself: where textual-serve does it, and
    # what it keeps of it, the process and its stdin (which send_bytes writes to).
    assert WEB_DRIVER_KEYS <= set(service._build_environment(80, 24))
    assert "self._open_app_process(width, height)" in inspect.getsource(AppService.start)
    opening = inspect.getsource(AppService._open_app_process)
    assert "self._process = process" in opening and "self._stdin = process.stdin" in opening
    assert "self._process" in inspect.getsource(AppService.run)
    for name in ("start", "stop", "run", "send_bytes", "set_terminal_size", "blur"):
        assert inspect.iscoroutinefunction(getattr(AppService, name)), name
    shipped = (server.statics_path / "js" / "textual.js").read_text()
    assert page.terminal_script(shipped)[1], "the terminal's options are not where they were"


@pytest.mark.parametrize(("argv", "place"), [
    (["--port", "0"], "--port"),
    (["--port", "70000"], "--port"),
    (["--port", "eighty"], "--port"),
    (["--max-sessions", "0"], "--max-sessions"),
    (["--host", "class.example.org"], "--host"),
    (["--mode", "assess"], "serve"),
    (["NOPE"], "NOPE"),
    (["CASB/no/such-state"], "serve"),
    (["CASB", "--theme", "no-such-theme"], "--theme"),
])
def test_bad_options_are_one_paragraph_and_exit_2(argv: list[str], place: str) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["serve", *argv], out, err) == 2
    said = err.getvalue()
    assert said.count("\n") == 1 and "Fix:" in said and place in said, said
    assert "Traceback" not in said and out.getvalue() == ""


def test_a_port_in_use_is_one_paragraph() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        err = io.StringIO()
        assert main(["serve", "CASB", "--port", str(port)], io.StringIO(), err) == 2
    assert f"port {port} on 127.0.0.1 cannot be used" in err.getvalue()
    assert err.getvalue().count("\n") == 1


def test_a_host_beyond_loopback_is_warned_and_sessions_get_the_options(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, court_copy) -> None:
    """`serve --host 0.0.0.0` warns on stderr; each session's command line carries the
    options. Nothing listens here: the server is replaced by what it would be told."""
    told: list[command.Settings] = []
    monkeypatch.setattr(command, "check_port_free", lambda host, port: None)
    monkeypatch.setattr(command, "run_server", lambda settings: told.append(settings) or 0)
    for host, warned in (("0.0.0.0", True), ("192.0.2.7", True), ("::", True),
                         ("127.0.0.1", False), ("::1", False), ("localhost", False)):
        err = io.StringIO()
        assert main(["serve", "CASB", "--host", host], io.StringIO(), err) == 0
        said = err.getvalue()
        assert ("no authentication" in said and "training network" in said) is warned, host
    assert main(["serve", "CASB/happy/pacer-login", "--mode", "assess", "--results",
                 str(tmp_path / "r"), "--theme", "high-contrast", "--max-sessions", "3",
                 "--screen-reader"], io.StringIO(), io.StringIO()) == 0
    settings = told[-1]
    assert settings.argv[1:] == (
        "-m", "ecf_tui", "run", "CASB/happy/pacer-login", "--mode", "assess", "--results",
        str((tmp_path / "r").resolve()), "--no-save", "--theme", "high-contrast",
        "--screen-reader")
    assert (settings.max_sessions, settings.court, settings.port) == (3, CASB, 8000)
    assert main(["serve"], io.StringIO(), io.StringIO()) == 0
    assert told[-1].argv[1:] == ("-m", "ecf_tui")  # the court picker
    folder = court_copy("CASB").parent
    assert main(["serve", "CASB", "--profiles", str(folder)], io.StringIO(),
                io.StringIO()) == 0
    assert told[-1].argv[1:6] == ("-m", "ecf_tui", "--profiles", str(folder.resolve()), "run")


async def test_a_foreign_page_gets_403_and_no_folder_is_listed(served: Served) -> None:
    async with aiohttp.ClientSession() as http:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await http.ws_connect(f"{served.url}/ws", origin=FOREIGN)
        assert refused.value.status == 403
        for headers in ({"Origin": FOREIGN}, {"Origin": "null"},
                        {"Host": f"rebound.example:{served.port}"}):
            async with http.get(f"{served.url}/", headers=headers) as answer:
                assert answer.status == 403, headers
        async with http.get(f"{served.url}/", headers={"Origin": served.url}) as answer:
            assert answer.status == 200 and CASB in await answer.text()
        for folder in ("/static/", "/static/js/", "/static/fonts"):
            async with http.get(served.url + folder) as answer:
                assert answer.status in (403, 404) and "Index of" not in await answer.text()
        async with http.get(f"{served.url}/app/textual.js") as answer:
            assert page.SCRIPT_WITH_SCREEN_READER in await answer.text()
        async with http.get(f"{served.url}/static/css/xterm.css") as answer:
            assert answer.status == 200
    assert "refused a request from another site's page" in served.output()


async def test_a_session_has_a_minimal_environment_and_its_result_lands_in_results(
        served: Served) -> None:
    opened = served.opened()
    async with aiohttp.ClientSession() as http:
        tab = await open_tab(http, served)
        number, pid = served.next_session(opened)
        environ = dict(line.split("=", 1) for line in
                       Path(f"/proc/{pid}/environ").read_text().split("\0") if line)
        await tab.read_until(b"Begin")
        home = Path(environ["HOME"])
        assert SECRET not in environ and "TEXTUAL" not in environ
        assert "TEXTUAL_LOG" not in environ and environ["TEXTUAL_DRIVER"].endswith("WebDriver")
        allowed = {*PASSED_ON, *WEB_DRIVER_KEYS, "HOME", "TMPDIR", "TERM", "COLORTERM",
                   "ECF_TUI_CACHE"}
        assert set(environ) <= allowed, set(environ) - allowed
        assert home.name.startswith("ecf-tui-session-") and home.is_dir()
        assert Path(f"/proc/{pid}/cwd").resolve() == home.resolve()
        await tab.type("\r")  # Begin: the first step of a guided walk
        await asyncio.sleep(1)
        await tab.type("\x11")  # Ctrl+Q: the walk ends and is filed
        await tab.closed()
    served.wait_for(f"session {number} closed")
    assert not home.exists() and not Path(f"/proc/{pid}").exists()
    assert served.results is not None
    assert list(served.results.glob("CASB-guided-*.json")), served.output()


async def test_the_tab_past_the_cap_is_told_the_class_is_full(served: Served) -> None:
    served.idle()
    async with aiohttp.ClientSession() as http:
        tabs = [await open_tab(http, served) for _ in range(2)]
        async with http.get(served.url) as answer:
            text = await answer.text()
            assert answer.status == 503 and "The class is full" in text
            assert "Try again when someone closes their tab" in text and CASB in text
        late = await open_tab(http, served)
        await late.closed()
        assert b"The class is full" in late.received
        await tabs[0].ws.close()
        served.wait_for(r"closed \(1 of 2 places taken\)")
        async with http.get(served.url) as answer:
            assert answer.status == 200
        await tabs[1].ws.close()
    assert "refused a session: the class is full (2 of 2)" in served.output()


async def test_a_crash_in_a_session_leaves_nothing_typed_in_the_servers_output(
        tmp_path: Path) -> None:
    """The password typed into the browser's terminal, then the engine fails on the
    login: the App's short report reaches the trainer's terminal, with nothing typed."""
    server = Served(tmp_path, "CASB/happy/pacer-login",
                    script=Path(__file__).with_name("serve_crash.py"))
    try:
        async with aiohttp.ClientSession() as http:
            tab = await open_tab(http, server)
            await tab.read_until(b"assword")
            await tab.type("bcasbtest")
            await tab.type("\t")
            await tab.type(SENTINEL)
            await tab.read_until("•".encode() * len(SENTINEL))  # in the password field
            await tab.type("\r")
            await tab.closed()
        server.wait_for("session 1 closed")
    finally:
        server.stop()
    output = server.out.read_bytes() + server.err.read_bytes()
    assert b"stopped on an internal error" in output and b"failed on purpose" in output
    assert not [form for form in encodings(SENTINEL) if form in output]
    assert b"bcasbtest" not in output and SENTINEL.encode() not in tab.received
    assert not (tmp_path / "textual.log").exists()


class DevTools:
    """Headless Chromium driven through its DevTools protocol (a websocket on loopback)."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws, self.calls = ws, 0

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.calls += 1
        await self.ws.send_json({"id": self.calls, "method": method, "params": params})
        while True:
            answer = await self.ws.receive_json()
            if answer.get("id") == self.calls:
                assert "error" not in answer, answer
                return dict(answer["result"])

    async def evaluate(self, expression: str) -> Any:
        answer = await self.call("Runtime.evaluate", expression=expression,
                                 returnByValue=True)
        return answer["result"].get("value")


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed here")
async def test_headless_chromium_shows_the_court_and_reads_its_rows(
        served: Served, tmp_path: Path) -> None:
    """The page in Chromium: the simulator runs (a session opens), the court's name is
    on the screen (tmp_path/serve.png, looked at), and xterm.js's screen-reader tree
    holds the terminal's rows as text, top to bottom."""
    served.idle()
    profile = tmp_path / "chromium"
    browser = subprocess.Popen(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={profile}", "--remote-debugging-port=0",
         "--window-size=1200,800", served.url + "/"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        active = profile / "DevToolsActivePort"
        for _ in range(200):
            if active.exists() and len(active.read_text().split()) == 2:
                break
            await asyncio.sleep(0.1)
        port = active.read_text().split()[0]
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://127.0.0.1:{port}/json/list") as answer:
                target = next(t for t in await answer.json() if t["type"] == "page")
            async with http.ws_connect(target["webSocketDebuggerUrl"],
                                       max_msg_size=0) as ws:
                tools = DevTools(ws)
                rows: list[str] = []
                for _ in range(200):
                    rows = await tools.evaluate(
                        "[...document.querySelectorAll('.xterm-accessibility-tree > div')]"
                        ".map(row => row.textContent)") or []
                    if any(CASB in row for row in rows) and await tools.evaluate(
                            "document.body.classList.contains('-first-byte')"):
                        break
                    await asyncio.sleep(0.1)
                await asyncio.sleep(0.5)  # the canvas drawn after the text
                shot = await tools.call("Page.captureScreenshot", format="png")
        (tmp_path / "serve.png").write_bytes(base64.b64decode(shot["data"]))
        print(f"screenshot: {tmp_path / 'serve.png'}")
    finally:
        browser.terminate()
        browser.wait(10)
    assert re.search(r"session \d+ opened", served.output())
    reading = [row.strip() for row in rows if row.strip()]
    assert any(CASB in row for row in reading), reading
    assert not any(SECRET in row for row in reading)
    # Top to bottom: the court's banner before the page's Begin button.
    court_row = next(i for i, row in enumerate(reading) if CASB in row)
    begin_row = next(i for i, row in enumerate(reading) if "Begin" in row)
    assert court_row < begin_row, reading
