"""Provides QA's gallery, index.html: court, then path (failures first), then each
screen's screenshot in order. One file with its styles inside and the screenshots
beside it; nothing is fetched from the network."""

from __future__ import annotations

from html import escape
from pathlib import Path

from ecf_tui.court.files import write_text
from ecf_tui.engine import HAPPY
from ecf_tui.qa.report import CourtSummary

STYLE = """
body { font-family: system-ui, sans-serif; margin: 1.5rem; background: #f6f6f4; }
h1 { font-size: 1.4rem; } h2 { margin-top: 2rem; border-bottom: 2px solid #345; }
details { margin: .4rem 0 .8rem; background: #fff; border: 1px solid #ccc; padding: .4rem; }
summary { cursor: pointer; font-weight: 600; }
.fail > summary { color: #a40000; } .pass > summary { color: #1d6b2f; }
.failure { background: #fdecea; padding: .4rem; white-space: pre-wrap; }
.shots { display: flex; flex-wrap: wrap; gap: .6rem; }
figure { margin: 0; width: 31rem; } figure img { width: 100%; border: 1px solid #999; }
figcaption { font-size: .8rem; font-family: monospace; }
table { border-collapse: collapse; } td, th { border: 1px solid #bbb; padding: .2rem .5rem; }
"""


def write_gallery(courts: list[CourtSummary], out: Path) -> None:
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             "<title>ecf-tui QA gallery</title>", f"<style>{STYLE}</style></head><body>",
             "<h1>ecf-tui QA: every path of every court</h1>", _summary(courts)]
    for court in courts:
        covered, total = court.coverage
        parts.append(f'<h2 id="{escape(court.code)}">{escape(court.code)} · '
                     f"{escape(court.name)}</h2>")
        parts.append(f"<p>{court.passed} passed, {court.failed} failed; edge coverage "
                     f"{covered}/{total}</p>")
        if court.uncovered:
            parts.append("<p>Uncovered edges:</p><ul>" + "".join(
                f"<li><code>{escape(e)}</code></li>" for e in court.uncovered) + "</ul>")
        for result in sorted(court.results, key=lambda r: r.passed):
            state = "pass" if result.passed else "fail"
            # Failures and the guide's own walk are open, so the page shows screens at once;
            # the other paths stay folded, or a browser would load every screenshot.
            opened = " open" if not result.passed or result.path_id == HAPPY else ""
            parts.append(f'<details class="{state}"{opened}><summary>{escape(result.path_id)}'
                         f" — {state}, {len(result.steps)} screens</summary>")
            if result.failure is not None:
                f = result.failure
                text = f"{f.reason}\nat {f.state_code} after: {' > '.join(f.actions)}"
                if f.shortest_actions is not None:
                    text += (f"\nshortest failing path: {f.shortest_code} after: "
                             f"{' > '.join(f.shortest_actions) or '(start)'}")
                parts.append(f'<div class="failure">{escape(text)}</div>')
            parts.append('<div class="shots">')
            for step in result.steps:
                caption = f"{step.n:02d} {step.code}"
                if step.action:
                    caption += f" ← {step.action}"
                parts.append(f'<figure><a href="{escape(step.txt)}"><img loading="lazy" '
                             f'src="{escape(step.svg)}" alt="{escape(caption)}"></a>'
                             f"<figcaption>{escape(caption)}</figcaption></figure>")
            parts.append("</div></details>")
    parts.append("</body></html>")
    write_text(out / "index.html", "\n".join(parts) + "\n")


def _summary(courts: list[CourtSummary]) -> str:
    rows = ["<table><tr><th>court</th><th>paths</th><th>passed</th><th>failed</th>"
            "<th>edge coverage</th></tr>"]
    for c in courts:
        covered, total = c.coverage
        rows.append(f'<tr><td><a href="#{escape(c.code)}">{escape(c.code)}</a></td>'
                    f"<td>{len(c.results)}</td><td>{c.passed}</td><td>{c.failed}</td>"
                    f"<td>{covered}/{total}</td></tr>")
    rows.append("</table>")
    return "\n".join(rows)
