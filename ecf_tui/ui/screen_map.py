"""Provides the one mapping from a state to what the App shows: the screen class for
the step's kind and the View it renders, and for a dialog the page it sits over. The
App, the QA runner and the tests all read it from here."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ecf_tui import engine, view
from ecf_tui.court.profile import STEP_KINDS, CourtProfile
from ecf_tui.engine import State
from ecf_tui.flows import codebook
from ecf_tui.screens.confirm import ConfirmScreen
from ecf_tui.screens.dialog import DialogScreen
from ecf_tui.screens.email import EmailScreen
from ecf_tui.screens.front import FrontScreen
from ecf_tui.screens.info import InfoScreen
from ecf_tui.screens.link_form import LinkFormScreen
from ecf_tui.screens.login import LoginScreen
from ecf_tui.screens.main import MainScreen
from ecf_tui.screens.redaction import RedactionScreen
from ecf_tui.screens.refreshed import RefreshedScreen
from ecf_tui.screens.site import SiteScreen
from ecf_tui.screens.step import StepScreen
from ecf_tui.screens.stop import StopScreen
from ecf_tui.screens.success import SuccessScreen
from ecf_tui.screens.utilities import UtilitiesScreen

PageScreen = type[StepScreen[Any]] | type[DialogScreen]

SCREEN_FOR_KIND: dict[str, PageScreen] = {
    "front": FrontScreen,
    "site": SiteScreen,
    "login": LoginScreen,
    "dialog": DialogScreen,
    "redaction": RedactionScreen,
    "main": MainScreen,
    "utilities": UtilitiesScreen,
    "link-form": LinkFormScreen,
    "confirm": ConfirmScreen,
    "success": SuccessScreen,
    "refreshed": RefreshedScreen,
    "info": InfoScreen,
    "stop": StopScreen,
    "email": EmailScreen,
}
assert set(SCREEN_FOR_KIND) == set(STEP_KINDS), "every step kind has its screen"


@dataclass(frozen=True)
class Shown:
    """What the App shows for a state: a screen of this class rendering this View,
    over `under` where the screen is a dialog."""

    screen: PageScreen
    view: view.View
    under: Shown | None = None


def shown_for(profile: CourtProfile, state: State,
              coaching: view.Coaching = view.GUIDED) -> Shown:
    """The screen and View for `state`, with what the training mode shows beside it; a
    dialog sits over the login page it opened from, a state the engine produced
    (`engine.opened_from`)."""
    current = view.build(profile, state, codebook.code(profile, state), coaching)
    screen = SCREEN_FOR_KIND[current.step.kind]
    if screen is DialogScreen:
        under = engine.opened_from(profile, state)
        return Shown(screen, current, shown_for(profile, under, replace(coaching, mistake=None)))
    return Shown(screen, current)
