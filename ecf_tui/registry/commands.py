"""Provides `ecf-tui courts`: the courts known, each with its full name and the profile
file it comes from (and the files it overrides)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from ecf_tui.court.command_line import Command

if TYPE_CHECKING:
    from ecf_tui.registry.loading import Registry


def _no_options(parser: argparse.ArgumentParser) -> None:
    pass


def _courts(reg: Registry, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    rows = []
    for code in reg.codes():
        source = reg.source(code)
        note = "".join(f" (overrides {p})" for p in source.overrides)
        rows.append((code, reg.name(code), f"{source.path}{note}"))
    width = max(len(r[1]) for r in rows)
    for code, name, where in rows:
        print(f"{code:<6} {name:<{width}}  {where}", file=out)
    return 0


COURTS: Command[Registry] = Command(
    "courts", "list the courts known and their profiles", _no_options, _courts)
