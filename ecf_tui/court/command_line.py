"""Provides what a command of `ecf-tui` declares (`Command`): its name, its help, its
options and its handler. Each feature's `commands.py` (or `command.py`) declares its
own; `ecf_tui.cli` only puts them in order, adds the options every command shares and
turns errors into exit codes.

Every run of `ecf-tui` imports every command's module (the parser needs all their
options), so such a module imports at its top only what declaring needs; its handler
imports the rest when the command runs."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TextIO, TypeVar

# What a handler is given to find courts. The command line gives every handler its
# registry, but this module sits below the registry's layer, and so do some commands
# (`flows`' below it, `training`'s beside it): each handler types only what it needs of
# it (a protocol, or `object` for none), and a handler that needs less is one that
# takes a registry, hence contravariant.
CourtsT = TypeVar("CourtsT", contravariant=True)

Configure = Callable[[argparse.ArgumentParser], None]
"""Adds the command's own arguments to its parser."""


@dataclass(frozen=True)
class Command(Generic[CourtsT]):
    """One subcommand: `ecf-tui NAME`."""

    name: str
    help: str
    """The line `ecf-tui --help` shows beside the name."""
    configure: Configure
    handle: Callable[[CourtsT, argparse.Namespace, TextIO, TextIO], int]
    """Runs the command with the parsed options, writing to out and err; its exit code.
    Bad input raises UserError (the command line prints it, exit 2)."""
    description: str | None = None
    """The paragraph `ecf-tui NAME --help` shows under its usage, if any."""
