"""Alternating pairs: each round runs a measurement's subjects with one baseline run between
them (A B for one subject, A1 B A2 for two), so whatever else the machine is doing weighs on
both sides of each pair alike. A line's ratio is the median of the per-pair ratios (a p95
line, or one whose runs were not paired: its figure over the baseline's median)."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from benchmarks.registry import BenchmarkError, Context, Line, Measurement, Runs, Say, Subject


def p95(values: Sequence[float]) -> float:
    """The 95th percentile (interpolated between the closest ranks); the largest of
    fewer than two."""
    if len(values) < 2:
        return max(values)
    return statistics.quantiles(values, n=20, method="inclusive")[18]


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
    def ours_figure(self) -> float:
        """The line's figure: ours' median, or its p95."""
        return p95(self.ours) if self.line.stat == "p95" else self.ours_median

    @property
    def baseline_median(self) -> float:
        return statistics.median(self.baseline)

    @property
    def ratio(self) -> float:
        if self.line.stat == "p95" or not self.line.paired:
            return self.ours_figure / self.baseline_median
        return statistics.median(self.ratios)

    @property
    def result(self) -> str:
        """PASS, FAIL, or info for a line with no budget."""
        budget = self.line.budget
        if budget is None:
            return "info"
        return "PASS" if budget.allows(self.ours_figure, self.ratio) else "FAIL"


def schedule(measurement: Measurement) -> list[Subject]:
    """One round: the subjects, the baseline in their middle."""
    subjects = list(measurement.subjects)
    half = (len(subjects) + 1) // 2
    return [*subjects[:half], measurement.baseline, *subjects[half:]]


def collect_pairs(measurement: Measurement, context: Context, pairs: int, warm_up: bool,
                  say: Say) -> Runs:
    """`pairs` rounds of the measurement's probes (after one unrecorded run of each subject
    and the baseline when `warm_up`: disk caches, bytecode)."""
    order = schedule(measurement)
    if warm_up:
        for subject in order:
            subject.probe(context)
    runs: Runs = {subject.label: [] for subject in order}
    for number in range(1, pairs + 1):
        for subject in order:
            runs[subject.label].append(subject.probe(context))
        say(f"{measurement.name}: pair {number}/{pairs}")
    return runs


def run_pairs(measurement: Measurement, context: Context, pairs: int, warm_up: bool,
              say: Say) -> list[LineResult]:
    """The measurement's pairs (its own `collect`, or its probes in rounds), then its
    lines."""
    if measurement.collect is not None:
        runs = measurement.collect(context, pairs, warm_up, say)
    else:
        runs = collect_pairs(measurement, context, pairs, warm_up, say)
    results = []
    for line in measurement.lines:
        key = line.metric.key
        try:
            ours = [figures[key] for figures in runs[line.subject]]
            theirs = [figures[key] for figures in runs[measurement.baseline_of(line)]]
        except KeyError as missing:
            raise BenchmarkError(f"{measurement.name}: no figure {missing} for "
                                 f"{line.label!r}") from None
        if not ours or not theirs or (line.paired and len(ours) != len(theirs)):
            raise BenchmarkError(f"{measurement.name}: {len(ours)} runs of {line.subject!r} "
                                 f"against {len(theirs)} of the baseline "
                                 f"{measurement.baseline_of(line)!r}")
        ratios = [a / b for a, b in zip(ours, theirs, strict=True)] if line.paired else []
        results.append(LineResult(measurement, line, ours, theirs, ratios))
    return results
