"""Provides driving the real App the way a person does: by keys (Tab to a control,
Enter, Space, typing) or, where a run is not about typing, by setting fields and
pressing buttons; and reading back what the screen shows."""

from __future__ import annotations

import io
import re

from rich.console import Console
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Static

from ecf_tui.app import EcfApp
from ecf_tui.engine import Action
from ecf_tui.fidelity import texts
from ecf_tui.textual_private import render_screen
from ecf_tui.widgets import ActionButton, AgreementCheckbox
from ecf_tui.widgets.page_text import SIMULATOR_MARK

KEY_ONLY = {"refresh": "f5", "clear-cache": "f6", "close": "escape"}


class NoControl(LookupError):
    """The screen shows no control for an action the engine offers."""


def carrier(app: EcfApp, action: Action) -> Widget:
    """The control on screen that does `action`; NoControl where there is none."""
    screen = app.screen
    by_id = {"check": "#agree", "clear": "#clear"}
    if action.name in ("login", "submit") and action.username:
        found = list(screen.query("#login, #submit"))
    elif action.name in by_id:
        found = list(screen.query(by_id[action.name]))
    else:
        found = [b for b in screen.query(ActionButton)
                 if b.engine_action is not None and b.engine_action.id == action.id]
    if not found:
        raise NoControl(f"{type(screen).__name__} shows no control for {action.id}")
    return found[0]


async def perform(pilot: Pilot[None], app: EcfApp, action: Action, *, keys: bool) -> None:
    if action.name in KEY_ONLY:
        await pilot.press(KEY_ONLY[action.name])
    elif action.name in ("login", "submit") and action.username:
        await _type_credentials(pilot, app, action, keys=keys)
    elif action.name == "check" and not keys:
        target = carrier(app, action)
        assert isinstance(target, AgreementCheckbox)
        target.toggle()
    elif keys:
        target = carrier(app, action)
        for _ in range(40):
            if app.focused is target:
                break
            await pilot.press("tab")
        assert app.focused is target, f"Tab never reached {action.id}"
        await pilot.press("space" if action.name == "check" else "enter")
    else:
        target = carrier(app, action)
        assert isinstance(target, Button)
        target.press()
    await pilot.pause()


async def _type_credentials(pilot: Pilot[None], app: EcfApp, action: Action, *, keys: bool) -> None:
    fields = list(app.screen.query("#page Input"))
    if len(fields) < 2:
        raise NoControl(f"{type(app.screen).__name__} shows no login and password fields")
    user, secret = fields[0], fields[1]
    assert isinstance(user, Input) and isinstance(secret, Input) and secret.password
    if keys:
        assert app.focused is user, "the login field has the focus first"
        await pilot.press(*action.username)
        await pilot.press("tab")
        await pilot.press(*action.password)
        await pilot.press("enter")
    else:
        user.value, secret.value = action.username, action.password
        carrier(app, action).press()  # type: ignore[attr-defined]


def shown(app: EcfApp) -> set[str]:
    """Every text on the current screen (and the screen under a dialog), simulator
    marks taken off."""
    found: set[str] = set()
    for screen in app.screen_stack[-2:]:
        for widget in screen.query("*"):
            text = ""
            if isinstance(widget, Button | Checkbox):
                text = str(widget.label)
            elif isinstance(widget, Static):
                text = str(widget.content)
            if text:
                found.add(text.removesuffix(SIMULATOR_MARK).strip())
    return found


def missing_texts(app: EcfApp) -> list[str]:
    """The step's texts (from the profile) that the screen does not show."""
    assert app.profile is not None and app.state is not None
    step = app.profile.steps[app.state.step]
    on_screen = shown(app)
    return [t.text for _, t in texts(step) if not any(t.text in s for s in on_screen)]


_REMOTE_FONT = re.compile(r',?\s*url\("https?://[^"]*"\)\s*format\("[^"]*"\)')


def capture(app: EcfApp) -> tuple[str, str]:
    """The screen as an SVG (with no web font to fetch: it opens offline) and as plain
    text, one line per terminal row."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", record=True, legacy_windows=False,
                      safe_box=False)
    console.print(render_screen(app))
    text = console.export_text(clear=False)
    svg = _REMOTE_FONT.sub("", console.export_svg(title=app.title))
    rows = [row.rstrip() for row in text.splitlines()][:height]
    rows += [""] * (height - len(rows))
    return svg, "\n".join(rows) + "\n"
