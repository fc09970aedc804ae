"""Provides `ecf-tui run COURT|STATE_CODE` and `ecf-tui` alone (the court picker): the
options of a run, and the run itself."""

from __future__ import annotations

import argparse
import gc
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ecf_tui.court.command_line import Command
from ecf_tui.court.errors import UserError
from ecf_tui.training.modes import MODES

if TYPE_CHECKING:
    from ecf_tui.app import EcfApp
    from ecf_tui.registry.loading import Registry
    from ecf_tui.training.progress import ProgressStore


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", metavar="COURT|STATE_CODE")
    parser.add_argument("--scenario", metavar="ID",
                        help="open the caller's screen of this help-desk scenario at COURT "
                             "('ecf-tui scenarios COURT' lists them)")
    parser.add_argument("--at", metavar="STEP",
                        help="with --scenario: the scenario's walk at this step instead (the "
                             "first time it is there, or on the guide's way from its end)")
    parser.add_argument("--mode", choices=MODES, default="guided",
                        help="demo (the guide's path plays by itself: Space pauses, Right "
                             "steps, Escape stops), "
                             "guided (the guide's words, the control to use highlighted, "
                             "mistakes explained), practice (hints on request with ?, "
                             "mistakes tallied, no state codes) or assess (the pass rule "
                             "first, no hints, a result; exit 0 passed, 1 not)")
    parser.add_argument("--delay", type=float, default=2.0, metavar="SECONDS",
                        help="demo: seconds between moves (2)")
    parser.add_argument("--trainee", metavar="NAME",
                        help="the trainee's name for results and progress (assess asks)")
    parser.add_argument("--results", metavar="DIR",
                        help="write each attempt's result (JSON, and xAPI statements) here")
    parser.add_argument("--no-save", action="store_true",
                        help="keep no progress in the user's data folder (a kiosk)")
    parser.add_argument("--theme", metavar="NAME",
                        help="colours: high-contrast (white and yellow on black), or any of "
                             "Textual's themes (textual-dark, textual-light, nord, ...; a "
                             "wrong name lists them)")
    parser.add_argument("--screen-reader", action="store_true",
                        help="one column: the guide's panel under the page, not beside it, "
                             "so that each row read aloud is one text")


def picker_defaults() -> dict[str, Any]:
    """`run`'s options as `run` defaults them, for `ecf-tui` alone: no court, so the
    picker. Read from `run`'s own parser, so an option `run` gains has its default here
    too."""
    scratch = argparse.ArgumentParser(add_help=False)
    _configure(scratch)
    return vars(scratch.parse_args(["COURT"])) | {"target": None}


def _run(reg: Registry, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """The simulator; then each attempt it ended saved: a result file pair in --results,
    a row in the progress store (unless --no-save). Bad options stop it before it
    starts; a progress store that cannot be used is said, and the simulator runs."""
    # Starting allocates the modules and the court and frees almost nothing, so each
    # collection meanwhile walked all of it again (a full one ~50 ms, a tenth of the
    # start). None runs until the App is made; what it is made of, which lives as long as
    # the App, is then kept out of the collections while it runs (gc.freeze).
    gc.disable()
    try:
        app, folder, store, problem = _made(reg, args)
        gc.freeze()
    finally:
        gc.enable()
    from ecf_tui.app import run_app
    from ecf_tui.training.saving import save_attempts

    try:
        code = run_app(app)
    finally:
        gc.unfreeze()  # a caller in the same process (a test) collects as before
    problem = save_attempts(app.training.finished, folder, store) or problem
    if problem:
        print(problem, file=err)
    return code


def _made(reg: Registry, args: argparse.Namespace
          ) -> tuple[EcfApp, Path | None, ProgressStore | None, str | None]:
    """The App `run`'s options ask for, the results folder and the progress store its
    attempts go to, and why progress will not be saved (said on start), if so."""
    from ecf_tui.app import make_app
    from ecf_tui.training import progress, results

    if args.theme is not None:
        from ecf_tui.ui.themes import check

        check(args.theme)  # before the progress store or the App are made
    if not 0 < args.delay <= 3600:
        raise UserError(f"--delay {args.delay} is not a number of seconds between moves.",
                        place="--delay", fix="give more than 0, such as 2 or 0.5.")
    folder = results.check_results_folder(Path(args.results)) if args.results else None
    store, problem = None, None
    if not args.no_save:
        try:
            store = progress.ProgressStore()
        except progress.StoreUnavailable as unavailable:
            problem = unavailable.paragraph()
    app = make_app(reg, args.target, mode=args.mode, trainee=args.trainee, delay=args.delay,
                   scenario=args.scenario, at=args.at, theme=args.theme,
                   one_column=args.screen_reader)
    app.startup_problem = problem
    return app, folder, store, problem


RUN: Command[Registry] = Command(
    "run",
    "the simulator at a court's start, or at a state code (MOEB/firm-pacer/confirm)",
    _configure, _run,
    description="A state code opens exactly the state it names, the same in every run: "
                "the page, the accounts logged in and submitted, whether they are linked, "
                "the menus, the redaction box, a cleared cache and the message shown. "
                "COURT/situation/step names the state reached in the fewest moves; a "
                "code with facts after '+' (as 'paths' and 'scenarios' print them) names "
                "another state of that step. Nothing typed is restored: the fields are "
                "empty. In the simulator F3 shows the help desk's panel (the code, "
                "the caller's problem and fix, the guide's words with file and line), "
                "Ctrl+F finds a scenario by the caller's words, Ctrl+P switches court "
                "or jumps to a step, F10 writes the walk as a transcript.")
