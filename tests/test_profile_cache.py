"""The cache of checked profiles: what it reads back is what validation made, a change to
any file the checks read is a miss, and a cache that is off, damaged or unwritable only
costs the time it would have saved."""

from __future__ import annotations

from pathlib import Path

import pytest

from ecf_tui.flows import graph
from ecf_tui.registry import profile_cache
from ecf_tui.registry.loading import load_file


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(profile_cache.ENV_VAR, str(folder))
    return folder


def test_a_profile_read_back_is_the_one_validation_made(court_copy, cache: Path) -> None:
    path = court_copy("MSSB")
    first = load_file(path)
    assert len(list(cache.glob("*.pickle"))) == 1
    again = load_file(path)
    assert again is not first and again.model_dump() == first.model_dump()
    built, kept = graph.build(first), graph.of(again)
    assert kept.states == built.states and kept.edges == built.edges
    assert kept.profile is again


def test_a_changed_profile_or_guide_is_checked_again(court_copy, cache: Path) -> None:
    path = court_copy("CASB")
    load_file(path)
    path.write_text(path.read_text().replace("Barbara", "Barbra"))
    assert "Barbra" in str(load_file(path).model_dump())
    guide = path.parent / "guides" / "CASB.txt"
    guide.write_text(guide.read_text() + "\nA line added.\n")
    load_file(path)
    assert len(list(cache.glob("*.pickle"))) == 3


def test_a_broken_profile_is_never_cached(court_copy, cache: Path) -> None:
    from ecf_tui.court.errors import ProfileErrors

    path = court_copy("CASB")
    path.write_text(path.read_text() + '\n[steps.orphan]\nkind = "info"\n'
                    'back_label = { text = "x", source = "simulator" }\nback_to = "home"\n')
    for _ in range(2):
        with pytest.raises(ProfileErrors):
            load_file(path)
    assert not list(cache.glob("*.pickle"))


def test_off_damaged_or_unwritable_costs_only_time(court_copy, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = court_copy("ALNB")
    monkeypatch.setenv(profile_cache.ENV_VAR, "off")
    assert load_file(path).code == "ALNB"
    folder = tmp_path / "damaged"
    monkeypatch.setenv(profile_cache.ENV_VAR, str(folder))
    load_file(path)
    (stored,) = folder.glob("*.pickle")
    stored.write_bytes(b"not a pickle")
    assert load_file(path).code == "ALNB"
    assert not list(folder.glob(".*.tmp"))
    blocked = tmp_path / "a-file"  # a cache folder that cannot be made
    blocked.write_text("")
    monkeypatch.setenv(profile_cache.ENV_VAR, str(blocked))
    assert load_file(path).code == "ALNB"


def test_the_codes_and_the_name_read_back_are_the_ones_worked_out(court_copy,
                                                                   cache: Path) -> None:
    """The codes kept beside the graph are the codebook's, and `courts` reads the name
    stored first without reading the profile back."""
    from ecf_tui.flows import codebook
    from ecf_tui.registry.loading import cached_name

    path = court_copy("MOEB")
    assert cached_name(path) is None  # nothing stored yet
    first = load_file(path)
    worked_out = codebook._build(first, graph.build(first)).codes
    again = load_file(path)
    assert codebook.codebook(again).codes == worked_out
    assert cached_name(path) == first.name.text
    path.write_text(path.read_text() + "\n# changed\n")
    assert cached_name(path) is None
