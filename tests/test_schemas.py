"""The committed JSON Schemas (`courts/schemas/`) are what the models give now, accept
every built-in file as written, reject a misspelt key or a wrong type naming it, and
describe every key (Harlequin's config-schema drift test)."""

from __future__ import annotations

import copy
import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from ecf_tui.authoring import schemas
from ecf_tui.court.profile import CourtProfile
from ecf_tui.helpdesk.model import Scenario
from ecf_tui.registry.loading import builtin_dir

ROOT = Path(__file__).resolve().parents[1]
COURT_FILES = sorted(builtin_dir().glob("*.toml"))
SCENARIO_FILES = sorted((builtin_dir() / "scenarios").glob("*.toml"))


class _ChangedCourt(CourtProfile):
    printer: str
    """A key the committed schema has never heard of."""


class _ChangedScenario(Scenario):
    urgent: bool = False
    """Another."""


@pytest.fixture(scope="module")
def generated() -> dict[str, str]:
    return schemas.generated()


@pytest.fixture(scope="module")
def court() -> Draft202012Validator:
    return _validator(schemas.COURT_FILE)


@pytest.fixture(scope="module")
def scenario() -> Draft202012Validator:
    return _validator(schemas.SCENARIO_FILE)


def _validator(name: str) -> Draft202012Validator:
    schema = json.loads((schemas.folder() / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _raw(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _error(validator: Draft202012Validator, raw: dict[str, Any]) -> ValidationError:
    found = best_match(validator.iter_errors(raw))
    assert found is not None, "the schema accepts it"
    return found


# -- drift -----------------------------------------------------------------


def test_committed_schemas_are_what_the_models_give(generated: dict[str, str]) -> None:
    changed = schemas.stale(schemas.folder(), generated)
    assert not changed, (f"not what the models give now: {', '.join(p.name for p in changed)}; "
                         f"run `{schemas.REGENERATE}` and commit the result.")


def test_a_changed_model_is_drift(generated: dict[str, str]) -> None:
    """A field added to a model, and not regenerated, is reported; nothing is written."""
    before = {path: path.read_bytes() for path in schemas.folder().iterdir()}
    court_text = schemas.render(schemas.court_schema(_ChangedCourt))
    scenario_text = schemas.render(schemas.scenario_schema(_ChangedScenario))
    assert '"printer"' in court_text and "never heard of" in court_text
    assert '"urgent"' in scenario_text
    for name, text in ((schemas.COURT_FILE, court_text), (schemas.SCENARIO_FILE, scenario_text)):
        assert schemas.stale(schemas.folder(), {**generated, name: text}) == [
            schemas.folder() / name]
    assert {path: path.read_bytes() for path in schemas.folder().iterdir()} == before


def test_write_then_check(tmp_path: Path, generated: dict[str, str]) -> None:
    assert schemas.write(tmp_path, generated) == [tmp_path / n for n in generated]
    assert schemas.write(tmp_path, generated) == [], "the same bytes again: nothing to write"
    assert (tmp_path / schemas.COURT_FILE).read_text(encoding="utf-8") == generated[
        schemas.COURT_FILE]
    assert not list(tmp_path.glob(".*.part"))
    (tmp_path / schemas.SCENARIO_FILE).write_text("{}\n", encoding="utf-8")
    (tmp_path / schemas.COURT_FILE).unlink()
    assert schemas.stale(tmp_path, generated) == [tmp_path / n for n in generated]


def test_check_command_passes_on_the_committed_schemas(capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    assert schemas.main(["--check"]) == 0
    assert capsys.readouterr().err == ""
    assert schemas.main(["--where"]) == 0
    assert Path(capsys.readouterr().out.strip()) == schemas.folder()


# -- what a file accepts ---------------------------------------------------


@pytest.mark.parametrize("path", COURT_FILES, ids=lambda p: p.name)
def test_every_built_in_court_file_is_valid(court: Draft202012Validator, path: Path) -> None:
    errors = [f"{'.'.join(map(str, e.absolute_path))}: {e.message}"
              for e in court.iter_errors(_raw(path))]
    assert not errors, errors


def test_every_scenario_file_is_valid(scenario: Draft202012Validator) -> None:
    assert SCENARIO_FILES
    errors = [f"{path.name}: {'.'.join(map(str, e.absolute_path))}: {e.message}"
              for path in SCENARIO_FILES for e in scenario.iter_errors(_raw(path))]
    assert not errors, errors


def test_a_misspelt_key_is_named(court: Draft202012Validator) -> None:
    raw = _raw(builtin_dir() / "MSSB.toml")
    top = copy.deepcopy(raw)
    top["nmae"] = top.pop("name")
    error = _error(court, top)
    assert "'nmae' was unexpected" in error.message and list(error.absolute_path) == []

    # A step that names its kind, and one that takes it from the base.
    for step, key, wrong in (("home", "links", "linsk"), ("pacer-login", "next", "nxt")):
        bad = copy.deepcopy(raw)
        bad["steps"][step][wrong] = bad["steps"][step].pop(key)
        error = _error(court, bad)
        assert f"'{wrong}' was unexpected" in error.message
        assert list(error.absolute_path) == ["steps", step]


def test_a_key_of_another_kind_of_step_is_rejected(court: Draft202012Validator) -> None:
    raw = _raw(builtin_dir() / "MSSB.toml")
    raw["steps"]["home"]["begin_button"] = "Begin"  # a front step's key on a site step
    assert "'begin_button' was unexpected" in _error(court, raw).message


def test_a_wrong_type_is_rejected(court: Draft202012Validator) -> None:
    raw = _raw(builtin_dir() / "CASB.toml")
    for path, value in ((("code",), 42), (("about", "guide_title"), 42),
                        (("steps", "before-you-begin", "next"), ["home"])):
        bad = copy.deepcopy(raw)
        table = bad
        for key in path[:-1]:
            table = table[key]
        table[path[-1]] = value
        assert list(_error(court, bad).absolute_path) == list(path)


def test_a_text_is_a_string_or_a_complete_table(court: Draft202012Validator) -> None:
    raw = _raw(builtin_dir() / "MOEB.toml")
    raw["about"]["guide_title"] = {"text": "Words", "source": "simulator"}
    assert court.is_valid(raw)
    raw["about"]["guide_title"] = {"source": "simulator"}
    assert "'text' is a required property" in _error(court, raw).message


def test_a_court_file_may_leave_to_its_base_but_a_list_item_is_whole(
        court: Draft202012Validator) -> None:
    assert court.is_valid({"extends": "_base", "steps": {"pacer-login": {"next": "main"}}})
    error = _error(court, {"steps": {"home": {"kind": "site", "links": [{"to": "ecf"}]}}})
    assert "'label' is a required property" in error.message


def test_a_scenario_has_no_id_key_and_names_courts_by_code(
        scenario: Draft202012Validator) -> None:
    raw = _raw(SCENARIO_FILES[0])
    assert "'id' was unexpected" in _error(scenario, {**raw, "id": "x"}).message
    assert not scenario.is_valid({**raw, "courts": {"mssb": {}}})


# -- descriptions and editors ----------------------------------------------


@pytest.mark.parametrize("build", [schemas.court_schema, schemas.scenario_schema])
def test_every_key_has_a_description(build: Any) -> None:
    schema = build()
    lacking = [f"{where}.{key}" for where, node in
               [("(file)", schema), *schema["$defs"].items()]
               for key, prop in node.get("properties", {}).items()
               if not prop.get("description")]
    lacking += [name for name, node in schema["$defs"].items() if not node.get("description")]
    assert not lacking, f"add a docstring under each of these fields: {lacking}"
    assert schema["$schema"] == schemas.DIALECT and schema["title"] and schema["description"]


@pytest.mark.parametrize("path", [*COURT_FILES, *SCENARIO_FILES],
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_each_file_points_its_editor_at_its_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    name = schemas.SCENARIO_FILE if path.parent.name == "scenarios" else schemas.COURT_FILE
    assert first.startswith("#:schema ") and first.endswith(f"/schemas/{name}"), first
    assert (path.parent / first.removeprefix("#:schema ")).resolve() == (
        schemas.folder() / name).resolve()


def test_the_schemas_ship_in_the_wheel() -> None:
    """The packaging test compares the wheel with the source's Python and TOML files
    only; the schemas must be in the package data too, or an installed editor setup
    points at nothing."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "schemas/*.json" in pyproject["tool"]["setuptools"]["package-data"]["ecf_tui.courts"]
