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
from benchmarks.registry import Metric

HEADERS = ("measurement", "ours (median)", "baseline (median)", "ratio", "budget", "result")


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
    metric = result.line.metric
    return (result.line.label, _value(result.ours_median, metric),
            _value(result.baseline_median, metric), f"{result.ratio:.2f}x",
            result.line.budget.text(metric), "PASS" if result.passed else "FAIL")


def table(results: Sequence[LineResult], pairs: int, warm_up: bool,
          before: dict[str, Any], load_after: float) -> str:
    rows = [HEADERS, *(_row(r) for r in results)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADERS))]
    right = {1, 2, 3}

    def cells(row: Sequence[str]) -> str:
        return "  ".join(cell.rjust(w) if i in right else cell.ljust(w)
                         for i, (cell, w) in enumerate(zip(row, widths, strict=True))).rstrip()

    cpu = f" ({before['cpu']})" if before["cpu"] else ""
    out = [
        f"machine: {before['cores']} cores{cpu}, {before['platform']}, "
        f"Python {before['python']}, Textual {before['textual']}; "
        f"load average {before['load_average']:.2f} before, {load_after:.2f} after",
        f"{pairs} alternating pairs per line{', after a warm-up run of each' if warm_up else ''}"
        "; ratio = median of the per-pair ratios",
        "",
        cells(HEADERS),
        cells(["-" * w for w in widths]),
        *(cells(_row(r)) for r in results),
        "",
    ]
    seen = []
    for result in results:
        if result.measurement not in seen:
            seen.append(result.measurement)
            m = result.measurement
            out.append(f"{m.name}: {m.about}; baseline: {m.baseline.label}")
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
                "subject": r.line.subject,
                "baseline": r.measurement.baseline.label,
                "metric": r.line.metric.key,
                "unit": r.line.metric.unit,
                "ours_median": r.ours_median,
                "baseline_median": r.baseline_median,
                "ratio": r.ratio,
                "budget": r.line.budget.text(r.line.metric),
                "budget_limit": r.line.budget.limit,
                "budget_absolute": r.line.budget.absolute,
                "result": "PASS" if r.passed else "FAIL",
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
