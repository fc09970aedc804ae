"""Transcripts: `ecf-tui transcript` writes every screen of a walk as the app shows it
(password fields masked) and the actions between them; `ecf-tui replay` runs it again
and names the first line that differs.

Every help-desk scenario at every court it is bound to is written and replayed with
ECF_TUI_LONG=1 (64 walks: four minutes on two cores; the scenarios are read when the
tests are collected, so new ones are tested as they come); the default suite takes four
short ones that reach a dialog, the login page's notices, a failed login and the front
matter.
A court text changed in an override profile makes a replay fail at that text's line;
a malformed transcript is one paragraph (exit 2); a password typed into a form is never
in a transcript, and `--actions` cannot carry typed text."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from ecf_tui import engine
from ecf_tui.cli import main
from ecf_tui.court.errors import UserError
from ecf_tui.flows import codebook
from ecf_tui.helpdesk import loading
from ecf_tui.registry.loading import Registry, registry
from ecf_tui.transcripts import format as fmt
from ecf_tui.transcripts.commands import replay_command, transcript_command
from ecf_tui.transcripts.record import record

from .test_sentinel import encodings

SIZE = (100, 30)
SENTINEL = "Zq7-séntinel-PW"


LONG = os.environ.get("ECF_TUI_LONG") == "1"
SHORT = {("MSSB", "cmecf-login-on-pacer-login"), ("CASB", "login-cookies"),
         ("MSSB", "forgot-pacer-password"), ("MOEB", "court-not-live")}


def _bound() -> list[object]:
    """(court, scenario id) of every scenario bound to a court (the default suite: SHORT);
    a scenario folder that does not load is one failing case naming the problem."""
    try:
        bound = loading.load(registry(env={})).bound
    except UserError as problem:
        return [pytest.param("-", problem.paragraph(), id="scenarios-load")]
    return [pytest.param(b.court, b.scenario.id, id=f"{b.court}-{b.scenario.id}")
            for b in bound if LONG or (b.court, b.scenario.id) in SHORT]


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(("court", "scenario"), _bound())
def test_transcript_then_replay_passes(reg: Registry, tmp_path: Path, court: str,
                                       scenario: str) -> None:
    assert court != "-", scenario  # the scenarios did not load: the paragraph says why
    path = tmp_path / "t.txt"
    out = io.StringIO()
    assert transcript_command(reg, court, scenario, None, None, path, SIZE, out) == 0, \
        out.getvalue()
    text = path.read_text(encoding="utf-8")
    made = fmt.parse(text, path)
    assert fmt.to_text(made) == text  # writing and reading go both ways
    bound = loading.load(reg).get(court, scenario)
    assert made.scenario == scenario
    assert made.start == codebook.code(bound.profile, bound.walk.states[0])
    assert made.actions == tuple(a.id for a in bound.walk.actions)
    assert made.screens[-1].code == bound.code  # it ends at the caller's screen
    out = io.StringIO()
    assert replay_command(reg, path, out) == 0, out.getvalue()
    assert out.getvalue().count("\n") == 1 and "passed" in out.getvalue()


# -- the command line ------------------------------------------------------


@pytest.fixture(scope="module")
def casb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """CASB's first two screens (before-you-begin, then Begin: the court's home page),
    written by the command line with the built-in courts."""
    path = tmp_path_factory.mktemp("casb") / "casb.txt"
    code, out, err = cli("transcript", "CASB", "--actions", "begin", "--out", str(path))
    assert code == 0, err
    assert str(path) in out and "2 screen(s), 1 action(s)" in out
    assert [p.name for p in path.parent.iterdir()] == ["casb.txt"]  # no temporary left
    return path


def test_the_format_reads_as_a_person_reads_it(casb: Path) -> None:
    lines = casb.read_text(encoding="utf-8").splitlines()
    assert lines[:4] == [fmt.FIRST_LINE, "court: CASB", "start: CASB/happy/before-you-begin",
                         "size: 100x30"]
    first = lines.index("=== screen 1: CASB/happy/before-you-begin")
    assert lines[first + 1].startswith("| CASB · ")
    action = lines.index("--> begin")
    assert action == first + 1 + SIZE[1] + 1  # the rows, a blank line, the action
    assert lines[action + 1] == "=== screen 2: CASB/happy/home"
    assert len(lines) == action + 2 + SIZE[1]
    assert all(line == line.rstrip() for line in lines)


def test_replay_passes_with_the_courts_unchanged(casb: Path) -> None:
    code, out, err = cli("replay", str(casb))
    assert (code, err) == (0, "")
    assert out == (f"{casb}: the same 2 screen(s) after 1 action(s), "
                   "CASB/happy/before-you-begin at 100x30: passed.\n")


def test_a_court_text_changed_in_an_override_fails_at_its_line(casb: Path, court_copy) -> None:
    toml = court_copy("CASB")
    text = toml.read_text(encoding="utf-8")
    old = 'address = "www.casb.uscourts.gov"'
    assert old in text
    toml.write_text(text.replace(old, 'address = { text = "www.casb.example.test", '
                                      'source = "simulator" }'), encoding="utf-8")
    code, out, err = cli("--profiles", str(toml.parent), "replay", str(casb))
    assert (code, err) == (1, "")
    assert out.count("\n") == 1
    where, _, said = out.partition(": ")
    file, _, line = where.rpartition(":")
    assert file == str(casb)
    changed = casb.read_text(encoding="utf-8").splitlines()[int(line) - 1]
    assert "Address: www.casb.uscourts.gov" in changed  # the line is the changed text's
    assert said.startswith(f'the transcript has "{changed}" where the app now shows "')
    assert "Address: www.casb.example.test" in said
    assert "(screen 2, CASB/happy/home, row 5)" in said


def test_an_action_the_app_no_longer_offers_there_fails_at_its_line(casb: Path,
                                                                    tmp_path: Path) -> None:
    text = casb.read_text(encoding="utf-8").replace("--> begin", "--> follow:Nowhere")
    path = tmp_path / "edited.txt"
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("--> follow:Nowhere") + 1
    code, out, err = cli("replay", str(path))
    assert (code, err) == (1, "")
    assert out.startswith(f'{path}:{line}: the transcript has "--> follow:Nowhere" where '
                          "the app now offers only begin")


def _broken(casb: Path, tmp_path: Path, old: str | None, new: str | None) -> Path:
    """The transcript with `old` replaced by `new` (None: its last line taken off)."""
    text = casb.read_text(encoding="utf-8")
    if old is None or new is None:
        text = "".join(text.splitlines(keepends=True)[:-1])
    else:
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / "broken.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("old", "new", "line", "said"), [
    ("ecf-tui transcript 1\n", "ecf-tui transcript 9\n", 1, "a version this ecf-tui"),
    ("ecf-tui transcript 1\n", "hello\n", 1, "not an ecf-tui transcript"),
    ("size: 100x30\n", "", 6, "the header has no 'size' line"),
    ("size: 100x30\n", "size: wide\n", 4, "'wide' is not a terminal size"),
    ("court: CASB\n", "court: CASB\ncolour: blue\n", 3, "not a line of a transcript's header"),
    ("--> begin\n", "--> frobnicate\n", 40, "action 1 is not an action of CASB"),
    ("--> begin\n", "--> begin\n--> begin\n", 41, "an action is here where a screen's"),
    ("=== screen 2:", "=== screen 3:", 41, "screen 3 is here where screen 2 comes next"),
    (None, None, 71, "screen 2 has 29 rows where the size says 30"),
])
def test_a_malformed_transcript_is_one_paragraph(casb: Path, tmp_path: Path, old: str | None,
                                                 new: str | None, line: int, said: str) -> None:
    path = _broken(casb, tmp_path, old, new)
    code, out, err = cli("replay", str(path))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "Traceback" not in err and "Fix: " in err
    assert err.startswith(f"ecf-tui: {path}, line {line}: "), err
    assert said in err


def test_an_unknown_court_or_a_missing_file_is_one_paragraph(casb: Path,
                                                             tmp_path: Path) -> None:
    path = _broken(casb, tmp_path, "court: CASB\nstart: CASB/", "court: XXNB\nstart: XXNB/")
    code, _, err = cli("replay", str(path))
    assert code == 2 and err.count("\n") == 1
    assert err.startswith(f"ecf-tui: {path}, line 2: unknown court 'XXNB'.")
    code, _, err = cli("replay", str(tmp_path / "none.txt"))
    assert code == 2 and err.count("\n") == 1 and "none.txt" in err


@pytest.mark.parametrize(("argv", "said"), [
    (["XXNB"], "unknown court 'XXNB'"),
    (["CASB/happy/nowhere"], "no state of CASB has the code 'CASB/happy/nowhere'"),
    (["CASB", "--at", "pacer-login"], "--at goes with --scenario"),
    (["CASB", "--scenario", "no-such-thing"], "no scenario is called 'no-such-thing'"),
    (["CASB/happy/home", "--scenario", "menus-not-shown"], "goes with a court"),
    (["CASB", "--scenario", "menus-not-shown", "--actions", "begin"], "give one"),
    (["CASB", "--scenario", "menus-not-shown", "--at", "nowhere"], "has no step 'nowhere'"),
    (["CASB", "--actions", "begin,follow:Nowhere"], "action 2 'follow:Nowhere' is not "
                                                    "offered at CASB/happy/home"),
    (["CASB", "--actions", "begin,nowhere"], "action 2 (not shown: it is none of the court's"),
    (["CASB", "--actions", "begin,"], "--actions ends with a comma"),
    (["CASB", "--size", "20x5"], "smaller than the simulator's 80x24"),
])
def test_bad_options_are_one_paragraph_and_write_nothing(tmp_path: Path, argv: list[str],
                                                         said: str) -> None:
    path = tmp_path / "t.txt"
    code, out, err = cli("transcript", *argv, "--out", str(path))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and said in err, err
    assert not path.exists()


def test_a_scenario_at_a_step(reg: Registry, tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    code, _, err = cli("transcript", "MOEB", "--scenario", "menus-not-shown", "--at",
                       "pacer-login", "--out", str(path))
    assert code == 0, err
    made = fmt.parse(path.read_text(encoding="utf-8"), path)
    assert (made.scenario, made.at) == ("menus-not-shown", "pacer-login")
    assert made.screens[-1].code == "MOEB/happy/pacer-login"
    assert made.actions[0] == "begin" and len(made.actions) == 3


# -- nothing typed into a password field is written --------------------------


def leaked(text: str) -> list[bytes]:
    data = text.encode()
    return [form for form in encodings(SENTINEL) if form in data]


@pytest.mark.parametrize(("code", "typed"), [
    ("CASB/happy/pacer-login", engine.login("someone", SENTINEL)),
    ("CASB/happy/link-form", engine.submit_link("someone", SENTINEL)),
])
def test_a_password_typed_into_a_form_is_never_in_the_transcript(
        reg: Registry, tmp_path: Path, code: str, typed: engine.Action) -> None:
    profile = reg.load("CASB")
    start = codebook.codebook(profile).state(code)
    assert start is not None
    made = record(reg, start, [typed], SIZE)
    # The form was captured filled in, the password field masked, before it was sent;
    # the action is written as the account the credentials matched.
    filled, after = made.steps[0].screens
    assert filled.filled and filled.code == code and not after.filled
    assert any("someone" in row for row in filled.rows)
    assert any("•" * len(SENTINEL) in row for row in filled.rows)
    assert made.actions == (f"{typed.name}:{engine.INVALID}",)
    text = fmt.to_text(made)
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    assert leaked(path.read_text(encoding="utf-8")) == []
    assert leaked(repr(made)) == []


def test_actions_cannot_carry_typed_text(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    start = ["transcript", "CASB/happy/pacer-login", "--out", str(path), "--actions"]
    for given in ("login", f"login:someone:{SENTINEL}", f"login:{SENTINEL}",
                  f"submit:cmecf:{SENTINEL}", SENTINEL):
        code, out, err = cli(*start, given)
        assert (code, out) == (2, "") and err.count("\n") == 1, err
        assert "action 1 " in err and "is not offered at CASB/happy/pacer-login" in err
        assert "login:pacer:individual" in err  # what is offered is said
        assert leaked(err) == [], err
        assert not path.exists()
    # The practice account's id is resolved: the profile's credentials are typed, and
    # the file shows the form filled in with the password masked.
    code, _, err = cli(*start, "login:pacer:individual")
    assert code == 0, err
    made = fmt.parse(path.read_text(encoding="utf-8"), path)
    assert made.actions == ("login:pacer:individual",)
    filled = made.steps[0].screens[0]
    assert filled.filled and filled.code == "CASB/happy/pacer-login"
    password = engine.own_accounts(registry(env={}).load("CASB"))[0].password
    masked = [row for row in filled.rows if "•" * len(password) in row]
    assert len(masked) == 1 and password not in masked[0]
    assert made.screens[-1].code.startswith("CASB/happy/")  # logged in, the way went on
    # A hand-edited transcript's login that is not an account is refused unrepeated.
    text = path.read_text(encoding="utf-8").replace("--> login:pacer:individual",
                                                    f"--> login:{SENTINEL}")
    path.write_text(text, encoding="utf-8")
    code, out, err = cli("replay", str(path))
    assert (code, out) == (2, "") and "names no account" in err
    assert leaked(err) == []
