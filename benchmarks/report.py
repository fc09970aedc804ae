"""The machine, the table printed and the JSON written."""

from __future__ import annotations

import json
import os
import platform
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

from benchmarks.pairs import LineResult
from benchmarks.registry import Measurement, Metric

HEADERS = ("measurement", "ours", "baseline (median)", "ratio", "budget", "result", "pairs")
RIGHT = {1, 2, 3, 6}


def machine() -> dict[str, Any]:
    model = ""
    try:
        for row in Path("/proc/cpuinfo").read_text().splitlines():
            if row.startswith("model name"):
                model = row.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        textual = metadata.version("textual")
    except metadata.PackageNotFoundError:
        textual = "not installed"
    return {
        "cores": os.cpu_count(),
        "cpu": model,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "textual": textual,
        "load_average": os.getloadavg()[0],
    }


def _value(value: float, metric: Metric) -> str:
    return f"{value:.{metric.digits}f} {metric.unit}"


def _row(result: LineResult) -> tuple[str, ...]:
    line = result.line
    budget = line.budget.text(line.metric) if line.budget is not None else "-"
    return (line.label, _value(result.ours_figure, line.metric),
            _value(result.baseline_median, line.metric), f"{result.ratio:.2f}x", budget,
            result.result, str(len(result.ours)))


def table(results: Sequence[LineResult], pairs: int, warm_up: bool,
          before: dict[str, Any], load_after: float, seconds: float) -> str:
    rows = [HEADERS, *(_row(r) for r in results)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADERS))]

    def cells(row: Sequence[str]) -> str:
        return "  ".join(cell.rjust(w) if i in RIGHT else cell.ljust(w)
                         for i, (cell, w) in enumerate(zip(row, widths, strict=True))).rstrip()

    cpu = f" ({before['cpu']})" if before["cpu"] else ""
    out = [
        f"machine: {before['cores']} cores{cpu}, {before['platform']}, "
        f"Python {before['python']}, Textual {before['textual']}; "
        f"load average {before['load_average']:.2f} before, {load_after:.2f} after; "
        f"the run took {seconds:.0f} s",
        f"{pairs} alternating pairs per line unless its measurement says otherwise (column "
        f"pairs){', after a warm-up run of each' if warm_up else ''}; ours: the median "
        "(p95 where the line says so); ratio: the median of the per-pair ratios, unless "
        "the line's note says otherwise",
        "",
        cells(HEADERS),
        cells(["-" * w for w in widths]),
        *(cells(_row(r)) for r in results),
        "",
    ]
    seen: list[Measurement] = []
    for result in results:
        m = result.measurement
        if m not in seen:
            seen.append(m)
            out.append(f"{m.name}: {m.about}; baseline: {m.baseline.label}")
        own = result.line.baseline
        note = "; ".join(filter(None, [result.line.note, own and f"baseline: {own}"]))
        if note:
            out.append(f"  {result.line.label}: {note}")
    return "\n".join(out)


def payload(results: Sequence[LineResult], pairs: int, warm_up: bool,
            before: dict[str, Any], load_after: float, seconds: float) -> dict[str, Any]:
    return {
        "machine": {**before, "load_average_after": load_after},
        "pairs": pairs,
        "warm_up": warm_up,
        "seconds": round(seconds, 1),
        "lines": [
            {
                "measurement": r.measurement.name,
                "line": r.line.label,
                "note": r.line.note,
                "subject": r.line.subject,
                "baseline": r.measurement.baseline_of(r.line),
                "metric": r.line.metric.key,
                "unit": r.line.metric.unit,
                "statistic": r.line.stat,
                "pairs": len(r.ours),
                "paired": r.line.paired,
                "ours_figure": r.ours_figure,
                "ours_median": r.ours_median,
                "baseline_median": r.baseline_median,
                "ratio": r.ratio,
                "budget": None if r.line.budget is None else r.line.budget.text(r.line.metric),
                "budget_limit": None if r.line.budget is None else r.line.budget.limit,
                "budget_absolute": None if r.line.budget is None else r.line.budget.absolute,
                "result": r.result.upper(),
                "ours": r.ours,
                "baselines": r.baseline,
                "ratios": r.ratios,
            }
            for r in results
        ],
    }


def write_json(path: Path, data: dict[str, Any]) -> None:
    """Written to a temporary name beside `path`, then renamed over it."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(json.dumps(data, indent=2) + "\n")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
