"""Provides `ecf-tui guide COURT --format md|html [--out PATH]`: the court's job aid,
from its profile and QA's screenshots of the guide's walk, written whole or not at all.
Exit 0 written, 1 where QA fails the walk (nothing written: a fault to report), 2 for
bad input."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from ecf_tui import engine
from ecf_tui.flows import graph
from ecf_tui.registry.loading import Registry, builtin_dir

EXIT_OK, EXIT_WALK_FAILED = 0, 1


def guide_command(reg: Registry, court: str, fmt: str, out_path: Path | None,
                  out: TextIO) -> int:
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
