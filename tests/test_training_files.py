"""Training's files: the result files of an attempt (record JSON and xAPI statements), the
progress store (SQLite), and the `progress` and `results` commands, with their errors
(exit 2, one paragraph naming the file, never the file's content)."""

from __future__ import annotations

import io
import json
import re
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ecf_tui.cli import main
from ecf_tui.court.errors import UserError
from ecf_tui.training import xapi
from ecf_tui.training.progress import ProgressStore, StoreUnavailable
from ecf_tui.training.record import AttemptRecord, Mode
from ecf_tui.training.results import check_results_folder, write_attempt

START = datetime(2024, 5, 1, 14, 3, 9, tzinfo=UTC)


def record(*, n: int = 1, trainee: str | None = "jane", court: str = "MSSB",
           mode: Mode = "assess", mistakes: int = 2, passed: bool | None = False,
           finished: bool = True, minutes: int = 1) -> AttemptRecord:
    """An attempt with `mistakes` mistakes of kind `firm-pacer` at `pacer-login`."""
    steps = [{"step": "front", "action": "open:login", "seconds": 5.2}]
    steps += [{"step": "pacer-login", "action": "login:pacer:firm", "seconds": 10.0,
               "mistake": "firm-pacer"} for _ in range(mistakes)]
    steps += [{"step": "pacer-login", "action": "login:pacer:individual", "seconds": 20.0}]
    rule = {"max_mistakes": 1} if mode == "assess" else None
    return AttemptRecord.model_validate({
        "id": f"{n:032x}", "version": "0.1.0", "court": court, "mode": mode,
        "trainee": trainee, "started": START + timedelta(hours=n),
        "ended": START + timedelta(hours=n, minutes=minutes, seconds=5.2),
        "steps": steps,
        "mistakes": [{"kind": "firm-pacer", "step": "pacer-login",
                      "explanation": "Logged in with a firm PACER account."}] * mistakes,
        "finished": finished, "reached": "refreshed" if finished else "pacer-login",
        "linked_right": finished, "pass_rule": rule,
        "passed": passed if mode == "assess" else None,
    })


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def _data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The progress store under tmp_path, never the user's own; no extra profiles."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("ECF_TUI_PROFILES", raising=False)
    return tmp_path / "data"


# --- result files -----------------------------------------------------------------------


def test_write_attempt_writes_a_record_that_round_trips_and_its_statements(
        tmp_path: Path) -> None:
    attempt = record(trainee="Jane Doe/../x", mistakes=2, passed=False)
    json_path, xapi_path = write_attempt(tmp_path, attempt)
    assert json_path.parent == xapi_path.parent == tmp_path
    assert json_path.name == "MSSB-assess-Jane-Doe----x-20240501T150309Z-00000000.json"
    assert xapi_path.name == json_path.name.removesuffix(".json") + ".xapi.json"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([json_path.name,
                                                                 xapi_path.name])
    assert AttemptRecord.model_validate_json(json_path.read_text()) == attempt

    statements = json.loads(xapi_path.read_text())
    assert isinstance(statements, list) and len(statements) == 1 + 2 + 1
    for statement in statements:
        assert statement["actor"]["account"] == {"homePage": "urn:ecf-tui",
                                                 "name": "Jane Doe/../x"}
        assert statement["verb"]["id"].startswith("http://adlnet.gov/expapi/verbs/")
        assert statement["object"]["id"].startswith("urn:ecf-tui:court:MSSB:link-accounts")
        assert statement["version"] == "1.0.3"
        assert statement["context"]["registration"] == "00000000-0000-0000-0000-000000000001"
        assert statement["context"]["extensions"] == {"urn:ecf-tui:mode": "assess"}
        assert statement["timestamp"].endswith("Z")
    assert len({s["id"] for s in statements}) == len(statements)
    verbs = [s["verb"]["id"].rsplit("/", 1)[1] for s in statements]
    assert verbs == ["attempted", "answered", "answered", "failed"]
    mistake = statements[1]
    assert mistake["object"]["id"].endswith("/step/pacer-login")
    assert mistake["result"]["success"] is False
    assert mistake["result"]["extensions"] == {"urn:ecf-tui:mistake": "firm-pacer"}
    # The first mistake: 5.2 s of the front page, then 10 s on the login page.
    assert mistake["timestamp"] == "2024-05-01T15:03:24.200Z"
    end = statements[-1]["result"]
    assert end["success"] is False and end["completion"] is True
    # Two mistakes where one is allowed: 1 - 2 / (1 + 1).
    assert end["score"] == {"scaled": 0.0, "raw": 2, "min": 0}
    assert end["duration"] == "PT1M5.2S"
    # Written again, the same statements (ids derive from the record id).
    assert xapi.statements(attempt) == statements


def test_the_last_verb_follows_the_outcome() -> None:
    def last(attempt: AttemptRecord) -> str:
        return str(xapi.statements(attempt)[-1]["verb"]["id"])

    assert last(record(mistakes=0, passed=True)).endswith("/passed")
    assert last(record(mistakes=2, passed=False)).endswith("/failed")
    assert last(record(mode="practice")).endswith("/completed")
    assert last(record(mode="practice", finished=False)).endswith("/terminated")
    clean = xapi.statements(record(mode="guided", mistakes=0))[-1]["result"]["score"]
    assert clean["scaled"] == 1.0
    # Outside assess, scaled as if three mistakes were allowed: 1 - 2 / 4.
    assert xapi.statements(record(mode="practice"))[-1]["result"]["score"]["scaled"] == 0.5


def test_anonymous_attempts_are_named_so() -> None:
    attempt = record(trainee=None)
    actor = xapi.statements(attempt)[0]["actor"]
    assert actor["name"] == "anonymous" and actor["account"]["name"] == "anonymous"


@pytest.mark.parametrize(("seconds", "text"), [
    (0, "PT0S"), (65.2, "PT1M5.2S"), (3600, "PT1H"), (3661.25, "PT1H1M1.25S"),
    (59.999, "PT1M"), (0.5, "PT0.5S"),
])
def test_durations_are_iso_8601(seconds: float, text: str) -> None:
    assert xapi.duration(seconds) == text


def test_a_results_path_that_is_a_file_is_refused(tmp_path: Path) -> None:
    # A file where the folder should be fails for root too (a chmod would not).
    taken = tmp_path / "results"
    taken.write_text("")
    with pytest.raises(UserError) as raised:
        check_results_folder(taken)
    assert str(taken) in raised.value.paragraph()
    assert "--results" in raised.value.paragraph()
    assert check_results_folder(tmp_path / "new" / "folder").is_dir()


# --- the progress store -------------------------------------------------------------------


def test_the_store_adds_lists_and_keeps_attempts(tmp_path: Path) -> None:
    path = tmp_path / "store" / "progress.sqlite3"
    first, second = record(n=1, passed=True, mistakes=0), record(n=2, court="CASB")
    anonymous = record(n=3, trainee=None, mode="practice")
    with ProgressStore.open(path) as store:
        for attempt in (second, first, anonymous):
            store.add(attempt)
        store.add(first)  # the same attempt again replaces its row
        assert store.attempts() == [first, second, anonymous]
        assert store.attempts("jane") == [first, second]
    with ProgressStore.open(path) as store:
        assert store.attempts("nobody") == []
        assert store.attempts() == [first, second, anonymous]
        rows = store.summary()
    assert [(r.trainee, r.court, r.mode, r.attempts, r.passes) for r in rows] == [
        ("jane", "CASB", "assess", 1, 0),
        ("jane", "MSSB", "assess", 1, 1),
        (None, "MSSB", "practice", 1, None),
    ]
    assert rows[1].last == first.started


def test_a_file_that_is_not_a_database_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    path.write_bytes(b"not a database" * 100)
    with pytest.raises(StoreUnavailable) as raised:
        ProgressStore.open(path)
    paragraph = raised.value.paragraph()
    assert str(path) in paragraph and "Fix:" in paragraph and "\n" not in paragraph
    assert path.read_bytes() == b"not a database" * 100


def test_a_database_of_another_shape_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE attempts (id TEXT)")
    other.close()
    with pytest.raises(StoreUnavailable, match="another shape") as raised:
        ProgressStore.open(path)
    assert str(path) in raised.value.paragraph()


def test_a_locked_store_is_reported_quickly(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    ProgressStore.open(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StoreUnavailable, match="locked") as raised:
            ProgressStore.open(path, timeout=0.1)
        assert str(path) in raised.value.paragraph()
    finally:
        holder.close()


def test_a_data_folder_that_cannot_be_made_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("")  # a file where the folder should be: fails for root too
    with pytest.raises(StoreUnavailable) as raised:
        ProgressStore.open(blocker / "ecf-tui" / "progress.sqlite3")
    assert str(blocker) in raised.value.paragraph()
    assert "--no-save" in raised.value.paragraph()


# --- the commands -------------------------------------------------------------------------


def test_progress_prints_the_store_as_json_text_and_csv(_data_home: Path) -> None:
    code, out, _ = cli("progress")
    assert code == 0 and len(out.splitlines()) == 1 and "No attempts" in out
    assert not (_data_home / "ecf-tui").exists()  # reading made no store

    with ProgressStore.open() as store:
        store.add(record(n=1, passed=True, mistakes=0))
        store.add(record(n=2, trainee="sam", court="CASB"))
    assert (_data_home / "ecf-tui" / "progress.sqlite3").is_file()

    code, out, err = cli("progress", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert sorted(a["id"] for a in data["attempts"]) == [f"{1:032x}", f"{2:032x}"]
    assert {(p["trainee"], p["court"], p["passes"]) for p in data["progress"]} == {
        ("jane", "MSSB", 1), ("sam", "CASB", 0)}

    code, out, _ = cli("progress", "--trainee", "sam", "--format", "json")
    assert [a["trainee"] for a in json.loads(out)["attempts"]] == ["sam"]

    code, out, _ = cli("progress")
    assert code == 0
    assert re.search(r"jane\s+MSSB\s+assess\s+1\s+1\s+1\s", out), out

    code, out, _ = cli("progress", "--format", "csv")
    assert out.splitlines()[0] == "trainee,court,mode,attempts,finished,passes,last"
    assert len(out.splitlines()) == 3


def test_progress_on_a_corrupt_store_exits_2_naming_it(_data_home: Path) -> None:
    path = _data_home / "ecf-tui" / "progress.sqlite3"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a database")
    code, out, err = cli("progress")
    assert code == 2 and out == ""
    assert str(path) in err and "Traceback" not in err and len(err.splitlines()) == 1


def test_results_summarises_a_class(tmp_path: Path) -> None:
    folder = tmp_path / "class"
    check_results_folder(folder)
    for attempt in (record(n=1, passed=True, mistakes=0), record(n=2, mistakes=2),
                    record(n=3, trainee="sam", court="CASB", mode="practice", mistakes=1)):
        write_attempt(folder, attempt)

    code, out, err = cli("results", str(folder))
    assert code == 0, err
    assert "3 attempt(s)." in out
    assert re.search(r"MSSB\s+2\s+2\s+1\s+50%", out), out
    assert re.search(r"firm-pacer\s+3\s+Logged in with a firm PACER account\.", out), out
    assert re.search(r"jane\s+MSSB\s+assess\s+passed\s+0", out), out

    code, out, _ = cli("results", str(folder), "--format", "json")
    data = json.loads(out)
    assert data["files"] == 3
    assert {c["court"]: c["pass_rate"] for c in data["courts"]} == {"CASB": None,
                                                                     "MSSB": 0.5}
    assert data["mistakes"][0] == {"kind": "firm-pacer", "count": 3,
                                   "explanation": "Logged in with a firm PACER account."}
    assert [(t["trainee"], t["outcome"]) for t in data["trainees"]] == [
        ("jane", "passed"), ("sam", "completed")]


@pytest.mark.parametrize("content", [
    '{"trainee": "PLANTED-hunter2", "id": "PLANTED-not-an-id"',  # cut short
    json.dumps({**json.loads(record().model_dump_json()), "id": "PLANTED-hunter2"}),
])
def test_a_broken_result_file_exits_2_naming_it_and_not_its_content(
        tmp_path: Path, content: str) -> None:
    folder = tmp_path / "class"
    folder.mkdir()
    write_attempt(folder, record(n=1))
    bad = folder / "broken.json"
    bad.write_text(content)
    code, out, err = cli("results", str(folder))
    assert code == 2 and out == ""
    assert str(bad) in err and "Fix:" in err
    assert "PLANTED" not in err and "hunter2" not in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    if '"id": "PLANTED-hunter2"' in content:
        assert "field id" in err


def test_results_needs_a_folder_with_result_files(tmp_path: Path) -> None:
    code, _, err = cli("results", str(tmp_path / "missing"))
    assert code == 2 and str(tmp_path / "missing") in err
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "only.xapi.json").write_text("[]")
    code, _, err = cli("results", str(tmp_path / "empty"))
    assert code == 2 and "no result files" in err
