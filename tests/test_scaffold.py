"""`ecf-tui new-court`: a starter that validates as written, says what is still the
template's, and refuses bad input with one paragraph, writing nothing."""

from __future__ import annotations

import io
import os
import tomllib
from pathlib import Path

import pytest

from ecf_tui.authoring.scaffold import MARK, marks
from ecf_tui.cli import main
from ecf_tui.registry.loading import builtin_dir


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    os.environ.pop("ECF_TUI_PROFILES", None)
    return main(list(argv), out, err), out.getvalue(), err.getvalue()


def test_a_starter_from_moeb_validates_and_marks_each_part_still_moebs(tmp_path: Path) -> None:
    guide = tmp_path / "their-guide.txt"
    guide.write_text("Linking your accounts at the Example court.\n", encoding="utf-8")
    code, out, err = run("new-court", "xxeb", "--name", "Example Bankruptcy Court",
                         "--from", "MOEB", "--guide", str(guide), "--out",
                         str(tmp_path / "mine"))
    assert code == 0, err
    made = tmp_path / "mine" / "XXEB.toml"
    assert str(made) in out and "FILL IN" in out
    copied = tmp_path / "mine" / "guides" / "XXEB.txt"
    assert copied.read_bytes() == guide.read_bytes()
    first = made.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"#:schema {(builtin_dir() / 'schemas' / 'court.schema.json').as_uri()}"
    raw = tomllib.loads(made.read_text(encoding="utf-8"))
    assert raw["code"] == "XXEB" and raw["extends"] == "_base"
    assert raw["guide"] == "guides/XXEB.txt"
    assert raw["name"] == {"text": "Example Bankruptcy Court", "source": "simulator"}
    moeb = tomllib.loads((builtin_dir() / "MOEB.toml").read_text(encoding="utf-8"))
    assert set(raw["steps"]) == set(moeb["steps"]), "MOEB's steps, all of them"
    # MOEB's own words stay, marked as MOEB's: the fidelity check reads them there.
    texts = raw["about"]["intro"]
    assert texts and all(t["quoted_from"] == "MOEB" for t in texts)
    assert [t["text"] for t in texts] == moeb["about"]["intro"]
    import json

    from jsonschema import Draft202012Validator

    schema = json.loads((builtin_dir() / "schemas" / "court.schema.json").read_text())
    assert not list(Draft202012Validator(schema).iter_errors(raw)), "the editor's schema too"
    # The step kinds and the flow are names, not words: never marked.
    assert all(isinstance(s.get("kind", ""), str) for s in raw["steps"].values())

    code, out, err = run("--profiles", str(tmp_path / "mine"), "validate", "XXEB")
    assert code == 0, err
    assert out.startswith("ok    XXEB")
    warned = [line for line in out.splitlines() if line.startswith("warn")]
    left = marks(made)
    assert len(warned) == len(left) > 5
    assert any("[steps.redaction]" in w and "MOEB's guide's words" in w for w in warned)
    assert any(f"{made}:{m.line}:" in w for m in left for w in warned)
    code, out, _ = run("--profiles", str(tmp_path / "mine"), "courts")
    assert any(line.startswith("XXEB") and "Example Bankruptcy Court" in line
               for line in out.splitlines())


def test_marks_gone_means_no_warnings(tmp_path: Path) -> None:
    code, _, err = run("new-court", "XXEB", "--name", "Example", "--out", str(tmp_path))
    assert code == 0, err
    made = tmp_path / "XXEB.toml"
    assert "from CASB's" in made.read_text(encoding="utf-8"), "CASB's is the default"
    made.write_text("".join(line for line in made.read_text(encoding="utf-8")
                            .splitlines(keepends=True) if not line.startswith(MARK)),
                    encoding="utf-8")
    code, out, err = run("--profiles", str(tmp_path), "validate", str(made))
    assert code == 0, err
    assert not any(line.startswith("warn") for line in out.splitlines())


@pytest.mark.parametrize(("argv", "says"), [
    (["new-court", "1X", "--name", "A"], "'1X' is not a court code"),
    (["new-court", "XXEB", "--name", "  "], "the court's name is empty"),
    (["new-court", "XXEB", "--name", "A", "--from", "NOPE"], "unknown court 'NOPE'"),
    (["new-court", "XXEB", "--name", "A", "--guide", "missing.txt"], "is not a file"),
])
def test_bad_input_is_one_paragraph_and_writes_nothing(tmp_path: Path, argv: list[str],
                                                        says: str) -> None:
    out_dir = tmp_path / "out"
    code, out, err = run(*argv, "--out", str(out_dir))
    assert code == 2 and out == ""
    assert says in err and "Fix:" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert not out_dir.exists()


def test_an_existing_profile_is_never_overwritten(tmp_path: Path) -> None:
    mine = tmp_path / "XXEB.toml"
    mine.write_text("# my work\n", encoding="utf-8")
    code, _, err = run("new-court", "XXEB", "--name", "A", "--out", str(tmp_path))
    assert code == 2 and "is there already" in err
    assert mine.read_text(encoding="utf-8") == "# my work\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["XXEB.toml"]


@pytest.mark.parametrize("template", ["ALNB", "CANB", "MOEB", "MSSB"])
def test_a_starter_from_any_court_is_valid_as_written(template: str, tmp_path: Path) -> None:
    """ALNB's and MSSB's explain a mistake in their guide's words where the base has the
    simulator's: the starter's text, marked as theirs, replaces the base's whole (the
    loader once merged the two tables into one both quoted and the simulator's)."""
    guide = tmp_path / "guide.txt"
    guide.write_text("The Example court's guide.\n", encoding="utf-8")
    code, _, err = run("new-court", "XXEB", "--name", "Example", "--from", template,
                       "--guide", str(guide), "--out", str(tmp_path / "p"))
    assert code == 0, err
    code, out, err = run("--profiles", str(tmp_path / "p"), "validate", "XXEB")
    assert code == 0, err
    warned = [line for line in out.splitlines() if line.startswith("warn")]
    assert sum("the court's name" in w for w in warned) == 1, "the court's, not an account's"
    assert not any("guides/XXEB.txt" in w for w in warned), "--guide put the guide there"
    assert all("Check its links" in w for w in warned if "[steps." in w)
    assert not any("Check its links" in w for w in warned if "[about]" in w)
