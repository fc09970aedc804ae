"""`ecf-tui validate` reports every problem at once, each one paragraph with the file,
the place (line and column, or the field) and the fix, exit 2; `--format json` gives
the same to tools. One test per check, each with a profile broken that way."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from ecf_tui.cli import main
from ecf_tui.registry.loading import builtin_dir


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    os.environ.pop("ECF_TUI_PROFILES", None)
    return main(list(argv), out, err), out.getvalue(), err.getvalue()


def problems(*argv: str) -> list[dict[str, Any]]:
    code, out, err = run("validate", *argv, "--format", "json")
    assert code == 2 and err == "", err
    report = json.loads(out)
    assert report["ok"] is False
    return [p for f in report["files"] for p in f["problems"]]


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def add_lost_step(path: Path, title: str, back_to: str) -> None:
    """An info page no link leads to, before the confirm step."""
    edit(path, "[steps.confirm]\n",
         f'[steps.lost]\nkind = "info"\ntitle = {title}\n'
         f'back_label = {{ text = "Back", source = "simulator" }}\nback_to = "{back_to}"\n\n'
         "[steps.confirm]\n")


def test_three_problems_in_one_file_are_all_reported_at_once(court_copy) -> None:
    path = court_copy("CASB")
    edit(path, "guide_title =", "guide_titel =")  # a misspelt key (so the right one is missing)
    edit(path, 'address = "www.casb.uscourts.gov"', "address = 42")  # a wrong type
    edit(path, 'start = "before-you-begin"\n', "")  # a missing field
    code, out, err = run("validate", str(path))
    assert code == 2 and out == "" and "Traceback" not in err
    assert "(3 more problem(s) below.)" in err and len(err.strip().splitlines()) == 4
    found = problems(str(path))
    assert len(found) == 4 and all(p["file"] == str(path) and p["fix"] for p in found)
    misspelt = next(p for p in found if "guide_titel" in p["problem"])
    assert misspelt["problem"] == "unknown key 'guide_titel'."
    assert (misspelt["line"], misspelt["column"]) == (10, 1)
    assert misspelt["field"] == "about.guide_titel"
    assert "did you mean 'guide_title'?" in misspelt["fix"]
    missing = next(p for p in found if "'start' is missing" in p["problem"])
    assert missing["problem"] == ("the key 'start' is missing: the procedure's first step, "
                                  "by its id in `steps`.")
    # Where a top-level key goes: above the first table ([about]), or it would be that table's.
    assert (missing["field"], missing["line"], missing["column"]) == ("start", 9, 1)
    assert missing["fix"].startswith("add start = ... there, with the other top-level keys")
    wrong = next(p for p in found if p["field"] == "steps.home.address")
    assert wrong["line"] == 24 and wrong["problem"] == "is not a text."
    assert wrong["fix"].startswith('write the words in quotes ("..."), or { text = "...", ')
    assert "42" not in wrong["problem"], "an input's value is never echoed"


def test_an_extends_loop_names_the_key_and_the_fix(tmp_path: Path) -> None:
    folder = tmp_path / "p"
    (folder / "guides").mkdir(parents=True)
    shutil.copy(builtin_dir() / "guides" / "CASB.txt", folder / "guides")
    shutil.copy(builtin_dir() / "CASB.toml", folder)
    (folder / "_a.toml").write_text('extends = "_b"\n', encoding="utf-8")
    (folder / "_b.toml").write_text('extends = "_a"\n', encoding="utf-8")
    edit(folder / "CASB.toml", 'extends = "_base"', 'extends = "_a"')
    [found] = problems(str(folder / "CASB.toml"))
    assert "makes a loop" in found["problem"] and found["line"] is not None
    assert found["fix"] == "remove the loop."


def test_a_court_in_two_profile_folders_is_a_problem(tmp_path: Path) -> None:
    for name in ("one", "two"):
        (tmp_path / name / "guides").mkdir(parents=True)
        shutil.copy(builtin_dir() / "guides" / "CASB.txt", tmp_path / name / "guides")
        shutil.copy(builtin_dir() / "CASB.toml", tmp_path / name)
    code, out, err = run("--profiles", str(tmp_path / "one"), "--profiles",
                         str(tmp_path / "two"), "validate")
    assert code == 2
    assert f"{tmp_path / 'two' / 'CASB.toml'}, file name: the court CASB is also defined " \
           f"in {tmp_path / 'one' / 'CASB.toml'}" in err
    assert "Fix: keep one profile per court" in err


def test_a_step_nobody_reaches_and_a_trap(court_copy) -> None:
    path = court_copy("CASB")
    add_lost_step(path, '{ text = "Lost", source = "simulator" }', "lost")
    found = problems(str(path))
    [lost] = [p for p in found if p["field"] == "steps.lost"]
    assert lost["problem"] == "cannot be reached from the start." and lost["line"] is not None
    assert lost["fix"] == "link to it from another step, or remove it."
    # Now reachable from the link form's help link, and a trap: its way back is itself.
    path2 = court_copy("CANB")
    edit(path2, "[steps.confirm]\n",
         '[steps.cmecf-help]\nback_to = "cmecf-help"\n\n[steps.confirm]\n')
    found = problems(str(path2))
    trap = next(p for p in found if "is a trap" in p["problem"])
    assert trap["field"] == "steps.cmecf-help" and "reaches no end" in trap["problem"]
    assert trap["fix"] == "give the step a way on or back."


def test_an_action_that_leads_nowhere(court_copy) -> None:
    path = court_copy("CASB")
    edit(path, 'to = "pacer-login" }', 'to = "pacer-logn" }')
    [found] = problems(str(path))
    assert found["field"] == "steps.home.links[0].to" and found["line"] is not None
    assert "names a step 'pacer-logn'" in found["problem"]
    assert "pacer-login" in found["fix"]


def test_a_guide_file_that_is_not_there_is_refused_at_load(court_copy) -> None:
    """Found at load, not when the help desk's panel (F3) first quotes it: that crashed."""
    path = court_copy("CASB")
    (path.parent / "guides" / "CASB.txt").unlink()
    [found] = problems(str(path))
    assert found["field"] == "guide" and found["line"] == 7
    assert "its guide 'guides/CASB.txt' is not there" in found["problem"]
    assert "put the court's guide text there" in found["fix"]
    code, out, err = run("--profiles", str(path.parent), "run", "CASB")
    assert code == 2 and "is not there" in err and "Traceback" not in err


def test_a_profile_and_guide_saved_with_a_byte_order_mark_validate(court_copy) -> None:
    """As Windows' Notepad saves UTF-8: the mark is not part of the first key or line."""
    path = court_copy("CASB")
    guide = path.parent / "guides" / "CASB.txt"
    for file in (path, guide):
        file.write_bytes(b"\xef\xbb\xbf" + file.read_bytes())
    code, out, err = run("--profiles", str(path.parent), "validate", str(path))
    assert code == 0 and out.startswith("ok    CASB"), err


def test_thousands_of_unquoted_texts_are_capped_at_fifty(court_copy) -> None:
    """Each problem is placed in the file; a profile of invented texts lists the first
    fifty and how many more, as schema and flow problems do."""
    path = court_copy("CASB")
    texts = ", ".join(f'"Invented sentence number {n}."' for n in range(60))
    edit(path, "warnings = [", f"warnings = [{texts}, ")
    found = problems(str(path))
    assert len(found) == 51, len(found)
    assert found[-1]["problem"] == "10 more problems, not listed."
    assert all("does not contain it" in p["problem"] for p in found[:50])


def test_a_text_quoting_a_court_not_known_names_the_text(court_copy) -> None:
    path = court_copy("CASB")
    edit(path, "warnings = [", 'warnings = [{ text = "Something.", quoted_from = "ZZZZ" }, ')
    [found] = problems(str(path))
    assert found["field"] == "about.warnings[0]" and found["line"] == 15
    assert found["problem"] == "quotes the guide of 'ZZZZ', a court not known here."
    assert found["fix"].startswith("use one of: ALNB, CANB, CASB, MOEB, MSSB")


def test_a_broken_flow_and_an_unquoted_text_are_reported_together(court_copy) -> None:
    path = court_copy("CASB")
    add_lost_step(path, '"Nowhere in the guide"', "home")
    found = problems(str(path))
    assert any(p["problem"] == "cannot be reached from the start." for p in found)
    [unquoted] = [p for p in found if "Nowhere in the guide" in p["problem"]]
    assert "marked as the guide's own but CASB's guide does not contain it" in unquoted["problem"]
    assert unquoted["file"] == str(path) and unquoted["field"] == "steps.lost.title"
    assert unquoted["line"] is not None and "source = \"simulator\"" in unquoted["fix"]


def line_of(path: Path, text: str) -> int:
    """The line of the file that holds `text`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if text in line)


def test_schema_flow_and_guide_problems_of_one_file_come_in_one_run(court_copy) -> None:
    """Issue 29, point 5. A schema problem left no profile, so the step a link names and
    the texts against the guide were checked only once it was fixed, a run later. Now
    the pieces the schema accepts are checked too: `guide_step = 987654` costs its own
    field, not the links of its step, nor the other steps' texts."""
    path = court_copy("CASB")
    edit(path, 'to = "pacer-login" }', 'to = "pacer-logon" }')  # steps.home: a link to no step
    edit(path, "[steps.home]\n", "[steps.home]\nguide_step = 987654\n")  # and a number
    edit(path, "[steps.utilities]\n", '[steps.utilities]\nguide_step = "Step 99"\n')  # no guide's
    code, out, err = run("validate", str(path))
    assert code == 2 and out == "" and "Traceback" not in err
    assert "987654" not in err, "an input's value is never echoed"
    paragraphs = err.strip().splitlines()
    assert len(paragraphs) == 3 and "(2 more problem(s) below.)" in paragraphs[0]
    assert all(f"{path}, line " in p and " Fix: " in p for p in paragraphs), paragraphs
    found = {p["field"]: p for p in problems(str(path))}
    assert set(found) == {"steps.home.guide_step", "steps.home.links[0].to",
                          "steps.utilities.guide_step"}
    number, link, text = found.values()
    assert number["problem"] == "is not a text." and "in quotes" in number["fix"]
    assert (number["line"], number["column"]) == (line_of(path, "guide_step = 987654"), 1)
    assert link["problem"] == "names a step 'pacer-logon' that the profile does not have."
    assert link["line"] == line_of(path, '"pacer-logon"') and "pacer-login" in link["fix"]
    assert text["problem"] == ("the text \"Step 99\" is marked as the guide's own but CASB's "
                               "guide does not contain it.")
    assert text["line"] == line_of(path, '"Step 99"') and "source = \"simulator\"" in text["fix"]
    assert all(p["file"] == str(path) and p["column"] == 1 for p in found.values())


def test_a_link_to_no_step_and_a_misquoted_text_come_together(court_copy) -> None:
    """A profile the schema accepts, with a link to no step: its texts were left
    unchecked, as the flow checks had failed."""
    path = court_copy("CASB")
    edit(path, 'to = "pacer-login" }', 'to = "pacer-logon" }')
    edit(path, "[steps.utilities]\n", '[steps.utilities]\nguide_step = "Step 99"\n')
    found = problems(str(path))
    assert [p["field"] for p in found] == ["steps.home.links[0].to", "steps.utilities.guide_step"]
    assert all(p["line"] is not None and p["fix"] for p in found)


def test_a_step_of_a_misspelt_kind_still_has_its_links_and_texts_checked(court_copy) -> None:
    """Its kind's model is not known, so its fields are checked as any kind's."""
    path = court_copy("CASB")
    edit(path, 'kind = "site"', 'kind = "sight"')
    edit(path, 'to = "pacer-login" }', 'to = "pacer-logon" }')
    edit(path, 'picture = ["Click Document Filing System for your court"]',
         'picture = ["Click the Filing System"]')
    found = problems(str(path))
    assert [(p["field"], p["problem"].split(":")[0]) for p in found] == [
        ("steps.home", "a step needs a known kind."),
        ("steps.home.links[0].to", "names a step 'pacer-logon' that the profile does not have."),
        ("steps.home.picture[0]", 'the text "Click the Filing System" is marked as the guide\'s '
                                  "own but CASB's guide does not contain it."),
    ]


@pytest.mark.parametrize(("court", "table", "holds"), [
    ("MOEB", "refresh", "with instruction (the guide's words on refreshing); and, where need "
                        "be, menu_items, ways, clear_cache_keys"),
    ("CASB", "about", "with guide_title (the guide's own title); and, where need be, "
                      "sections, intro, go_live, ready"),
])
def test_a_missing_table_says_what_goes_in_it_and_where(court_copy, court: str, table: str,
                                                       holds: str) -> None:
    """It said "the key 'refresh' is missing. Fix: add refresh = ... there.", at no line.
    Now: which table, what it is for and holds (its required keys first, from the
    model's docstrings), at the line after the file's last, where a new table goes."""
    path = court_copy(court)
    text = path.read_text(encoding="utf-8")
    start = text.index(f"\n[{table}]\n") + 1
    end = text.index("\n[", start) + 1
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    found = problems(str(path))
    [missing] = [p for p in found if p["field"] == table]
    assert missing["problem"].startswith(f"the table [{table}] is missing: ")
    assert missing["file"] == str(path) and missing["column"] == 1
    assert missing["line"] == len(path.read_text(encoding="utf-8").splitlines()) + 1
    assert missing["place"].endswith(f"(field {table}, at the end of the file)")
    assert missing["fix"].startswith(f"add it there: [{table}] {holds}"), missing["fix"]
    code, _, err = run("validate", str(path))
    assert code == 2 and "Traceback" not in err


@pytest.fixture
def scenario_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "desk"
    (folder / "scenarios").mkdir(parents=True)
    return folder


@pytest.mark.parametrize(("change", "says", "field"), [
    ('[courts.MSSB]', "names the court 'XXXX', which is not known", "courts.XXXX"),
    ('moves = ["guide until confirm"]', "has no step 'confirmm'", "moves"),
    ('accounts = { cmecf = "colleague" }', "the CM/ECF account 'coleague' is not one of its",
     "accounts"),
])
def test_a_scenario_naming_an_unknown_court_step_or_account(scenario_folder: Path, change: str,
                                                           says: str, field: str) -> None:
    source = builtin_dir() / "scenarios" / "names-differ.toml"
    path = scenario_folder / "scenarios" / "names-differ.toml"
    text = source.read_text(encoding="utf-8")
    broken = {
        "[courts.MSSB]": "[courts.XXXX]",
        'moves = ["guide until confirm"]': 'moves = ["guide until confirmm"]',
        'accounts = { cmecf = "colleague" }': 'accounts = { cmecf = "coleague" }',
    }[change]
    assert change in text
    path.write_text(text.replace(change, broken, 1), encoding="utf-8")
    code, out, err = run("--profiles", str(scenario_folder), "validate", "--format", "json")
    assert code == 2, out
    report = json.loads(out)
    [mine] = [f for f in report["files"] if f["file"] == str(path)]
    assert mine["kind"] == "scenario" and not mine["ok"]
    assert any(says in p["problem"] for p in mine["problems"]), mine["problems"]
    assert all(p["fix"] and p["field"] == field for p in mine["problems"])
    code, _, err = run("--profiles", str(scenario_folder), "validate")
    assert code == 2 and str(path) in err and "Fix:" in err and "Traceback" not in err


def test_json_lists_every_file_with_its_summary_and_warnings() -> None:
    code, out, err = run("validate", "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    kinds = [f["kind"] for f in report["files"]]
    assert kinds.count("court") == 5 and kinds.count("scenario") >= 13
    assert all(f["ok"] and f["summary"].startswith("ok") for f in report["files"])
    assert all(f["warnings"] == [] for f in report["files"])
    assert re.match(r"ok    ALNB ", report["files"][0]["summary"])
