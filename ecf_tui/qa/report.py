"""Provides QA's files: report.json (deterministic: timings in their own field, left out
with --no-timings) and junit.xml (one testcase per path)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from ecf_tui.court.files import write_text
from ecf_tui.qa.runner import PathResult


@dataclass(frozen=True)
class CourtSummary:
    code: str
    name: str
    results: tuple[PathResult, ...]
    edges: tuple[str, ...]
    """Every flow edge of the court's graph."""
    seconds: float

    @property
    def passed(self) -> int:
        return sum(r.passed for r in self.results)

    @property
    def failed(self) -> int:
        return len(self.results) - self.passed

    @property
    def uncovered(self) -> list[str]:
        covered = {e for r in self.results for e in r.covered}
        return [e for e in self.edges if e not in covered]

    @property
    def coverage(self) -> tuple[int, int]:
        return len(self.edges) - len(self.uncovered), len(self.edges)

    @property
    def ok(self) -> bool:
        return self.failed == 0 and not self.uncovered


def _path_json(result: PathResult) -> dict[str, Any]:
    failure = None
    if result.failure is not None:
        f = result.failure
        failure = {"reason": f.reason, "state_code": f.state_code, "at": f.at,
                   "actions": list(f.actions),
                   "shortest": None if f.shortest_actions is None else
                   {"state_code": f.shortest_code, "actions": list(f.shortest_actions)}}
    return {
        "id": result.path_id,
        "passed": result.passed,
        "failure": failure,
        "steps": [asdict(s) for s in result.steps],
    }


def report(courts: list[CourtSummary], size: tuple[int, int], *, timings: bool,
           started: str, seconds: float, how: str = "keys") -> dict[str, Any]:
    from ecf_tui import __version__

    data: dict[str, Any] = {
        "tool": f"ecf-tui {__version__}",
        "size": f"{size[0]}x{size[1]}",
        "input": how,
        "passed": all(c.ok for c in courts),
        "courts": [
            {
                "code": c.code,
                "name": c.name,
                "passed": c.passed,
                "failed": c.failed,
                "edge_coverage": {"covered": c.coverage[0], "total": c.coverage[1],
                                  "uncovered": c.uncovered},
                # Failures first, as in the gallery; then the paths' own order.
                "paths": [_path_json(r) for r in sorted(c.results, key=lambda r: r.passed)],
            }
            for c in courts
        ],
    }
    if timings:
        data["timings"] = {
            "started": started,
            "seconds": round(seconds, 3),
            "courts": {c.code: {"seconds": round(c.seconds, 3),
                                "paths": {r.path_id: round(r.seconds, 3) for r in c.results}}
                       for c in courts},
        }
    return data


def write_json(data: dict[str, Any], out: Path) -> None:
    write_text(out / "report.json", json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def write_junit(courts: list[CourtSummary], out: Path, *, timings: bool) -> None:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>']
    total = sum(len(c.results) for c in courts)
    failures = sum(c.failed for c in courts)
    lines.append(f'<testsuites name="ecf-tui qa" tests="{total}" failures="{failures}">')
    for c in courts:
        time_attr = f' time="{c.seconds:.3f}"' if timings else ""
        lines.append(f'  <testsuite name={quoteattr(c.code)} tests="{len(c.results)}" '
                     f'failures="{c.failed}"{time_attr}>')
        for r in c.results:
            t = f' time="{r.seconds:.3f}"' if timings else ""
            head = f'    <testcase classname={quoteattr(c.code)} name={quoteattr(r.path_id)}{t}'
            if r.failure is None:
                lines.append(head + "/>")
                continue
            f = r.failure
            detail = f"at {f.state_code} after: {' > '.join(f.actions) or '(start)'}"
            if f.shortest_actions is not None:
                detail += (f"\nshortest failing path: {f.shortest_code} after: "
                           f"{' > '.join(f.shortest_actions) or '(start)'}")
            lines.append(head + ">")
            lines.append(f"      <failure message={quoteattr(f.reason)}>"
                         f"{_escape(detail)}</failure>")
            lines.append("    </testcase>")
        lines.append("  </testsuite>")
    lines.append("</testsuites>")
    write_text(out / "junit.xml", "\n".join(lines) + "\n")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
