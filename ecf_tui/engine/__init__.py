"""Provides the flow engine: a pure state machine over a court profile.

`step(profile, state, action)` returns the next state; `actions(profile, state)`
lists what the user can do; `advice` is the guide's way from any state, `guide_walk`
the guide's walk from the start;
`situation` and `short_code` read a state as a person does. Nothing here imports
Textual: screens render the state and turn keys into actions, and never decide
where the flow goes.

| module | concern |
| --- | --- |
| `state` | the values: State, Action, ActionNotAllowed |
| `pages` | page kinds: CM/ECF pages, ends, the menu bar's and browser's actions |
| `accounts` | typed credentials matched to the simulated accounts |
| `transitions` | what the user can do, and what it leads to |
| `advice` | the guide's way |
| `mistakes` | which kind of mistake an action is |
| `codes` | situations and state codes |
| `stages` | the eight stages |
"""

from ecf_tui.engine.accounts import (
    login,
    match_cmecf,
    match_login,
    own_account_ids,
    own_accounts,
    submit_link,
)
from ecf_tui.engine.advice import advice, guide_walk
from ecf_tui.engine.codes import short_code, situation
from ecf_tui.engine.mistakes import mistake
from ecf_tui.engine.pages import CMECF_PAGES, END_KINDS, is_chrome
from ecf_tui.engine.stages import KIND_NAMES, STAGE_NAMES, STAGE_OF_KIND, stage_of
from ecf_tui.engine.state import HAPPY, INVALID, WRONG_PASSWORD, Action, ActionNotAllowed, State
from ecf_tui.engine.transitions import (
    actions,
    is_end,
    opened_from,
    outcome,
    resolve,
    start,
    step,
)

__all__ = [
    "CMECF_PAGES",
    "END_KINDS",
    "HAPPY",
    "INVALID",
    "KIND_NAMES",
    "STAGE_NAMES",
    "STAGE_OF_KIND",
    "WRONG_PASSWORD",
    "Action",
    "ActionNotAllowed",
    "State",
    "actions",
    "advice",
    "guide_walk",
    "is_chrome",
    "is_end",
    "login",
    "match_cmecf",
    "match_login",
    "mistake",
    "opened_from",
    "outcome",
    "own_account_ids",
    "own_accounts",
    "resolve",
    "situation",
    "stage_of",
    "start",
    "short_code",
    "step",
    "submit_link",
]
