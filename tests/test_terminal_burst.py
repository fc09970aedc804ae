"""Auto-type and paste through a real terminal (tmux), not Pilot, which waits between
keys: a password manager's `login<Tab>password<Enter>` arrives in one burst, and so does
a bracketed paste. Each fills the right fields and submits, and the password never shows
in clear on the screen."""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Callable, Iterator

import pytest

from .terminal import Terminal

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None,
                                reason="needs Debian's tmux (.ci/run installs it)")

SENTINEL = "Xq7-burst-Sentinel"
"""A wrong password: what must never be on screen in clear."""


@pytest.fixture
def terminal() -> Iterator[Callable[[str], Terminal]]:
    opened: list[Terminal] = []

    def open_at(target: str) -> Terminal:
        opened.append(Terminal(target))
        return opened[-1]

    yield open_at
    for t in opened:
        t.close()


def _link_form(text: str) -> bool:
    return "CM/ECF password:" in text and "MSSB/happy/link-form" in text


def _login_row(text: str) -> str:
    """The page's part of the login field's row (the side panel is right of the ▏)."""
    return next(line for line in text.splitlines() if "CM/ECF login:" in line).split("▏")[0]


@pytest.mark.parametrize("how", ["auto-type", "paste into the login",
                                 "paste into the password"])
def test_a_burst_fills_the_right_fields_and_submits(terminal, how: str) -> None:
    term = terminal("MSSB/happy/link-form")
    term.wait_for(_link_form)
    term.settled()
    if how == "auto-type":
        term.type_burst("pond7\tecf-practice-1\r")
    elif how == "paste into the login":
        term.paste("pond7\tecf-practice-1\n")
    else:
        term.press("Tab")
        term.paste("pond7\tecf-practice-1\n")
    term.wait_for(lambda s: "Do you want to link these accounts?" in s)


@pytest.mark.parametrize("how", ["auto-type", "paste"])
def test_a_burst_never_shows_the_password_in_clear(terminal, how: str) -> None:
    term = terminal("MSSB/happy/link-form")
    term.wait_for(_link_form)
    term.settled()
    if how == "auto-type":
        term.type_burst(f"pond7\t{SENTINEL}\r")
    else:
        term.paste(f"pond7\t{SENTINEL}\n")
    # A wrong password: submitted, so the form again with the simulator's notice, the
    # login kept as typed, the password emptied (had the Tab been lost, the login field
    # would hold the password in clear).
    after = term.wait_for(lambda s: "MSSB/wrong-cmecf-login/link-form" in s
                          and "CM/ECF login:" in s)
    assert re.findall(r"\w+", _login_row(after).split("CM/ECF login:")[1]) == ["pond7"]
    for _ in range(5):
        term.screen()
        time.sleep(0.1)
    assert [s for s in term.screens if SENTINEL in s] == []
