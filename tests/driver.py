"""Drives the real App the way a person does: by keys (Tab to a control, Enter, Space,
typing) or, where a test is not about typing, by setting fields and pressing buttons."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, Input, Static
from textual.widgets._toggle_button import ToggleButton

from ecf_tui.app import EcfApp
from ecf_tui.engine import Action
from ecf_tui.fidelity import texts
from ecf_tui.widgets import ActionButton, AgreementCheckbox
from ecf_tui.widgets.page_text import SIMULATOR_MARK

KEY_ONLY = {"refresh": "f5", "clear-cache": "f6", "close": "escape"}


def carrier(app: EcfApp, action: Action) -> Widget:
    """The control on screen that does `action`."""
    screen = app.screen
    if action.name in ("login", "submit") and action.username:
        return screen.query_one("#login, #submit", Button)
    if action.name == "check":
        return screen.query_one("#agree", AgreementCheckbox)
    if action.name == "clear":
        return screen.query_one("#clear", Button)
    for button in screen.query(ActionButton):
        if button.engine_action is not None and button.engine_action.id == action.id:
            return button
    raise AssertionError(f"no control for {action.id} on {type(screen).__name__}")


async def perform(pilot: Pilot, app: EcfApp, action: Action, *, keys: bool) -> None:
    if action.name in KEY_ONLY:
        await pilot.press(KEY_ONLY[action.name])
    elif action.name in ("login", "submit") and action.username:
        await _type_credentials(pilot, app, action, keys=keys)
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
        if isinstance(target, ToggleButton):
            target.toggle()
        else:
            assert isinstance(target, Button)
            target.press()
    await pilot.pause()


async def _type_credentials(pilot: Pilot, app: EcfApp, action: Action, *, keys: bool) -> None:
    fields = list(app.screen.query("#page Input"))
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
            if isinstance(widget, Button | ToggleButton):
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
