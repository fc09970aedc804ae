"""Provides the JSON Schemas of the files authors write, a court profile and a help-desk
scenario, built from the pydantic models and committed in `courts/schemas/`, where each
built-in file's `#:schema` first line points an editor (Taplo, Even Better TOML) at them.

    python -m ecf_tui.authoring.schemas           # write the committed schemas
    python -m ecf_tui.authoring.schemas --check   # exit 1 naming each one that differs
    python -m ecf_tui.authoring.schemas --where   # the folder they are in, as installed

A schema describes a file as its author writes it, which is not quite the model it
becomes:

- a text is a plain string or a `{ text, source, quoted_from }` table (`Text`'s own
  schema says so, as its before-validator takes both);
- a court file may extend a base (`extends = "_base"`) or be one, and tables merge key
  by key, so no table there requires a key: `ecf-tui validate` reports what the merged
  profile lacks. A list replaces the base's whole, so an item of a list is checked
  complete; so is a text's table;
- a step names its kind or takes it from the base's step of the same id: its keys are
  checked against those of every kind, and against its own kind's where it names one;
- a scenario's id is its file's name, not a key;
- TOML has no null: an optional value is left out.

Each property's description is the docstring under its field, read from the source when
a schema is built (`ecf_tui.court.field_docs`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from ecf_tui.court.field_docs import field_docs
from ecf_tui.court.files import write_text
from ecf_tui.court.profile import STEP_KINDS, CourtProfile
from ecf_tui.helpdesk.model import MOVE_FORMS, Scenario
from ecf_tui.registry.loading import builtin_dir

DIALECT = "https://json-schema.org/draft/2020-12/schema"
COURT_FILE = "court.schema.json"
SCENARIO_FILE = "scenario.schema.json"
REGENERATE = "python -m ecf_tui.authoring.schemas"


def folder() -> Path:
    """Where the committed schemas live: `courts/schemas/`, shipped in the package."""
    return builtin_dir() / "schemas"


class _Described(GenerateJsonSchema):
    """pydantic's generator, with each field's docstring as its description."""

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        json_schema = super().model_schema(schema)
        docs = field_docs(schema["cls"])
        for name, prop in json_schema.get("properties", {}).items():
            if name in docs:
                prop.setdefault("description", docs[name])
        return json_schema


# -- the schemas -----------------------------------------------------------


def court_schema(model: type[CourtProfile] = CourtProfile) -> dict[str, Any]:
    """The schema of a court profile's file (or a base profile's)."""
    schema = _without_null(model.model_json_schema(schema_generator=_Described))
    defs = schema["$defs"]
    schema["properties"] = _steps_of_either_kind(schema["properties"], defs)
    for name in _merged(schema, defs):
        defs[name].pop("required", None)
    schema.pop("required", None)
    schema["properties"]["extends"] = {
        "description": "The base profile this file extends (`_base`), looked for beside "
                       "it, then among the built-ins. Its tables merge under this file's key "
                       "by key; a list here replaces the base's whole.",
        "type": "string",
    }
    return _finish(schema, "ecf-tui court profile", (
        "A court's profile, one TOML file per court (`ecf-tui validate` checks it whole). "
        "A file may extend a base profile, or be one, and tables merge key by key: no key "
        "of a table is required here, while an item of a list, which replaces the base's "
        "list whole, must be complete. A text is a plain string (the court's guide's own "
        "words) or a table with its source."))


def scenario_schema(model: type[Scenario] = Scenario) -> dict[str, Any]:
    """The schema of a help-desk scenario's file (`scenarios/ID.toml`)."""
    schema = _without_null(model.model_json_schema(schema_generator=_Described))
    # The loader takes the id from the file's name and rejects an `id` key.
    del schema["properties"]["id"]
    schema["required"] = [key for key in schema["required"] if key != "id"]
    forms = "\n".join(f"- {form}" for form in MOVE_FORMS)
    for moves in (schema["properties"]["moves"], schema["$defs"]["CourtBinding"]["properties"][
            "moves"]):
        moves["description"] += f" A move is one of:\n\n{forms}"
    return _finish(schema, "ecf-tui help-desk scenario", (
        "A help-desk scenario, one TOML file per scenario in a `scenarios/` folder beside "
        "the court profiles; the file's name is its id. `ecf-tui scenarios` checks it at "
        "every court it names."))


SCHEMAS: dict[str, Callable[[], dict[str, Any]]] = {
    COURT_FILE: court_schema,
    SCENARIO_FILE: scenario_schema,
}


def render(schema: Mapping[str, Any]) -> str:
    """A schema as its file holds it: the same bytes for the same schema."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def generated() -> dict[str, str]:
    """Each schema file's text as the models give it now."""
    return {name: render(build()) for name, build in SCHEMAS.items()}


def stale(where: Path, texts: Mapping[str, str]) -> list[Path]:
    """The schema files in `where` whose text is not `texts`' (a missing one included)."""
    found = []
    for name, text in texts.items():
        path = where / name
        try:
            current = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            current = None
        if current != text:
            found.append(path)
    return found


def write(where: Path, texts: Mapping[str, str]) -> list[Path]:
    """Write each schema file that differs; returns those written."""
    where.mkdir(parents=True, exist_ok=True)
    changed = stale(where, texts)
    for path in changed:
        write_text(path, texts[path.name])
    return changed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog=REGENERATE, description="Write the JSON Schemas of court profiles and "
                                     "help-desk scenarios from the models.")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 naming each schema file that differs")
    parser.add_argument("--where", action="store_true",
                        help="print the folder of the schemas (for a #:schema line)")
    args = parser.parse_args(argv)
    if args.where:
        print(folder())
        return 0
    where, texts = folder(), generated()
    if args.check:
        changed = stale(where, texts)
        for path in changed:
            print(f"{path}: differs from the models; run {REGENERATE}", file=sys.stderr)
        return 1 if changed else 0
    for path in write(where, texts):
        print(f"wrote {path}")
    return 0


# -- from the model's schema to the file's ----------------------------------


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in a schema, outermost first."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item)


def _without_null(schema: dict[str, Any]) -> dict[str, Any]:
    """Optional values as TOML has them: left out, never null."""
    for node in _walk(schema):
        if node.get("default", ...) is None:
            del node["default"]
        options = node.get("anyOf")
        if options and {"type": "null"} in options:
            rest = [o for o in options if o != {"type": "null"}]
            del node["anyOf"]
            if len(rest) == 1:
                node.update(rest[0])
            else:
                node["anyOf"] = rest
    return schema


def _steps_of_either_kind(properties: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    """Replace pydantic's union of step kinds (chosen by `kind`) by one `Step`: any key a
    step of some kind has, and, where the step names its kind, that kind's keys."""
    steps = properties["steps"]["additionalProperties"]
    kinds: dict[str, str] = {kind: ref.rsplit("/", 1)[1]
                             for kind, ref in steps["discriminator"]["mapping"].items()}
    keys: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for kind in STEP_KINDS:
        for key, prop in defs[kinds[kind]]["properties"].items():
            keys.setdefault(key, []).append((kind, prop))
    union: dict[str, Any] = {}
    for key, found in keys.items():
        union[key] = _one_key(key, found)
    union["kind"] = {
        "description": "The step's kind, which decides its other keys; left out, the kind "
                       "of the base's step of the same id.",
        "enum": list(STEP_KINDS),
        "type": "string",
    }
    defs["Step"] = {
        "additionalProperties": False,
        "allOf": [{"if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
                   "then": {"$ref": f"#/$defs/{kinds[kind]}"}} for kind in STEP_KINDS],
        "description": "A step of the procedure: a page or dialog, of a kind the engine "
                       "knows. Where it names its kind, its keys are that kind's.",
        "properties": union,
        "title": "Step",
        "type": "object",
    }
    properties["steps"]["additionalProperties"] = {"$ref": "#/$defs/Step"}
    return properties


def _one_key(key: str, found: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    """A step key as every kind that has it takes it: each different value's schema, and
    each kind's description (the same words once)."""
    shapes: list[dict[str, Any]] = []
    described: dict[str, list[str]] = {}
    for kind, prop in found:
        shape = {k: v for k, v in prop.items() if k not in ("default", "description", "title")}
        if shape not in shapes:
            shapes.append(shape)
        if "description" in prop:
            described.setdefault(prop["description"], []).append(kind)
    merged: dict[str, Any] = dict(shapes[0]) if len(shapes) == 1 else {"anyOf": shapes}
    if len(described) == 1 and len(next(iter(described.values()))) == len(found):
        merged["description"] = next(iter(described))
    elif described:
        merged["description"] = "\n".join(
            f"- {', '.join(f'`{k}`' for k in kinds)}: {_prose(words)}"
            for words, kinds in described.items())
    return merged


def _merged(schema: dict[str, Any], defs: dict[str, Any]) -> set[str]:
    """The tables a base's merge under a court's file fills in: every model reached from
    the top through keys only, not through a list. A text's table is its value whole."""
    reached: set[str] = set()

    def visit(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                visit(item)
        if not isinstance(node, dict):
            return
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            name = ref.removeprefix("#/$defs/")
            if name not in reached:
                reached.add(name)
                visit(defs[name])
        for key, value in node.items():
            if key == "properties":
                for prop in value.values():
                    visit(prop)
            elif key in ("additionalProperties", "allOf", "anyOf", "oneOf", "then"):
                visit(value)

    visit(schema)
    return reached - {"Text"}


def _prose(text: str) -> str:
    """A docstring's paragraphs unwrapped: an editor shows a description as Markdown, where
    a line break inside a paragraph is a space anyway, but a list's items keep theirs."""
    paragraphs = []
    for paragraph in text.split("\n\n"):
        lines = paragraph.splitlines()
        listed = all(line.startswith("- ") for line in lines)
        paragraphs.append("\n".join(lines) if listed else " ".join(lines))
    return "\n\n".join(paragraphs)


def _finish(schema: dict[str, Any], title: str, description: str) -> dict[str, Any]:
    """The dialect, the file's title and description, and each `$ref` that carries words of
    its own wrapped in `allOf`: before draft 2019-09 (and in Taplo) a keyword beside `$ref`
    is ignored, so an editor would show the referenced table's words for every field."""
    for node in _walk(schema):
        if "$ref" in node and len(node) > 1:
            node["allOf"] = [{"$ref": node.pop("$ref")}]
        if isinstance(node.get("description"), str):
            node["description"] = _prose(node["description"])
    schema["$schema"] = DIALECT
    schema["title"] = title
    schema["description"] = description
    return schema


if __name__ == "__main__":
    raise SystemExit(main())
