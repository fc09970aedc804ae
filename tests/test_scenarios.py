"""The help desk's built-in scenarios (courts/scenarios/*.toml): each kind of call bound
to exactly the courts whose guides support it, each at the caller's screen; `ecf-tui
scenarios` listing, filtering and searching them; callers' own words finding the right
one; and a broken scenario file reported as one paragraph (exit 2), never a traceback."""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from ecf_tui.cli import main
from ecf_tui.helpdesk import loading, search
from ecf_tui.helpdesk.model import Scenario
from ecf_tui.registry.loading import Registry, builtin_dir

from .conftest import COURTS

ALL = frozenset(COURTS)

# Each kind of call: its scenario, the exact courts it is bound to (the courts whose
# guides speak of it; see each file's top comment), and the step of the caller's screen
# (a dict where a court's screen differs).
KINDS: dict[str, tuple[str, frozenset[str], str | dict[str, str]]] = {
    "CM/ECF credentials typed on the PACER login": (
        "cmecf-login-on-pacer-login", ALL,
        {"MSSB": "cmecf-dialog", "CASB": "pacer-login", "ALNB": "pacer-login",
         "CANB": "pacer-login", "MOEB": "pacer-login"}),
    "PACER User Inactive dialog": ("pacer-user-inactive", frozenset({"MSSB"}),
                                   "inactive-dialog"),
    "PACER account not upgraded": ("pacer-not-upgraded", ALL, "must-upgrade"),
    "shared firm PACER account": ("shared-firm-pacer",
                                  frozenset({"MSSB", "CASB", "CANB", "MOEB"}), "confirm"),
    "names on the confirm page don't match": ("names-differ", ALL, "confirm"),
    "menus did not appear after linking": ("menus-not-shown", ALL, "success"),
    "forgot the CM/ECF login or password": ("forgot-cmecf-login",
                                            frozenset({"MSSB", "CASB", "ALNB"}), "link-form"),
    "forgot the PACER password": ("forgot-pacer-password", frozenset({"MSSB"}),
                                  "pacer-login"),
    "CM/ECF for PACER only": ("pacer-only", frozenset({"MSSB", "CASB", "ALNB", "CANB"}),
                              "pacer-only"),
    "CM/ECF account already linked": ("cmecf-already-linked",
                                      frozenset({"MSSB", "CASB", "ALNB", "CANB"}), "link-form"),
    "the redaction notice at every login": ("redaction-every-login",
                                            frozenset({"MOEB", "MSSB"}), "redaction"),
    "did it work? (MOEB: the e-mail notification)": (
        "did-it-work", ALL,
        {"MSSB": "success", "CASB": "success", "ALNB": "success", "CANB": "success",
         "MOEB": "email"}),
    "the court is not live yet": ("court-not-live", ALL, "before-you-begin"),
    "logged in, not linked yet: only PACER Search": ("search-only-before-linking", ALL,
                                                    "main"),
    "can't find the link under Utilities": ("cannot-find-link", ALL, "utilities"),
    "the login won't go through: cookies": ("login-cookies", frozenset({"CASB", "CANB"}),
                                            "pacer-login"),
    "linked the wrong account: cannot be undone": (
        "linked-wrong-account", frozenset({"ALNB", "CASB", "CANB"}), "success"),
}

# What callers say, in words of our own (none a scenario's phrasing or title), with the
# scenario that must be among the first three found.
CALLERS = [
    ("I typed the password I always use for ECF on the pacer page and it won't take it",
     "cmecf-login-on-pacer-login"),
    ("a window came up wanting me to pick an account after I entered my filing credentials",
     "cmecf-login-on-pacer-login"),
    ("PACER says my user is not active", "pacer-user-inactive"),
    ("it's telling me my pacer account needs upgrading", "pacer-not-upgraded"),
    ("I set up my PACER account back in 2012, will it still work for this",
     "pacer-not-upgraded"),
    ("our whole office logs in to PACER with a single username", "shared-firm-pacer"),
    ("the confirm screen lists two different people", "names-differ"),
    ("still no bankruptcy menu after I connected everything", "menus-not-shown"),
    ("finished linking but there's no way to open a new case", "menus-not-shown"),
    ("no idea what my old electronic filing user id was", "forgot-cmecf-login"),
    ("I need to reset my PACER password", "forgot-pacer-password"),
    ("I only use it to read documents, do I need to link anything", "pacer-only"),
    ("it tells me that CM/ECF account was linked before", "cmecf-already-linked"),
    ("why does that redaction screen come up every single time", "redaction-every-login"),
    ("I never got a confirmation email about the link", "did-it-work"),
    ("is your court on NextGen yet, can I start linking", "court-not-live"),
    ("I logged in and there are only search options, nothing to file with",
     "search-only-before-linking"),
    ("where do I click to get to the linking form", "cannot-find-link"),
    ("the login page mentions cookies and won't let me through", "login-cookies"),
    ("how do I reverse a link I made by mistake", "linked-wrong-account"),
]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    saved = os.environ.pop("ECF_TUI_PROFILES", None)
    try:
        code = main(list(argv), out=out, err=err)
    finally:
        if saved is not None:
            os.environ["ECF_TUI_PROFILES"] = saved
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def listed() -> list[dict[str, Any]]:
    code, out, err = run("scenarios", "--format", "json")
    assert (code, err) == (0, "")
    return json.loads(out)


@pytest.fixture(scope="module")
def known(reg: Registry) -> list[Scenario]:
    """The built-in scenarios as read (the JSON test checks them played at their courts)."""
    return [loading.read(path) for path in loading.files(reg).values()]


def test_json_lists_every_scenario_with_courts_phrasings_and_codes(
        listed: list[dict[str, Any]]) -> None:
    files = sorted(p.stem for p in (builtin_dir() / "scenarios").glob("*.toml"))
    assert sorted(row["id"] for row in listed) == files
    assert len(listed) >= 13
    for row in listed:
        assert row["title"] and len(row["phrasings"]) >= 4, row["id"]
        assert row["courts"], row["id"]
        for court in row["courts"]:
            assert court["court"] in COURTS
            assert re.fullmatch(rf"{court['court']}/[a-z0-9-]+/[a-z0-9-]+(\+\S+)?",
                                court["code"]), court["code"]
            assert court["open"] == f"ecf-tui run {court['court']} --scenario {row['id']}"
            sources = {text["source"] for text in court["fix"]}
            # Every court bound gives the fix at least partly in its own guide's words.
            assert f"{court['court']} guide" in sources, (row["id"], court["court"])


def test_each_kind_is_bound_to_exactly_its_courts_at_the_callers_screen(
        listed: list[dict[str, Any]]) -> None:
    by_id = {row["id"]: row for row in listed}
    for kind, (scenario_id, courts, step) in KINDS.items():
        assert scenario_id in by_id, f"no scenario for {kind}"
        bound = {c["court"]: c["code"] for c in by_id[scenario_id]["courts"]}
        assert set(bound) == courts, (kind, sorted(bound))
        for court, code in bound.items():
            wanted = step[court] if isinstance(step, dict) else step
            assert code.split("+")[0].split("/")[2] == wanted, (kind, code)
    assert len({scenario_id for scenario_id, _, _ in KINDS.values()}) == len(KINDS)


COURT_ROW = re.compile(r"^    [A-Z]{4}\s+[A-Z]{4}/\S+$")
"""A court's row in `scenarios`' text: the court and the code of the caller's screen."""


def _block(out: str) -> list[str]:
    """The first scenario's lines of `scenarios`' text: to the next unindented line."""
    lines = out.splitlines()
    end = next((i for i, line in enumerate(lines[1:], 1) if line and not line[0].isspace()),
               len(lines))
    return lines[:end]


def test_search_finds_menus_not_shown_first_at_all_five() -> None:
    code, out, err = run("scenarios", "--search", "menus did not appear")
    assert (code, err) == (0, "")
    first = out.splitlines()[0]
    heading = " ".join(line.strip() for line in _block(out)[:2])
    assert first.startswith("menus-not-shown ") and "(score " in heading
    assert any(line.strip().startswith("callers say: ") for line in _block(out))
    rows = [line.split() for line in _block(out) if COURT_ROW.match(line)]
    assert sorted(court for court, _ in rows) == sorted(COURTS)
    assert all(code.startswith(f"{court}/linked/") for court, code in rows)


def test_a_district_courts_caller_missing_civil_and_criminal_finds_the_menus() -> None:
    """A district court's full menus are Civil and Criminal (docs/examples/XXDC)."""
    code, out, _ = run("scenarios", "--search", "the Civil and Criminal tabs aren't there")
    assert code == 0 and out.startswith("menus-not-shown "), out[:200]


def test_twenty_callers_one_or_more_for_every_kind() -> None:
    assert len({said.lower() for said, _ in CALLERS}) == 20
    assert {wanted for _, wanted in CALLERS} == {s for s, _, _ in KINDS.values()}


@pytest.mark.parametrize(("said", "wanted"), CALLERS, ids=[w for _, w in CALLERS])
def test_a_callers_words_find_the_scenario_in_the_top_three(
        known: list[Scenario], said: str, wanted: str) -> None:
    theirs = {" ".join(t.lower().split()) for s in known for t in (*s.phrasings, s.title)}
    assert " ".join(said.lower().split()) not in theirs
    ranked = [hit.scenario.id for hit in search.rank(known, said)]
    assert wanted in ranked[:3], f"{said!r}: {ranked[:3]}"


def test_a_court_lists_only_its_scenarios(listed: list[dict[str, Any]]) -> None:
    code, out, err = run("scenarios", "MOEB")
    assert (code, err) == (0, "")
    ids = {line.split()[0] for line in out.splitlines() if line and not line[0].isspace()}
    assert ids == {row["id"] for row in listed
                   if any(c["court"] == "MOEB" for c in row["courts"])}
    assert "pacer-user-inactive" not in ids and "redaction-every-login" in ids
    courts = {line.split()[0] for line in out.splitlines() if COURT_ROW.match(line)}
    assert courts == {"MOEB"}


def test_an_unknown_court_is_one_paragraph() -> None:
    code, out, err = run("scenarios", "XXNB")
    assert code == 2 and out == ""
    assert "Traceback" not in err and err.count("\n") == 1
    assert "XXNB" in err and "Fix:" in err


BROKEN = {
    "a move not offered": (
        'moves = ["guide until link-form", "submit:cmecf:nobody"]\n'
        '\n[courts.CASB]\nfix = ["Click Submit."]\n', "moves", "'submit:cmecf:nobody'"),
    "a fix text not in the guide": (
        'moves = ["guide until confirm"]\n'
        '\n[courts.CASB]\nfix = ["Verify the names. If they differ, call the court."]\n',
        "courts.CASB.fix[0]", "does not contain it"),
    "an unknown key": (
        'moves = ["guide until confirm"]\nseverity = "high"\n'
        '\n[courts.CASB]\nfix = ["Click Submit."]\n', "severity", "not permitted"),
}


@pytest.mark.parametrize("broken", BROKEN)
def test_a_broken_scenario_is_one_paragraph_naming_file_and_line(
        tmp_path: Path, broken: str) -> None:
    body, field, says = BROKEN[broken]
    path = tmp_path / "scenarios" / "x.toml"
    path.parent.mkdir()
    path.write_text('title = "A broken scenario"\nphrasings = ["one way", "another way"]\n'
                    + body, encoding="utf-8")
    code, out, err = run("--profiles", str(tmp_path), "scenarios")
    assert code == 2 and out == ""
    assert "Traceback" not in err
    assert err.count("\n") == 1, err
    assert str(path) in err and re.search(r", line \d+", err)
    assert field in err and says in err
