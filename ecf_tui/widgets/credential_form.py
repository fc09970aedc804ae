"""Provides the login/password pair of the PACER login and the link form: Enter in the
first field moves to the password; what is typed is handed over once and the password
field is emptied at once.

A password manager's auto-type (`login<Tab>password<Enter>`) and a fast paste reach
the app in one burst. Textual hands every key of a burst to the widget focused when the
burst arrives, and moves focus for Tab only later, so the password would land in clear
in the login field. Here Tab and Enter are priority bindings of the form: the App runs
them as the key arrives, focus moves at once, and the keys after it go to the next
field (after Enter, to the page that answers: see key_gate). A paste holding a Tab or a
line end is split over the fields the same way."""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input

from ecf_tui.court.profile import Text
from ecf_tui.widgets.key_gate import hold_keys
from ecf_tui.widgets.page_text import Chrome, TextLabel, mark
from ecf_tui.widgets.secret_input import SecretInput


class FieldInput(Input):
    """A field of the form: a paste that holds more than one field's text goes to the
    form, which splits it, rather than into this field as one line."""

    def on_mount(self) -> None:
        # Headless (QA's screenshots, the snapshot tests) the cursor stays drawn: a
        # blinking one would be in or out of a picture by when the machine got to it.
        if self.app.is_headless:
            self.cursor_blink = False

    def _on_paste(self, event: events.Paste) -> None:
        if "\t" in event.text or "\n" in event.text or "\r" in event.text:
            event.prevent_default()
            event.stop()
            self.post_message(CredentialForm.Pasted(self, event.text))


class SecretFieldInput(SecretInput, FieldInput):
    """The password field, masked and uncopyable, that hands a multi-field paste on."""


def _row(label: Text, field: Input) -> ComposeResult:
    """A field's row: its label, the field, and the label's source mark after the field,
    where it cannot be read as something to type (beside the label, "Username * [CANB]"
    wrapped the mark under the label, next to the field)."""
    with Horizontal(classes="field-row"):
        yield TextLabel(label, classes="field-label", marked=False)
        yield field
        found = mark(label, compact=True)
        if found is not None:
            yield Chrome(found, classes="field-mark", markup=False)


class CredentialForm(Vertical):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "move(1)", show=False, priority=True),
        Binding("shift+tab", "move(-1)", show=False, priority=True),
        Binding("enter", "enter", show=False, priority=True),
    ]

    class Sent(Message):
        """Enter in the password (or in the extra field): the screen takes the values."""

    class Pasted(Message):
        """A paste of more than one field's text into `field`."""

        def __init__(self, field: Input, text: str) -> None:
            super().__init__()
            self.field = field
            self.text = text

    def __init__(self, login_label: Text, password_label: Text, *, login_id: str,
                 password_id: str, extra_label: Text | None = None,
                 extra_id: str = "extra") -> None:
        super().__init__(classes="credential-form")
        self.labels = (login_label, password_label, extra_label)
        self.ids = (login_id, password_id, extra_id)

    def compose(self) -> ComposeResult:
        login_label, password_label, extra_label = self.labels
        login_id, password_id, extra_id = self.ids
        yield from _row(login_label, FieldInput(id=login_id, compact=True))
        yield from _row(password_label, SecretFieldInput(id=password_id))
        if extra_label is not None:
            yield from _row(extra_label, FieldInput(id=extra_id, compact=True))

    def action_move(self, step: int) -> None:
        """Tab / Shift+Tab, at once (see the module's note); past the form's last or first
        field, on to the screen's next or previous control."""
        screen = self.screen
        if step > 0:
            screen.focus_next()
        else:
            screen.focus_previous()

    def action_enter(self) -> None:
        """Enter, at once too: in the login field, on to the password; else the form is
        sent, and keys typed after it wait for the page that answers (key_gate)."""
        if self.screen.focused is self._field(0):
            self.screen.set_focus(self._field(1))
        else:
            hold_keys(self.app)
            self.post_message(self.Sent())

    @on(Pasted)
    def _split(self, event: Pasted) -> None:
        """Fill the fields, a Tab apart: from the first field where the paste holds a Tab
        (a login and a password, wherever it was pasted), else the one pasted into; a
        line end presses Enter in the field it ends."""
        fields = list(self.query(Input))
        at = 0 if "\t" in event.text else fields.index(event.field)
        parts = event.text.replace("\r\n", "\n").replace("\r", "\n").split("\t")
        for field, part in zip(fields[at:], parts, strict=False):
            text, newline, _ = part.partition("\n")
            field.insert_text_at_cursor(text)
            self.screen.set_focus(field)
            if newline:
                self.action_enter()
                return

    def _field(self, n: int) -> Input:
        return self.query_one(f"#{self.ids[n]}", Input)

    def take(self) -> tuple[str, str]:
        """The typed login and password; the password field is emptied."""
        login = self._field(0).value
        secret = self._field(1)
        password, secret.value = secret.value, ""
        return login, password

    def clear(self) -> None:
        for field in self.query(Input):
            field.value = ""
