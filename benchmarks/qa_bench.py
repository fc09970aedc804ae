"""Benchmark (not a test): the wall time of `ecf-tui qa` on every court, and the cost of
one screenshot against a bare Textual app's screenshot taken in the same run.

    .venv/bin/python benchmarks/qa_bench.py [--jobs N] [--repeat N]

Ratios against the bare app make the numbers comparable across machines.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import tempfile
import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Footer, Static

from ecf_tui.app import make_app
from ecf_tui.loading import registry
from ecf_tui.qa.command import default_jobs, run_qa
from ecf_tui.qa.driver import capture

SIZE = (100, 30)


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("A bare Textual app: one paragraph and a footer.")
        yield Footer()


async def _per_screenshot(app: App[None], repeat: int) -> float:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        capture(app)  # type: ignore[arg-type]  # warm up
        began = time.perf_counter()
        for _ in range(repeat):
            capture(app)  # type: ignore[arg-type]
        return (time.perf_counter() - began) / repeat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    reg = registry()

    bare = asyncio.run(_per_screenshot(BareApp(), args.repeat))
    ours = asyncio.run(_per_screenshot(make_app(reg, "MSSB/happy/link-form"), args.repeat))

    with tempfile.TemporaryDirectory() as out:
        began = time.perf_counter()
        code = run_qa(reg, [], Path(out), SIZE, args.jobs, [], False, io.StringIO())
        wall = time.perf_counter() - began
        screenshots = len(list(Path(out).rglob("*.svg")))

    per_step = wall * args.jobs / screenshots
    print(f"qa on every court: exit {code}, {screenshots} screenshots, {wall:.1f}s wall "
          f"with {args.jobs} jobs")
    print(f"bare Textual app screenshot:      {bare * 1000:7.1f} ms   (1.0x)")
    print(f"ecf-tui link-form screenshot:     {ours * 1000:7.1f} ms   ({ours / bare:.1f}x bare)")
    print(f"qa per screen (drive, check, save): {per_step * 1000:5.0f} ms   "
          f"({per_step / bare:.0f}x a bare screenshot; job-seconds per screen)")


if __name__ == "__main__":
    main()
