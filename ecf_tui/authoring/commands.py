"""Provides what a court's author runs: `ecf-tui validate` (the profiles' problems, each
with its place and fix) and `ecf-tui new-court` (a starter profile to fill in)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ecf_tui.court.command_line import Command

if TYPE_CHECKING:
    from ecf_tui.registry.loading import Registry


def _configure_validate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH|COURT",
                        help="profile files or folders, or court codes")
    parser.add_argument("--coverage", action="store_true",
                        help="also list each guide sentence and where it is shown (the "
                             "court's page, the side panel, nowhere), with the shares")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="json: every file's problems (file, line, column, field, "
                             "problem, fix) and warnings, for tools")


def _validate(reg: Registry, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ecf_tui.authoring.validation import validate_paths

    return validate_paths(reg, args.paths, out, err, coverage=args.coverage, fmt=args.format)


VALIDATE: Command[Registry] = Command(
    "validate",
    "check profiles: schema, flow graph and guide fidelity (default: every court known)",
    _configure_validate, _validate)


def _configure_new_court(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", metavar="CODE", help="the new court's code (TXEB)")
    parser.add_argument("--name", required=True, help="the court's name, in quotes")
    parser.add_argument("--from", dest="template", metavar="COURT",
                        help="the known court to start from (default: CASB, the "
                             "shortest built-in procedure)")
    parser.add_argument("--guide", metavar="FILE",
                        help="the court's guide as a text file, copied to "
                             "DIR/guides/CODE.txt")
    parser.add_argument("--out", required=True, metavar="DIR",
                        help="the folder to write CODE.toml in (give it to --profiles)")


def _new_court(reg: Registry, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ecf_tui.authoring.scaffold import marks, new_court

    folder = Path(args.out)
    written = new_court(reg, args.code, args.name, args.template,
                        Path(args.guide) if args.guide else None, folder)
    profile = written[0]
    print(f"wrote {profile} and {written[1]}; {len(marks(profile))} '# FILL IN:' marks "
          f"to work through. Next: ecf-tui --profiles {folder} validate {profile.stem}, "
          f"then run and qa (docs/adding-a-court.md).", file=out)
    return 0


NEW_COURT: Command[Registry] = Command(
    "new-court",
    "begin a court's profile: a valid starter from a known court under a new code, its "
    "guide copied beside it, '# FILL IN:' marks on what is still the template's",
    _configure_new_court, _new_court)
