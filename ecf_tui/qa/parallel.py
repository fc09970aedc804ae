"""Provides QA's run (`ecf-tui qa`): every path of the courts run headless in the real App,
in parallel worker processes, with a progress bar on a terminal and a summary table."""

from __future__ import annotations

import multiprocessing
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import suppress
from datetime import UTC, datetime
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Event as EventType
from pathlib import Path
from queue import Empty
from typing import TYPE_CHECKING, TextIO

from ecf_tui.court.errors import UserError, writable_folder
from ecf_tui.flows import graph
from ecf_tui.qa.gallery import write_gallery
from ecf_tui.qa.report import CourtSummary, report, write_json, write_junit
from ecf_tui.qa.runner import PathResult, Size, run_paths
from ecf_tui.qa.shares import Task, shares
from ecf_tui.registry.loading import Registry

if TYPE_CHECKING:
    from rich.progress import Progress

    from ecf_tui.qa.driver import How


def run_qa(reg: Registry, courts: list[str], out: Path, size: Size, jobs: int,
           only: list[str], timings: bool, stdout: TextIO, how: How = "keys") -> int:
    codes = [reg.source(c).code for c in courts] or reg.codes()
    flows = {code: graph.of(reg.load(code, graph_checks=False)) for code in codes}
    plans = {code: [p.id for p in graph.paths(flow)] for code, flow in flows.items()}
    if only:
        # A path id names a situation, and not every court has every situation (only MSSB
        # has inactive-pacer): each court runs the ones it has, and courts with none of
        # them sit this run out; an id that no court has is a typo.
        unknown = [i for i in only if not any(i in ids for ids in plans.values())]
        if unknown:
            raise UserError(f"no court here has the path {', '.join(unknown)}.",
                            place="--paths", fix="list a court's paths with 'ecf-tui paths "
                            f"{codes[0]}'.")
        plans = {code: kept for code, ids in plans.items()
                 if (kept := [i for i in ids if i in only])}
        flows = {code: flows[code] for code in plans}
    writable_folder(out, "--out")
    started = datetime.now(UTC).isoformat(timespec="seconds")
    began = time.perf_counter()
    results = _run_all(reg, flows, plans, out, size, max(1, jobs), how)
    summaries = []
    for code, flow in flows.items():
        mine = sorted((r for r in results if r.court == code),
                      key=lambda r: plans[code].index(r.path_id))
        edges = tuple(str(e) for e in flow.flow_edges())
        summaries.append(CourtSummary(code, flow.profile.name.text, tuple(mine), edges,
                                      sum(r.seconds for r in mine)))
    seconds = time.perf_counter() - began
    data = report(summaries, size, timings=timings, started=started, seconds=seconds,
                  how=how)
    write_json(data, out)
    write_junit(summaries, out, timings=timings)
    write_gallery(summaries, out)
    _print_summary(summaries, stdout, out, seconds if timings else None)
    return 0 if data["passed"] else 1


def _shares(flows: dict[str, graph.StateGraph], plans: dict[str, list[str]], jobs: int
            ) -> list[list[Task]]:
    """The work for each worker. A court's paths go to one worker unless there are more
    workers than courts; a court's work is counted in the distinct moves on its paths."""
    per_court = max(1, jobs // len(plans))
    tasks = [(code, ids[i::per_court]) for code, ids in plans.items()
             for i in range(per_court) if ids[i::per_court]]
    paths = {(code, p.id): p for code, flow in flows.items() for p in graph.paths(flow)}
    work = [len({(e.source, e.action.id) for i in ids for e in paths[code, i].edges}) + 1
            for code, ids in tasks]
    return shares(tasks, work, jobs)


def _run_all(reg: Registry, flows: dict[str, graph.StateGraph], plans: dict[str, list[str]],
             out: Path, size: Size, jobs: int, how: How) -> list[PathResult]:
    split = _shares(flows, plans, jobs)
    total = sum(len(ids) for ids in plans.values())
    results: list[PathResult] = []
    # Workers run their share a court at a time, in one App each; they tell the bar of
    # every path done through this queue, so it moves path by path.
    context = multiprocessing.get_context()
    done_paths: Queue[int] = context.Queue()
    # Ctrl+C is the parent's to handle: the workers ignore it, and stop at the next page
    # when `stop` is set (each file they write is whole), so the run ends at once.
    stop = context.Event()
    with _ctrl_c() as interrupted, _progress(total) as advance, ProcessPoolExecutor(
            max_workers=jobs, initializer=_worker_init, initargs=(done_paths, stop)) as pool:
        pending: set[Future[list[PathResult]]] = {
            pool.submit(_run_share, reg.folders, share, out, size, how) for share in split
        }
        while pending and not interrupted():
            finished, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in finished:
                results += future.result()
            with suppress(Empty):
                while True:
                    advance(done_paths.get_nowait())
        if interrupted():
            stop.set()
            for future in pending:
                future.cancel()
    if interrupted():
        raise KeyboardInterrupt
    return results


class _ctrl_c:
    """Ctrl+C noted, not raised, while the pool runs: a KeyboardInterrupt raised inside
    concurrent.futures' wait() can leave a future's lock held, and the pool's shutdown
    then waits forever (CI saw an interrupted qa still running after 60 s). The run
    loop looks at the note every 0.2 s and ends there."""

    def __init__(self) -> None:
        self.seen = False
        self.previous: object = None

    def __enter__(self) -> Callable[[], bool]:
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self._note)
        return lambda: self.seen

    def _note(self, signum: int, frame: object) -> None:
        self.seen = True

    def __exit__(self, *exc: object) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)  # type: ignore[arg-type]


_done_paths: Queue[int] | None = None
_stop: EventType | None = None


def _worker_init(done_paths: Queue[int], stop: EventType) -> None:
    global _done_paths, _stop
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _done_paths, _stop = done_paths, stop


def _run_share(folders: tuple[Path, ...], share: list[Task], out: Path, size: Size,
               how: How) -> list[PathResult]:
    """A worker's share: each court's paths in turn, in one App per court."""
    queue, stop = _done_paths, _stop
    assert queue is not None and stop is not None, "set by _worker_init in every worker"
    results = []
    for court, path_ids in share:
        results += run_paths(folders, court, path_ids, out, size,
                             path_done=lambda: queue.put(1), stopped=stop.is_set, how=how)
    return results


class _progress:
    """A progress bar on a terminal (stderr); nothing when output goes to a file."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.bar: Progress | None = None

    def __enter__(self) -> Callable[[int], None]:
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("paths", total=self.total)
        return self.advance

    def advance(self, n: int) -> None:
        if self.bar is not None:
            self.bar.advance(self.task, n)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def _print_summary(courts: list[CourtSummary], stdout: TextIO, out: Path,
                   seconds: float | None) -> None:
    header = f"{'court':<6} {'paths':>5} {'passed':>6} {'failed':>6} {'edge coverage':>13}"
    if seconds is not None:
        # A court's time adds up its paths' times across the workers; the wall time of the
        # whole run is on the last line.
        header += f" {'path time':>9}"
    print(header, file=stdout)
    for c in courts:
        covered, total = c.coverage
        row = (f"{c.code:<6} {len(c.results):>5} {c.passed:>6} {c.failed:>6} "
               f"{f'{covered}/{total}':>13}")
        if seconds is not None:
            row += f" {c.seconds:>8.1f}s"
        print(row, file=stdout)
    for c in courts:
        for r in c.results:
            if r.failure is not None:
                f = r.failure
                print(f"FAILED {c.code} {r.path_id}: {f.reason} at {f.state_code}", file=stdout)
                if f.shortest_actions is not None:
                    print(f"  shortest: {f.shortest_code} after "
                          f"{' > '.join(f.shortest_actions) or '(start)'}", file=stdout)
        for edge in c.uncovered:
            print(f"UNCOVERED {c.code} {edge}", file=stdout)
    if seconds is not None:
        print(f"{sum(len(c.results) for c in courts)} paths in {seconds:.1f}s wall; "
              f"report: {out / 'report.json'}, gallery: {out / 'index.html'}", file=stdout)
