"""Provides `ecf-tui new-court`: a starter profile for a court not yet known, written with
tomli-w, and its guide copied beside it.

The starter is a court the registry knows (`--from`; CASB's by default) under the new
code and name. It is valid as written: each text the template's own guide
says keeps its words, marked as that court's (`quoted_from`), so the fidelity check
reads them in the template's guide, not in a guide they are not in. What the author
must still do is marked in the file with `# FILL IN:` comments, above the table or key
it is about; `validate` lists each one still there as a warning with its line
(`marks`), and the author deletes a mark once its part is the new court's own.
"""

from __future__ import annotations

import re
import shutil
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli_w

from ecf_tui.court.errors import UserError, writable_folder
from ecf_tui.court.files import write_text
from ecf_tui.registry.loading import Registry, builtin_dir, court_code

MARK = "# FILL IN:"
"""The comment that marks what the author must still do (`validate` warns of each)."""

CODE = re.compile(r"^[A-Z][A-Z0-9]{1,9}$")
"""A court code as the profile model takes it (`CourtProfile.code`)."""


@dataclass(frozen=True)
class Mark:
    """A warning `validate` gives at a line of a profile: a `# FILL IN:` mark left, or a
    part the guide is silent on."""

    line: int
    text: str
    said: str = "still the template's"


def marks(path: Path) -> list[Mark]:
    """The `# FILL IN:` marks still in a profile file, with their lines."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []  # validate reports a file it cannot read on its own
    return [Mark(n, line.strip()[len(MARK):].strip()) for n, line in enumerate(lines, 1)
            if line.strip().startswith(MARK)]


def new_court(reg: Registry, code: str, name: str, template: str | None,
              guide: Path | None, out: Path) -> list[Path]:
    """Write `out/CODE.toml` (and `out/guides/CODE.txt`); the files written."""
    code = court_code(code)
    if not CODE.match(code):
        raise UserError(f"'{code}' is not a court code.", place="CODE",
                        fix="give 2 to 10 capital letters and digits, starting with a "
                            "letter, as the courts' own (CASB, MSSB).")
    if not name.strip():
        raise UserError("the court's name is empty.", place="--name",
                        fix='give its name as its guide writes it, in quotes.')
    if guide is not None and not guide.is_file():
        raise UserError(f"the guide '{guide}' is not a file.", place="--guide",
                        fix="give the court's guide as a text file (its words, copied "
                            "from the PDF or web page).")
    raw, source = _template(reg, template)
    target = out / f"{code}.toml"
    if target.exists():
        raise UserError(f"{target} is there already.", place="--out",
                        fix="choose another folder, or move the file away first.")
    writable_folder(out, "--out")
    starter = _starter(reg, raw, code, name.strip(), source)
    guide_name = f"guides/{code}.txt"
    starter["guide"] = guide_name
    (out / "guides").mkdir(parents=True, exist_ok=True)
    guide_target = out / guide_name
    if guide is not None:
        shutil.copyfile(guide, guide_target.with_suffix(".part"))
        guide_target.with_suffix(".part").replace(guide_target)
    elif not guide_target.exists():
        write_text(guide_target, _NO_GUIDE)
    write_text(target, _with_marks(_dumps(starter), code, source, guide is not None))
    return [target, guide_target]


_NO_GUIDE = (
    "Put the court's guide here, as text: its words, copied from its PDF or web page,\n"
    "page by page (the simulator checks each text marked as the guide's own against\n"
    "this file, word for word).\n"
)


DEFAULT_TEMPLATE = "CASB"
"""The court a new one starts from when none is named: the shortest of the built-in
procedures (no dialogs, no redaction agreement), which a guide adds to more easily than
it takes away."""


def _template(reg: Registry, template: str | None) -> tuple[dict[str, Any], str]:
    """The template's own file, parsed, and its court code."""
    source = reg.source(template or DEFAULT_TEMPLATE)  # unknown: a UserError naming the known
    with source.path.open("rb") as handle:
        raw = tomllib.load(handle)
    if "extends" not in raw:
        raise UserError(f"{source.code}'s profile extends no base, so it cannot be a "
                        "template.", place="--from",
                        fix="name a court whose profile says extends = \"_base\".")
    return raw, source.code


def _starter(reg: Registry, raw: dict[str, Any], code: str, name: str, source: str
             ) -> dict[str, Any]:
    """The template's tables under the new code, its own guide's texts marked as its."""
    starter: dict[str, Any] = {"extends": raw.get("extends", "_base"), "code": code,
                               "name": {"text": name, "source": "simulator"}}
    body = {k: v for k, v in raw.items() if k not in ("extends", "code", "name", "guide")}
    from ecf_tui.court.fidelity import texts

    # The model says which values are texts (and so whose words they are); a text the
    # file does not hold comes from the base, which marks its own.
    for loc, text in texts(reg.load(source)):
        if text.source == "guide" and text.quoted_from is None and loc[0] != "name":
            _mark(body, loc, source)
    starter.update(body)
    return starter


def _mark(raw: Any, loc: tuple[str | int, ...], source: str) -> None:
    """Mark the text at `loc` in the raw TOML as `source`'s guide's, where the file has it."""
    *outer, last = loc
    for part in outer:
        try:
            raw = raw[part]
        except (KeyError, IndexError, TypeError):
            return
    try:
        value = raw[last]
    except (KeyError, IndexError, TypeError):
        return
    if isinstance(value, str):
        raw[last] = {"text": value, "quoted_from": source}
    elif isinstance(value, dict) and "text" in value:
        value["quoted_from"] = source


def _dumps(profile: dict[str, Any]) -> str:
    """The profile as TOML, each text table written inline, as the built-in profiles
    write them (`label = { text = "...", quoted_from = "CASB" }`): tomli-w writes a
    table-valued key as a table of its own, and an array of long ones as [[tables]]."""
    inline: dict[str, str] = {}

    def token(value: Any) -> Any:
        if isinstance(value, dict) and isinstance(value.get("text"), str):
            key = f"@@ecf-tui-text-{len(inline)}@@"
            inline[key] = "{ " + ", ".join(
                tomli_w.dumps({k: v}).strip() for k, v in value.items()) + " }"
            return key
        if isinstance(value, dict):
            return {k: token(v) for k, v in value.items()}
        if isinstance(value, list):
            return [token(item) for item in value]
        return value

    text = tomli_w.dumps(token(profile))
    return re.sub(r'"(@@ecf-tui-text-\d+@@)"', lambda m: inline[m.group(1)], text)


_TABLE = re.compile(r"^\[\[?([^\]]+)\]\]?$")


def _with_marks(text: str, code: str, source: str, guide_given: bool) -> str:
    """The TOML with a header and a `# FILL IN:` mark above each part still the
    template's."""
    # Taplo and Even Better TOML read this first line: completion and errors as one types.
    schema = builtin_dir() / "schemas" / "court.schema.json"
    head = [f"#:schema {schema.as_uri()}",
            f"# {code}: a court profile begun with `ecf-tui new-court` from {source}'s.",
            "# Each '# FILL IN:' says what is still the template's; `ecf-tui validate` lists",
            "# those left. Delete a mark once its part is this court's own. See",
            "# docs/adding-a-court.md.", ""]
    lines = text.splitlines()
    out: list[str] = []
    top_level = True  # before the first table header: the court's own keys
    for i, line in enumerate(lines):
        table = _TABLE.match(line)
        top_level = top_level and table is None
        if top_level and line.startswith("name = "):
            out.append(f"{MARK} the court's name as its guide writes it, then drop "
                       'source = "simulator".')
        elif top_level and line.startswith("guide = ") and not guide_given:
            where = line.split("=", 1)[1].strip().strip('"')
            out.append(f"{MARK} the court's guide, as text, in {where}.")
        elif table and _quotes(lines, i, source):
            name = table.group(1)
            header = f"[[{name}]]" if line.startswith("[[") else f"[{name}]"
            what = (" Check its links and next against the guide."
                    if name.startswith("steps.") else "")
            out.append(f"{MARK} {header} is {source}'s guide's words: write this court's "
                       f'guide\'s (source = "simulator" where it is silent).{what}')
        out.append(line)
    return "\n".join(head + out) + "\n"


def _quotes(lines: list[str], header: int, source: str) -> bool:
    """Whether the table starting at `header` holds a text quoting `source` (up to the
    next table header)."""
    needle = f'quoted_from = "{source}"'
    for line in lines[header + 1:]:
        if _TABLE.match(line):
            return False
        if needle in line:
            return True
    return False
