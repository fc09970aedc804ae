"""Provides LinkFormScreen: "Link a CM/ECF account to my PACER account" with the CM/ECF
login, the masked password, Submit, Clear and the court's links."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Input, Label

from ecf_tui.engine import submit_link
from ecf_tui.profile import LinkFormStep
from ecf_tui.screens.step import StepScreen
from ecf_tui.widgets import ActionButton, Chose, PageText, SecretInput, texts
from ecf_tui.widgets.page_text import rich


class LinkFormScreen(StepScreen):
    CSS_PATH = ["step.tcss", "link_form.tcss"]

    def compose_page(self) -> ComposeResult:
        page = self.view.step
        assert isinstance(page, LinkFormStep)
        if page.title is not None:
            yield PageText(page.title, classes="page-title")
        yield from texts(page.body)
        with Horizontal(classes="field-row"):
            yield Label(rich(page.login_label), classes="field-label")
            yield Input(id="cmecf-login")
        with Horizontal(classes="field-row"):
            yield Label(rich(page.password_label), classes="field-label")
            yield SecretInput(id="cmecf-password")
        with Horizontal(classes="buttons"):
            yield Button(rich(page.submit_button), variant="primary", id="submit")
            yield Button(rich(page.clear_button), id="clear")
        for link in page.links:
            yield ActionButton(link.label, self.view.action(f"link:{link.label.text}"),
                               classes="link")
        yield ActionButton(page.pacer_only_label, self.view.action("pacer-only"),
                           classes="pacer-only")

    def on_mount(self) -> None:
        self.query_one("#cmecf-login", Input).focus()

    @on(Input.Submitted, "#cmecf-login")
    def _next_field(self) -> None:
        self.query_one("#cmecf-password", Input).focus()

    @on(Input.Submitted, "#cmecf-password")
    @on(Button.Pressed, "#submit")
    def _submit(self) -> None:
        login = self.query_one("#cmecf-login", Input).value
        password_field = self.query_one("#cmecf-password", Input)
        self.post_message(Chose(submit_link(login, password_field.value)))
        password_field.value = ""

    @on(Button.Pressed, "#clear")
    def _clear(self) -> None:
        for field in self.query(Input):
            field.value = ""
        self.choose("clear")
