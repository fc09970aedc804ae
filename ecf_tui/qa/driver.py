"""Provides driving the real App the way a person does: by keys (Tab or Shift+Tab to a
control, Enter or Space, typing), by clicks on the controls, or, where a run is not about
how a person moves, by setting fields and pressing buttons from code; and reading back
what the screen shows."""

from __future__ import annotations

import io
import re
from typing import Literal

from rich.cells import cell_len
from rich.console import Console
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Static

from ecf_tui.app import EcfApp
from ecf_tui.court.fidelity import texts
from ecf_tui.engine import Action
from ecf_tui.qa.focus_walk import KeyTrouble, centre, in_sight, name, press, tab_to
from ecf_tui.ui.textual_private import render_screen, until_idle
from ecf_tui.widgets import AgreementCheckbox
from ecf_tui.widgets.page_text import Chrome
from ecf_tui.widgets.page_text import shown as with_mark

KEY_ONLY = {"refresh": "f5", "clear-cache": "f6", "close": "escape"}
"""The browser's keys (no control on the page draws them), and the dialog's "x"."""

How = Literal["keys", "mouse", "code"]
"""How a move is made: by the keys a person presses from where focus is (Tab or
Shift+Tab to the control, Enter or Space, the text typed into the fields), by a click on
the centre of the control (the text typed after a click into each field), or, where a
run is about what pages show rather than how a person moves (transcripts, the tests of
other matters), by pressing the control and setting the fields from code."""


class NoControl(LookupError):
    """The screen shows no control for an action the engine offers."""


def carrier(app: EcfApp, action: Action) -> Widget:
    """The control on screen that does `action`; NoControl where there is none."""
    screen = app.screen
    by_id = {"check": "#agree", "clear": "#clear", "close": "#dialog-close"}
    if action.typed:
        found = list(screen.query("#login, #submit"))
    elif action.name in by_id:
        found = list(screen.query(by_id[action.name]))
    else:
        found = [b for b in screen.query(Button)
                 if (act := getattr(b, "engine_action", None)) is not None and act.id == action.id]
    if not found:
        raise NoControl(f"{type(screen).__name__} shows no control for {action.id}")
    return found[0]


async def perform(pilot: Pilot[None], app: EcfApp, action: Action, *, how: How) -> None:
    """Make the move `action` on the screen shown, `how` a person would (KeyTrouble where
    the keys or the click do not reach the control)."""
    if action.name in KEY_ONLY and not (how == "mouse" and action.name == "close"):
        await pilot.press(KEY_ONLY[action.name])
    elif action.typed:
        await _type_credentials(pilot, app, action, how=how)
    elif how == "code":
        target = carrier(app, action)
        if isinstance(target, AgreementCheckbox):
            target.toggle()
        else:
            assert isinstance(target, Button)
            target.press()
    else:
        target = carrier(app, action)
        await reach(pilot, target, how)
        if how == "keys":
            await press(pilot, "space" if action.name == "check" else "enter")
    await pilot.pause()


async def reach(pilot: Pilot[None], target: Widget, how: How) -> None:
    """Keys: Tab or Shift+Tab to `target`. Mouse: a click on its centre (scrolled into
    sight first, as a person scrolls to what is below the fold)."""
    if how == "keys":
        await tab_to(pilot, target)
        return
    screen = pilot.app.screen
    if not in_sight(screen, target):
        target.scroll_visible(animate=False, immediate=True)
        await pilot.pause()
    x, y = centre(target)
    hit, _ = screen.get_widget_at(x, y)
    if hit is not target and target not in hit.ancestors:
        raise KeyTrouble(f"a click on the centre of {name(target)} ({x}, {y}) reaches "
                         f"{name(hit)}")
    await pilot.click(offset=(x, y))


def credential_fields(app: EcfApp) -> tuple[Input, Input]:
    """The form's login and password fields; NoControl where the page has none."""
    fields = list(app.screen.query("#page Input"))
    if len(fields) < 2:
        raise NoControl(f"{type(app.screen).__name__} shows no login and password fields")
    user, secret = fields[0], fields[1]
    assert isinstance(user, Input) and isinstance(secret, Input) and secret.password
    return user, secret


async def _type_credentials(pilot: Pilot[None], app: EcfApp, action: Action, *,
                            how: How) -> None:
    user, secret = credential_fields(app)
    if how == "code":
        user.value, secret.value = action.username, action.password
        carrier(app, action).press()  # type: ignore[attr-defined]
        return
    # Keys: to the login field (where the page puts focus on arrival), the login, Tab,
    # the password, Enter. Mouse: a click into each field before its text, then on the
    # form's button.
    await reach(pilot, user, how)
    await _type(pilot, user, action.username)
    if how == "keys":
        await press(pilot, "tab")
        if app.focused is not secret:
            raise KeyTrouble(f"Tab from the login field went to {name(app.focused)}, not "
                             "the password field")
    else:
        await reach(pilot, secret, how)
    await _type(pilot, secret, action.password)
    if how == "keys":
        await press(pilot, "enter")
    else:
        await reach(pilot, carrier(app, action), how)


async def _type(pilot: Pilot[None], field: Input, text: str) -> None:
    """Type `text` into the focused field, key by key, after emptying it as a person
    would (a login kept from a failed try)."""
    if field.value:
        await press(pilot, "end", *["backspace"] * len(field.value), burst=True)
    await press(pilot, *text, burst=True)
    if field.value != text:
        raise KeyTrouble(f"typed into {name(field)}, it holds {len(field.value)} "
                         f"characters, not the {len(text)} typed")


def drawn(widget: Widget) -> str:
    """The text a widget draws (a button's or checkbox's label, a static's content)."""
    if isinstance(widget, Button | Checkbox):
        return str(widget.label)
    if isinstance(widget, Static):
        return str(widget.content)
    return ""


def shown(app: EcfApp) -> set[str]:
    """Every text on the current screen (and the screen under a dialog), source marks
    taken off."""
    found: set[str] = set()
    for screen in app.screen_stack[-2:]:
        for widget in screen.query("*"):
            source = getattr(widget, "source_text", None)
            text = source.text if source is not None else drawn(widget)
            if text:
                found.add(text.strip())
    return found


COURT_PAGE = "#court-banner, #menu-bar, #page, #dialog"
"""Where a screen draws the court's page (the rest is the simulator's own: the notice,
the step indicator, the guide panel, the footer)."""


def out_of_sight(app: EcfApp) -> list[str]:
    """What must be in sight on arrival and is not: the control for what the guide says
    to do now (with the first field of a form) and the engine's notice. Each a sentence."""
    from ecf_tui import engine

    assert app.profile is not None and app.state is not None
    screen = app.screen
    wanted: list[Widget] = list(screen.query(".notice"))
    advice = engine.advice(app.profile, app.state, app.visited)
    if advice is not None and advice.name not in KEY_ONLY:
        wanted.append(carrier(app, advice))
        if advice.typed:
            wanted.append(screen.query("#page Input").first())
    problems = []
    for widget in wanted:
        pages = [a for a in widget.ancestors_with_self
                 if isinstance(a, Widget) and a.id == "page"]
        sight = pages[0].region if pages else screen.region
        if not sight.contains_region(widget.region):
            problems.append(f"{widget!r} is out of sight on arrival ({widget.region} not in "
                            f"{sight})")
    return problems


def arrival_problems(app: EcfApp) -> list[str]:
    """Where focus arrived, if it is wrong: not on the control for the guide's next move
    where the page draws one (a form's first field where the move is to type), or on a
    control whose move is a mistake here. Each a sentence."""
    from ecf_tui import engine

    assert app.profile is not None and app.state is not None
    focused = app.focused
    advice = engine.advice(app.profile, app.state, app.visited)
    want: Widget | None = None
    if advice is not None and advice.name not in ("refresh", "clear-cache"):
        try:
            want = credential_fields(app)[0] if advice.typed else carrier(app, advice)
        except NoControl:
            want = None
    if want is not None:
        return [] if focused is want else [
            f"focus arrives on {name(focused)}, not on {name(want)}, the guide's next move"]
    action = getattr(focused, "engine_action", None)
    if isinstance(action, Action) and engine.mistake(app.profile, app.state, action):
        return [f"focus arrives on {name(focused)}, whose move is a mistake here"]
    return []


def broken_inside(app: EcfApp) -> list[str]:
    """Texts that would break inside a word that must stay whole: an e-mail address in
    a widget narrower than it (Rich folds a word longer than the line), a part of the
    state code (`+cmecf:colleague`) wider than its row. Each a sentence."""
    from ecf_tui.widgets.guide_panel import ADDRESS
    from ecf_tui.widgets.unbroken import PARTS, Unbroken

    problems = []
    for widget in app.screen.query("*"):
        if not widget.display or not widget.region:
            continue
        width = widget.content_region.width
        if isinstance(widget, Unbroken):
            tokens = PARTS.findall(widget.text)
        else:
            tokens = ADDRESS.findall(drawn(widget))
        for token in tokens:
            if cell_len(token) > width:
                problems.append(f'"{token}" is {cell_len(token)} wide in {widget!r}, '
                                f"{width} columns: it breaks inside")
    return problems


def cut_off_sideways(app: EcfApp) -> list[str]:
    """Widgets that run past the right edge of the page, the menu bar, a dialog or the
    footer's keys (the page scrolls down, never sideways). Each a sentence."""
    problems = []
    for container in app.screen.query("#page, #menu-bar, #dialog, Footer"):
        right = container.content_region.right
        for widget in container.query("*"):
            if widget.display and widget.region.width and widget.region.right > right:
                problems.append(f"{widget!r} ends at {widget.region.right} > {right}")
    return problems


def unmarked_texts(app: EcfApp) -> list[str]:
    """Texts drawn on the court's page that are not one of the View's texts with its
    source mark: each a sentence saying what is wrong."""
    problems = []
    for screen in app.screen_stack[-2:]:
        view = getattr(screen, "view", None)
        if view is None:
            continue
        allowed = view.shown_texts()
        for area in screen.query(COURT_PAGE):
            for widget in [area, *area.query("*")]:
                text = drawn(widget)
                if not text.strip() or isinstance(widget, Chrome) or widget.has_class("chrome"):
                    continue
                source = getattr(widget, "source_text", None)
                if source is None:
                    problems.append(f'"{text}" is drawn with no source')
                    continue
                # compact_mark None: a later text of the same source in the line has the mark.
                expected = with_mark(source, compact=getattr(widget, "compact_mark", False))
                if text != expected:
                    problems.append(f'"{text}" is drawn without its mark ("{expected}")')
                elif source not in allowed:
                    problems.append(f'"{text}" is not one of the View\'s texts')
    return problems


def missing_texts(app: EcfApp) -> list[str]:
    """The step's page texts (from the profile) and the guidance for its state that the
    screen does not show."""
    view = app.screen.view  # type: ignore[attr-defined]
    wanted = [t for loc, t in texts(view.step) if loc[0] != "instruction"]
    on_screen = shown(app)
    return [t.text for t in [*wanted, *view.guidance]
            if not any(t.text in s for s in on_screen)]


_REMOTE_FONT = re.compile(r',?\s*url\("https?://[^"]*"\)\s*format\("[^"]*"\)')


def capture(app: EcfApp) -> tuple[str, str]:
    """The screen as an SVG (with no web font to fetch: it opens offline) and as plain
    text, one line per terminal row."""
    console = _recorded(app)
    text = _rows(app, console)  # before the SVG: exporting it clears the record
    return _REMOTE_FONT.sub("", console.export_svg(title=app.title)), text


def screen_text(app: EcfApp) -> str:
    """The screen as plain text, one line per terminal row (what `capture` writes)."""
    return _rows(app, _recorded(app))


def _recorded(app: EcfApp) -> Console:
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", record=True, legacy_windows=False,
                      safe_box=False)
    console.print(render_screen(app))
    return console


def _rows(app: EcfApp, console: Console) -> str:
    height = app.size.height
    rows = [row.rstrip() for row in console.export_text(clear=False).splitlines()][:height]
    rows += [""] * (height - len(rows))
    return "\n".join(rows) + "\n"


async def settled(pilot: Pilot[None], app: EcfApp) -> None:
    """Wait until the page has settled: nothing left for the App to do (no layout,
    repaint or callback pending, every queue empty), the footer shows its keys, laid out
    (it fills in a moment after a screen shows), the page has arrived (its first control
    focused: the App holds no keys), and it has scrolled its first control into sight
    (once composed). A screenshot taken before would differ from one taken after; one
    taken now is what a person sees once the page stops moving."""
    for _ in range(50):
        await until_idle(app)
        try:
            keys = app.screen.query("FooterKey")
            # A footer that recomposes has its new keys before they are laid out: a
            # capture then shows an empty footer row.
            if (keys and all(key.region.width for key in keys) and not app.holding_keys
                    and not out_of_sight(app)):
                return
        except NoControl:
            pass  # the check that follows says which control is missing
