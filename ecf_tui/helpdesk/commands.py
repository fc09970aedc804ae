"""Provides `ecf-tui scenarios`: the help desk's "what does the caller say?", as text
for a person or JSON for a tool. The scenarios, their search and the registry are
imported when the command runs (every run of `ecf-tui` imports this module)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from ecf_tui.court.command_line import Command

if TYPE_CHECKING:
    from ecf_tui.helpdesk import search
    from ecf_tui.helpdesk.loading import Bound, Scenarios
    from ecf_tui.registry.loading import Registry


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("court", nargs="?", metavar="COURT", help="only this court's scenarios")
    parser.add_argument("--search", metavar="WORDS",
                        help="rank the scenarios by the caller's words, best first")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def _scenarios(reg: Registry, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    return scenarios_command(reg, args.court, args.search, args.format, out)


SCENARIOS: Command[Registry] = Command(
    "scenarios",
    "the help desk's scenarios: what callers say, and the state code of their screen at "
    "each court",
    _configure, _scenarios)


def scenarios_command(reg: Registry, court: str | None, query: str | None, fmt: str,
                      out: TextIO) -> int:
    import json
    import shutil

    from ecf_tui.helpdesk import loading, search

    code = reg.load(court).code if court else None  # an unknown court: said before loading
    known = loading.load(reg)
    listed = [s for s in known.by_id.values() if code is None or code in s.courts]
    hits = (search.rank(listed, query, known.linked()) if query
            else [search.Hit(s, 0.0, "") for s in listed])
    rows = [_row(known, hit, code) for hit in hits]
    if fmt == "json":
        out.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return 0
    if not rows:
        print("No scenario matches those words." if query else "No scenario applies here.",
              file=out)
        return 0
    width = max(40, shutil.get_terminal_size((80, 24)).columns)
    for row in rows:
        score = f"  (score {row['score']})" if query else ""
        print(_wrapped(f"{row['id']}  {row['title']}{score}", width, "", "    "), file=out)
        said = f"\"{row['closest']}\"" if query else "; ".join(
            f"\"{p}\"" for p in row["phrasings"][:3])
        print(_wrapped(f"callers say: {said}", width, "    ", "      "), file=out)
        for court_row in row["courts"]:
            print(f"    {court_row['court']:<6} {court_row['code']}", file=out)
            print(_wrapped(f"open: {court_row['open']}", width, " " * 11, " " * 17,
                           long_words=False), file=out)
            fix = " ".join(_marked(t, court_row["court"]) for t in court_row["fix"])
            print(_wrapped(f"fix: {fix}", width, " " * 11, " " * 16), file=out)
    return 0


def _wrapped(text: str, width: int, first: str, rest: str, *, long_words: bool = True
             ) -> str:
    """`text` wrapped to the terminal, a command or an address never broken inside."""
    import textwrap

    return textwrap.fill(text, width, initial_indent=first, subsequent_indent=rest,
                         break_long_words=long_words, break_on_hyphens=False)


def _marked(text: dict[str, str], court: str) -> str:
    """A fix's words with their source as the screens mark them: the court's own guide
    unmarked, another court's `[as in CASB's guide]`, the simulator's `[simulator]`."""
    source = text["source"]
    if source == "simulator":
        return f"{text['text']} [simulator]"
    other = source.removesuffix(" guide")
    return text["text"] if other == court else f"{text['text']} [as in {other}'s guide]"


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
        "open": bound.open_line,
        "fix": [{"text": t.text, "source": _source(t, bound.court)} for t in bound.fix],
    }


def _source(text: Any, court: str) -> str:
    """Where a fix's words come from, as the screens mark them."""
    from ecf_tui.registry.loading import court_code

    if text.source == "simulator":
        return "simulator"
    return f"{court_code(text.quoted_from or court)} guide"
