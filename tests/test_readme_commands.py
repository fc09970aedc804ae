"""The README's table of commands against the parser: every command has a row, every
row names a real command, every option a row writes is that command's, and every
option a command has is written in one of its rows (apart from -h and the options
every command shares, which the paragraph under the table names). The README is
written by hand; this keeps it from drifting from the parser."""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from ecf_tui.cli import build_parser

README = Path(__file__).parents[1] / "README.md"
MAIN = "ecf-tui"
"""The row's command for `ecf-tui` alone and `ecf-tui --version`: the main parser."""


@dataclass(frozen=True)
class Written:
    """An option as a row's command cell writes it."""

    option: str
    optional: bool
    """Inside [ ]."""
    choices: tuple[str, ...]
    """The values it writes as `a|b|c`; none for one placeholder (`--mode M`)."""


@dataclass(frozen=True)
class Row:
    cell: str
    """The command cell, as the table shows it (`\\|` read as `|`)."""
    command: str
    options: tuple[Written, ...]


def _section() -> tuple[list[str], str]:
    """The table's lines, and the text after the table up to the next heading."""
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Commands\n", 1)[1].split("\n## ", 1)[0]
    lines = section.strip().splitlines()
    table = [line for line in lines if line.startswith("|")]
    after = "\n".join(lines[lines.index(table[-1]) + 1:])
    return table[2:], after  # below the header and its rule


def _row(line: str) -> Row:
    first = re.split(r"(?<!\\)\|", line)[1].strip()
    assert first.startswith("`") and first.endswith("`"), f"{line}: the command in `...`"
    cell = first.strip("`").replace("\\|", "|")
    words = cell.split()
    assert words[0] == MAIN, f"{cell}: a row's command begins with ecf-tui"
    command = words[1] if len(words) > 1 and words[1][0].isalpha() else MAIN
    options = []
    for match in re.finditer(r"(?<![\w-])(--[a-z][a-z-]*)(?: ([^\s\[\]]+))?", cell):
        depth = cell[:match.start()].count("[") - cell[:match.start()].count("]")
        value = match.group(2) or ""
        choices = tuple(value.split("|")) if "|" in value else ()
        options.append(Written(match.group(1), depth > 0, choices))
    return Row(cell, command, tuple(options))


def _rows(parsers: dict[str, argparse.ArgumentParser] | None = None) -> list[Row]:
    """The table's rows; given the parsers, only those naming a command (the others
    fail the test of their own)."""
    rows = [_row(line) for line in _section()[0]]
    return [r for r in rows if parsers is None or r.command in parsers]


def _parsers() -> dict[str, argparse.ArgumentParser]:
    """The main parser and each command's, by name. argparse lists neither a parser's
    options nor its subcommands in public: its `_actions` are the one way to read them."""
    parser = build_parser()
    found = {MAIN: parser}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found.update(action.choices)
    return found


def _options(parser: argparse.ArgumentParser) -> dict[str, argparse.Action]:
    return {name: action for action in parser._actions for name in action.option_strings
            if name.startswith("--")}


def _shared(parsers: dict[str, argparse.ArgumentParser]) -> set[str]:
    """The options every command has (its --help, the common parent's --profiles)."""
    return set.intersection(*(set(_options(p)) for p in parsers.values()))


def test_every_command_has_a_row_and_every_row_names_a_command() -> None:
    parsers, rows = _parsers(), _rows()
    unknown = [r.cell for r in rows if r.command not in parsers]
    assert not unknown, (f"README.md, ## Commands: {unknown} name no command of the "
                         f"parser (it has {sorted(parsers)}). Fix: correct or drop the row.")
    missing = sorted(set(parsers) - {r.command for r in rows})
    assert not missing, (f"README.md, ## Commands: no row for {missing}. Fix: add a row "
                         "with its options and what it does.")


def test_every_option_a_row_writes_is_its_commands() -> None:
    parsers = _parsers()
    for row in _rows(parsers):
        options = _options(parsers[row.command])
        for written in row.options:
            assert written.option in options, (
                f"README.md, ## Commands, `{row.cell}`: `{row.command}` has no option "
                f"{written.option} (it has {sorted(options)}). Fix: correct the row.")
            choices = options[written.option].choices
            if written.choices:
                assert choices is not None and set(written.choices) == set(choices), (
                    f"README.md, ## Commands, `{row.cell}`: {written.option} takes "
                    f"{choices}, not {written.choices}. Fix: write its choices.")


def test_every_option_of_a_command_is_written_in_one_of_its_rows() -> None:
    parsers, rows = _parsers(), _rows()
    shared = _shared(parsers)
    for name, parser in parsers.items():
        written = {w.option for r in rows if r.command == name for w in r.options}
        unwritten = sorted(set(_options(parser)) - shared - written)
        assert not unwritten, (
            f"README.md, ## Commands: `{name}`'s rows do not write {unwritten}. Fix: add "
            "each to the row it belongs with, [in brackets] when it may be left out.")


def test_a_required_option_is_written_in_every_row_of_its_command_unbracketed() -> None:
    parsers = _parsers()
    for row in _rows(parsers):
        written = {w.option: w for w in row.options}
        for name, action in _options(parsers[row.command]).items():
            if action.required:
                assert name in written and not written[name].optional, (
                    f"README.md, ## Commands, `{row.cell}`: {name} is required. Fix: "
                    "write it outside [ ].")


def test_the_shared_options_are_named_under_the_table() -> None:
    after = _section()[1]
    for option in sorted(_shared(_parsers()) - {"--help"}):
        assert f"`{option} " in after, (
            f"README.md, ## Commands: every command takes {option}; the paragraph under "
            "the table should say so.")


@pytest.mark.parametrize(("cell", "command", "options"), [
    ("ecf-tui qa [COURT ...] --out DIR [--input keys|mouse]", "qa",
     (Written("--out", False, ()), Written("--input", True, ("keys", "mouse")))),
    ("ecf-tui --version", MAIN, (Written("--version", False, ()),)),
    ('ecf-tui new-court CODE --name "..." [--from COURT]', "new-court",
     (Written("--name", False, ()), Written("--from", True, ()))),
])
def test_a_rows_command_cell_is_read_as_written(
        cell: str, command: str, options: tuple[Written, ...]) -> None:
    line = f"| `{cell.replace('|', chr(92) + '|')}` | what it does |"
    assert _row(line) == Row(cell, command, options)
