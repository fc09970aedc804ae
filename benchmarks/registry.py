"""What a measurement is: a baseline and the subjects timed against it in alternating
pairs, and the lines it reports, each against a budget. `measurements.py` lists them.

To add a line: a `Subject` whose probe runs once and returns its figures by metric, and a
`Line` naming the subject, the metric and the budget; in a `Measurement` of its own (with
its baseline and a name for --only) or beside lines that share its runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

Figures = dict[str, float]


@dataclass(frozen=True)
class Context:
    """What every probe of a run shares: a throw-away home for the processes started."""

    home: Path


Probe = Callable[[Context], Figures]


@dataclass(frozen=True)
class Metric:
    key: str  # in the probe's figures
    unit: str  # "s", "MiB"
    digits: int = 2


SECONDS = Metric("seconds", "s", 3)
PEAK_RSS = Metric("peak_rss_mib", "MiB", 1)


@dataclass(frozen=True)
class Subject:
    label: str
    probe: Probe


@dataclass(frozen=True)
class Budget:
    """At most `limit` times the baseline (the ratio of medians of pairs), or, `absolute`,
    a median under `limit` in the metric's unit (the ratio then is for information)."""

    limit: float
    absolute: bool = False

    def allows(self, ours: float, ratio: float) -> bool:
        return ours < self.limit if self.absolute else ratio <= self.limit

    def text(self, metric: Metric) -> str:
        return f"< {self.limit:g} {metric.unit}" if self.absolute else f"<= {self.limit:g}x"


@dataclass(frozen=True)
class Line:
    label: str
    subject: str  # a Subject's label in the same Measurement
    metric: Metric
    budget: Budget


@dataclass(frozen=True)
class Measurement:
    name: str  # for --only
    about: str
    baseline: Subject
    subjects: tuple[Subject, ...]
    lines: tuple[Line, ...]

    def subject(self, label: str) -> Subject:
        return next(s for s in self.subjects if s.label == label)
