"""Provides the `ecf-tui` command line (argparse: it is in the standard library and
enough for flat subcommands, so it adds no dependency).

Each command declares itself (`Command`: name, help, options, handler) in its feature's
`commands.py` or `command.py`; this module only lists them in order, adds the options
every command shares and turns errors into exit codes. Every command takes `--profiles
DIR` (repeatable) and reads `ECF_TUI_PROFILES`. Bad input prints one paragraph naming
the file, the place and the fix, and exits 2; nothing here prints a traceback for it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

from ecf_tui import __version__
from ecf_tui.authoring.commands import NEW_COURT, VALIDATE
from ecf_tui.court.command_line import Command
from ecf_tui.court.errors import UserError
from ecf_tui.diff.commands import DIFF
from ecf_tui.flows.commands import GRAPH, PATHS
from ecf_tui.helpdesk.commands import SCENARIOS
from ecf_tui.job_aid.command import GUIDE
from ecf_tui.launch.commands import RUN, picker_defaults
from ecf_tui.qa.command import QA
from ecf_tui.registry.commands import COURTS
from ecf_tui.serve.command import SERVE
from ecf_tui.training.commands import PROGRESS, RESULTS
from ecf_tui.transcripts.commands import REPLAY, TRANSCRIPT

if TYPE_CHECKING:
    from ecf_tui.registry.loading import Registry

EXIT_BAD_INPUT = 2

COMMANDS: tuple[Command[Registry], ...] = (
    COURTS, VALIDATE, PATHS, SCENARIOS, RUN, SERVE, QA, GRAPH, DIFF, PROGRESS, RESULTS,
    TRANSCRIPT, REPLAY, NEW_COURT, GUIDE,
)
"""Every command, in the order `ecf-tui --help` lists them; each declares its own
options and handler beside its feature."""


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
    # No command opens the picker: `run` with no court, its options as `run` defaults them.
    parser.set_defaults(handle=RUN.handle, **picker_defaults())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for command in COMMANDS:
        declared = sub.add_parser(command.name, parents=[common], help=command.help,
                                  description=command.description)
        command.configure(declared)
        declared.set_defaults(handle=command.handle)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None,
         err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        args = build_parser().parse_args(argv)
        from ecf_tui.registry.loading import registry

        reg = registry([*args.profiles, *getattr(args, "profiles_after", [])])
        handle: Callable[[Registry, argparse.Namespace, TextIO, TextIO], int] = (
            args.handle)
        return handle(reg, args, out, err)
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
