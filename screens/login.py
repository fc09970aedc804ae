"""Provides LoginScreen: the PACER login with the court's fields, buttons, links and
notices. What is typed goes to the engine inside one action and is not kept."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Input, Label

from ecf_tui.engine import login
from ecf_tui.profile import LoginStep
from ecf_tui.screens.step import StepScreen
from ecf_tui.widgets import ActionButton, Chose, PageText, SecretInput, texts
from ecf_tui.widgets.page_text import rich


class LoginScreen(StepScreen):
    CSS_PATH = ["step.tcss", "login.tcss"]

    @property
    def page(self) -> LoginStep:
        assert isinstance(self.view.step, LoginStep)
        return self.view.step

    def compose_page(self) -> ComposeResult:
        page = self.page
        if page.title is not None:
            yield PageText(page.title, classes="page-title")
        yield from texts(page.body)
        if page.required_note is not None:
            yield PageText(page.required_note, classes="required-note")
        with Horizontal(classes="field-row"):
            yield Label(rich(page.username_label), classes="field-label")
            yield Input(id="username")
        with Horizontal(classes="field-row"):
            yield Label(rich(page.password_label), classes="field-label")
            yield SecretInput(id="password")
        if page.client_code_label is not None:
            with Horizontal(classes="field-row"):
                yield Label(rich(page.client_code_label), classes="field-label")
                yield Input(id="client-code")
        with Horizontal(classes="buttons"):
            yield Button(rich(page.login_button), variant="primary", id="login")
            if page.clear_button is not None:
                yield Button(rich(page.clear_button), id="clear")
            if "clear-cache" in self.view.offered:
                yield ActionButton("Clear browser cache (F6)", self.view.action("clear-cache"),
                                   id="clear-cache")
        for link in page.links:
            yield ActionButton(link.label, self.view.action(f"link:{link.label.text}"),
                               classes="link")
        yield from texts(page.notices, classes="login-notice")

    def on_mount(self) -> None:
        self.query_one("#username", Input).focus()

    @on(Input.Submitted, "#username")
    def _next_field(self) -> None:
        self.query_one("#password", Input).focus()

    @on(Input.Submitted, "#password")
    @on(Input.Submitted, "#client-code")
    @on(Button.Pressed, "#login")
    def _log_in(self) -> None:
        username = self.query_one("#username", Input).value
        password_field = self.query_one("#password", Input)
        self.post_message(Chose(login(username, password_field.value)))
        password_field.value = ""

    @on(Button.Pressed, "#clear")
    def _clear(self) -> None:
        for field in self.query(Input):
            field.value = ""
        self.choose("clear")
