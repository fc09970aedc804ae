"""Provides `ecf-tui scenarios`: the help desk's "what does the caller say?", as text
for a person or JSON for a tool."""

from __future__ import annotations

import json
from typing import Any, TextIO

from ecf_tui.helpdesk import loading, search
from ecf_tui.helpdesk.loading import Bound, Scenarios
from ecf_tui.loading import Registry, court_code


def scenarios_command(reg: Registry, court: str | None, query: str | None, fmt: str,
                      out: TextIO) -> int:
    code = reg.load(court).code if court else None  # an unknown court: said before loading
    known = loading.load(reg)
    listed = [s for s in known.by_id.values() if code is None or code in s.courts]
    hits = search.rank(listed, query) if query else [search.Hit(s, 0.0, "") for s in listed]
    rows = [_row(known, hit, code) for hit in hits]
    if fmt == "json":
        out.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return 0
    if not rows:
        print("No scenario matches those words." if query else "No scenario applies here.",
              file=out)
        return 0
    for row in rows:
        score = f"  (score {row['score']})" if query else ""
        print(f"{row['id']}  {row['title']}{score}", file=out)
        said = f"\"{row['closest']}\"" if query else "; ".join(
            f"\"{p}\"" for p in row["phrasings"][:3])
        print(f"    callers say: {said}", file=out)
        for court_row in row["courts"]:
            print(f"    {court_row['court']:<6} {court_row['code']}", file=out)
    return 0


def _row(known: Scenarios, hit: search.Hit, court: str | None) -> dict[str, Any]:
    scenario = hit.scenario
    bound = [b for b in known.bound if b.scenario.id == scenario.id
             and (court is None or b.court == court)]
    row: dict[str, Any] = {
        "id": scenario.id,
        "title": scenario.title,
        "phrasings": list(scenario.phrasings),
        "accounts": scenario.accounts.model_dump(),
        "courts": [_court_row(b) for b in bound],
    }
    if hit.phrasing:
        row["score"], row["closest"] = hit.score, hit.phrasing
    return row


def _court_row(bound: Bound) -> dict[str, Any]:
    return {
        "court": bound.court,
        "code": bound.code,
        "open": f"ecf-tui run {bound.code}",
        "fix": [{"text": t.text, "source": _source(t, bound.court)} for t in bound.fix],
    }


def _source(text: Any, court: str) -> str:
    """Where a fix's words come from, as the screens mark them."""
    if text.source == "simulator":
        return "simulator"
    return f"{court_code(text.quoted_from or court)} guide"
