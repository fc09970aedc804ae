"""What a measurement is: a baseline and the subjects timed against it in alternating
pairs, and the lines it reports, each against a budget. `measurements.py` lists them.

To add a line: a `Subject` whose probe runs once and returns its figures by metric, and a
`Line` naming the subject, the metric and the budget; in a `Measurement` of its own (with
its baseline and a name for --only) or beside lines that share its runs. A measurement
whose runs cannot be one probe call each (an App kept running between pairs) gives a
`collect` that makes its pairs itself; its subjects' probes are then not called, and its
lines may each name the runs they are measured against (`Line.baseline`), or say that
those runs were not paired with the subject's (`Line.paired`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Figures = dict[str, float]
Runs = dict[str, list[Figures]]
"""A measurement's runs: by subject label (the baseline's too), one Figures per pair."""
Say = Callable[[str], None]


class BenchmarkError(RuntimeError):
    """A measurement could not be made (what was seen is in the message)."""


@dataclass(frozen=True)
class Context:
    """What every probe of a run shares: a throw-away home for the processes started."""

    home: Path


Probe = Callable[[Context], Figures]
Collect = Callable[[Context, int, bool, Say], Runs]
"""(context, pairs, warm_up, say) -> runs: the pairs of a measurement that makes its own."""


@dataclass(frozen=True)
class Metric:
    key: str  # in the probe's figures
    unit: str  # "s", "MiB"
    digits: int = 2


SECONDS = Metric("seconds", "s", 3)
MILLISECONDS = Metric("ms", "ms", 1)
PEAK_RSS = Metric("peak_rss_mib", "MiB", 1)


@dataclass(frozen=True)
class Subject:
    label: str
    probe: Probe


def collected(label: str) -> Subject:
    """A subject of a measurement that makes its own pairs (`collect`): no probe."""

    def probe(context: Context) -> Figures:
        raise BenchmarkError(f"{label!r} is measured by its measurement's collect")

    return Subject(label, probe)


@dataclass(frozen=True)
class Budget:
    """At most `limit` times the baseline (the line's ratio), or, `absolute`, the line's
    figure at most (`strict`: under) `limit` in the metric's unit (the ratio then is for
    information)."""

    limit: float
    absolute: bool = False
    strict: bool = False

    def allows(self, ours: float, ratio: float) -> bool:
        value = ours if self.absolute else ratio
        return value < self.limit if self.strict else value <= self.limit

    def text(self, metric: Metric) -> str:
        sign = "<" if self.strict else "<="
        return f"{sign} {self.limit:g} {metric.unit}" if self.absolute else \
            f"{sign} {self.limit:g}x"


Statistic = Literal["median", "p95"]


@dataclass(frozen=True)
class Line:
    label: str
    subject: str  # a Subject's label in the same Measurement
    metric: Metric
    budget: Budget | None  # None: a line for information
    stat: Statistic = "median"
    """median: the median of ours, and the median of the per-pair ratios; p95: the 95th
    percentile of ours, and its ratio to the baseline's median."""
    note: str = ""
    baseline: str | None = None
    """The label of the runs the line is measured against, where not its measurement's
    baseline's: a line that compares two of a `collect`'s baselines, or runs not paired."""
    paired: bool = True
    """False: the subject's runs were not made in pairs with the baseline's (a `collect`
    that times them through the same minutes, but each set in its own number): the ratio
    is then ours' figure over the baseline's median, and there are no per-pair ratios."""


@dataclass(frozen=True)
class Measurement:
    name: str  # for --only
    about: str
    baseline: Subject
    subjects: tuple[Subject, ...]
    lines: tuple[Line, ...]
    collect: Collect | None = None
    pairs: int | None = None
    """Its own number of pairs (a slow measurement), in place of --pairs."""
    warm_up: bool = True
    """Whether it takes the warm-up run (when the run takes them)."""

    def subject(self, label: str) -> Subject:
        return next(s for s in self.subjects if s.label == label)

    def baseline_of(self, line: Line) -> str:
        """The label of the runs `line` is measured against."""
        return line.baseline or self.baseline.label
