"""Step latency in a real terminal: `ecf-tui run MSSB` in tmux at 100 x 30, from a key
sent to the changed picture on the pane, at STEPS steps of MSSB's guide walk, in
alternating pairs with the bare app (bare_push_app.py) pushing a trivial screen on
Enter, run and timed alike in the same tmux.

The terminal. A tmux server of the run's own (`-L`, a private socket; a config file of
the run's own in place of the user's: `default-terminal tmux-256color`, no status line,
a dead pane kept with its last words), each app in a detached session of its own,
100 x 30, its environment the first screens' (HOME and the XDG folders in the run's
home, ECF_TUI_PROFILES=""), and a third session that runs `cat`, to which a control-mode
client (`tmux -C`) is attached: every key is sent and every picture read through it, a
command on its stdin each, with no process started per poll (a `capture-pane` is
~0.3 ms that way, against ~6 ms for a `tmux capture-pane` process). The apps' sessions
have no client, so nothing resizes them.

A picture: `capture-pane -p -e` of the app's pane, the styles' escapes included (a
change of colour is a change). The page a picture shows: its state code as a word of
its text (each page shows its code at the top right, codebook.code); the bare app's:
its paragraph.

A step. Untimed: the picture quiet (unchanged for QUIET) with the step's page shown,
then the keys a person presses to ready it (Tab or Shift+Tab to the action's control,
the login and the password typed with Tab between them), and quiet again. Timed: from
just before the key (Enter, Space for a checkbox) is sent to the first capture that
shows the final picture: the first that shows the next page and after which the pane
stays unchanged for QUIET. Captures are asked for back to back, POLL apart; a capture's
time is when its answer has been read. A field's cursor blinks (every 0.5 s, as in any
terminal; headless, ecf-tui turns the blink off): after the final picture, the pane is
watched for BLINK_WATCH more; a picture with the final one's text that differs from it
in one row only is the blink's other phase, and the first capture of either counts; any
other change is a late paint, and the wait for quiet begins again from it.

Which keys. Worked out beforehand in this process (`plan`): the guide walk driven
headless at 100 x 30 by keys, as QA's driver drives it (qa/driver.py: `carrier`, and
focus_walk.route: the fewest Tab or Shift+Tab presses from where focus arrives).

Twenty steps: MSSB's guide walk is 13 steps; at its end Ctrl+R (the App's "Start over",
keys/bindings.py, untimed) goes back to the court's first page in the same process, and
the walk goes on from there (its first 7 steps again, pages the App has shown before).
Under --quick: the first N steps only, and no warm-up (else each app is started once to
its first screen and started again, untimed, before the pairs: disk caches, bytecode,
the profile cache).

The polling's cost: the CPU that tmux (server and control client) and this process use
while the bare app sits still and its pane is polled for QUIET, as a share of a core
(the line "capture polling"); the same while a bare push is timed is its baseline.
"""

from __future__ import annotations

import asyncio
import os
import re
import select
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.cli_start import ecf_tui
from benchmarks.first_paint import terminal_env
from benchmarks.registry import MILLISECONDS, BenchmarkError, Context, Metric, Runs, Say

ROWS, COLS = 30, 100
STEPS = 20
COURT = "MSSB"
QUIET = 0.3
POLL = 0.003
BLINK_WATCH = 0.6
TIMEOUT = 20.0
START_TIMEOUT = 60.0
COMMAND_TIMEOUT = 10.0
CPU = Metric("cpu_pct", "% of a core", 0)

OURS = f"ecf-tui run {COURT} in tmux: a step of its guide walk"
BARE = "bare app in tmux: push a trivial screen"
POLLING = "tmux polled while the bare app sits still"
LABELS = (OURS, BARE, POLLING)

BARE_TEXT = "A bare Textual app: one paragraph and a footer."  # bare_app.TEXT
TRIVIAL_TEXT = "A trivial screen: one paragraph."  # bare_push_app.TRIVIAL_TEXT
ROOT = Path(__file__).resolve().parents[1]
CONFIG = ("set -g default-terminal tmux-256color\n"
          "set -g status off\n"
          "set -g remain-on-exit on\n")
TMUX_KEYS = {"tab": "Tab", "shift+tab": "BTab", "enter": "Enter", "space": "Space",
             "escape": "Escape", "f5": "F5", "f6": "F6", "ctrl+r": "C-r", "ctrl+q": "C-q"}
_ESCAPE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]")


@dataclass(frozen=True)
class Move:
    """A step as keys: the page it is made on and the page it leads to (what each
    shows: a state code, a paragraph), the untimed keys that ready the page (a tmux key
    name, or text typed), and the timed key (a tmux key name)."""

    source: str
    target: str
    ready: tuple[Key, ...]
    key: str


@dataclass(frozen=True)
class Key:
    name: str = ""  # a tmux key name
    text: str = ""  # or this typed


def plan(steps: int) -> list[Move]:
    """The first `steps` moves of the court's guide walk, walked again after Start over
    at its end, as keys (see the module)."""
    return asyncio.run(_plan(steps))


async def _plan(steps: int) -> list[Move]:
    from ecf_tui.app import make_app
    from ecf_tui.flows import codebook, graph
    from ecf_tui.qa.driver import KEY_ONLY, carrier, credential_fields, perform, settled
    from ecf_tui.qa.focus_walk import press, route
    from ecf_tui.registry.loading import registry

    reg = registry(env={})
    profile = reg.load(COURT)
    flow = graph.of(profile)
    walk = graph.follow_advice(flow, flow.start)
    if not walk:
        raise BenchmarkError(f"{COURT}: its guide walk has no step")
    app = make_app(reg, COURT)
    moves: list[Move] = []
    async with app.run_test(size=(COLS, ROWS)) as pilot:
        await settled(pilot, app)
        while len(moves) < steps:
            for edge in walk:
                if len(moves) == steps:
                    break
                if app.state != edge.source:
                    raise BenchmarkError(f"{COURT}: planning, the App is at "
                                         f"{app.state} where the walk is at {edge.source}")
                action = edge.action
                ready: list[Key] = []
                if action.name in KEY_ONLY:
                    key = KEY_ONLY[action.name]
                elif action.typed:
                    user, _ = credential_fields(app)
                    ready = [*(Key(TMUX_KEYS[k]) for k in route(app.screen, user)),
                             Key(text=action.username), Key("Tab"),
                             Key(text=action.password)]
                    key = "enter"
                else:
                    ready = [Key(TMUX_KEYS[k]) for k in route(app.screen, carrier(app, action))]
                    key = "space" if action.name == "check" else "enter"
                moves.append(Move(codebook.code(profile, edge.source),
                                  codebook.code(profile, edge.target), tuple(ready),
                                  TMUX_KEYS[key]))
                await perform(pilot, app, action, how="keys")
                await settled(pilot, app)
            if len(moves) < steps:
                await press(pilot, "ctrl+r")
                await settled(pilot, app)
                if app.state != flow.start:
                    raise BenchmarkError(f"{COURT}: Ctrl+R (Start over) did not go back "
                                         "to the first page")
    return moves


def restart_code() -> str:
    """The court's first page's code (where Start over goes)."""
    from ecf_tui.flows import codebook, graph
    from ecf_tui.registry.loading import registry

    profile = registry(env={}).load(COURT)
    return codebook.code(profile, graph.of(profile).start)


def text_of(picture: str) -> str:
    """A picture's text: its escapes taken out."""
    return _ESCAPE.sub("", picture)


def shows(word: str) -> Callable[[str], bool]:
    """Whether a picture's text holds `word` whole (a state code, not the start of a
    longer one: `MSSB/happy/redaction` is not in `MSSB/happy/redaction+ticked`)."""
    found = re.compile(rf"(?<!\S){re.escape(word)}(?!\S)")
    return lambda picture: found.search(text_of(picture)) is not None


def blink_of(picture: str, final: str) -> bool:
    """Whether `picture` is `final` with a cursor's blink: the same text, one row's
    styles changed."""
    rows, final_rows = picture.split("\n"), final.split("\n")
    return (len(rows) == len(final_rows) and text_of(picture) == text_of(final)
            and sum(a != b for a, b in zip(rows, final_rows, strict=True)) == 1)


def _cpu_seconds(pid: int) -> float:
    """A process's user and system CPU time (Linux /proc), 0 once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Tmux:
    """A tmux server of our own, its sessions, and a control-mode client that sends
    keys and reads pictures."""

    def __init__(self, home: Path, env: dict[str, str]) -> None:
        if shutil.which("tmux") is None:
            raise BenchmarkError("terminal-steps: tmux is not installed (Debian's tmux "
                                 "package); the terminal measurement needs it")
        self.socket = f"ecf-bench-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.config = home / f"{self.socket}.conf"
        self.config.write_text(CONFIG)
        self.env = env
        self._client: subprocess.Popen[bytes] | None = None
        self._buffer = b""
        self._lines: Iterator[bytes] = self._read_lines()
        try:
            self.new_session("control", ["cat"], home)
            self._client = subprocess.Popen(
                self._argv("-C", "attach-session", "-t", "control"), stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, bufsize=0)
            self._answer()  # the attach's own
            self.command("refresh-client", "-f", "no-output")
            self.server_pid = int(self.command("display-message", "-p", "#{pid}"))
        except BaseException:
            self.close()
            raise

    def _argv(self, *args: str) -> list[str]:
        return ["tmux", "-L", self.socket, "-f", str(self.config), *args]

    def new_session(self, name: str, command: Sequence[str], cwd: Path) -> None:
        done = subprocess.run(
            self._argv("new-session", "-d", "-s", name, "-x", str(COLS), "-y", str(ROWS),
                       "-c", str(cwd), *command),
            env=self.env, capture_output=True, text=True, timeout=COMMAND_TIMEOUT,
            check=False)
        if done.returncode != 0:
            raise BenchmarkError(f"terminal-steps: tmux new-session {name}: "
                                 f"{done.stderr.strip() or done.returncode}")

    def _read_lines(self) -> Iterator[bytes]:
        while True:
            while b"\n" in self._buffer:
                line, self._buffer = self._buffer.split(b"\n", 1)
                yield line
            assert self._client is not None and self._client.stdout is not None
            fd = self._client.stdout.fileno()
            ready, _, _ = select.select([fd], [], [], COMMAND_TIMEOUT)
            data = os.read(fd, 1 << 16) if ready else b""
            if not data:
                raise BenchmarkError("terminal-steps: tmux's control client "
                                     f"{'ended' if ready else 'did not answer'}")
            self._buffer += data

    def _answer(self) -> str:
        """The next command's answer (notifications outside it skipped)."""
        out: list[bytes] = []
        inside = False
        for line in self._lines:
            if not inside:
                inside = line.startswith(b"%begin ")
            elif line.startswith((b"%end ", b"%error ")):
                text = b"\n".join(out).decode(errors="replace")
                if line.startswith(b"%error "):
                    raise BenchmarkError(f"terminal-steps: tmux: {text}")
                return text
            else:
                out.append(line)
        raise AssertionError("unreachable")

    def command(self, *args: str) -> str:
        """Run a tmux command through the control client; its output."""
        assert self._client is not None and self._client.stdin is not None
        self._client.stdin.write((" ".join(_quoted(a) for a in args) + "\n").encode())
        return self._answer()

    def send(self, session: str, key: Key) -> None:
        if key.text:
            self.command("send-keys", "-t", session, "-H",
                         *(f"{b:02x}" for b in key.text.encode()))
        else:
            self.command("send-keys", "-t", session, key.name)

    def picture(self, session: str) -> tuple[float, str]:
        """The pane as it is (with its styles), and when that was read."""
        picture = self.command("capture-pane", "-p", "-e", "-t", session)
        return time.perf_counter(), picture

    def cpu(self) -> float:
        """CPU seconds used so far by tmux (server, control client) and this process."""
        client = self._client.pid if self._client is not None else 0
        return _cpu_seconds(self.server_pid) + _cpu_seconds(client) + time.process_time()

    def respawn(self, session: str) -> None:
        """The session's command started again (the one running killed)."""
        self.command("respawn-pane", "-k", "-t", session)

    def close(self) -> None:
        subprocess.run(self._argv("kill-server"), env=self.env, capture_output=True,
                       timeout=COMMAND_TIMEOUT, check=False)
        if self._client is not None:
            try:
                self._client.wait(timeout=COMMAND_TIMEOUT)
            except subprocess.TimeoutExpired:
                self._client.kill()
                self._client.wait()
        self.config.unlink(missing_ok=True)


def _quoted(arg: str) -> str:
    """An argument as tmux's command parser reads it back whole."""
    if re.fullmatch(r"[\w./:+-]+", arg):
        return arg
    return "'" + arg.replace("'", "'\\''") + "'"


class Pane:
    """One app's session: its pictures waited on, its keys timed."""

    def __init__(self, tmux: Tmux, session: str) -> None:
        self.tmux = tmux
        self.session = session

    def quiet(self, shown: Callable[[str], bool], what: str,
              timeout: float = TIMEOUT) -> str:
        """Until the pane shows `shown` and stays unchanged for QUIET; the picture."""
        began = time.perf_counter()
        last, changed = "", began
        while True:
            now, picture = self.tmux.picture(self.session)
            if picture != last:
                last, changed = picture, now
            if shown(picture) and now - changed >= QUIET:
                return picture
            if now - began > timeout:
                raise BenchmarkError(f"terminal-steps: {what}: not shown and quiet within "
                                     f"{timeout:g} s; the pane:\n{text_of(picture)}")
            time.sleep(POLL)

    def timed(self, key: str, shown: Callable[[str], bool], what: str) -> float:
        """Seconds from just before `key` is sent to the first capture of the final
        picture (see the module)."""
        began = time.perf_counter()
        self.tmux.send(self.session, Key(key))
        changes: list[tuple[float, str]] = []
        last, changed = "", began
        final: str | None = None
        twins: set[str] = set()
        watch_until = 0.0
        while True:
            now, picture = self.tmux.picture(self.session)
            if picture != last:
                last = picture
                if final is not None and (picture == final or picture in twins
                                          or blink_of(picture, final)):
                    twins.add(picture)
                else:  # a change (before the final picture, or a late paint after it)
                    final, changed = None, now
                    twins.clear()
                    changes.append((now, picture))
            if final is None and shown(picture) and now - changed >= QUIET:
                final, watch_until = picture, now + BLINK_WATCH
            if final is not None and now >= watch_until:
                break
            if now - began > TIMEOUT:
                raise BenchmarkError(f"terminal-steps: {what}: no final picture within "
                                     f"{TIMEOUT:g} s; the pane:\n{text_of(picture)}")
            time.sleep(POLL)
        twins.add(final)
        first = next(when for when, picture in changes if picture in twins)
        return first - began


def _ready(pane: Pane, move: Move) -> None:
    """The page quiet, the keys that ready it, quiet again (untimed)."""
    here = shows(move.source)
    pane.quiet(here, f"{move.source} before its step")
    if move.ready:
        for key in move.ready:
            pane.tmux.send(pane.session, key)
        pane.quiet(here, f"{move.source} readied")


def _bare_push(pane: Pane) -> tuple[float, float]:
    """The bare push timed, its pane's polling CPU (a share of a core) while timed;
    popped after, untimed."""
    tmux = pane.tmux
    cpu, began = tmux.cpu(), time.perf_counter()
    seconds = pane.timed("Enter", shows_text(TRIVIAL_TEXT), "bare push")
    share = (tmux.cpu() - cpu) / (time.perf_counter() - began)
    tmux.send(pane.session, Key("Escape"))
    return seconds, share


def shows_text(text: str) -> Callable[[str], bool]:
    return lambda picture: text in text_of(picture)


def _idle_share(pane: Pane) -> float:
    """The share of a core tmux and this process use while the pane is polled for
    QUIET, the app sitting still on its first screen."""
    tmux = pane.tmux
    pane.quiet(shows_text(BARE_TEXT), "the bare app before its push")
    cpu, began = tmux.cpu(), time.perf_counter()
    pane.quiet(lambda _: True, "the bare app sitting still")
    return (tmux.cpu() - cpu) / (time.perf_counter() - began)


def measure(context: Context, steps: int, warm_up: bool, say: Say) -> Runs:
    moves = plan(steps)
    first_page = restart_code()
    # The panes' TERM is tmux's default-terminal (CONFIG); this one is the clients'.
    env = terminal_env(str(context.home), {"ECF_TUI_PROFILES": ""})
    tmux = Tmux(context.home, env)
    runs: Runs = {label: [] for label in LABELS}
    try:
        tmux.new_session("ecf", [*ecf_tui(), "run", COURT], context.home)
        tmux.new_session("bare", [sys.executable, "-m", "benchmarks.bare_push_app"], ROOT)
        ours, bare = Pane(tmux, "ecf"), Pane(tmux, "bare")
        for restart in (True, False) if warm_up else (False,):
            ours.quiet(shows(first_page), f"ecf-tui run {COURT}: its first screen",
                       START_TIMEOUT)
            bare.quiet(shows_text(BARE_TEXT), "the bare app's first screen", START_TIMEOUT)
            if restart:  # the warm-up: each started once to its first screen
                tmux.respawn("ecf")
                tmux.respawn("bare")
        for number, move in enumerate(moves, 1):
            if number > 1 and move.source == first_page and moves[number - 2].target != \
                    first_page:
                tmux.send("ecf", Key("C-r"))  # Start over, untimed
            _ready(ours, move)
            step = ours.timed(move.key, shows(move.target), f"{move.source} -> {move.target}")
            runs[OURS].append({MILLISECONDS.key: step * 1000})
            idle = _idle_share(bare)
            seconds, share = _bare_push(bare)
            runs[BARE].append({MILLISECONDS.key: seconds * 1000, CPU.key: share * 100})
            runs[POLLING].append({CPU.key: idle * 100})
            say(f"terminal-steps: step {number}/{len(moves)} {move.target}: "
                f"{step * 1000:.0f} ms, bare push {seconds * 1000:.0f} ms")
        for session in ("ecf", "bare"):
            tmux.send(session, Key("C-q"))
    finally:
        tmux.close()
    return runs


def collect(context: Context, pairs: int, warm_up: bool, say: Say) -> Runs:
    """STEPS pairs (under --quick, no warm-up: `pairs`)."""
    return measure(context, STEPS if warm_up else pairs, warm_up, say)
