"""Provides a court's flow graph as Mermaid or Graphviz DOT: steps as nodes, actions as
labelled edges, end states marked (a double circle in DOT, a stadium in Mermaid)."""

from __future__ import annotations

import re

from ecf_tui import engine
from ecf_tui.flows.graph import MENU_BAR, StateGraph


def _node_id(step: str) -> str:
    return "menu_bar" if step == MENU_BAR else "s_" + re.sub(r"[^A-Za-z0-9]", "_", step)


def _nodes(flow: StateGraph) -> list[str]:
    edges = flow.flow_edges()
    return list(dict.fromkeys([*(e.source for e in edges), *(e.target for e in edges)]))


def _is_end(flow: StateGraph, step: str) -> bool:
    return step in flow.profile.steps and flow.profile.steps[step].kind in engine.END_KINDS


def _label(step: str, flow: StateGraph) -> str:
    if step == MENU_BAR:
        return "menu bar (any CM/ECF page)"
    return f"{step} ({flow.profile.steps[step].kind})"


def mermaid(flow: StateGraph) -> str:
    lines = ["flowchart TD"]
    for step in _nodes(flow):
        label = _label(step, flow).replace('"', "'")
        shape = f'(["{label}"])' if _is_end(flow, step) else f'["{label}"]'
        lines.append(f"    {_node_id(step)}{shape}")
    for edge in flow.flow_edges():
        action = edge.action.replace('"', "'").replace("|", "/")
        lines.append(f'    {_node_id(edge.source)} -->|"{action}"| {_node_id(edge.target)}')
    lines.append("    classDef finish stroke-width:3px")
    ends = [_node_id(s) for s in _nodes(flow) if _is_end(flow, s)]
    if ends:
        lines.append(f"    class {','.join(ends)} finish")
    return "\n".join(lines) + "\n"


def dot(flow: StateGraph) -> str:
    lines = [f'digraph "{flow.profile.code}" {{', "    rankdir=TB;", "    node [shape=box];"]
    for step in _nodes(flow):
        shape = ", shape=doublecircle" if _is_end(flow, step) else ""
        label = _label(step, flow).replace('"', '\\"')
        lines.append(f'    {_node_id(step)} [label="{label}"{shape}];')
    for edge in flow.flow_edges():
        label = edge.action.replace('"', '\\"')
        lines.append(f'    {_node_id(edge.source)} -> {_node_id(edge.target)} [label="{label}"];')
    lines.append("}")
    return "\n".join(lines) + "\n"
