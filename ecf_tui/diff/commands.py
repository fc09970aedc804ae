"""Provides `ecf-tui diff A B`: two courts point by point, as text or JSON, and with
`--screens` the same step's screenshots of both side by side."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from ecf_tui.court.command_line import Command

if TYPE_CHECKING:
    from ecf_tui.registry.loading import Registry


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("a", metavar="A")
    parser.add_argument("b", metavar="B")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--screens", metavar="DIR",
                        help="also write paired screenshots of each step to DIR/index.html")


def _diff(reg: Registry, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ecf_tui.diff.courts import run_diff

    return run_diff(reg, args.a, args.b, args.format, args.screens, out)


DIFF: Command[Registry] = Command(
    "diff", "two courts side by side, point by point", _configure, _diff)
