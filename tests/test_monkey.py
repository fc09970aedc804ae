"""Monkey walks (tests/monkey.py) for every court: no exception, no crash report, no
hang, and the app still answers at the end. The default suite walks one short walk per
court (25 moves); `pytest --monkey-long` walks 200 of 300 moves per court, in shards that
xdist spreads, and prints the figures summed per court. A failing walk prints its seed
and the shortest failing sequence of moves."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import COURTS
from .monkey import Move, moves, shortest_failing, walk

# A failing walk's report (its seed and shortest moves) becomes a test here.


async def test_a_site_page_resized_to_32_columns(reg) -> None:
    """Walk seed 282000 of CASB (300 moves) crashed in Rich's chop_cells: at 32x30 the
    site page was laid out once more before the too-small screen covered it, and its
    address bar had no column left to wrap into."""
    steps = [Move("key", "enter"), Move("resize", (32, 30)), Move("resize", (80, 24))]
    assert (await walk(reg, "CASB", steps)).error is None


LONG_WALKS, LONG_MOVES, SHARDS = 200, 300, 40
"""`--monkey-long`: 200 walks of 300 moves per court, in 40 shards per court so that
xdist spreads them over every worker."""


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "shard" in metafunc.fixturenames:
        long = metafunc.config.getoption("--monkey-long")
        metafunc.parametrize("shard", range(SHARDS) if long else [0])


@pytest.mark.parametrize("court", COURTS)
async def test_monkey_walks(reg, court: str, shard: int,
                            request: pytest.FixtureRequest,
                            record_property: Callable[[str, object], None]) -> None:
    if request.config.getoption("--monkey-long"):
        each = LONG_WALKS // SHARDS
        seeds, length = range(shard * each, (shard + 1) * each), LONG_MOVES
    else:
        seeds, length = range(1), 25
    pressed, failures = 0, []
    for seed in seeds:
        steps = moves(_seed(court, seed), length)
        outcome = await walk(reg, court, steps)
        pressed += len(steps)
        if outcome.error:
            short = await shortest_failing(reg, court, steps)
            failures.append(f"{court} walk seed {_seed(court, seed)} failed: {outcome.error}"
                            f"\nshortest failing moves ({len(short)}): "
                            + ", ".join(str(m) for m in short))
    # The figures, summed over every worker by conftest's terminal summary.
    record_property("monkey", (court, len(seeds), pressed, len(failures)))
    assert not failures, "\n".join(failures)


def _seed(court: str, n: int) -> int:
    """A seed stable across runs and interpreters (str hashes are salted)."""
    return sum(ord(c) for c in court) * 1000 + n
