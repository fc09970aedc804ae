"""Provides `ecf-tui transcript` and `ecf-tui replay`.

`transcript TARGET` starts at a court's start or at an exact state code; with
`--scenario ID` (and `--at STEP`) it starts at the court's start and takes the
help-desk scenario's walk to the caller's screen (or to that step); with `--actions`
it takes those engine action ids. `replay FILE` runs the file's actions again with the
courts as given now (`--profiles` applies) and exits 0 where every screen is the same,
1 naming the first line that differs, 2 for a file that is not a transcript.

The recording and replaying (they bring asyncio and the engine) are imported when a
command runs: every run of `ecf-tui` imports this module.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ecf_tui.court.command_line import Command
from ecf_tui.court.errors import UserError

if TYPE_CHECKING:
    from ecf_tui.engine import Action, State
    from ecf_tui.registry.loading import Registry
    from ecf_tui.transcripts.format import Size

EXIT_OK, EXIT_DIFFERS = 0, 1


def _configure_transcript(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", metavar="COURT|STATE_CODE",
                        help="where it starts: a court's start or an exact state code")
    parser.add_argument("--scenario", metavar="ID",
                        help="from COURT's start along this help-desk scenario's walk to "
                             "the caller's screen")
    parser.add_argument("--at", metavar="STEP",
                        help="with --scenario: the scenario's walk up to this step")
    parser.add_argument("--actions", metavar="ID,...",
                        help="the engine's action ids to take, joined by commas (a login "
                             "or Submit by its account: login:pacer:individual)")
    parser.add_argument("--out", required=True, metavar="FILE",
                        help="the transcript file to write")
    parser.add_argument("--size", default="100x30", metavar="WxH",
                        help="terminal size (100x30)")


def _transcript(reg: Registry, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ecf_tui.qa.command import parse_size

    return transcript_command(reg, args.target, args.scenario, args.at, args.actions,
                              Path(args.out), parse_size(args.size), out)


TRANSCRIPT: Command[Registry] = Command(
    "transcript",
    "write a plain-text transcript: every screen as shown (password fields masked) and "
    "the actions between them ('replay' checks it)",
    _configure_transcript, _transcript)


def _configure_replay(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE")


def _replay(reg: Registry, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    return replay_command(reg, Path(args.file), out)


REPLAY: Command[Registry] = Command(
    "replay",
    "replay a transcript headless and check the same screens appear (exit 1 naming the "
    "first line that differs)",
    _configure_replay, _replay)


def transcript_command(reg: Registry, target: str, scenario: str | None, at: str | None,
                       actions: str | None, out_path: Path, size: Size, out: TextIO) -> int:
    """Write the transcript `target` (and the options) name to `out_path`. `actions` is
    `--actions` as given: ids joined by commas."""
    from ecf_tui.court.files import write_text
    from ecf_tui.transcripts.format import size_text, to_text
    from ecf_tui.transcripts.record import AppDiffers, record

    start, taken = _walk(reg, target, scenario, at, actions)
    _check_out(out_path)
    try:
        made = record(reg, start, taken, size, scenario=scenario, at=at)
    except AppDiffers as fault:
        print(f"ecf-tui: {fault}; no transcript was written. This is a fault in the "
              "simulator ('ecf-tui qa' finds it too): please report it.", file=out)
        return EXIT_DIFFERS
    out_path.parent.mkdir(parents=True, exist_ok=True)
    write_text(out_path, to_text(made))
    print(f"{out_path}: {len(made.screens)} screen(s), {len(made.actions)} action(s), "
          f"{made.start} at {size_text(size)}. Check it: ecf-tui replay {out_path}",
          file=out)
    return EXIT_OK


def replay_command(reg: Registry, path: Path, out: TextIO) -> int:
    """Replay the transcript in `path`: 0 the same screens, 1 a line differs."""
    from ecf_tui.transcripts.format import parse, size_text
    from ecf_tui.transcripts.replay import replay

    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UserError("this file is not text (UTF-8).", file=path,
                        fix="give a file 'ecf-tui transcript' wrote.") from None
    except OSError as failed:
        raise UserError(f"cannot read this file ({failed.strerror}).", file=path,
                        fix="give the path of a transcript 'ecf-tui transcript' wrote."
                        ) from None
    transcript = parse(text, path)
    difference = replay(reg, transcript, str(path))
    if difference is not None:
        print(difference.message(str(path)), file=out)
        return EXIT_DIFFERS
    print(f"{path}: the same {len(transcript.screens)} screen(s) after "
          f"{len(transcript.actions)} action(s), {transcript.start} at "
          f"{size_text(transcript.size)}: passed.", file=out)
    return EXIT_OK


def _walk(reg: Registry, target: str, scenario: str | None, at: str | None,
          actions: str | None) -> tuple[State, list[Action]]:
    """The start state and the actions the options name, checked against the engine."""
    from ecf_tui.helpdesk.opening import open_target
    from ecf_tui.transcripts.record import plan, plan_text

    if scenario and actions is not None:
        code = reg.load(target.partition("/")[0]).code
        raise UserError("--actions and --scenario each give the walk: give one.",
                        place="--actions",
                        fix=f"drop --scenario and start at its state code, or drop "
                            f"--actions ('ecf-tui scenarios {code}' lists the codes).")
    profile, walk = open_target(reg, target, scenario, at, command="transcript")
    start = walk.states[0]
    if scenario:
        return start, plan(profile, start, [a.id for a in walk.actions], "--scenario")
    return start, plan_text(profile, start, actions or "", "--actions")


def _check_out(path: Path) -> None:
    if path.is_dir():
        raise UserError("this is a folder, not a file.", file=path, place="--out",
                        fix="give the transcript's file name, such as transcript.txt.")
