"""Provides moving focus the way a person does, and QA's checks of it: Tab or Shift+Tab
(whichever is fewer presses) from where focus is to a control; the Tab cycle of a page
(every control once, back to the start, Shift+Tab the same backwards), the focused
control in sight after every press; a click on the centre of each control reaching it.

A check that focuses a widget from code proves the code, not the page: a Tab trap on
every court's first page passed QA that way. Each problem is one sentence naming the
keys pressed and where focus went, for the report's failure reason."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Any

from textual import events
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input

from ecf_tui.ui.textual_private import until_idle
from ecf_tui.widgets.arrival import scroll_area

if TYPE_CHECKING:
    from textual.pilot import Pilot
    from textual.screen import Screen


KEY_CHARACTERS = {"enter": "\r", "space": " ", "escape": "\x1b", "tab": "\t",
                  "backspace": "\x7f"}
"""What the terminal sends for the named keys QA presses."""


async def press(pilot: Pilot[None], *keys: str, burst: bool = False) -> None:
    """Press each key (a key's name, or a character to type) as the terminal driver
    hands it over, and wait until the App has done with it (Pilot's `press` sleeps
    60-90 ms a key, and QA presses thousands); a `burst` is posted all at once and
    waited for once, as a fast typist's or a password manager's keys arrive."""
    app = pilot.app
    for key in keys:
        if len(key) == 1:  # a character typed: Textual names it as its driver does
            named = key if key.isalnum() else unicodedata.name(key).lower().replace(
                "-", "_").replace(" ", "_")
            event = events.Key(named, key)
        else:
            event = events.Key(key, KEY_CHARACTERS.get(key))
        event.set_sender(app)
        app.post_message(event)
        if not burst:
            await until_idle(app)
    if burst:
        await until_idle(app)


class KeyTrouble(Exception):
    """The keys a person would press do not get focus where it must go."""


def name(widget: Widget | None) -> str:
    """A control as a person would point at it: its kind and its words."""
    if widget is None:
        return "nothing"
    if isinstance(widget, Input):
        return f"the {'password ' if widget.password else ''}field #{widget.id}"
    if isinstance(widget, Button | Checkbox):
        kind = "checkbox" if isinstance(widget, Checkbox) else (
            "link" if widget.has_class("link") else "menu item"
            if widget.has_class("menu-item") else "button")
        words = " ".join(str(widget.label).split())
        return f'the {kind} "{words[:40]}"'
    if widget.id == "guide-panel":
        return "the side panel"
    return f"the {type(widget).__name__}{f' #{widget.id}' if widget.id else ''}"


def _key_names(keys: list[str]) -> str:
    if not keys:
        return "no key"
    key = {"tab": "Tab", "shift+tab": "Shift+Tab"}[keys[0]]
    return key if len(keys) == 1 else f"{key} ×{len(keys)}"


def route(screen: Screen[Any], target: Widget) -> list[str]:
    """The fewest Tab or Shift+Tab presses from the focused control to `target`."""
    chain = screen.focus_chain
    if target not in chain:
        raise KeyTrouble(f"{name(target)} is not in the Tab cycle "
                         f"({', '.join(name(w) for w in chain) or 'nothing'})")
    here = chain.index(screen.focused) if screen.focused in chain else -1
    ahead = (chain.index(target) - here) % len(chain)
    back = (here - chain.index(target)) % len(chain)
    return ["tab"] * ahead if ahead <= back or here < 0 else ["shift+tab"] * back


async def tab_to(pilot: Pilot[None], target: Widget) -> None:
    """Tab (or Shift+Tab) from where focus is to `target`; KeyTrouble where the keys
    land elsewhere."""
    app = pilot.app
    start = app.focused
    keys = route(app.screen, target)
    await press(pilot, *keys)
    if app.focused is not target:
        raise KeyTrouble(f"{_key_names(keys)} from {name(start)} ended on "
                         f"{name(app.focused)}, not {name(target)}")


def in_sight(screen: Screen[Any], widget: Widget) -> bool:
    """Whether the whole of `widget` is inside what its scroll area (the page, a
    dialog's page, the panel) shows, and on the screen."""
    if scroll_area(widget):  # a focused panel: its own region
        return bool(screen.region.contains_region(widget.region))
    areas = [a for a in widget.ancestors if isinstance(a, Widget) and scroll_area(a)]
    sight = areas[0].region if areas else screen.region
    return bool(widget.region and sight.contains_region(widget.region)
                and screen.region.contains_region(widget.region))


async def cycle_problems(pilot: Pilot[None]) -> list[str]:
    """Tab as many times as the page has controls, and once more: each control once, in
    sight each time, and back to the start; Shift+Tab the same backwards. Focus ends
    where it began."""
    app = pilot.app
    screen = app.screen
    start = app.focused
    chain = screen.focus_chain
    if start is None and not chain:
        return []  # a page with nothing to press (the end, the full menus out of use)
    if start is None:
        return [f"nothing has focus on arrival (the Tab cycle: "
                f"{', '.join(name(w) for w in chain) or 'nothing'})"]
    problems = []
    for key in ("tab", "shift+tab"):
        seen: list[Widget | None] = []
        for n in range(len(chain)):
            await press(pilot, key)
            seen.append(app.focused)
            now = app.focused
            if now is not None and not in_sight(screen, now):
                problems.append(f"{_key_names([key] * (n + 1))} from {name(start)}: "
                                f"{name(now)} has focus out of sight ({now.region})")
        visited = " → ".join(name(w) for w in seen)
        if seen[-1] is not start or len({id(w) for w in seen}) != len(chain):
            problems.append(f"{_key_names([key] * len(chain))} from {name(start)} went "
                            f"{visited}: not each of the {len(chain)} controls once and "
                            "back to the start")
        if app.focused is not start:  # the next check (and move) starts from arrival
            break
    return problems


def click_problems(screen: Screen[Any]) -> list[str]:
    """Each control in sight whose centre a click would not reach (something drawn over
    it, or its centre on another widget)."""
    problems = []
    for widget in screen.focus_chain:
        if scroll_area(widget) or not in_sight(screen, widget):
            continue
        x, y = centre(widget)
        hit, _ = screen.get_widget_at(x, y)
        if hit is not widget and widget not in hit.ancestors:
            problems.append(f"a click on the centre of {name(widget)} ({x}, {y}) reaches "
                            f"{name(hit)}")
    return problems


def centre(widget: Widget) -> tuple[int, int]:
    """The cell a person aims a click at: the middle of the control."""
    region = widget.region
    return region.x + region.width // 2, region.y + (region.height - 1) // 2
