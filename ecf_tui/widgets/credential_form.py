"""Provides the login/password pair of the PACER login and the link form: Enter in the
first field moves to the password; what is typed is handed over once and the password
field is emptied at once."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input

from ecf_tui.profile import Text
from ecf_tui.widgets.page_text import TextLabel
from ecf_tui.widgets.secret_input import SecretInput


class CredentialForm(Vertical):
    class Sent(Message):
        """Enter in the password (or in the extra field): the screen takes the values."""

    def __init__(self, login_label: Text, password_label: Text, *, login_id: str,
                 password_id: str, extra_label: Text | None = None,
                 extra_id: str = "extra") -> None:
        super().__init__(classes="credential-form")
        self.labels = (login_label, password_label, extra_label)
        self.ids = (login_id, password_id, extra_id)

    def compose(self) -> ComposeResult:
        login_label, password_label, extra_label = self.labels
        login_id, password_id, extra_id = self.ids
        with Horizontal(classes="field-row"):
            yield TextLabel(login_label, classes="field-label")
            yield Input(id=login_id, compact=True)
        with Horizontal(classes="field-row"):
            yield TextLabel(password_label, classes="field-label")
            yield SecretInput(id=password_id)
        if extra_label is not None:
            with Horizontal(classes="field-row"):
                yield TextLabel(extra_label, classes="field-label")
                yield Input(id=extra_id, compact=True)

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == self.ids[0]:
            self.query_one(f"#{self.ids[1]}", Input).focus()
        else:
            self.post_message(self.Sent())

    def take(self) -> tuple[str, str]:
        """The typed login and password; the password field is emptied."""
        login = self.query_one(f"#{self.ids[0]}", Input).value
        secret = self.query_one(f"#{self.ids[1]}", Input)
        password, secret.value = secret.value, ""
        return login, password

    def clear(self) -> None:
        for field in self.query(Input):
            field.value = ""
