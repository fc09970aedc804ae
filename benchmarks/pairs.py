"""Alternating pairs: each round runs a measurement's subjects with one baseline run between
them (A B for one subject, A1 B A2 for two), so whatever else the machine is doing weighs on
both sides of each pair alike. Each line's ratio is the median of the per-pair ratios."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass

from benchmarks.registry import Context, Figures, Line, Measurement, Subject


@dataclass(frozen=True)
class LineResult:
    measurement: Measurement
    line: Line
    ours: list[float]  # one per pair, in run order
    baseline: list[float]
    ratios: list[float]

    @property
    def ours_median(self) -> float:
        return statistics.median(self.ours)

    @property
    def baseline_median(self) -> float:
        return statistics.median(self.baseline)

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)

    @property
    def passed(self) -> bool:
        return self.line.budget.allows(self.ours_median, self.ratio)


def schedule(measurement: Measurement) -> list[Subject]:
    """One round: the subjects, the baseline in their middle."""
    subjects = list(measurement.subjects)
    half = (len(subjects) + 1) // 2
    return [*subjects[:half], measurement.baseline, *subjects[half:]]


def run_pairs(measurement: Measurement, context: Context, pairs: int, warm_up: bool,
              say: Callable[[str], None]) -> list[LineResult]:
    """`pairs` rounds of the measurement (after one unrecorded run of each subject and
    the baseline when `warm_up`: disk caches, bytecode), then its lines."""
    order = schedule(measurement)
    if warm_up:
        for subject in order:
            subject.probe(context)
    runs: dict[str, list[Figures]] = {subject.label: [] for subject in order}
    for number in range(1, pairs + 1):
        for subject in order:
            runs[subject.label].append(subject.probe(context))
        say(f"{measurement.name}: pair {number}/{pairs}")
    base = runs[measurement.baseline.label]
    results = []
    for line in measurement.lines:
        key = line.metric.key
        ours = [figures[key] for figures in runs[line.subject]]
        theirs = [figures[key] for figures in base]
        ratios = [a / b for a, b in zip(ours, theirs, strict=True)]
        results.append(LineResult(measurement, line, ours, theirs, ratios))
    return results
