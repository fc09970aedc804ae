"""Provides the shared chrome (menu bar, court banner, simulator notice, step
indicator, guide panel) and the small widgets the step screens are made of."""

from ecf_tui.widgets.action_button import ActionButton, TextButton
from ecf_tui.widgets.advised import mark_advised
from ecf_tui.widgets.agreement_checkbox import AgreementCheckbox
from ecf_tui.widgets.button_row import ButtonRow
from ecf_tui.widgets.court_banner import CourtBanner
from ecf_tui.widgets.credential_form import CredentialForm
from ecf_tui.widgets.demo_caption import DemoCaption
from ecf_tui.widgets.focus_marks import FocusMarked
from ecf_tui.widgets.guide_panel import GuidePanel
from ecf_tui.widgets.key_gate import Arrived, KeyGate
from ecf_tui.widgets.keys_footer import KeysFooter
from ecf_tui.widgets.link_row import LinkRow
from ecf_tui.widgets.menu_bar import MenuBar
from ecf_tui.widgets.messages import Chose
from ecf_tui.widgets.page_text import Chrome, PageText, TextLabel, texts
from ecf_tui.widgets.secret_input import SecretInput
from ecf_tui.widgets.simulator_notice import SimulatorNotice
from ecf_tui.widgets.step_indicator import StepIndicator

__all__ = [
    "ActionButton",
    "Arrived",
    "AgreementCheckbox",
    "Chrome",
    "ButtonRow",
    "Chose",
    "CourtBanner",
    "CredentialForm",
    "DemoCaption",
    "FocusMarked",
    "GuidePanel",
    "KeyGate",
    "KeysFooter",
    "LinkRow",
    "MenuBar",
    "PageText",
    "SecretInput",
    "SimulatorNotice",
    "StepIndicator",
    "TextButton",
    "TextLabel",
    "mark_advised",
    "texts",
]
