"""Exact state codes: each names one state, the same in every process, and every code
`paths` and `scenarios` print opens a state whose code is that code."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

from ecf_tui import engine
from ecf_tui.app import make_app
from ecf_tui.cli import main
from ecf_tui.flows import codebook, graph

from .conftest import COURTS


def _printed_codes(*args: str) -> list[str]:
    out = io.StringIO()
    assert main([*args], out=out, err=io.StringIO()) == 0
    return [line.strip() for line in out.getvalue().splitlines() if line.startswith("    ")]


@pytest.mark.parametrize("court", COURTS)
def test_each_state_has_one_code_and_each_code_one_state(profiles, court: str) -> None:
    profile = profiles[court]
    book = codebook.codebook(profile)
    states = graph.of(profile).states
    assert len({book.code(s) for s in states}) == len(states)
    for code, state in book:
        assert book.code(state) == code and code.startswith(engine.short_code(profile, state))


@pytest.mark.parametrize("court", COURTS)
def test_every_code_paths_prints_opens_its_state(reg, profiles, court: str) -> None:
    printed = _printed_codes("paths", court, "--codes")
    profile = profiles[court]
    book = codebook.codebook(profile)
    assert printed and printed[0] == f"{court}/happy/before-you-begin"
    for code in dict.fromkeys(printed):
        state = book.state(code)
        assert state is not None and codebook.code(profile, state) == code
    # The App opens it: `ecf-tui run CODE` (checked for a few; the rest share the lookup).
    for code in list(dict.fromkeys(printed))[::25]:
        app = make_app(reg, code)
        assert app.state is not None and codebook.code(profile, app.state) == code


def test_every_code_scenarios_print_opens_its_state(reg, profiles) -> None:
    out = io.StringIO()
    assert main(["scenarios", "--format", "json"], out=out, err=io.StringIO()) == 0
    for row in json.loads(out.getvalue()):
        for bound in row["courts"]:
            app = make_app(reg, bound["code"])
            assert app.state is not None
            assert codebook.code(profiles[bound["court"]], app.state) == bound["code"]


def test_a_short_code_names_the_state_fewest_moves_away(profiles) -> None:
    """MOEB's redaction page with the firm's account: first with the box clear (one move
    fewer than ticking it); ticked, it is named by the fact that differs."""
    moeb = profiles["MOEB"]
    book = codebook.codebook(moeb)
    plain = book.state("MOEB/firm-pacer/redaction")
    assert plain is not None and plain.pacer == "firm" and not plain.checked
    assert plain.linked is None
    ticked = book.state("MOEB/firm-pacer/redaction+ticked")
    assert ticked is not None and ticked.checked and ticked.pacer == "firm"
    confirm = book.state("MOEB/firm-pacer/confirm")
    assert confirm is not None and (confirm.pacer, confirm.cmecf) == ("firm", "filer")
    assert book.state("MOEB/nothing/here") is None


PRINT_CODES = ("import io, sys; from ecf_tui.cli import main; "
               "main(['paths', 'MSSB', '--codes']); main(['scenarios', '--format', 'json'])")


def test_codes_are_the_same_in_two_processes() -> None:
    """Two interpreters with different hash seeds print the same codes: no set or dict
    order leaks into which state a code names."""
    runs = []
    for seed in ("1", "2"):
        proc = subprocess.run([sys.executable, "-c", PRINT_CODES], capture_output=True,
                              text=True, env={**os.environ, "PYTHONHASHSEED": seed,
                                              "ECF_TUI_PROFILES": ""}, check=True)
        runs.append(proc.stdout)
    assert runs[0] == runs[1] and "MSSB/happy/redaction+ticked" in runs[0]
