"""Provides LoginScreen: the PACER login with the court's fields, buttons, links and
notices. What is typed goes to the engine inside one action and is not kept."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Button

from ecf_tui.court.profile import LoginStep
from ecf_tui.engine import login
from ecf_tui.screens.step import StepScreen
from ecf_tui.widgets import (
    ActionButton,
    ButtonRow,
    Chose,
    CredentialForm,
    LinkRow,
    PageText,
    TextButton,
    texts,
)


class LoginScreen(StepScreen[LoginStep]):
    NOTICE_AT_FORM = True

    def compose_page(self) -> ComposeResult:
        page = self.page
        yield from texts(page.notices_above, classes="login-notice-above")
        if page.required_note is not None:
            yield PageText(page.required_note, classes="required-note")
        yield from self.compose_notice()
        yield CredentialForm(page.username_label, page.password_label, login_id="username",
                             password_id="password", extra_label=page.client_code_label,
                             extra_id="client-code")
        with ButtonRow():
            yield TextButton(page.login_button, variant="primary", id="login")
            if page.clear_button is not None:
                yield TextButton(page.clear_button, id="clear")
        if self.view.clear_cache_label is not None:  # its own line: the row is full
            yield ActionButton(self.view.clear_cache_label, self.view.action("clear-cache"),
                               id="clear-cache")
        if page.links:
            yield LinkRow([(ln.label, self.view.action(f"link:{ln.label.text}"))
                           for ln in page.links])
        yield from texts(page.notices, classes="login-notice")

    @on(CredentialForm.Sent)
    @on(Button.Pressed, "#login")
    def _log_in(self) -> None:
        self.post_message(Chose(login(*self.query_one(CredentialForm).take())))

    @on(Button.Pressed, "#clear")
    def _clear(self) -> None:
        self.query_one(CredentialForm).clear()
        self.choose("clear")
