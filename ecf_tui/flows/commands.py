"""Provides `ecf-tui paths` (every path through a court's flow, with the state codes on
it) and `ecf-tui graph` (the flow graph as Mermaid or DOT)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Protocol, TextIO

from ecf_tui.court.command_line import Command

if TYPE_CHECKING:
    from ecf_tui.court.profile import CourtProfile


class Courts(Protocol):
    """What these commands need of the registry (a layer above this one): a court's
    profile by its code."""

    def load(self, code: str) -> CourtProfile: ...


def _configure_paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("court", metavar="COURT")
    parser.add_argument("--codes", action="store_true",
                        help="under each path, the state code of each state on it (each "
                             "opens with 'ecf-tui run CODE')")


def _paths(reg: Courts, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ecf_tui import engine
    from ecf_tui.flows import codebook, graph

    profile = reg.load(args.court)
    found = graph.paths(graph.of(profile))
    width = max(len(p.id) for p in found)
    for path in found:
        steps = " > ".join(s.step for s in path.states)
        print(f"{path.id:<{width}}  {steps}  = {engine.outcome(profile, path.end)}", file=out)
        if args.codes:
            for state in path.states:
                print(f"    {codebook.code(profile, state)}", file=out)
    return 0


PATHS: Command[Courts] = Command(
    "paths", "every path through a court's flow", _configure_paths, _paths)


def _configure_graph(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("court", metavar="COURT")
    parser.add_argument("--format", choices=("mermaid", "dot"), default="mermaid")


def _graph(reg: Courts, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ecf_tui.flows import graph, graph_export

    flow = graph.of(reg.load(args.court))
    out.write(graph_export.mermaid(flow) if args.format == "mermaid"
              else graph_export.dot(flow))
    return 0


GRAPH: Command[Courts] = Command(
    "graph", "a court's flow graph as Mermaid or DOT", _configure_graph, _graph)
