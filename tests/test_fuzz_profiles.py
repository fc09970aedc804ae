"""Fuzzing the profile loader: hypothesis breaks the built-in court profiles (keys
removed, renamed, retyped; odd Unicode, huge strings, deep and long arrays; files cut
short, bytes flipped or inserted, so broken TOML and invalid UTF-8), in the court's file
or in a base beside it, and `validate` and `run` must answer each with exit 0, or with
exit 2 and a paragraph naming the file and the fix; never a traceback.

`run` is fuzzed up to the App's start: the target resolved, the profile loaded and
checked, the App built (`run_app` is replaced by a stub that starts nothing). Then a few
mutants that load (odd texts on the first page, steps and accounts renamed everywhere)
are started headless in the real App.

Each bug the fuzzing found is kept below as an example or a test of its own.
"""

from __future__ import annotations

import asyncio
import copy
import io
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, example, given, reject, settings
from hypothesis import strategies as st

from ecf_tui.app import EcfApp, make_app
from ecf_tui.cli import build_parser, main
from ecf_tui.court.errors import UserError
from ecf_tui.court.profile import CourtProfile
from ecf_tui.registry.loading import Registry, builtin_dir, load_file, merged_raw, registry
from ecf_tui.ui.screen_map import shown_for

from .conftest import COURTS

MIX = ("MOEB", "CASB", "MOEB", "CASB", "MOEB", "CASB", "CANB", "CANB", "ALNB", "MSSB")
"""The courts mutated, those with the smallest flow graphs more often: a mutant that still
loads is checked to its flow's end, MOEB's in 35 ms, MSSB's (~650 states) in 95."""

Tree = dict[str, Any]
Where = tuple[str | int, ...]


def _raw(name: str) -> bytes:
    return (builtin_dir() / f"{name}.toml").read_bytes()


def _parsed(name: str) -> Tree:
    return tomllib.loads(_raw(name).decode("utf-8"))


ORIGINALS: dict[str, Tree] = {name: _parsed(name) for name in (*dict.fromkeys(MIX), "_base")}


def _places(value: Any, where: Where = ()) -> Iterator[Where]:
    """Every key of every table and every item of every array, depth first."""
    items = value.items() if isinstance(value, dict) else (
        enumerate(value) if isinstance(value, list) else ())
    for key, item in items:
        yield (*where, key)
        yield from _places(item, (*where, key))


def _get(tree: Any, where: Where) -> Any:
    for part in where:
        tree = tree[part]
    return tree


NAMES = {"extends", "code", "guide", "start", "kind", "source", "quoted_from", "next", "to",
         "back_to", "close_to", "cancel_to", "upgrade_to", "pacer_only_to", "email",
         "on_cmecf_credentials", "on_inactive", "does", "situation", "outcome", "person",
         "password", "ways", "menu_items"}
"""The strings that are not a text shown but name something: a file, a step, a kind, a
court, an account's holder. A text's words are checked against the guide only."""


def _groups(name: str, strings: bool | None = None) -> dict[str, list[Where]]:
    """The profile's places by the key they are at (an array's items by the array's): the
    few top-level keys are drawn as often as the hundred `text`s. `strings`: only the
    places that hold a string, the names (True) or the texts (False)."""
    groups: dict[str, list[Where]] = {}
    for where in _places(ORIGINALS[name]):
        key = next(str(p) for p in reversed(where) if isinstance(p, str))
        value = _get(ORIGINALS[name], where)
        if strings is None or isinstance(value, str) and (key in NAMES) is strings:
            groups.setdefault(key, []).append(where)
    return groups


PLACES = {name: _groups(name) for name in ORIGINALS}
STRING_PLACES = {(name, names): _groups(name, names) for name in ORIGINALS
                 for names in (True, False)}

ODD = [
    "", " ", "\t", "\n", "\x00", "\x01\x02\x7f", "\x1b[31mred\x1b[0m", "\u200f\u202eCASB",
    "\u202a\u202b\u202c\u2066\u2069", "e\u0301\u0302\u0303\u0304" * 20, "\ufeff", "\u2028\u2029",
    "\U0001f600\U0001f1fa\U0001f1f8", "\u0130\u0131\u00df\u01c5", "\uffff\U0010ffff",
    "../../../../etc/passwd", "guides", "guides/", "/", ".", "CON", "nul", "%s%n{0}",
    "[x](y)", "**", "\\", "'", '"', "#", "=", "[steps]", "\u00a0\u2003\u3000",
    "\u0000guides/CASB.txt",
]
"""Strings that have broken programs elsewhere: controls (NUL too: TOML writes it as
\\u0000), bidi marks, combining marks, astral planes, paths, format codes, the guides'
markup. No lone surrogate: UTF-8 has no encoding for one, so no TOML file can hold it.
No device (/dev/zero): should reading one come back, it would fill the memory; a test
below reads one in a child process with a memory limit."""

_chars = st.characters(exclude_categories=("Cs",))
odd_strings = st.one_of(
    st.sampled_from(ODD),
    st.text(_chars, max_size=12),
    st.builds(lambda s, n: s * n, st.sampled_from(["x", "\u202e", "e\u0301", "\U0001f600 "]),
              st.sampled_from([100_000, 20_000])),  # huge: 20,000 or 100,000 times
)
other_values = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1), st.booleans(), st.floats(),
    st.dates(), st.datetimes(), st.times(), odd_strings,
    st.lists(st.integers(), max_size=3), st.lists(odd_strings, max_size=3),
    st.dictionaries(st.text(_chars, max_size=5), st.integers(), max_size=2),
    st.fixed_dictionaries({"text": odd_strings}),
)


def _typo(key: str, data: st.DataObject) -> str:
    how = data.draw(st.sampled_from(["drop", "double", "swap", "upper", "char", "huge"]))
    at = data.draw(st.integers(0, max(len(key) - 1, 0)))
    if how == "drop":
        return key[:at] + key[at + 1:]
    if how == "double":
        return key[:at] + key[at:at + 1] * 2 + key[at + 1:]
    if how == "swap" and len(key) > 1:
        at = min(at, len(key) - 2)
        return key[:at] + key[at + 1] + key[at] + key[at + 2:]
    if how == "upper":
        return key.upper()
    if how == "huge":
        return key * 10_000
    return key[:at] + data.draw(_chars) + key[at:]


DEEP = "@@deep@@"
"""A value written in place of a deep array, then swapped for it in the TOML text
(tomli_w writes arrays recursively, so it cannot write one thousands deep itself)."""


def _mutate_tree(tree: Tree, name: str, data: st.DataObject) -> tuple[str, Tree, int]:
    """One change to a parsed profile: what it was, the tree, and a deep array's depth."""
    how = data.draw(st.sampled_from(
        ["remove", "rename", "rename", "retype", "retype", "odd", "odd", "deep", "long"]))
    # An odd name fails fast; an odd text loads and is then checked to the flow's end.
    names = data.draw(st.sampled_from([True, True, True, False]))
    groups = STRING_PLACES[name, names] if how == "odd" else PLACES[name]
    where = data.draw(st.sampled_from(groups[data.draw(st.sampled_from(sorted(groups)))]))
    parent, key = _get(tree, where[:-1]), where[-1]
    depth = 0
    if how == "remove":
        del parent[key]
    elif how == "rename" and isinstance(key, str):
        parent[_typo(key, data)] = parent.pop(key)
    elif how in ("retype", "rename"):  # an array's item has no name: another type, then
        parent[key] = data.draw(other_values)
    elif how == "odd":
        parent[key] = data.draw(odd_strings)
    elif how == "deep":
        parent[key] = DEEP
        depth = data.draw(st.sampled_from([3, 100, 400, 5_000]))
    else:
        item = data.draw(st.sampled_from(["x", 1, {"text": "x"}, [], {}]))
        parent[key] = [item] * data.draw(st.sampled_from([200, 2_000]))
    return f"{how} {where}", tree, depth


def _mutate_text(raw: bytes, data: st.DataObject) -> tuple[str, bytes]:
    """One change to a profile's bytes: cut short, a bit flipped, a few bytes inserted."""
    # A flipped bit is mostly in a text, which then loads: fewer of those, as above.
    how = data.draw(st.sampled_from(["cut", "cut", "flip", "insert", "insert", "insert"]))
    at = data.draw(st.integers(0, len(raw) - 1))
    if how == "cut":
        return f"cut at {at}", raw[:at]
    if how == "flip":
        bit = data.draw(st.integers(0, 7))
        return f"flip bit {bit} of byte {at}", raw[:at] + bytes([raw[at] ^ 1 << bit]) + raw[
            at + 1:]
    inserted = data.draw(st.one_of(
        st.binary(min_size=1, max_size=3),
        st.sampled_from([b'"', b"[", b"]", b"=", b"\n", b"\xff", b"\xc3", b"\\u", b"'''",
                         b"\n[steps]\n", b"\nextends = 1\n", b"\ncode = \"CASB\"\n",
                         b"\xed\xa0\x80"]),
    ))
    return f"insert {inserted!r} at {at}", raw[:at] + inserted + raw[at:]


@dataclass(frozen=True)
class Mutant:
    """A changed court: its code, the file changed (the court's, the base beside it, or
    the court on its own with its base merged in), the change, and that file's bytes."""

    code: str
    file: str
    change: str
    data: bytes

    def write(self, folder: Path) -> Path:
        """The court (and its guide) in `folder`, the changed file in it; the court's file."""
        (folder / "guides").mkdir()
        shutil.copy(builtin_dir() / "guides" / f"{self.code}.txt", folder / "guides")
        court = folder / f"{self.code}.toml"
        if self.file == "_base":
            shutil.copy(builtin_dir() / f"{self.code}.toml", court)
        (folder / f"{self.file}.toml").write_bytes(self.data)
        return court


def _written(code: str, name: str, change: str, tree: Tree, depth: int = 0) -> Mutant:
    toml = tomli_w.dumps(tree).replace(f'"{DEEP}"', "[" * depth + "]" * depth)
    return Mutant(code, name, change, toml.encode("utf-8"))


def _changed(code: str, where: Where, value: Any, *, depth: int = 0,
             name: str | None = None) -> Mutant:
    """The court (or its base, `name`) with the value at `where` replaced: a regression."""
    tree = copy.deepcopy(ORIGINALS[name or code])
    _get(tree, where[:-1])[where[-1]] = value
    return _written(code, name or code, f"{where} = {value!r:.40}", tree, depth)


@st.composite
def mutants(draw: st.DrawFn) -> Mutant:
    code = draw(st.sampled_from(MIX))
    name = draw(st.sampled_from([code] * 5 + ["_base"]))
    data = draw(st.data())
    if draw(st.integers(0, 3)) == 0:
        change, raw = _mutate_text(_raw(name), data)
        return Mutant(code, name, change, raw)
    change, tree, depth = _mutate_tree(copy.deepcopy(ORIGINALS[name]), name, data)
    return _written(code, name, change, tree, depth)


def _check(mutant: Mutant, command: str, started: list[str]) -> None:
    """`command` on the mutant answers 0 (`run`: the App about to start), or 2 with a
    paragraph naming a profile file and the fix."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        court = mutant.write(folder)
        argv = ["validate", str(court)] if command == "validate" else [
            "run", mutant.code, "--no-save"]
        out, err = io.StringIO(), io.StringIO()
        started.clear()
        code = main(["--profiles", str(folder), *argv], out, err)
    said = err.getvalue()
    assert code in (0, 2), (code, said)
    if code == 0:
        assert command == "validate" or started == [mutant.code]
        return
    assert "Traceback" not in said, said
    # The court's file, or the base it takes a field from (beside it or built in).
    assert str(folder) in said or str(builtin_dir() / "_base.toml") in said, said[:2000]
    assert " Fix: " in said, said[:2000]


def _builtins_once(load: Callable[..., CourtProfile]) -> Callable[..., CourtProfile]:
    """`load` (registry.loading.load_file), remembering what it gives for a built-in court."""
    loaded: dict[tuple[Path, bool], CourtProfile] = {}

    def load_file(path: Path, *, graph_checks: bool = True) -> CourtProfile:
        if path.parent != builtin_dir():
            return load(path, graph_checks=graph_checks)
        if (path, graph_checks) not in loaded:
            loaded[path, graph_checks] = load(path, graph_checks=graph_checks)
        return loaded[path, graph_checks]

    return load_file


@pytest.fixture
def up_to_the_app(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """`run` as far as the App's start: `run_app` starts nothing and records the court."""
    started: list[str] = []

    def run_app(app: EcfApp, **options: Any) -> int:
        assert app.profile is not None and app.state is not None
        started.append(app.profile.code)
        return 0

    monkeypatch.setattr("ecf_tui.app.run_app", run_app)
    # The parser is the real one, built once: a build takes 5 ms, a tenth of an example.
    monkeypatch.setattr("ecf_tui.cli.build_parser", cache(build_parser))
    # The built-in courts whose guides the base quotes are read once: the rest of the
    # suite checks them, and each example checks its own file anew.
    monkeypatch.setattr("ecf_tui.registry.loading.load_file", _builtins_once(load_file))
    # Each mutant is a new file: cached, none would be read back.
    monkeypatch.setenv("ECF_TUI_CACHE", "off")
    monkeypatch.delenv("ECF_TUI_PROFILES", raising=False)
    return started


FUZZ = settings(max_examples=500, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow, HealthCheck.data_too_large])
"""Reproducible (derandomize: CI draws the same examples every run), no example database
in .hypothesis/, and about 10 s on one core."""


@FUZZ
@given(mutant=mutants(), command=st.sampled_from(["validate", "run"]))
# tomllib reads nested arrays by recursion: 5,000 deep raised RecursionError.
@example(mutant=_changed("CASB", ("about", "intro"), DEEP, depth=5_000), command="validate")
@example(mutant=_changed("MOEB", ("steps",), DEEP, depth=5_000, name="_base"), command="run")
# A NUL in the guide's name: ValueError (embedded null byte) from the cache key's stat.
@example(mutant=_changed("CASB", ("guide",), "guides/\x00CASB.txt"), command="run")
@example(mutant=_changed("ALNB", ("guide",), "\x00"), command="validate")
def test_validate_and_run_answer_any_broken_profile_with_0_or_a_paragraph(
        up_to_the_app: list[str], mutant: Mutant, command: str) -> None:
    """One command per mutant: both on each took twice as long, and what they share
    (reading, merging, the schema and the flow's checks) is what breaks."""
    _check(mutant, command, up_to_the_app)


# -- the bugs the fuzzing found, each on its own --------------------------------------


def _validate(mutant: Mutant, tmp_path: Path) -> tuple[int, str, Path]:
    court = mutant.write(tmp_path)
    err = io.StringIO()
    code = main(["--profiles", str(tmp_path), "validate", str(court)], io.StringIO(), err)
    return code, err.getvalue(), court


def test_ten_thousand_wrong_items_are_fifty_problems_and_a_count(tmp_path: Path) -> None:
    """An array of 10,000 wrong things took two minutes: each problem's place was found
    by reading the file again, 10,000 lines long. Now the file is indexed once, and the
    paragraph lists the first fifty and says how many more."""
    code, said, court = _validate(_changed("MOEB", ("about", "intro"), [1] * 10_000), tmp_path)
    assert code == 2 and said.startswith(f"ecf-tui: {court}, line ")
    lines = said.splitlines()
    assert len(lines) == 51 and "9950 more problems, not listed." in lines[-1], lines[-1]


def test_a_table_given_another_type_is_named(tmp_path: Path) -> None:
    """`steps = 5` was read as no steps at all: "names a step the profile does not have.
    Fix: use one of: ." and seven more. Now the schema says `steps` must be a table."""
    code, said, court = _validate(_changed("CASB", ("steps",), 5), tmp_path)
    assert code == 2 and said.startswith(f"ecf-tui: {court}, line 6, column 1 (field steps): ")
    assert "valid dictionary" in said and "one of: ." not in said


def test_a_base_name_too_long_for_the_system_is_the_profiles_problem(tmp_path: Path) -> None:
    """`extends` 100,000 characters long: the system's "File name too long" came out
    as a file that cannot be read, naming the base that is not there. Now it is the
    profile's 'extends' that names no base."""
    code, said, court = _validate(_changed("MOEB", ("extends",), "x" * 100_000), tmp_path)
    assert code == 2 and said.startswith(f"ecf-tui: {court}, line 1, column 1: extends '")
    assert "File name too long" not in said


@pytest.mark.parametrize("guide", ["guides", "", "guides/\x00"])
def test_a_guide_that_is_no_file_is_the_profiles_problem(tmp_path: Path, guide: str) -> None:
    """A folder for the guide passed `run` (the help desk's panel would fail on it
    later); a NUL in its name was a traceback. Both now stop loading, at `guide`."""
    mutant = _changed("CASB", ("guide",), guide)
    court = mutant.write(tmp_path)
    for argv in (["validate", str(court)], ["run", "CASB", "--no-save"]):
        err = io.StringIO()
        code = main(["--profiles", str(tmp_path), *argv], io.StringIO(), err)
        assert code == 2, argv
        assert err.getvalue().startswith(f"ecf-tui: {court}, line ") and (
            "'guide' does not name a file." in err.getvalue()), err.getvalue()


def test_a_device_as_the_guide_is_not_read(tmp_path: Path) -> None:
    """`guide = "/dev/zero"` was read to the end, which never comes: the memory filled.
    In a child process limited to 1 GB, so that a return of the bug fails and no more."""
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    court = _changed("CASB", ("guide",), "/dev/zero").write(tmp_path)
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30)); "
    done = subprocess.run(
        [sys.executable, "-c", limit + "from ecf_tui.cli import main; raise SystemExit("
         f"main(['--profiles', {str(tmp_path)!r}, 'validate', {str(court)!r}]))"],
        capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2, done.stderr[-2000:]
    assert "'guide' does not name a file." in done.stderr


# -- mutants that load, in the real App ----------------------------------------------


MERGED: dict[str, Tree] = {code: merged_raw(builtin_dir() / f"{code}.toml")[0]
                           for code in COURTS}
"""Each court on its own, its base merged in: a step renamed here is renamed for good
(renamed in a court's file, the base would still name the old one)."""

REFERENCES = {"start", "next", "to", "back_to", "close_to", "cancel_to", "upgrade_to",
              "pacer_only_to", "email", "on_cmecf_credentials", "on_inactive"}
"""The keys whose value names a step."""


def _renamed(tree: Any, table: Where, old: str, new: str, values_at: set[str]) -> Any:
    """`old` renamed to `new` as a key of `table` and as the value of `values_at` keys."""

    def walk(value: Any, where: Where, key: str | None) -> Any:
        if isinstance(value, dict):
            return {(new if k == old and where == table else k): walk(v, (*where, k), k)
                    for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, where, key) for v in value]
        return new if value == old and key in values_at else value

    return walk(tree, (), None)


@st.composite
def loading_mutants(draw: st.DrawFn) -> Mutant:
    code = draw(st.sampled_from(COURTS))
    tree = copy.deepcopy(MERGED[code])
    how = draw(st.sampled_from(["text", "step", "account", "person"]))
    new = draw(st.one_of(st.sampled_from([*ODD, "a/b", "a+b", "a:b", "A B", "-"]),
                         st.text(_chars, min_size=1, max_size=8)))
    if how == "text":  # on the first page: the guide's front matter, the court's name
        first = [w for w in _places(tree) if isinstance(_get(tree, w), str) and (
            w[0] in ("about", "name") or w[:2] == ("steps", tree["start"]))
            and not {"source", "quoted_from", "kind", "next"} & set(map(str, w))]
        where = draw(st.sampled_from(first))
        _get(tree, where[:-1])[where[-1]] = draw(odd_strings.filter(bool))  # none empty
        return _written(code, code, f"text {where}", tree)
    if how == "step":
        old = draw(st.sampled_from(sorted(tree["steps"])))
        tree = _renamed(tree, ("steps",), old, new, REFERENCES)
    elif how == "account":
        kind = draw(st.sampled_from(["pacer", "cmecf"]))
        old = draw(st.sampled_from(sorted(tree["accounts"][kind])))
        tree = _renamed(tree, ("accounts", kind), old, new, set())
    else:
        old = draw(st.sampled_from(sorted({a["person"] for accounts in tree["accounts"].values()
                                           for a in accounts.values()})))
        tree = _renamed(tree, (), old, new, {"person"})
    return _written(code, code, f"{how} {old!r} -> {new!r}", tree)


async def _first_page(reg: Registry, code: str) -> None:
    app = make_app(reg, code)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.profile is not None and app.state is not None
        assert type(app.screen) is shown_for(app.profile, app.state, app.coaching).screen
        assert app.first_report is None and app.return_code is None


@settings(max_examples=10, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much])
@given(mutant=loading_mutants())
def test_a_mutant_that_loads_shows_its_first_page(monkeypatch: pytest.MonkeyPatch,
                                                   mutant: Mutant) -> None:
    """What `run` starts after the loading fuzzed above: the App, headless, at 100x30."""
    monkeypatch.setenv("ECF_TUI_CACHE", "off")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        mutant.write(folder)
        reg = registry([folder], env={})
        try:
            reg.load(mutant.code)
        except UserError:
            reject()  # an empty text, say: the fuzzing above covers what does not load
        asyncio.run(_first_page(reg, mutant.code))
