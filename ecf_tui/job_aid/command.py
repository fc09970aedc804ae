"""Provides `ecf-tui guide COURT --format md|html [--out PATH]`: the court's job aid,
from its profile and QA's screenshots of the guide's walk, written whole or not at all.
Exit 0 written, 1 where QA fails the walk (nothing written: a fault to report), 2 for
bad input. What the aid is made with is imported when the command runs (every run of
`ecf-tui` imports this module)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ecf_tui.court.command_line import Command

if TYPE_CHECKING:
    from ecf_tui.registry.loading import Registry

EXIT_OK, EXIT_WALK_FAILED = 0, 1


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("court", metavar="COURT")
    parser.add_argument("--format", choices=("html", "md"), default="html",
                        help="html: one self-contained file that prints cleanly (default); "
                             "md: Markdown, its images in a folder beside it")
    parser.add_argument("--out", metavar="PATH",
                        help="the file to write (default: COURT-job-aid.html or .md here); "
                             "md's images go in PATH's name + _files beside it")


def _guide(reg: Registry, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    return guide_command(reg, args.court, args.format,
                         Path(args.out) if args.out else None, out)


GUIDE: Command[Registry] = Command(
    "guide",
    "a printable job aid of a court's procedure: each step of the guide's walk in the "
    "court's words (source marks as on screen) with QA's screenshot of it",
    _configure, _guide)


def guide_command(reg: Registry, court: str, fmt: str, out_path: Path | None,
                  out: TextIO) -> int:
    from ecf_tui import engine
    from ecf_tui.flows import graph
    from ecf_tui.job_aid import model, output, render_html, render_markdown
    from ecf_tui.job_aid.screenshots import SIZE, WalkFailed, walk_screenshots

    profile = reg.load(court)
    path = out_path or Path(f"{profile.code}-job-aid.{fmt}")
    output.check(path, fmt)
    walk = graph.paths(graph.of(profile))[0]
    assert walk.id == engine.HAPPY, "graph.paths gives the guide's walk first"
    try:
        shots = walk_screenshots(reg, profile.code, SIZE)
    except WalkFailed as failed:
        print(f"ecf-tui: {failed}; no job aid was written. This is a fault in the "
              f"simulator or the profile: 'ecf-tui qa {profile.code} --out DIR' shows it.",
              file=out)
        return EXIT_WALK_FAILED
    aid = model.build(profile, _origin(reg, profile.code), walk, shots, SIZE)
    if fmt == "html":
        output.write_html(path, render_html.render(aid))
        what = "one file, the screenshots inside"
    else:
        images = output.images_folder(path)
        output.write_markdown(path, render_markdown.render(aid, images.name), shots)
        what = f"the screenshots in {images}"
    print(f"{path}: {profile.code}'s job aid, {len(aid.steps)} steps with a screenshot "
          f"each ({what}).", file=out)
    return EXIT_OK


def _origin(reg: Registry, court: str) -> str:
    from ecf_tui.registry.loading import builtin_dir

    source = reg.source(court)
    profile = reg.load(court)
    if source.path.parent == builtin_dir():
        where = (f"the built-in profile {source.path.name} and the court's guide it "
                 f"quotes, {profile.guide}")
    else:
        where = (f"the profile {source.path} and the court's guide it quotes, "
                 f"{source.path.parent / profile.guide}")
    return (f"Made from {where} ('ecf-tui validate' checks every court text against "
            "the guide, word for word).")
