"""Monkey walks (tests/monkey.py) for every court: no exception, no crash report, no
hang, and the app still answers at the end. The default suite walks a few short walks
per court (one of 25 moves); `pytest --monkey-long` walks 200 of 300 moves per court and prints the
figures. A failing walk prints its seed and the shortest failing sequence of moves."""

from __future__ import annotations

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


def _walks(config: pytest.Config) -> tuple[range, int]:
    if config.getoption("--monkey-long"):
        return range(200), 300
    return range(1), 25


@pytest.mark.parametrize("court", COURTS)
async def test_monkey_walks(reg, court: str, request: pytest.FixtureRequest) -> None:
    seeds, length = _walks(request.config)
    pressed = 0
    for seed in seeds:
        steps = moves(_seed(court, seed), length)
        outcome = await walk(reg, court, steps)
        pressed += len(steps)
        if outcome.error:
            short = await shortest_failing(reg, court, steps)
            pytest.fail(f"{court} walk seed {_seed(court, seed)} failed: {outcome.error}\n"
                        f"shortest failing moves ({len(short)}): "
                        + ", ".join(str(m) for m in short))
    print(f"{court}: {len(seeds)} walks, {pressed} moves, 0 exceptions")


def _seed(court: str, n: int) -> int:
    """A seed stable across runs and interpreters (str hashes are salted)."""
    return sum(ord(c) for c in court) * 1000 + n
