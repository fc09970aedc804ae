"""Provides `ecf-tui diff A B --screens DIR`: the same step of both courts, rendered in
the real App headless, side by side in one HTML page."""

from __future__ import annotations

import asyncio
from html import escape
from pathlib import Path

from ecf_tui.court.files import write_text
from ecf_tui.court.profile import STEP_KINDS, CourtProfile
from ecf_tui.flows import graph
from ecf_tui.registry.loading import Registry

SIZE = (100, 30)


def _firsts(profile: CourtProfile) -> dict[str, object]:
    """The first state (breadth-first) of each step kind."""
    found: dict[str, object] = {}
    for state in graph.of(profile).states:
        found.setdefault(profile.steps[state.step].kind, state)
    return found


async def _shoot(reg: Registry, profile: CourtProfile, folder: Path) -> dict[str, str]:
    from ecf_tui.app import EcfApp
    from ecf_tui.qa.driver import capture, settled

    folder.mkdir(parents=True, exist_ok=True)
    shots: dict[str, str] = {}
    app = EcfApp(reg, profile.code)
    async with app.run_test(size=SIZE) as pilot:
        for kind, state in _firsts(profile).items():
            app.show_state(state)  # type: ignore[arg-type]
            await settled(pilot, app)  # as QA does: a picture taken sooner may differ
            svg, text = capture(app)
            write_text(folder / f"{kind}.svg", svg)
            write_text(folder / f"{kind}.txt", text)
            shots[kind] = f"{profile.code}/{kind}.svg"
    return shots


def write_pairs(reg: Registry, a: CourtProfile, b: CourtProfile, out: Path) -> None:
    shots_a = asyncio.run(_shoot(reg, a, out / a.code))
    shots_b = asyncio.run(_shoot(reg, b, out / b.code))
    rows = []
    for kind in STEP_KINDS:
        if kind not in shots_a and kind not in shots_b:
            continue
        cells = []
        for shots in (shots_a, shots_b):
            cells.append(f'<td><img src="{escape(shots[kind])}" alt="{escape(kind)}"></td>'
                         if kind in shots else "<td>(no such step)</td>")
        rows.append(f"<tr><th>{escape(kind)}</th>{''.join(cells)}</tr>")
    html = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{a.code} vs {b.code}</title><style>"
            "body{font-family:system-ui,sans-serif} img{width:36rem;border:1px solid #999}"
            "td,th{vertical-align:top;padding:.3rem}</style></head><body>"
            f"<h1>{escape(a.code)} vs {escape(b.code)}: the same step side by side</h1>"
            f"<table><tr><th>step</th><th>{escape(a.code)}</th><th>{escape(b.code)}</th></tr>"
            + "\n".join(rows) + "</table></body></html>\n")
    write_text(out / "index.html", html)
