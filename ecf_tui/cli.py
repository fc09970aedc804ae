"""Provides the `ecf-tui` command line (argparse: it is in the standard library and
enough for flat subcommands, so it adds no dependency).

Every command takes `--profiles DIR` (repeatable) and reads `ECF_TUI_PROFILES`.
Bad input prints one paragraph naming the file, the place and the fix, and
exits 2; nothing here prints a traceback for it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ecf_tui import __version__
from ecf_tui.court.errors import UserError
from ecf_tui.training.record import MODES

if TYPE_CHECKING:
    from ecf_tui.registry.loading import Registry

EXIT_OK, EXIT_BAD_INPUT = 0, 2


class _Parser(argparse.ArgumentParser):
    """An argparse parser whose usage errors follow the project's one-paragraph rule."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UserError(f"{message}.", place=self.prog,
                        fix=f"see '{self.prog} --help' for the commands and options.")


def build_parser() -> argparse.ArgumentParser:
    profiles_help = ("a folder of extra court profiles (repeatable); they add courts or "
                     "override built-ins by court code. Also read from ECF_TUI_PROFILES.")
    # argparse copies a subcommand's defaults over the main parser's values, so the option
    # given after the command has its own dest; main() joins both, before first.
    common = _Parser(add_help=False)
    common.add_argument("--profiles", metavar="DIR", action="append", default=[],
                        dest="profiles_after", help=profiles_help)
    parser = _Parser(
        prog="ecf-tui",
        description="Practise linking a CM/ECF account to a PACER account, court by court. "
                    "A simulator: never type real credentials.",
    )
    parser.add_argument("--profiles", metavar="DIR", action="append", default=[],
                        help=profiles_help)
    parser.add_argument("--version", action="version", version=f"ecf-tui {__version__}")
    # No command opens the picker: `run`'s options as `run` would default them.
    parser.set_defaults(target=None, mode="guided", delay=2.0, trainee=None, results=None,
                        no_save=False, scenario=None, at=None, theme=None,
                        screen_reader=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.add_parser("courts", parents=[common], help="list the courts known and their profiles")
    validate = sub.add_parser(
        "validate", parents=[common],
        help="check profiles: schema, flow graph and guide fidelity (default: every court known)",
    )
    validate.add_argument("paths", nargs="*", metavar="PATH|COURT",
                          help="profile files or folders, or court codes")
    validate.add_argument("--coverage", action="store_true",
                          help="also list each guide sentence and where it is shown (the "
                               "court's page, the side panel, nowhere), with the shares")
    validate.add_argument("--format", choices=("text", "json"), default="text",
                          help="json: every file's problems (file, line, column, field, "
                               "problem, fix) and warnings, for tools")
    paths = sub.add_parser("paths", parents=[common], help="every path through a court's flow")
    paths.add_argument("court", metavar="COURT")
    paths.add_argument("--codes", action="store_true",
                       help="under each path, the state code of each state on it (each "
                            "opens with 'ecf-tui run CODE')")
    scenarios = sub.add_parser(
        "scenarios", parents=[common],
        help="the help desk's scenarios: what callers say, and the state code of their "
             "screen at each court")
    scenarios.add_argument("court", nargs="?", metavar="COURT",
                           help="only this court's scenarios")
    scenarios.add_argument("--search", metavar="WORDS",
                           help="rank the scenarios by the caller's words, best first")
    scenarios.add_argument("--format", choices=("text", "json"), default="text")
    run = sub.add_parser(
        "run", parents=[common],
        help="the simulator at a court's start, or at a state code (MOEB/firm-pacer/confirm)",
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
    run.add_argument("target", metavar="COURT|STATE_CODE")
    run.add_argument("--scenario", metavar="ID",
                     help="open the caller's screen of this help-desk scenario at COURT "
                          "('ecf-tui scenarios COURT' lists them)")
    run.add_argument("--at", metavar="STEP",
                     help="with --scenario: the scenario's walk at this step instead (the "
                          "first time it is there, or on the guide's way from its end)")
    run.add_argument("--mode", choices=MODES, default="guided",
                     help="demo (the guide's path plays by itself: Space pauses, Right "
                          "steps, Escape stops), "
                          "guided (the guide's words, the control to use highlighted, "
                          "mistakes explained), practice (hints on request with ?, "
                          "mistakes tallied, no state codes) or assess (the pass rule "
                          "first, no hints, a result; exit 0 passed, 1 not)")
    run.add_argument("--delay", type=float, default=2.0, metavar="SECONDS",
                     help="demo: seconds between moves (2)")
    run.add_argument("--trainee", metavar="NAME",
                     help="the trainee's name for results and progress (assess asks)")
    run.add_argument("--results", metavar="DIR",
                     help="write each attempt's result (JSON, and xAPI statements) here")
    run.add_argument("--no-save", action="store_true",
                     help="keep no progress in the user's data folder (a kiosk)")
    run.add_argument("--theme", metavar="NAME",
                     help="colours: high-contrast (white and yellow on black), or any of "
                          "Textual's themes (textual-dark, textual-light, nord, ...; a "
                          "wrong name lists them)")
    run.add_argument("--screen-reader", action="store_true",
                     help="one column: the guide's panel under the page, not beside it, "
                          "so that each row read aloud is one text")
    serve = sub.add_parser(
        "serve", parents=[common],
        help="the simulator in a web browser for a class, each tab its own session "
             "(needs ecf-tui[serve])",
        description="Listens on this machine alone (127.0.0.1) unless --host says "
                    "otherwise: it has no authentication, so another host is for a "
                    "training network only (a warning says so). Each browser tab is a "
                    "session of its own, at most --max-sessions at once.")
    serve.add_argument("target", nargs="?", metavar="COURT|STATE_CODE",
                       help="where each session starts (default: the court picker)")
    serve.add_argument("--host", default="127.0.0.1",
                       help="the IP address to listen on (127.0.0.1, this machine alone; "
                            "0.0.0.0, every network it is on)")
    serve.add_argument("--port", type=int, default=8000, help="the port (8000)")
    serve.add_argument("--mode", choices=MODES, default="guided",
                       help="each session's training mode, as run's (guided)")
    serve.add_argument("--results", metavar="DIR",
                       help="every session's attempt results (JSON, and xAPI) here")
    serve.add_argument("--theme", metavar="NAME", help="each session's colours, as run's")
    serve.add_argument("--screen-reader", action="store_true",
                       help="each session in one column, as run's: the browser's screen "
                            "reader reads the terminal's rows, each then one text")
    serve.add_argument("--max-sessions", type=int, default=8, metavar="N",
                       help="at most N sessions at once (8); the next tab is told the "
                            "class is full")
    qa = sub.add_parser("qa", parents=[common],
                        help="run every path of the courts headless in the real app")
    qa.add_argument("courts", nargs="*", metavar="COURT", help="default: every court known")
    qa.add_argument("--out", required=True, metavar="DIR", help="where to write the results")
    qa.add_argument("--size", default="100x30", metavar="WxH", help="terminal size (100x30)")
    qa.add_argument("--jobs", type=int, default=None, metavar="N",
                    help="worker processes (default: the number of CPUs)")
    qa.add_argument("--paths", default="", metavar="ID,...", help="only these path ids")
    qa.add_argument("--input", choices=("keys", "mouse"), default="keys",
                    help="how each move is made: keys (Tab or Shift+Tab to the control, "
                         "Enter or Space, typing; the default) or mouse (a click on its "
                         "centre)")
    qa.add_argument("--no-timings", action="store_true",
                    help="leave timings and the run's time out of the report")
    graph_cmd = sub.add_parser("graph", parents=[common],
                               help="a court's flow graph as Mermaid or DOT")
    graph_cmd.add_argument("court", metavar="COURT")
    graph_cmd.add_argument("--format", choices=("mermaid", "dot"), default="mermaid")
    diff = sub.add_parser("diff", parents=[common], help="two courts side by side, point by point")
    diff.add_argument("a", metavar="A")
    diff.add_argument("b", metavar="B")
    diff.add_argument("--format", choices=("text", "json"), default="text")
    diff.add_argument("--screens", metavar="DIR",
                      help="also write paired screenshots of each step to DIR/index.html")
    progress = sub.add_parser("progress", parents=[common],
                              help="a trainee's attempts and passes per court and mode (the "
                                   "progress store in the user's data folder)")
    progress.add_argument("--trainee", metavar="NAME", help="only this trainee's attempts")
    progress.add_argument("--format", choices=("text", "json", "csv"), default="text")
    results = sub.add_parser("results", parents=[common],
                             help="a class's result files summarised: pass rate per court, "
                                  "the most common mistakes")
    results.add_argument("folder", metavar="DIR", help="the folder given to run --results")
    results.add_argument("--format", choices=("text", "json"), default="text")
    transcript = sub.add_parser(
        "transcript", parents=[common],
        help="write a plain-text transcript: every screen as shown (password fields "
             "masked) and the actions between them ('replay' checks it)")
    transcript.add_argument("target", metavar="COURT|STATE_CODE",
                            help="where it starts: a court's start or an exact state code")
    transcript.add_argument("--scenario", metavar="ID",
                            help="from COURT's start along this help-desk scenario's walk to "
                                 "the caller's screen")
    transcript.add_argument("--at", metavar="STEP",
                            help="with --scenario: the scenario's walk up to this step")
    transcript.add_argument("--actions", metavar="ID,...",
                            help="the engine's action ids to take, joined by commas (a login "
                                 "or Submit by its account: login:pacer:individual)")
    transcript.add_argument("--out", required=True, metavar="FILE",
                            help="the transcript file to write")
    transcript.add_argument("--size", default="100x30", metavar="WxH",
                            help="terminal size (100x30)")
    replay = sub.add_parser(
        "replay", parents=[common],
        help="replay a transcript headless and check the same screens appear (exit 1 "
             "naming the first line that differs)")
    replay.add_argument("file", metavar="FILE")
    new_court = sub.add_parser(
        "new-court", parents=[common],
        help="begin a court's profile: a valid starter from a known court under a new "
             "code, its guide copied beside it, '# FILL IN:' marks on what is still the "
             "template's")
    new_court.add_argument("code", metavar="CODE", help="the new court's code (TXEB)")
    new_court.add_argument("--name", required=True, help="the court's name, in quotes")
    new_court.add_argument("--from", dest="template", metavar="COURT",
                           help="the known court to start from (default: CASB, the "
                                "shortest built-in procedure)")
    new_court.add_argument("--guide", metavar="FILE",
                           help="the court's guide as a text file, copied to "
                                "DIR/guides/CODE.txt")
    new_court.add_argument("--out", required=True, metavar="DIR",
                           help="the folder to write CODE.toml in (give it to --profiles)")
    guide = sub.add_parser(
        "guide", parents=[common],
        help="a printable job aid of a court's procedure: each step of the guide's walk in "
             "the court's words (source marks as on screen) with QA's screenshot of it")
    guide.add_argument("court", metavar="COURT")
    guide.add_argument("--format", choices=("html", "md"), default="html",
                       help="html: one self-contained file that prints cleanly (default); "
                            "md: Markdown, its images in a folder beside it")
    guide.add_argument("--out", metavar="PATH",
                       help="the file to write (default: COURT-job-aid.html or .md here); "
                            "md's images go in PATH's name + _files beside it")
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None,
         err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        args = build_parser().parse_args(argv)
        from ecf_tui.registry.loading import registry

        reg = registry([*args.profiles, *getattr(args, "profiles_after", [])])
        if args.command == "courts":
            return _courts(reg, out)
        if args.command == "validate":
            return _validate(reg, args.paths, args.coverage, args.format, out, err)
        if args.command == "paths":
            return _paths(reg, args.court, args.codes, out)
        if args.command == "scenarios":
            from ecf_tui.helpdesk.commands import scenarios_command

            return scenarios_command(reg, args.court, args.search, args.format, out)
        if args.command == "qa":
            return _qa(reg, args, out)
        if args.command == "graph":
            return _graph(reg, args.court, args.format, out)
        if args.command == "diff":
            from ecf_tui.diff.courts import run_diff

            return run_diff(reg, args.a, args.b, args.format, args.screens, out)
        if args.command == "transcript":
            from ecf_tui.qa.command import parse_size
            from ecf_tui.transcripts.commands import transcript_command

            return transcript_command(reg, args.target, args.scenario, args.at, args.actions,
                                      Path(args.out), parse_size(args.size), out)
        if args.command == "new-court":
            return _new_court(reg, args, out)
        if args.command == "guide":
            from ecf_tui.job_aid.command import guide_command

            return guide_command(reg, args.court, args.format,
                                 Path(args.out) if args.out else None, out)
        if args.command == "serve":
            from ecf_tui.serve.command import serve_command

            return serve_command(reg, args, err)
        if args.command == "replay":
            from ecf_tui.transcripts.commands import replay_command

            return replay_command(reg, Path(args.file), out)
        if args.command in ("progress", "results"):
            from ecf_tui.training import commands

            if args.command == "progress":
                return commands.progress(args.trainee, args.format, out)
            return commands.results(Path(args.folder), args.format, out)
        return _run(reg, args, err)
    except UserError as problem:
        print(problem.paragraph(), file=err)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`ecf-tui paths MSSB | head`): stop quietly, and point
        # stdout at nothing so the interpreter's last flush cannot complain either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as failed:
        # A file that cannot be read or written midway (a full disk, a folder removed).
        where = f"{failed.filename}: " if failed.filename else ""
        print(f"ecf-tui: {where}{failed.strerror or failed}. Fix: check that this file or "
              "folder exists and can be read and written, then run the command again.",
              file=err)
        return EXIT_BAD_INPUT


def _new_court(reg: Registry, args: argparse.Namespace, out: TextIO) -> int:
    from ecf_tui.authoring.scaffold import marks, new_court

    folder = Path(args.out)
    written = new_court(reg, args.code, args.name, args.template,
                        Path(args.guide) if args.guide else None, folder)
    profile = written[0]
    print(f"wrote {profile} and {written[1]}; {len(marks(profile))} '# FILL IN:' marks "
          f"to work through. Next: ecf-tui --profiles {folder} validate {profile.stem}, "
          f"then run and qa (docs/adding-a-court.md).", file=out)
    return EXIT_OK


def _graph(reg: Registry, court: str, fmt: str, out: TextIO) -> int:
    from ecf_tui.flows import graph, graph_export

    flow = graph.of(reg.load(court))
    out.write(graph_export.mermaid(flow) if fmt == "mermaid" else graph_export.dot(flow))
    return EXIT_OK


def _qa(reg: Registry, args: argparse.Namespace, out: TextIO) -> int:
    from ecf_tui.qa.command import default_jobs, parse_size
    from ecf_tui.qa.parallel import run_qa

    jobs = args.jobs if args.jobs is not None else default_jobs()
    if jobs < 1:
        raise UserError(f"--jobs {jobs} is not a number of processes.", place="--jobs",
                        fix="give 1 or more.")
    only = [p for p in args.paths.split(",") if p]
    return run_qa(reg, args.courts, Path(args.out), parse_size(args.size), jobs, only,
                  not args.no_timings, out, how=args.input)


def _run(reg: Registry, args: argparse.Namespace, err: TextIO) -> int:
    """The simulator; then each attempt it ended saved: a result file pair in --results,
    a row in the progress store (unless --no-save). Bad options stop it before it
    starts; a progress store that cannot be used is said, and the simulator runs."""
    from ecf_tui.app import make_app, run_app
    from ecf_tui.training import progress, results
    from ecf_tui.training.saving import save_attempts

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
    code = run_app(app)
    problem = save_attempts(app.finished, folder, store) or problem
    if problem:
        print(problem, file=err)
    return code


def _courts(reg: Registry, out: TextIO) -> int:
    rows = []
    for code in reg.codes():
        source = reg.source(code)
        profile = reg.load(code)
        note = "".join(f" (overrides {p})" for p in source.overrides)
        rows.append((code, profile.name.text, f"{source.path}{note}"))
    width = max(len(r[1]) for r in rows)
    for code, name, where in rows:
        print(f"{code:<6} {name:<{width}}  {where}", file=out)
    return EXIT_OK


def _validate(reg: Registry, names: list[str], coverage: bool, fmt: str, out: TextIO,
              err: TextIO) -> int:
    from ecf_tui.authoring.validation import validate_paths

    return validate_paths(reg, names, out, err, coverage=coverage, fmt=fmt)


def _paths(reg: Registry, court: str, codes: bool, out: TextIO) -> int:
    from ecf_tui import engine
    from ecf_tui.flows import codebook, graph

    profile = reg.load(court)
    found = graph.paths(graph.of(profile))
    width = max(len(p.id) for p in found)
    for path in found:
        steps = " > ".join(s.step for s in path.states)
        print(f"{path.id:<{width}}  {steps}  = {engine.outcome(profile, path.end)}", file=out)
        if codes:
            for state in path.states:
                print(f"    {codebook.code(profile, state)}", file=out)
    return EXIT_OK
