"""Provides `ecf-tui diff A B`: two courts side by side, point by point (way in, login
page, dialogs, redaction, Utilities, release pages, confirm names, refresh method,
warnings, dates, contacts, e-mail) and the differences between their flow graphs."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO, TypeVar

from ecf_tui import engine
from ecf_tui.court.errors import writable_folder
from ecf_tui.court.profile import (
    CourtProfile,
    DialogStep,
    EmailStep,
    FrontStep,
    LinkFormStep,
    LoginStep,
    RedactionStep,
    SiteStep,
    Step,
    Text,
    UtilitiesStep,
)
from ecf_tui.flows import graph
from ecf_tui.registry.loading import Registry

Value = str | list[str]
StepT = TypeVar("StepT", bound=Step)


@dataclass(frozen=True)
class Point:
    name: str
    a: Value
    b: Value

    @property
    def same(self) -> bool:
        return self.a == self.b


def _t(text: Text | None) -> str:
    return text.text if text is not None else "(none)"


def _of(profile: CourtProfile, cls: type[StepT]) -> list[StepT]:
    return [s for s in profile.steps.values() if isinstance(s, cls)]


def way_in(profile: CourtProfile) -> list[str]:
    labels, step_id = [], profile.start
    if isinstance(front := profile.steps[step_id], FrontStep):
        step_id = front.next
    while isinstance(step := profile.steps[step_id], SiteStep):
        link = next((ln for ln in step.links if ln.to), None)
        if link is None or link.to is None:
            break
        labels.append(link.label.text)
        step_id = link.to
    return labels


def utilities_items(profile: CourtProfile) -> list[str]:
    found = []
    for page in _of(profile, UtilitiesStep):
        for section in page.sections:
            head = f"{_t(page.title)} > " + (f"{section.title.text} > " if section.title else "")
            found += [head + item.label.text for item in section.items]
    return found


def release_pages(profile: CourtProfile) -> list[str]:
    labels = [item.label.text for page in _of(profile, UtilitiesStep)
              for section in page.sections for item in section.items]
    labels += [_t(page.title) for page in _of(profile, UtilitiesStep)]
    return list(dict.fromkeys(label for label in labels if "Release" in label))


def refresh_method(profile: CourtProfile) -> list[str]:
    r = profile.refresh
    found = [f"click menu item: {'any' if item == '*' else item}" for item in r.menu_items]
    found += [f"way: {way}" for way in r.ways]
    found += [f"keys: {k.text}" for k in r.clear_cache_keys]
    return found + [f"guide: {t.text}" for t in r.instruction]


def flow_shape(profile: CourtProfile) -> list[str]:
    """The flow's edges by step kind, so two courts' graphs compare whatever their ids."""
    flow = graph.of(profile)
    kinds = {sid: s.kind for sid, s in profile.steps.items()}
    shape = set()
    for edge in flow.flow_edges():
        action = edge.action.split(":")[0]
        source = kinds.get(edge.source, edge.source)
        shape.add(f"{source} --{action}--> {kinds[edge.target]}")
    return sorted(shape)


def points(a: CourtProfile, b: CourtProfile) -> list[Point]:
    def both(name: str, get: Callable[[CourtProfile], Value]) -> Point:
        return Point(name, get(a), get(b))

    def login(p: CourtProfile) -> LoginStep:
        return _of(p, LoginStep)[0]

    def names(p: CourtProfile) -> list[str]:
        pacer, cmecf = engine.own_accounts(p)
        return [f"CM/ECF {cmecf.name.text}", f"PACER {pacer.name.text}"]

    return [
        both("court name", lambda p: p.name.text),
        both("way in", way_in),
        both("web address", lambda p: [_t(s.address) for s in _of(p, SiteStep)][:1]),
        both("login page title", lambda p: _t(login(p).title)),
        both("login fields", lambda p: [t.text for t in (
            login(p).username_label, login(p).password_label, login(p).client_code_label)
            if t is not None]),
        both("login buttons", lambda p: [t.text for t in (
            login(p).login_button, login(p).clear_button) if t is not None]),
        both("login links", lambda p: [ln.label.text for ln in login(p).links]),
        both("login notices", lambda p: [t.text for t in (*login(p).notices_above,
                                                          *login(p).notices)]),
        both("dialogs", lambda p: [f"{_t(d.title)} ({d.situation})" for d in _of(p, DialogStep)]),
        both("redaction agreement", lambda p: [_t(r.agreement) for r in _of(p, RedactionStep)]
             or ["(none)"]),
        both("Utilities items", utilities_items),
        both("release pages", release_pages),
        both("link form links", lambda p: [ln.label.text for ln in _of(p, LinkFormStep)[0].links]),
        both("confirm names", names),
        both("refresh method", refresh_method),
        both("warnings", lambda p: [t.text for t in p.about.warnings]),
        both("dates", lambda p: [_t(p.about.go_live)]),
        both("contacts", lambda p: [t.text for t in p.about.contacts]),
        both("e-mail notification", lambda p: ["yes"] if _of(p, EmailStep) else ["no"]),
        both("flow graph", flow_shape),
    ]


def _text(a: str, b: str, found: list[Point]) -> str:
    lines = [f"{a} vs {b}"]
    for point in found:
        if point.same:
            shown = point.a if isinstance(point.a, str) else "; ".join(point.a) or "(none)"
            lines.append(f"= {point.name}: {shown}")
            continue
        lines.append(f"≠ {point.name}")
        if isinstance(point.a, list) and isinstance(point.b, list):
            only_a = [x for x in point.a if x not in point.b]
            only_b = [x for x in point.b if x not in point.a]
            if not only_a and not only_b:
                lines.append(f"    same items, other order: {a}: {'; '.join(point.a)}")
                lines.append(f"    {' ' * len('same items, other order: ')}{b}: "
                             f"{'; '.join(point.b)}")
                continue
            lines.append(f"    only {a}: {'; '.join(only_a) or '(nothing)'}")
            lines.append(f"    only {b}: {'; '.join(only_b) or '(nothing)'}")
        else:
            lines.append(f"    {a}: {point.a}")
            lines.append(f"    {b}: {point.b}")
    return "\n".join(lines) + "\n"


def run_diff(reg: Registry, a: str, b: str, fmt: str, screens: str | None, out: TextIO) -> int:
    pa, pb = reg.load(a), reg.load(b)
    a, b = pa.code, pb.code
    folder = writable_folder(Path(screens), "--screens") if screens else None
    found = points(pa, pb)
    if fmt == "json":
        data = {"a": a, "b": b, "points": [
            {"point": p.name, a: p.a, b: p.b, "same": p.same} for p in found]}
        out.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    else:
        out.write(_text(a, b, found))
    if folder is not None:
        from ecf_tui.diff.screen_pairs import write_pairs

        write_pairs(reg, pa, pb, folder)
    return 0
