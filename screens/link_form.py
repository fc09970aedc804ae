"""Provides LinkFormScreen: "Link a CM/ECF account to my PACER account" with the CM/ECF
login, the masked password, Submit, Clear and the court's links."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Button

from ecf_tui.court.profile import LinkFormStep
from ecf_tui.engine import submit_link
from ecf_tui.screens.step import StepScreen
from ecf_tui.widgets import ActionButton, ButtonRow, Chose, CredentialForm, LinkRow, TextButton


class LinkFormScreen(StepScreen[LinkFormStep]):
    NOTICE_AT_FORM = True

    def compose_page(self) -> ComposeResult:
        page = self.page
        yield from self.compose_notice()
        yield CredentialForm(page.login_label, page.password_label, login_id="cmecf-login",
                             password_id="cmecf-password")
        with ButtonRow():
            yield TextButton(page.submit_button, variant="primary", id="submit")
            yield TextButton(page.clear_button, id="clear")
        if page.links:
            yield LinkRow([(ln.label, self.view.action(f"link:{ln.label.text}"))
                           for ln in page.links])
        yield ActionButton(page.pacer_only_label, self.view.action("pacer-only"),
                           classes="pacer-only")

    @on(CredentialForm.Sent)
    @on(Button.Pressed, "#submit")
    def _submit(self) -> None:
        self.post_message(Chose(submit_link(*self.query_one(CredentialForm).take())))

    @on(Button.Pressed, "#clear")
    def _clear(self) -> None:
        self.query_one(CredentialForm).clear()
        self.choose("clear")
