"""Provides ClassServer: textual-serve's Server for a class, hardened.

What textual-serve 1.1.3 does and this changes (its internals are used, so
pyproject pins `textual-serve>=1.1.3,<1.2` and tests/test_serve.py checks their shape):

- it checks no `Origin`: here a request whose `Origin` is not this server, or whose
  `Host` is not a name of it, gets 403 (a page from another site cannot open a session);
- it lists `/static`'s folders: here no folder is listed, and the download route (for
  files an app delivers, which the simulator never does) is not there;
- it gives each session the server's whole environment and has no cap: see
  `session.SessionService`; here at most `max_sessions` at once, the next tab gets the
  page saying the class is full;
- in debug mode it runs Textual's devtools and logs every key; its log shows each
  error's traceback with the frames' local variables (keys typed among them): here it
  never runs in debug mode, and its log is one line per event, an error by its kind
  alone, never what was typed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import Awaitable, Callable, Sequence
from importlib import resources

from aiohttp import web
from textual_serve.server import Server

from ecf_tui.serve import guard, page
from ecf_tui.serve.session import SessionService

log = logging.getLogger("ecf-tui.serve")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _number(request: web.Request, name: str, default: int) -> int:
    """A whole number from the query (a tab's size), or `default`."""
    try:
        return int(request.query.get(name, default))
    except ValueError:
        return default


class _EventFormatter(logging.Formatter):
    """One line per event: an error by its kind, no traceback (whose frames could hold
    what a session was sent)."""

    def format(self, record: logging.LogRecord) -> str:
        line = f"ecf-tui serve: {record.getMessage()}"
        if record.exc_info and record.exc_info[0] is not None:
            line += f" ({record.exc_info[0].__name__})"
        return line

    def formatException(self, ei: object) -> str:  # noqa: N802 - logging's name
        return ""


class ClassServer(Server):
    """The simulator for a class: one session per browser tab, at most `max_sessions`."""

    def __init__(self, argv: Sequence[str], *, host: str, port: int, court: str,
                 max_sessions: int, cache: str) -> None:
        super().__init__(" ".join(argv), host=guard.bind_address(host), port=port,
                         title=court)
        self.argv = list(argv)
        self.bound = host
        self.court = court
        self.max_sessions = max_sessions
        self.cache = cache
        self.sessions: dict[web.WebSocketResponse, SessionService] = {}
        self.opened = 0
        shipped = (resources.files("textual_serve") / "static" / "js" / "textual.js")
        self.script, self.screen_reader = page.terminal_script(shipped.read_text("utf-8"))

    # -- the server -----------------------------------------------------------

    def initialize_logging(self) -> None:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(_EventFormatter())
        for name in ("ecf-tui.serve", "textual-serve", "aiohttp"):
            logger = logging.getLogger(name)
            logger.handlers[:] = [handler]
            logger.setLevel(logging.INFO)
            logger.propagate = False

    def serve(self, debug: bool = False) -> None:
        """Serve until Ctrl+C (or SIGTERM). Never in debug mode, whatever is asked; an
        OSError if the port cannot be listened on."""
        self.debug = False
        self.initialize_logging()
        asyncio.run(self._serve())

    async def _serve(self) -> None:
        # aiohttp's runner rather than textual-serve's serve(): the line saying where
        # it serves comes once it listens (a test or a trainer can open it then), and
        # no access log is kept.
        runner = web.AppRunner(await self._make_app(), access_log=None,
                               handle_signals=False)
        await runner.setup()
        try:
            await web.TCPSite(runner, self.host, self.port).start()
            stop = asyncio.Event()
            with contextlib.suppress(NotImplementedError):  # Windows: KeyboardInterrupt
                for signum in (signal.SIGINT, signal.SIGTERM):
                    asyncio.get_running_loop().add_signal_handler(signum, stop.set)
            self._announce()
            await stop.wait()
        finally:
            await runner.cleanup()

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._guard])
        app.add_routes([
            web.get("/", self.handle_index, name="index"),
            web.get("/ws", self.handle_websocket, name="websocket"),
            web.get("/app/textual.js", self.handle_script, name="script"),
            web.static("/static", self.statics_path, show_index=False, name="static"),
        ])
        app.on_shutdown.append(self.on_shutdown)
        return app

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """403 for a request that does not name this server or comes from another site's
        page (textual-serve checks neither)."""
        try:
            host, port = request.url.host, request.url.port
        except ValueError:
            host, port = None, None
        if not guard.host_allowed(host, port, self.bound, self.port):
            return web.Response(status=403, text="ecf-tui serve: not this server's name.\n")
        if not guard.origin_allowed(request.headers.get("Origin"), request.scheme, host,
                                    port):
            log.info("refused a request from another site's page")
            return web.Response(status=403, text="ecf-tui serve: a page of another site "
                                                 "cannot use this simulator.\n")
        return await handler(request)

    def _announce(self) -> None:
        url = f"http://{self.host if ':' not in self.host else f'[{self.host}]'}:{self.port}/"
        print(f"ecf-tui serve: the simulator of {self.court} at {url} for up to "
              f"{self.max_sessions} {'tab' if self.max_sessions == 1 else 'tabs'} at once "
              "(each tab its own session). Ctrl+C stops it.", flush=True)
        if not self.screen_reader:
            log.warning("the terminal's screen-reader mode could not be switched on: "
                        "textual-serve's script is not the one this version knows")

    async def on_shutdown(self, app: web.Application) -> None:
        """Close every tab's websocket, so that each session stops and its folder goes."""
        for websocket in list(self.sessions):
            await websocket.close()

    # -- the pages ----------------------------------------------------------

    async def handle_index(self, request: web.Request) -> web.Response:
        if len(self.sessions) >= self.max_sessions:
            return web.Response(status=503, content_type="text/html",
                                headers={"Retry-After": "30", "Cache-Control": "no-store"},
                                text=page.full_page(self.court, self.max_sessions))
        font_size = min(max(_number(request, "fontsize", 16), 8), 48)
        return web.Response(content_type="text/html", headers={"Cache-Control": "no-store"},
                            text=page.simulator_page(self.court, font_size))

    async def handle_script(self, request: web.Request) -> web.Response:
        return web.Response(text=self.script, content_type="application/javascript")

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One tab's session: its simulator started at the tab's size, its keys passed
        on, stopped when the tab goes (or refused, past the cap)."""
        websocket = web.WebSocketResponse(heartbeat=15)
        await websocket.prepare(request)
        if len(self.sessions) >= self.max_sessions:
            log.info("refused a session: the class is full (%d of %d)", len(self.sessions),
                     self.max_sessions)
            await websocket.send_bytes(page.full_text(self.max_sessions))
            await websocket.close()
            return websocket
        self.opened += 1
        number = self.opened
        service = SessionService(self.argv, self.cache, write_bytes=websocket.send_bytes,
                                 write_str=websocket.send_str, close=websocket.close,
                                 download_manager=self.download_manager)
        self.sessions[websocket] = service
        try:
            width = min(max(_number(request, "width", 80), 20), 500)
            height = min(max(_number(request, "height", 24), 5), 200)
            await service.start(width, height)
            log.info("session %d opened (process %s; %d of %d places taken)", number,
                     service.pid, len(self.sessions), self.max_sessions)
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception:  # noqa: BLE001 - a tab's failure must not stop the class
            log.warning("session %d ended on an error", number, exc_info=True)
        finally:
            try:
                await service.stop()
            finally:
                del self.sessions[websocket]
            log.info("session %d closed (%d of %d places taken)", number,
                     len(self.sessions), self.max_sessions)
        return websocket
