"""Provides the job aid as one self-contained HTML page: its styles inside, each
screenshot a `data:` URI, nothing to fetch (no font, script or image from anywhere), and
a print stylesheet that keeps each step whole on a page and the paper white."""

from __future__ import annotations

from base64 import b64encode
from html import escape

from ecf_tui.job_aid.model import AidStep, JobAid, Line, Piece, Section

STYLE = """
:root { color-scheme: light; }
body { font-family: system-ui, "DejaVu Sans", sans-serif; color: #111; background: #fff;
       max-width: 50rem; margin: 1.5rem auto; padding: 0 1rem; line-height: 1.4; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; }
h2 { font-size: 1.3rem; margin: 1.6rem 0 .5rem; border-bottom: 2px solid #345; }
h3 { font-size: 1.05rem; margin: .9rem 0 .3rem; }
.court { font-weight: 600; margin: 0 0 .6rem; }
.notes { border: 1px solid #999; padding: .3rem .8rem; font-size: .9rem; }
.origin { font-size: .85rem; color: #333; }
.mark { font-style: italic; font-weight: normal; color: #555; font-size: .9em; }
.step { break-inside: avoid; page-break-inside: avoid; border-top: 1px solid #999;
        margin-top: 1.2rem; padding-top: .3rem; }
.step h3 { margin-top: .2rem; }
.meta { font-size: .8rem; color: #333; margin: 0 0 .3rem; }
.meta code { font-size: .8rem; }
.label { font-weight: 600; margin: .4rem 0 .1rem; }
.says { border-left: 3px solid #345; margin: .2rem 0; padding: 0 0 0 .7rem; }
.says p { margin: .15rem 0; }
.page { font-size: .85rem; margin: .1rem 0 .4rem; padding-left: 1.2rem; }
.page li { margin: .1rem 0; }
figure { margin: .4rem 0 0; }
figure img { display: block; width: 100%; height: auto; border: 1px solid #999; }
@page { margin: 12mm 12mm 14mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  .notes { border-color: #666; }
  /* The page's width (about half a page tall on Letter or A4): the terminal's text
     stays legible on paper, and with its words the longest step still fits a page. */
  figure img { width: 100%; }
}
"""


def render(aid: JobAid) -> str:
    title = f"{aid.court}: {aid.guide_title.words}"
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{escape(title)} (job aid)</title>", f"<style>{STYLE}</style>",
             "</head><body>",
             f"<h1>{aid.court}: {_piece(aid.guide_title)}</h1>",
             f'<p class="court">{_piece(aid.court_name)}</p>',
             '<div class="notes">' + "".join(f"<p>{escape(n)}</p>" for n in aid.notes)
             + "</div>",
             f'<p class="origin">{escape(aid.origin)}</p>',
             "<h2>Before you begin</h2>"]
    parts += [f"<p>{_line(p)}</p>" for p in aid.intro]
    parts += [_section(s, "h3") for s in aid.front]
    parts.append(f"<h2>{_piece(aid.steps_heading)}</h2>")
    parts += [_step(s, len(aid.steps)) for s in aid.steps]
    parts.append(_section(aid.refresh, "h2"))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _piece(piece: Piece) -> str:
    shown = escape(piece.words)
    if piece.mark:
        shown += f' <span class="mark">{escape(piece.mark)}</span>'
    return shown


def _line(pieces: Line, joiner: str = " ") -> str:
    return joiner.join(_piece(p) for p in pieces)


def _section(section: Section, tag: str) -> str:
    head = f"<{tag}>{_piece(section.heading)}</{tag}>"
    if section.listed:
        return head + "<ul>" + "".join(f"<li>{_line(p)}</li>" for p in section.lines) + "</ul>"
    return head + "".join(f"<p>{_line(p)}</p>" for p in section.lines)


def _step(step: AidStep, total: int) -> str:
    heading = f"{step.number}. {escape(step.stage_name)}"
    if step.title is not None:
        heading += f": {_piece(step.title)}"
    meta = step.meta(total, escape, _piece, lambda code: f"<code>{escape(code)}</code>")
    out = [f'<section class="step" id="step-{step.number}">', f"<h3>{heading}</h3>",
           f'<p class="meta">{" · ".join(meta)}</p>']
    for heading, lines in step.says:
        out.append(f'<p class="label">{escape(heading)}</p><div class="says">'
                   + "".join(f"<p>{_line(p)}</p>" for p in lines) + "</div>")
    if step.move is not None:
        out.append(f'<p class="label">Next: <span class="move">{_line(step.move)}</span></p>')
    items = [f"<li>{_line(p, ': ')}</li>" for p in step.page]
    if step.controls:
        items.append(f"<li>Links, buttons and fields: {_line(step.controls, ' · ')}</li>")
    if items:
        out.append('<p class="label">On the page</p><ul class="page">' + "".join(items)
                   + "</ul>")
    data = b64encode(step.screenshot.svg.encode("utf-8")).decode("ascii")
    alt = f"Screen {step.number}: {step.stage_name}, in the simulator"
    out.append(f'<figure><img src="data:image/svg+xml;base64,{data}" alt="{escape(alt)}">'
               "</figure>")
    out.append("</section>")
    return "\n".join(out)
