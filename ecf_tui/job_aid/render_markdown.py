"""Provides the job aid as Markdown: headings, the court's texts with their marks, and
each step's screenshot as an image in a folder beside the file."""

from __future__ import annotations

import re
from urllib.parse import quote

from ecf_tui.job_aid.model import AidStep, JobAid, Line, Piece, Section

# An underscore inside a word (MSSB_IT@...) is no emphasis: it stays as it is, so the
# file reads (and greps) as the court wrote it.
_SPECIAL = re.compile(r"([\\`*\[\]<>|]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9]))")


def escape(words: str) -> str:
    """Court words as Markdown shows them literally (a "Username *" is no emphasis)."""
    text = _SPECIAL.sub(r"\\\1", words)
    # A line that starts like a heading, a list or a quote would read as one.
    return re.sub(r"^([#>+-]|\d+\.)", r"\\\1", text)


def words(piece: Piece) -> str:
    # The marks stay as the screens write them, brackets and all: Markdown shows a
    # bracketed word with no link defined for it as it is.
    shown = escape(piece.words)
    return f"{shown} *{piece.mark}*" if piece.mark else shown


def line(pieces: Line, joiner: str = " ") -> str:
    return joiner.join(words(p) for p in pieces)


def render(aid: JobAid, images: str) -> str:
    """The whole aid; `images` is the folder of the screenshots, relative to the file."""
    out = [f"# {aid.court}: {words(aid.guide_title)}", "", f"**{words(aid.court_name)}**", ""]
    out += [f"> {note}" if note else ">" for note in _interleave(aid.notes)]
    out += ["", f"*{escape(aid.origin)}*", "", "## Before you begin", ""]
    for paragraph in aid.intro:
        out += [line(paragraph), ""]
    for section in aid.front:
        out += _section(section, "###")
    out += [f"## {words(aid.steps_heading)}", ""]
    for step in aid.steps:
        out += _step(step, images, len(aid.steps))
    out += _section(aid.refresh, "##")
    return "\n".join(out).rstrip() + "\n"


def _interleave(notes: tuple[str, ...]) -> list[str]:
    """Paragraphs of one block quote, a blank quoted line between them."""
    found: list[str] = []
    for note in notes:
        found += [*([""] if found else []), escape(note)]
    return found


def _section(section: Section, level: str) -> list[str]:
    out = [f"{level} {words(section.heading)}", ""]
    for pieces in section.lines:
        out += [f"- {line(pieces)}"] if section.listed else [line(pieces), ""]
    return [*out, ""] if section.listed else out


def _step(step: AidStep, images: str, total: int) -> list[str]:
    heading = f"### {step.number}. {escape(step.stage_name)}"
    if step.title is not None:
        heading += f": {words(step.title)}"
    out = [heading, ""]
    meta = step.meta(total, escape, words, lambda code: f"`{code}`")
    out += [" · ".join(meta), ""]
    for heading, lines in step.says:
        out += [f"**{escape(heading)}**", ""]
        for pieces in lines:
            out += [f"> {line(pieces)}", ">"]
        out[-1] = ""
    if step.move is not None:
        out += [f"**Next:** {line(step.move)}", ""]
    if step.page or step.controls:
        out += ["**On the page**", ""]
        out += [f"- {line(pieces, ': ')}" for pieces in step.page]
        if step.controls:
            out.append(f"- Links, buttons and fields: {line(step.controls, ' · ')}")
        out.append("")
    image = f"{images}/{step.screenshot.name}"
    out += [f"![Screen {step.number}: {escape(step.stage_name)}]({quote(image)})", ""]
    return out
