"""Provides splitting QA's work between its worker processes: a court's paths share most
of their moves, and a worker tries each move once (runner.Tried), so a court's paths
stay together; the courts are shared out so that the busiest worker has the least to
do."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import product

Task = tuple[str, list[str]]
"""A court and the ids of its paths to run."""

EXHAUSTIVE = 50_000
"""Up to this many ways of sharing the tasks out, the best is found by trying each (5
courts on 2 workers: 32); beyond, the biggest task goes to the least busy worker."""


def shares(tasks: Sequence[Task], work: Sequence[int], jobs: int) -> list[list[Task]]:
    """`tasks` (each with its `work`, in moves) shared among at most `jobs` workers:
    each worker's list, the busiest first. The biggest-first rule alone would give 5
    courts of 83, 76, 54, 54 and 49 moves one worker 179 and the other 137; the best
    share is 159 and 157."""
    jobs = max(1, min(jobs, len(tasks)))
    if jobs ** len(tasks) <= EXHAUSTIVE:
        owners = min(product(range(jobs), repeat=len(tasks)),
                     key=lambda owner: _load(owner, work, jobs))
    else:
        owners = _biggest_first(work, jobs)
    split: list[list[Task]] = [[] for _ in range(jobs)]
    loads = [0] * jobs
    for task, amount, owner in zip(tasks, work, owners, strict=True):
        split[owner].append(task)
        loads[owner] += amount
    order = sorted(range(jobs), key=lambda j: loads[j], reverse=True)
    return [split[j] for j in order if split[j]]


def _load(owner: tuple[int, ...], work: Sequence[int], jobs: int) -> tuple[int, int]:
    """The busiest worker's work, then how many workers are idle (fewer is better)."""
    loads = [0] * jobs
    for amount, j in zip(work, owner, strict=True):
        loads[j] += amount
    return max(loads), loads.count(0)


def _biggest_first(work: Sequence[int], jobs: int) -> tuple[int, ...]:
    owners = [0] * len(work)
    loads = [0] * jobs
    for i in sorted(range(len(work)), key=lambda i: work[i], reverse=True):
        j = loads.index(min(loads))
        owners[i] = j
        loads[j] += work[i]
    return tuple(owners)
