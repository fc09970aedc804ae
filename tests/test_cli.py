"""The command line: courts, validate, paths, --version, and its errors (exit 2, one
paragraph naming file, place and fix, never a traceback)."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ecf_tui import __version__
from ecf_tui.cli import main
from ecf_tui.registry.loading import builtin_dir

from .conftest import COURTS


def run(*argv: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old = os.environ.copy()
    os.environ.pop("ECF_TUI_PROFILES", None)
    os.environ.update(env or {})
    try:
        code = main(list(argv), out, err)
    finally:
        os.environ.clear()
        os.environ.update(old)
    return code, out.getvalue(), err.getvalue()


def test_courts_lists_exactly_the_five_with_full_names() -> None:
    code, out, _ = run("courts")
    assert code == 0
    rows = [line.split()[0] for line in out.splitlines()]
    assert sorted(rows) == sorted(COURTS)
    assert "U.S. Bankruptcy Court Southern District of Mississippi" in out
    assert "U.S. Bankruptcy Court Southern District of California" in out
    assert "UNITED STATES BANKRUPTCY COURT NORTHERN DISTRICT OF ALABAMA" in out
    assert "U.S. Bankruptcy Court, Northern District of California" in out
    assert "United States Bankruptcy Court for the Eastern District of Missouri" in out
    assert "MSSB.toml" in out


def test_validate_passes_on_the_builtins() -> None:
    code, out, err = run("validate")
    assert code == 0, err
    lines = out.splitlines()
    courts = [line for line in lines if "(scenario at" not in line]
    assert [line.split()[1] for line in courts] == sorted(COURTS)
    scenarios = sorted((Path(__file__).parents[1] / "courts" / "scenarios").glob("*.toml"))
    assert len(lines) - len(courts) == len(scenarios) >= 13, "every scenario checked too"


def _assert_clean_error(err: str, file: Path, *words: str) -> None:
    assert "Traceback" not in err
    assert str(file) in err
    assert "Fix:" in err
    for word in words:
        assert word in err, err


def test_validate_misspelt_key_names_place_and_nearest_key(court_copy) -> None:
    path = court_copy("CASB")
    path.write_text(path.read_text().replace("guide_title =", "guide_titel =", 1))
    code, _, err = run("validate", str(path))
    assert code == 2
    _assert_clean_error(err, path, "unknown key 'guide_titel'", "did you mean 'guide_title'",
                        "line 11, column 1", "about.guide_titel")


def test_validate_wrong_type_names_the_field(court_copy) -> None:
    path = court_copy("MSSB")
    path.write_text(path.read_text().replace("inactive = true", 'inactive = "yes please"'))
    code, _, err = run("validate", str(path))
    assert code == 2
    _assert_clean_error(err, path, "accounts.pacer.inactive.inactive", "boolean")
    assert "yes please" not in err, "an input's value is never echoed"


def test_validate_broken_toml_gives_line_and_column(court_copy) -> None:
    path = court_copy("ALNB")
    text = path.read_text().splitlines()
    text[5] = 'guide = "guides/ALNB.txt'
    path.write_text("\n".join(text))
    code, _, err = run("validate", str(path))
    assert code == 2
    _assert_clean_error(err, path, "is not valid TOML", "line 6, column")


def test_validate_a_missing_file_and_a_step_that_does_not_exist(court_copy) -> None:
    code, _, err = run("validate", "/nonexistent/XXXX.toml")
    assert code == 2 and "no such file" in err and "Traceback" not in err
    path = court_copy("MOEB")
    path.write_text(path.read_text().replace('back_to = "success"', 'back_to = "sucess"'))
    code, _, err = run("validate", str(path))
    assert code == 2
    _assert_clean_error(err, path, "steps.email.back_to", "'sucess'", "success")


def test_a_problem_in_a_base_profile_names_the_base_file(court_copy) -> None:
    """With the link on the Utilities page gone, steps that only the base profile
    defines are cut off: the error points into `_base.toml`, not the court's file."""
    path = court_copy("CASB")
    link = '    { label = "Link a CM/ECF account to your PACER account", to = "link-form" },\n'
    path.write_text(path.read_text().replace(link, ""))
    code, _, err = run("validate", str(path))
    assert code == 2 and "Traceback" not in err
    base = builtin_dir() / "_base.toml"
    assert re.search(rf"^  - {re.escape(str(base))}, line \d+, column \d+ \(field "
                     r"steps\.must-upgrade, which CASB\.toml takes from this base profile\)",
                     err, re.M), err


def test_validate_a_simulator_text_passed_off_as_the_guides(court_copy) -> None:
    path = court_copy("CANB")
    tail = '",\n]\n\n[steps.must-upgrade]'
    path.write_text(path.read_text().replace(f'"Click Submit.{tail}', f'"Click Submit now.{tail}'))
    code, _, err = run("validate", str(path))
    assert code == 2
    _assert_clean_error(err, path, "Click Submit now.", "does not contain it",
                        "steps.link-form.instruction[1]", 'source = "simulator"')


def test_unknown_court_suggests_the_nearest() -> None:
    code, _, err = run("paths", "MSBB")
    assert code == 2
    assert "unknown court 'MSBB'" in err and "did you mean MSSB" in err


def test_bad_option_is_a_paragraph_not_a_traceback() -> None:
    code, _, err = run("paths")
    assert code == 2 and err.startswith("ecf-tui: ") and "Fix:" in err


@pytest.mark.parametrize("command", [["qa", "CASB", "--paths", "happy", "--out"],
                                     ["diff", "CASB", "CANB", "--screens"]])
def test_an_output_folder_that_cannot_be_written_is_a_paragraph(command, tmp_path) -> None:
    """Checked before anything runs, so nothing is printed or written first."""
    a_file = tmp_path / "a-file"
    a_file.write_text("")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    option = command[-1]
    for target, problem in ((a_file, "this is a file, not a folder."),
                            (tmp_path / "a-file" / "under", "cannot make this folder"),
                            (locked, "cannot write into this folder.")):
        if target == locked and os.access(locked, os.W_OK):
            continue  # root writes anywhere
        code, out, err = run(*command, str(target))
        assert code == 2 and out == "", (target, out)
        assert err.startswith(f"ecf-tui: {target}, {option}: {problem}"), err
        assert "Fix: give a folder" in err and "Traceback" not in err


def test_a_file_that_fails_midway_is_a_paragraph(tmp_path, monkeypatch) -> None:
    import ecf_tui.diff.screen_pairs

    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device", str(tmp_path / "CASB" / "login.svg"))

    monkeypatch.setattr(ecf_tui.diff.screen_pairs, "write_pairs", full_disk)
    code, _, err = run("diff", "CASB", "CANB", "--screens", str(tmp_path))
    assert code == 2 and "Traceback" not in err
    assert err.startswith(f"ecf-tui: {tmp_path / 'CASB' / 'login.svg'}: No space left on "
                          "device. Fix: check that this file or folder exists"), err


def test_paths_mssb_has_the_dialog_paths() -> None:
    code, out, _ = run("paths", "MSSB")
    assert code == 0
    ids = {line.split()[0]: line for line in out.splitlines()}
    assert "cmecf-dialog" in ids["cmecf-on-pacer-login"]
    assert "inactive-dialog" in ids["inactive-pacer"]


def test_paths_moeb_has_the_firm_name_path() -> None:
    code, out, _ = run("paths", "MOEB")
    ids = {line.split()[0]: line for line in out.splitlines()}
    assert code == 0 and "confirm" in ids["firm-pacer"]


@pytest.mark.parametrize("court", COURTS)
def test_every_court_has_a_path_to_the_full_menus(court: str) -> None:
    code, out, _ = run("paths", court)
    happy = out.splitlines()[0]
    assert code == 0 and happy.startswith("happy ") and "refreshed" in happy
    assert happy.rstrip().endswith("pass")


def test_version() -> None:
    proc = subprocess.run([sys.executable, "-m", "ecf_tui", "--version"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and proc.stdout.strip() == f"ecf-tui {__version__}"


def test_profiles_folder_overrides_a_builtin_and_env_adds_one(court_copy, tmp_path) -> None:
    path = court_copy("CASB")
    path.write_text(path.read_text().replace(
        'name = "U.S. Bankruptcy Court Southern District of California"',
        'name = { text = "CASB practice copy", source = "simulator" }'))
    code, out, _ = run("courts", "--profiles", str(path.parent))
    assert code == 0 and "CASB practice copy" in out and "overrides" in out
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "guides").mkdir()
    new = (path.read_text().replace('code = "CASB"', 'code = "ZZSB"')
           .replace('guide = "guides/CASB.txt"', 'guide = "guides/ZZSB.txt"'))
    (extra / "ZZSB.toml").write_text(new)
    (extra / "guides" / "ZZSB.txt").write_text((path.parent / "guides" / "CASB.txt").read_text())
    code, out, _ = run("courts", env={"ECF_TUI_PROFILES": str(extra)})
    assert code == 0 and out.splitlines()[-1].startswith("ZZSB")
    code, _, err = run("validate", env={"ECF_TUI_PROFILES": str(extra)})
    assert code == 0, err


def test_missing_profiles_folder_is_a_clear_error() -> None:
    code, _, err = run("courts", "--profiles", "/no/such/folder")
    assert code == 2 and "/no/such/folder" in err and "Traceback" not in err


def test_a_reader_that_goes_away_is_not_a_traceback() -> None:
    """`ecf-tui paths MSSB | head -1`: the pipe closes before ecf-tui has written."""
    proc = subprocess.Popen([sys.executable, "-m", "ecf_tui", "paths", "MSSB"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Traceback" not in err and "BrokenPipe" not in err, err
    assert proc.returncode == 1


def _practice_copy(court_copy) -> Path:
    """A folder whose CASB overrides the built-in one under another name."""
    path = court_copy("CASB")
    path.write_text(path.read_text().replace(
        'name = "U.S. Bankruptcy Court Southern District of California"',
        'name = { text = "CASB practice copy", source = "simulator" }'))
    return path.parent


@pytest.mark.parametrize("where", ["before", "after", "env"])
def test_profiles_count_before_the_command_after_it_and_from_the_environment(
        court_copy, where: str) -> None:
    folder = str(_practice_copy(court_copy))
    argv = {"before": ["--profiles", folder, "courts"], "after": ["courts", "--profiles", folder],
            "env": ["courts"]}[where]
    code, out, _ = run(*argv, env={"ECF_TUI_PROFILES": folder} if where == "env" else None)
    assert code == 0 and "CASB practice copy" in out and "overrides" in out


def test_profiles_before_and_after_the_command_both_count(court_copy, tmp_path) -> None:
    first = _practice_copy(court_copy)
    second = tmp_path / "second"
    (second / "guides").mkdir(parents=True)
    text = (first / "CASB.toml").read_text()
    (second / "ZZSB.toml").write_text(text.replace('code = "CASB"', 'code = "ZZSB"').replace(
        'guide = "guides/CASB.txt"', 'guide = "guides/ZZSB.txt"'))
    (second / "guides" / "ZZSB.txt").write_text((first / "guides" / "CASB.txt").read_text())
    code, out, _ = run("--profiles", str(first), "courts", "--profiles", str(second))
    assert code == 0 and "CASB practice copy" in out and out.splitlines()[-1].startswith("ZZSB")


def test_run_with_profiles_before_the_command_runs_that_court(court_copy, monkeypatch) -> None:
    import ecf_tui.app

    folder = str(_practice_copy(court_copy))
    shown: list[str] = []
    monkeypatch.setattr(ecf_tui.app.EcfApp, "run",
                        lambda self, **kw: shown.append(self.profile.name.text))
    code, _, err = run("--profiles", folder, "run", "casb")
    assert code == 0, err
    assert shown == ["CASB practice copy"]


def test_validate_takes_court_codes_as_well_as_paths(court_copy) -> None:
    code, out, err = run("validate", "CASB", "mssb")
    assert code == 0, err
    assert [line.split()[1] for line in out.splitlines()] == ["CASB", "MSSB"]
    code, _, err = run("validate", "NOPE")
    assert code == 2 and "NOPE: no such file" in err and "court code" in err
