"""Provides finding, reading, merging and validating court profiles.

Built-in profiles ship in `ecf_tui.courts`; extra folders come from
`ECF_TUI_PROFILES` (os.pathsep-separated) and `--profiles DIR`, later folders
overriding earlier ones by court code. A profile names the base it extends
(`extends = "_base"`); the base is looked for beside the profile, then among
the built-ins. Tables merge key by key; a court's list replaces the base's.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ecf_tui.court import silence
from ecf_tui.court.errors import ProfileErrors, UserError
from ecf_tui.court.toml_places import find_place
from ecf_tui.registry.problems import flow_problem, located, nearest, schema_problem

if TYPE_CHECKING:  # pydantic and the models load with the first profile, not before:
    # `ecf-tui courts` reads the names of checked profiles from the cache without them.
    from ecf_tui.court.profile import CourtProfile
    from ecf_tui.court.salvage import Piece

ENV_VAR = "ECF_TUI_PROFILES"
BASE_PREFIX = "_"


def court_code(text: str) -> str:
    """A court code as the profiles spell it, whatever case it was typed in (`mssb`)."""
    return text.strip().upper()


def builtin_dir() -> Path:
    """The built-in profiles' folder: the `ecf_tui.courts` package's own, installed or
    editable (its `__file__`, as `importlib.resources.files` finds it for a package on
    disk, without importing importlib.resources and zipfile on every start)."""
    import ecf_tui.courts

    return Path(ecf_tui.courts.__file__).parent


@dataclass(frozen=True)
class Source:
    """Where a court's profile comes from, and what it overrides."""

    code: str
    path: Path
    overrides: tuple[Path, ...] = ()


@dataclass
class Registry:
    """The courts known from the built-ins and the extra folders."""

    folders: tuple[Path, ...]
    _cache: dict[tuple[str, bool], CourtProfile] = field(default_factory=dict, repr=False)
    _guides: dict[str, str] = field(default_factory=dict, repr=False)

    @cached_property
    def sources(self) -> dict[str, Source]:
        found: dict[str, Source] = {}
        for folder in self.folders:
            for path in sorted(folder.glob("*.toml")):
                if path.name.startswith(BASE_PREFIX):
                    continue
                code = path.stem
                previous = found.get(code)
                overrides = (*previous.overrides, previous.path) if previous else ()
                found[code] = Source(code, path, overrides)
        return found

    def codes(self) -> list[str]:
        return list(self.sources)

    def source(self, code: str) -> Source:
        """Where the court's profile comes from; `code` in any case."""
        try:
            return self.sources[court_code(code)]
        except KeyError:
            known = ", ".join(self.codes()) or "none"
            close = nearest(court_code(code), self.codes())
            fix = f"use one of: {known}" + (f" (did you mean {close}?)" if close else "")
            fix += "; or add a folder with --profiles DIR."
            raise UserError(f"unknown court '{code}'.", place="court", fix=fix) from None

    def load(self, code: str, *, graph_checks: bool = True) -> CourtProfile:
        """The court's profile, read once; `code` in any case."""
        key = (court_code(code), graph_checks)
        if key not in self._cache:
            self._cache[key] = load_file(self.source(code).path, graph_checks=graph_checks)
        return self._cache[key]

    def name(self, code: str) -> str:
        """The court's full name: the profile cache's where the profile passed every
        check before and is unchanged (read without the profile, so without pydantic),
        else the name of the profile, loaded."""
        loaded = self._cache.get((court_code(code), True))
        if loaded is not None:
            return loaded.name.text
        return cached_name(self.source(code).path) or self.load(code).name.text

    def guide_text(self, code: str) -> str:
        """The court's guide, read once (the help desk's panel asks on every step, the
        scenario checks at every court a scenario names)."""
        key = court_code(code)
        if key not in self._guides:
            profile = self.load(code)
            path = self.source(code).path.parent / profile.guide
            self._guides[key] = path.read_text(encoding="utf-8-sig")
        return self._guides[key]


def registry(extra: Sequence[str | Path] = (), env: Mapping[str, str] | None = None) -> Registry:
    """The registry for the built-ins, then `ECF_TUI_PROFILES`, then `extra` folders."""
    env = os.environ if env is None else env
    from_env = [p for p in env.get(ENV_VAR, "").split(os.pathsep) if p]
    folders = [builtin_dir()]
    for name, origin in [*((p, ENV_VAR) for p in from_env), *((p, "--profiles") for p in extra)]:
        folder = Path(name)
        if not folder.is_dir():
            raise UserError(
                f"profile folder '{folder}' (from {origin}) does not exist or is not a folder.",
                fix="give an existing folder holding COURT.toml files.",
            )
        folders.append(folder)
    return Registry(tuple(folders))


# -- reading one file ------------------------------------------------------


def read_toml(path: Path) -> dict[str, Any]:
    try:
        # utf-8-sig: Windows editors (Notepad) may begin the file with a byte-order mark.
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserError("no such file.", file=path,
                        fix="check the path, or give a court code (ecf-tui courts lists them)."
                        ) from None
    except (OSError, UnicodeDecodeError) as err:
        raise UserError(f"cannot be read ({err.__class__.__name__}).", file=path,
                        fix="give a readable UTF-8 TOML file.") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        message = str(err)
        place = None
        at = re.search(r"\(at line (\d+), column (\d+)\)", message)
        if at:
            place = f"line {at[1]}, column {at[2]}"
            message = message[: at.start()].strip()
        raise UserError(
            f"is not valid TOML: {message}.", file=path, place=place,
            fix="correct the TOML syntax there (strings need quotes, tables [name], "
                "one key = value per line).",
        ) from None
    except RecursionError:  # tomllib reads a nested array or inline table by recursion
        deep = next((f"line {n}" for n, line in enumerate(text.splitlines(), start=1)
                     if line.count("[") + line.count("{") > 100), None)
        raise UserError("has arrays or inline tables nested hundreds deep.", file=path,
                        place=deep, fix="nest them a few levels deep at most.") from None


def merged_raw(path: Path, seen: tuple[Path, ...] = ()) -> tuple[dict[str, Any], list[Path]]:
    """The profile's table with its base merged under it, and the files that made it."""
    raw = read_toml(path)
    base_name = raw.pop("extends", None)
    if base_name is None:
        return raw, [path]
    if not isinstance(base_name, str):
        raise UserError("'extends' must be a base profile's name, such as \"_base\".",
                        file=path, place=find_place(path, ("extends",)),
                        fix='write extends = "_base".')
    base_path = _find_base(path, base_name)
    if base_path in seen:
        raise UserError(f"'extends' makes a loop through {base_path.name}.", file=path,
                        place=find_place(path, ("extends",)), fix="remove the loop.")
    base, files = merged_raw(base_path, (*seen, path))
    merged = deep_merge(base, raw)
    inherited = set(_table(base, "steps")) - set(_table(raw, "steps"))
    return _drop_unused_steps(merged, inherited), [path, *files]


def _table(raw: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = raw.get(key)
    return value if isinstance(value, Mapping) else {}


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _drop_unused_steps(merged: dict[str, Any], inherited: set[str]) -> dict[str, Any]:
    """Leave out the base's steps that nothing in the court's flow leads to (a court
    whose link form has no "More about Upgraded PACER account" link has no use for
    its page)."""
    steps = dict(_table(merged, "steps"))
    while True:
        used = set(_strings(merged.get("start")))
        for sid, body in steps.items():
            used.update(s for s in _strings(body) if s != sid)
        unused = [sid for sid in steps if sid in inherited and sid not in used]
        if not unused:
            break
        for sid in unused:
            del steps[sid]
    if isinstance(merged.get("steps"), Mapping):  # a wrong type stays, for the schema to name
        merged["steps"] = steps
    return merged


def _find_base(path: Path, name: str) -> Path:
    file_name = name if name.endswith(".toml") else f"{name}.toml"
    for folder in (path.parent, builtin_dir()):
        # Not Path.is_file: it raises for a name too long for the system.
        if os.path.isfile(folder / file_name):
            return folder / file_name
    raise UserError(f"extends '{name}', but no {file_name} is beside it or built in.",
                    file=path, place=find_place(path, ("extends",)),
                    fix='use extends = "_base" or put the base file beside the profile.')


def deep_merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """`over`'s tables merged into `base`'s key by key; any other value replaces the
    base's, and so does a text's table (`{ text = ... }`): the court's words come with
    their own source, not the base's (a court's quoted text over the base's simulator
    text was both, and invalid)."""
    merged = dict(base)
    for key, value in over.items():
        if (isinstance(value, Mapping) and isinstance(merged.get(key), Mapping)
                and "text" not in value):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def load_file(path: Path, *, graph_checks: bool = True) -> CourtProfile:
    """Read, merge and validate one court profile; its problems are one ProfileErrors
    (every one at once, as `examine_file` finds them), or a UserError where it is no
    profile at all. `graph_checks=False` accepts a flow that cannot be walked to its
    end (for QA)."""
    raw, files = merged_raw(path)
    guide, bad_guide = _guide(path, files, raw)
    cache_key = None
    if graph_checks and not bad_guide:  # a profile that passed every check before,
        from ecf_tui.flows import graph  # unchanged: read it back
        from ecf_tui.registry import profile_cache

        cache_key = profile_cache.key(files, guide)
        found = profile_cache.read(cache_key)
        if found is not None:
            graph.remember(*found)
            return found[0]
    examined = _examine(path, raw, files, guide, bad_guide, graph_checks)
    if examined.profile is None or examined.total:
        raise examined.errors()
    if cache_key is not None:
        profile_cache.write(cache_key, examined.profile, graph.of(examined.profile))
    return examined.profile


def cached_name(path: Path) -> str | None:
    """The court's full name where its profile passed every check before and is
    unchanged, read from the profile cache (no profile model made); else None."""
    from ecf_tui.registry import profile_cache

    raw, files = merged_raw(path)
    guide, bad_guide = _guide(path, files, raw)
    return None if bad_guide else profile_cache.read_name(profile_cache.key(files, guide))


def examine_file(path: Path, *, graph_checks: bool = True) -> Examined:
    """Read, merge and check one profile: every problem found, none raised, as `validate`
    reports them. A file that is no TOML, or whose base is missing or loops, still
    raises its UserError: it leaves no profile to check."""
    raw, files = merged_raw(path)
    guide, bad_guide = _guide(path, files, raw)
    return _examine(path, raw, files, guide, bad_guide, graph_checks)


@dataclass(frozen=True)
class Examined:
    """A profile read and checked: the model where its schema passed, else the pieces
    it accepts (`court.salvage`), and its problems, the first MAX_PROBLEMS of `total`."""

    path: Path
    files: list[Path]
    """The profile's file, then the bases it extends."""
    guide: Path | None
    """The guide file it names; None where that is a problem (or no string)."""
    code: str
    """The court's code: the profile's where it gives one, else the file's name."""
    profile: CourtProfile | None
    pieces: list[Piece]
    """Where the schema failed, the valid pieces: what validate checks against the guide."""
    problems: list[UserError]
    total: int

    def errors(self) -> ProfileErrors:
        return capped(self.path, list(self.problems), self.total)


def _examine(path: Path, raw: dict[str, Any], files: list[Path], guide: Path | None,
             bad_guide: list[UserError], graph_checks: bool) -> Examined:
    """Every problem of a merged profile: its guide's, its schema's, then the flow
    checks' (of the whole model, or of the pieces the schema accepts)."""
    from pydantic import ValidationError

    from ecf_tui.court.profile import CourtProfile
    from ecf_tui.flows.flow_checks import check_pieces, check_profile

    raw = _recredit(silence.fill(raw), guide)
    problems: list[Callable[[], UserError]] = [partial(_same, bad) for bad in bad_guide]
    given = raw.get("code")
    code = given if isinstance(given, str) and given else path.stem
    try:
        profile = CourtProfile.model_validate(raw)
    except ValidationError as err:
        from ecf_tui.court.salvage import salvage

        pieces = salvage(raw)
        steps = raw.get("steps")
        from ecf_tui.court.model_paths import one_per_place

        problems += [partial(schema_problem, e, files) for e in one_per_place(
            err.errors(include_input=False, include_url=False))]
        problems += [partial(flow_problem, p, files) for p in check_pieces(
            pieces, steps if isinstance(steps, Mapping) else None, path.stem)]
        return Examined(path, files, guide, code, None, pieces, *_made(problems))
    problems += [partial(flow_problem, p, files)
                 for p in check_profile(profile, path.stem, graph=graph_checks)]
    return Examined(path, files, guide, profile.code, profile, [], *_made(problems))


def _guide(path: Path, files: list[Path], raw: Mapping[str, Any]
           ) -> tuple[Path | None, list[UserError]]:
    """The guide file, or its problem: one among the profile's others."""
    try:
        return _guide_file(path, files, raw.get("guide")), []
    except UserError as bad:
        return None, [bad]


def _same(problem: UserError) -> UserError:
    return problem


def _made(problems: list[Callable[[], UserError]]) -> tuple[list[UserError], int]:
    """The first MAX_PROBLEMS problems made, and how many there are: each is placed in
    its file, and ten thousand took seconds."""
    return [make() for make in problems[:MAX_PROBLEMS]], len(problems)


def _guide_file(path: Path, files: list[Path], guide: Any) -> Path | None:
    """The guide file the profile names; None where `guide` is no string (the schema
    says so). A name no file can have, or of a folder, a device or a pipe, is a problem
    now: reading `guide = "/dev/zero"` never ended. So is a missing file: the help
    desk's panel (F3) found it missing only when opened, and crashed."""
    if not isinstance(guide, str):
        return None
    found = path.parent / guide
    # os.path answers False where pathlib raises: a NUL in the name, a name too long.
    if "\0" in guide or os.path.exists(found) and not os.path.isfile(found):
        raise UserError("'guide' does not name a file.", **located(files, ("guide",)),
                        fix="name the court's guide text file, relative to the profile's "
                            'folder: guide = "guides/CODE.txt".')
    if not os.path.exists(found):  # the help desk's panel (F3) quotes it on every step
        raise UserError(f"its guide '{guide}' is not there ({found}).",
                        **located(files, ("guide",)),
                        fix="put the court's guide text there, or correct 'guide' (a path "
                            "relative to the profile's folder).")
    return found


MAX_PROBLEMS = 50
"""Problems reported per profile. An array of the wrong things makes one per item: ten
thousand took seconds to place in the file, and as many lines to print; the first ones
show what to correct."""


def capped(path: Path, problems: list[UserError], total: int) -> ProfileErrors:
    """The first MAX_PROBLEMS of `total` problems (`problems` may hold only those), and
    how many more there are."""
    listed = problems[:MAX_PROBLEMS]
    if total > len(listed):
        listed.append(UserError(f"{total - len(listed)} more problems, not listed.",
                                file=path, fix="correct the ones above, then validate "
                                               "again to see the rest."))
    return ProfileErrors(path, listed)


def _recredit(raw: dict[str, Any], guide: Path | None) -> dict[str, Any]:
    """Credit to the court's own guide every text quoted from another court's guide (as
    the base profile's are) that the court's guide has word for word: CANB's link form
    is CANB's words, not CASB's. A one-word label ("Login", "Submit") is left as quoted:
    a guide's narration ("Click Submit") does not show the button; a court whose guide
    shows it says so in its own file. A guide that cannot be read is reported by
    validation."""
    from ecf_tui.court.fidelity import contains, fold

    code = raw.get("code")
    try:  # only a file `_guide_file` checked: reading guide = "/dev/zero" never ended
        own = fold(guide.read_text(encoding="utf-8-sig")) if guide is not None else None
    except (OSError, UnicodeDecodeError):
        own = None
    if own is None:
        return raw

    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            words = value.get("text")
            quoted = value.get("quoted_from")
            if quoted == code or isinstance(quoted, str) and isinstance(words, str) \
                    and len(words.split()) > 1 and contains(own, words):
                value = {k: v for k, v in value.items() if k != "quoted_from"}
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    result: dict[str, Any] = walk(raw)
    return result
