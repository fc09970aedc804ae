"""Provides the pages the server sends: the simulator's page (textual-serve's terminal,
switched to xterm.js's screen-reader mode), the page for a tab past the cap ("the class
is full"), and the terminal's script with that mode on.

textual-serve 1.1.3's own page is not used: it loads a font from Google (no network
beyond this machine here) and names the command it runs. Ours uses the Roboto Mono it
ships, names the court, and builds the websocket's address from the page's own, so a
page opened as `localhost` talks to `localhost` and passes the Origin check.

The terminal is xterm.js (bundled in textual-serve's `textual.js`), drawn on a canvas,
which a screen reader cannot read. xterm.js has a screen-reader mode: a list of the
terminal's rows as text, top to bottom, beside the canvas, and a live region that
announces new output. textual.js creates the terminal with fixed options and keeps it to
itself, so the option is switched on by one edit of the script as it is served:
`SCRIPT_ANCHOR` must occur exactly once (tests/test_serve.py checks it)."""

from __future__ import annotations

from html import escape

SCRIPT_ANCHOR = "allowProposedApi:!0,fontSize:i,scrollback:0,"
"""The options textual.js gives `new Terminal(...)`, as textual-serve 1.1.3 ships it."""
SCRIPT_WITH_SCREEN_READER = SCRIPT_ANCHOR + "screenReaderMode:!0,"

_STYLE = """
@font-face { font-family: "Roboto Mono"; font-display: block;
  src: url("/static/fonts/RobotoMono-VariableFont_wght.ttf"); }
body { background: #0c181f; color: #f2f2f2; margin: 0;
  font-family: "Roboto Mono", Menlo, monospace; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
.notice { position: fixed; left: 0; right: 0; padding: 12px 24px; background: #12232d;
  text-align: center; font-size: 16px; }
.starting { top: 40vh; }
body.-first-byte .starting { display: none; }
.textual-terminal { opacity: 0; }
body.-first-byte .textual-terminal { opacity: 1; }
.ended { bottom: 0; display: none; }
body.-closed .ended { display: block; }
a { color: #ffd75f; }
"""

# textual.js starts the terminal in `window.onload`; waiting for the font first lets
# xterm.js measure Roboto Mono's cells, not a fallback's. The websocket's address is the
# page's own (ws://host:port/ws), whatever name the browser used for this machine.
_START = """
(() => {
  const terminal = document.getElementById("terminal");
  terminal.dataset.sessionWebsocketUrl =
    (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws";
  const start = window.onload;
  window.onload = async (event) => {
    try { await document.fonts.load('16px "Roboto Mono"'); } catch (error) {}
    start(event);
  };
})();
"""


def simulator_page(court: str, font_size: int = 16) -> str:
    """The page a tab opens: the terminal, a line while the simulator starts, and one
    when its session has ended (the terminal's last screen left readable above it)."""
    name = escape(court)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>ecf-tui: {name} (a simulator)</title>
<link rel="stylesheet" href="/static/css/xterm.css">
<style>{_STYLE}</style>
<script src="/app/textual.js"></script>
</head>
<body>
<h1 class="visually-hidden">ecf-tui, a simulator of {name}'s CM/ECF linking</h1>
<p class="visually-hidden">The simulator is a terminal: its rows are read top to bottom.
Tab moves between fields, buttons and links; Enter presses them. Never type real
credentials: it shows practice accounts to use.</p>
<p class="notice starting" role="status">Starting the simulator of {name}…</p>
<div id="terminal" class="textual-terminal" data-font-size="{font_size}"></div>
<p class="notice ended" role="status">This session has ended.
<a href="/">Start again</a> (a new session, from the beginning).</p>
<script>{_START}</script>
</body>
</html>
"""


def full_page(court: str, sessions: int) -> str:
    """The page for a tab past the cap: the class is full, and what to do."""
    name = escape(court)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>The class is full: ecf-tui, {name}</title>
<style>{_STYLE}</style>
</head>
<body>
<main class="notice" style="top: 30vh">
<h1>The class is full</h1>
<p>The simulator of {name} already has {sessions} open {_sessions(sessions)}, as many as
the trainer has set it to serve.</p>
<p>Try again when someone closes their tab: <a href="/">reload this page</a>.</p>
</main>
</body>
</html>
"""


def full_text(sessions: int) -> bytes:
    """The same, written into the terminal of a session refused past the cap (a tab
    that got the page before the class filled up)."""
    return ("\r\n  The class is full: the simulator already has "
            f"{sessions} open {_sessions(sessions)}, as many as the trainer has set it "
            "to serve.\r\n  Try again when someone closes their tab: reload this page."
            "\r\n").encode()


def _sessions(count: int) -> str:
    return "session" if count == 1 else "sessions"


def terminal_script(shipped: str) -> tuple[str, bool]:
    """textual.js with xterm.js's screen-reader mode on, and whether it could be: as
    shipped (and False) when textual-serve has changed the line this edits."""
    if shipped.count(SCRIPT_ANCHOR) != 1:
        return shipped, False
    return shipped.replace(SCRIPT_ANCHOR, SCRIPT_WITH_SCREEN_READER), True
