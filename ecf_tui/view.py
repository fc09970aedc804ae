"""Provides what a screen shows for a state, worked out once, without Textual.

A `View` is the whole contract between the engine and the screens: the court's
banner, the step's texts (each a `Text` that records its source), the state code,
the stage indicator, the notice, the menu bar and which of its items work, the
checkbox, the names on the confirm page, the practice accounts and the actions
offered. Screens and widgets render a View (and its parts) and post back one of its
actions; they never read the profile or the state behind it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby
from typing import Literal

from ecf_tui import engine
from ecf_tui.court.fidelity import contains, fold, texts
from ecf_tui.court.profile import (
    About,
    CourtProfile,
    FrontRole,
    MainStep,
    MistakeKind,
    Step,
    SuccessStep,
    Text,
)
from ecf_tui.engine import Action, State
from ecf_tui.training import demo
from ecf_tui.training.attempt import pass_rule_text
from ecf_tui.training.modes import Mode, coached
from ecf_tui.training.record import AttemptRecord


@dataclass(frozen=True)
class CourtView:
    """The court banner: the court's code and name, and its test-site warning."""

    code: str
    name: Text
    banner: tuple[Text, ...]


@dataclass(frozen=True)
class MenuItem:
    label: Text
    action: Action | None
    """What a click does; None where the item does nothing in this simulation."""


@dataclass(frozen=True)
class MenuBarView:
    """The CM/ECF menu bar: limited ("PACER Search") before the refresh, full after."""

    logo: Text
    items: tuple[MenuItem, ...]
    caption: Text | None
    """What the limited bar says of itself; None once the full menus show."""
    full: bool


@dataclass(frozen=True)
class PracticeAccount:
    system: str
    """"PACER" or "CM/ECF"."""
    login: str
    password: str
    """A fixed fake value the simulator shows to type; never a real one."""
    about: str


@dataclass(frozen=True)
class DeskQuote:
    """A text of the court's guide for this step, and where the guide file has it."""

    text: Text
    where: str
    """`guides/MSSB.txt:126`: the guide file (beside the profile) and the line."""


@dataclass(frozen=True)
class DeskView:
    """The help-desk panel (F3): what a person answering a call reads beside the
    caller's screen. Worked out by `helpdesk.desk` (which reads the guide file)."""

    code: str
    accounts: tuple[str, ...]
    """The accounts in play and their facts, a line each (the simulator's words)."""
    quotes: tuple[DeskQuote, ...]
    """The guide's own words for this step; none where the guide is silent here."""
    scenario: str | None
    """The scenario's title: the one opened, or the one whose caller's screen this is."""
    fix: tuple[Text, ...]


@dataclass(frozen=True)
class Coaching:
    """What the training mode shows beside the court's page. Guided (the default)
    shows everything; practice shows the guide's words only on request (`hint`) and the
    practice accounts on F2 (`accounts`), and tallies; assess shows none of it."""

    mode: Mode = "guided"
    mistake: MistakeKind | None = None
    """The mistake the last action was, explained in guided mode on the page it led to."""
    hint: bool = False
    """Practice: the trainee asked for the guide's words on this page (`?`)."""
    accounts: bool = False
    """Practice: the practice accounts shown (F2)."""
    tally: tuple[int, int] = (0, 0)
    """(mistakes, hints) so far, shown in practice."""
    seen_email: bool = False
    """Demo: the court's e-mail notification was shown already."""
    paused: bool = False
    """Demo: paused (Space)."""
    desk: DeskView | None = None
    """The help-desk panel, where F3 opened it."""
    visited: frozenset[str] = frozenset()
    """The steps the walk shown has been on (the guide's way on after a detour)."""

    @property
    def coached(self) -> bool:
        """Whether the guide's words, the state code and explanations show."""
        return coached(self.mode)


GUIDED = Coaching()


@dataclass(frozen=True)
class MistakeView:
    """A mistake explained: what the trainee did, what the real system shows, how to
    recover (the court's guide's words where it has them)."""

    kind: MistakeKind
    did: Text
    shows: Text
    recover: tuple[Text, ...]


CLEAR_CACHE = Text.by_simulator("Clear browser cache (F6)")
"""The login page's button for a court whose users clear the cache before logging in."""


@dataclass(frozen=True)
class View:
    court: CourtView
    step_id: str
    step: Step
    """The step's texts and shape, from the profile (read-only)."""
    code: str
    """The exact state code: `COURT/situation/step`, and facts after `+` where more
    than one state reads alike (`codebook`)."""
    stage: int
    """The stage's number on the court's walk (`walk_stages`; 0: before you begin)."""
    stage_name: str
    guide_steps: tuple[Text, ...]
    """The guide's own step numbers this page carries, where it numbers its steps."""
    about: About | None
    """The guide's front matter, on the page before you begin."""
    notice: Text | None
    guidance: tuple[Text, ...]
    """What the court's guide says to do now, for the side panel: it follows the state
    (after linking, the court's way to refresh the menus wherever the trainee is)."""
    menu_bar: MenuBarView | None
    """The CM/ECF menu bar; None on pages that are not CM/ECF's."""
    cmecf_banner: tuple[Text, ...]
    """The CM/ECF main page's banner lines (shown on the main and refreshed pages)."""
    offered: dict[str, Action]
    accounts: tuple[PracticeAccount, ...]
    names: tuple[Text, Text] | None
    """(CM/ECF name, PACER name) on the confirm page."""
    checked: bool
    """The redaction agreement's checkbox."""
    email_label: Text | None
    """The success page's way to the court's e-mail notification, where it sends one."""
    clear_cache_label: Text | None
    """The login page's clear-cache button, where clearing the cache is a way on."""
    outcome: str | None
    """`pass`, `stop` or `fail` at an end; None elsewhere."""
    ending: tuple[Text, ...]
    """How the procedure ended, on the refreshed page (the profile's endings)."""
    code_label: str = ""
    """The state code as the step indicator shows it: none in practice and assess,
    where it would name the mistake."""
    mistake: MistakeView | None = None
    """The mistake just made, explained (guided)."""
    advised: str | None = None
    """The id of the action the guide says to take here, its control highlighted
    (guided)."""
    arrival: str | None = None
    """The id of the action whose control has focus as the page arrives: the guide's next
    move (guided and demo; in practice and assess it would be a hint). Where it is None,
    or the page draws no control for it (a key such as F5), focus arrives on the first
    field, else on the first control that is not a mistake."""
    mistaken: frozenset[str] = frozenset()
    """The ids of the actions offered here that are mistakes: focus never arrives on
    their controls (Enter there would cost a trainee a mistake)."""
    tally: str | None = None
    """Practice: the mistakes and hints so far, in a few words."""
    demo_next: str | None = None
    """Demo: the next move in a few words (the caption under the page); None elsewhere."""
    demo_paused: bool = False
    desk: DeskView | None = None
    """The help-desk panel (F3), in place of the guide's words."""

    stage_count: int = 8
    """How many stages the court's guide walks (its walk's, not the procedure's eight)."""

    @property
    def stage_label(self) -> str:
        if self.stage == 0:
            return self.stage_name
        return f"Stage {self.stage} of {self.stage_count} · {self.stage_name}"

    def action(self, action_id: str) -> Action | None:
        return self.offered.get(action_id)

    def shown_texts(self) -> list[Text]:
        """Every court text this View gives a screen to draw, each with its source."""
        found = [self.court.name, *self.court.banner, *(t for _, t in texts(self.step)),
                 *self.cmecf_banner, *self.ending]
        if self.about is not None:
            found += [t for _, t in texts(self.about)]
        if self.menu_bar is not None:
            found += [self.menu_bar.logo, *(item.label for item in self.menu_bar.items)]
            found += [self.menu_bar.caption] if self.menu_bar.caption else []
        found += [t for t in (self.notice, self.email_label, self.clear_cache_label) if t]
        return found + list(self.names or ())


FRONT_ROLES: dict[FrontRole, str] = {"go-live": "Go-live", "ready": "Have ready",
                                     "warning": "Warning", "contact": "Contact"}
"""The simulator's labels for what a paragraph of the guide's own front sections is."""

ACCOUNT_STEPS = frozenset({"login", "link-form", "dialog"})
"""The kinds of page where credentials are typed: the side panel lists the practice
accounts there (and F2 shows the others)."""

_WALKS: dict[int, tuple[CourtProfile, tuple[int, ...]]] = {}


def walk_stages(profile: CourtProfile) -> tuple[int, ...]:
    """The procedure's stages (of eight) the court's guide walks through, in order, each
    once: the step indicator numbers these, so CANB's walk, with no dialog and no
    redaction agreement, goes Stage 2 of 6 to Stage 3 of 6 (it jumped from 2 to 5)."""
    known = _WALKS.get(id(profile))
    if known is not None and known[0] is profile:
        return known[1]
    states = [engine.start(profile), *(to for _, _, to in engine.guide_walk(profile))]
    stages = [engine.stage_of(profile.steps[state.step]) for state in states]
    walked = tuple(sorted(set(stages) - {0}))
    _WALKS[id(profile)] = (profile, walked)
    return walked


def _stage_number(profile: CourtProfile, stage: int) -> tuple[int, int]:
    """A stage's number on the court's walk, and how many the walk has; a stage off the
    walk (MSSB's dialogs, met only after a mistake) shares the number of the walk's
    stage before it."""
    walked = walk_stages(profile) or (stage,)
    if stage == 0:
        return 0, len(walked)
    return sum(1 for s in walked if s <= stage) or 1, len(walked)


def build(profile: CourtProfile, state: State, code: str,
          coaching: Coaching = GUIDED) -> View:
    """What the screens show for `state`; `code` is its exact state code (the codebook's,
    worked out from the flow graph, which the View's layer does not build)."""
    step = profile.steps[state.step]
    offered = {a.id: a for a in engine.actions(profile, state)}
    stage = engine.stage_of(step)
    number, count = _stage_number(profile, stage)
    outcome = engine.outcome(profile, state)
    coached = coaching.coached
    advised = engine.advice(profile, state, coaching.visited) if coached else None
    guidance = _guidance(profile, state, step) if coached or coaching.hint else ()
    shows_accounts = coached or coaching.accounts
    return View(
        court=_court(profile),
        step_id=state.step,
        step=step,
        code=code,
        stage=number,
        stage_count=count,
        stage_name=engine.KIND_NAMES.get(step.kind, engine.STAGE_NAMES[stage]),
        guide_steps=step.guide_steps,
        about=profile.about if step.kind == "front" else None,
        notice=profile.notices.get(state.notice) if state.notice else None,
        guidance=guidance,
        menu_bar=_menu_bar(profile, state, offered) if step.kind in engine.CMECF_PAGES else None,
        cmecf_banner=_cmecf_banner(profile),
        offered=offered,
        accounts=_accounts(profile, step.kind) if shows_accounts else (),
        names=_names(profile, state),
        checked=state.checked,
        email_label=_email_label(profile, step),
        clear_cache_label=CLEAR_CACHE if step.kind == "login" and "clear-cache" in offered
        else None,
        outcome=outcome,
        ending=_ending(profile, step, outcome),
        code_label=code if coached else "",
        mistake=_mistake(profile, coaching.mistake) if coached and coaching.mistake else None,
        advised=advised.id if advised is not None else None,
        arrival=advised.id if advised is not None else None,
        mistaken=frozenset(a.id for a in offered.values()
                           if not a.typed and engine.mistake(profile, state, a) is not None),
        tally=_tally(coaching) if coaching.mode == "practice" else None,
        demo_next=_demo_next(profile, state, coaching) if coaching.mode == "demo" else None,
        demo_paused=coaching.paused,
        desk=coaching.desk,
    )


def _demo_next(profile: CourtProfile, state: State, coaching: Coaching) -> str:
    move = demo.demo_move(profile, state, coaching.seen_email, coaching.visited)
    return "The end of the guide's path." if move is None else demo.describe(move)


def _mistake(profile: CourtProfile, kind: MistakeKind) -> MistakeView:
    explained = profile.mistakes[kind]
    recover = tuple(explained.recover)
    if kind == "wrong-refresh":  # the court's way to refresh is in [refresh], said once
        recover += tuple(profile.refresh.instruction)
    return MistakeView(kind, explained.did, explained.shows, recover)


def _tally(coaching: Coaching) -> str:
    mistakes, hints = coaching.tally
    return f"Mistakes: {mistakes} · Hints: {hints}"


def _court(profile: CourtProfile) -> CourtView:
    return CourtView(profile.code, profile.name, tuple(profile.banner))


def _menu_bar(profile: CourtProfile, state: State, offered: dict[str, Action]) -> MenuBarView:
    bar = profile.menu_bar
    items = bar.full if state.full_menus else bar.limited
    return MenuBarView(
        logo=bar.logo,
        items=tuple(MenuItem(t, offered.get(f"menu:{t.text}")) for t in items),
        caption=None if state.full_menus else bar.limited_label,
        full=state.full_menus,
    )


@dataclass(frozen=True)
class GuidePage:
    """The court's whole guide as a readable page, opened at the current step."""

    title: str
    lines: tuple[str, ...]
    """The guide's lines, markup folded away (blank lines kept)."""
    focus: int
    """The first line about the current step (0 where none is found)."""


def guide_page(profile: CourtProfile, guide_text: str, step_id: str) -> GuidePage:
    lines = tuple(fold(line) for line in guide_text.splitlines())
    step = profile.steps[step_id]
    wanted = [*step.instruction, *([step.title] if step.title else []), *step.body]
    own = [t for t in wanted if t.source == "guide" and t.quoted_from is None]
    focus = next((i for t in own for i, line in enumerate(lines)
                  if line and (contains(line, t.text) or contains(fold(t.text), line))), 0)
    return GuidePage(f"{profile.code}: {profile.about.guide_title.text}", lines, focus)


def guidance(profile: CourtProfile, state: State) -> tuple[Text, ...]:
    """What the court's guide says to do now (the side panel's words; the help desk's)."""
    return _guidance(profile, state, profile.steps[state.step])


def says(guidance: Iterable[Text]) -> Iterator[tuple[str, list[Text]]]:
    """Guidance in runs of one source, each under a heading that names it: the court's
    guide, another court's guide, or the simulator's own instructions (a heading never
    claims for the guide words that are not its own)."""
    for (source, court), run in groupby(guidance, key=lambda t: (t.source, t.quoted_from)):
        heading = ("The simulator says" if source == "simulator"
                   else f"{court}'s guide says" if court else "The court's guide says")
        yield heading, list(run)


def _guidance(profile: CourtProfile, state: State, step: Step) -> tuple[Text, ...]:
    own = tuple(step.instruction)
    refresh = profile.refresh
    linked_not_refreshed = state.linked is not None and not state.full_menus
    if not linked_not_refreshed or step.kind in engine.END_KINDS:
        return own
    how = tuple(refresh.instruction)
    if {"clear-cache", "relogin-after-clear-cache"} & set(refresh.ways):
        how += tuple(refresh.clear_cache_keys)
    if step.kind == "success":  # the guide's own words for this page, then the way on
        return own + tuple(t for t in how if t not in own)
    if step.kind in engine.CMECF_PAGES and state.pacer == state.linked[0]:  # type: ignore[index]
        return how
    # Logged out, or on the way back in: the court's way back to the full menus first.
    return how + own


def _ending(profile: CourtProfile, step: Step, outcome: str | None) -> tuple[Text, ...]:
    if step.kind != "refreshed":
        return ()
    endings = profile.endings
    return tuple(endings.failed if outcome == "fail" else endings.passed)


def _cmecf_banner(profile: CourtProfile) -> tuple[Text, ...]:
    return tuple(line for st in profile.steps.values() if isinstance(st, MainStep)
                 for line in st.banner)


def _email_label(profile: CourtProfile, step: Step) -> Text | None:
    if not isinstance(step, SuccessStep) or step.email is None:
        return None
    title = profile.steps[step.email].title
    return title if title is not None else Text.by_simulator(step.email)


def _accounts(profile: CourtProfile, kind: str = "login") -> tuple[PracticeAccount, ...]:
    """The trainee's own two accounts first, the one to type on a `kind` of page before
    the other (the CM/ECF one on the link form), then the rest."""
    pacer = [PracticeAccount("PACER", a.username.text, a.password, a.about.text)
             for a in profile.accounts.pacer.values()]
    cmecf = [PracticeAccount("CM/ECF", a.login.text, a.password, a.about.text)
             for a in profile.accounts.cmecf.values()]
    own_pacer, own_cmecf = engine.own_accounts(profile)
    mine = [p for p in pacer if p.login == own_pacer.username.text]
    theirs = [c for c in cmecf if c.login == own_cmecf.login.text]
    first = theirs + mine if kind == "link-form" else mine + theirs
    return tuple(first + [a for a in pacer + cmecf if a not in first])


def _names(profile: CourtProfile, state: State) -> tuple[Text, Text] | None:
    if state.pacer is None or state.cmecf is None:
        return None
    return (profile.accounts.cmecf[state.cmecf].name,
            profile.accounts.pacer[state.pacer].name)


@dataclass(frozen=True)
class AssessIntro:
    """What the assessment shows before it starts: the rule, and the trainee's own
    practice accounts (once: the assessment shows no panel)."""

    court: CourtView
    rule: str
    accounts: tuple[PracticeAccount, ...]
    ask_name: bool
    """Whether the trainee's name is asked (none was given with --trainee)."""


def assess_intro(profile: CourtProfile, ask_name: bool) -> AssessIntro:
    # The trainee's own two (the View lists them first): the others are the mistakes.
    return AssessIntro(_court(profile), pass_rule_text(profile), _accounts(profile)[:2],
                       ask_name)


@dataclass(frozen=True)
class ResultLine:
    kind: str
    count: int
    did: Text
    recover: tuple[Text, ...]


@dataclass(frozen=True)
class ResultView:
    """The end of a practice or an assessment: the verdict and what it was made of."""

    court: CourtView
    title: str
    verdict: str
    passed: bool | None
    """None outside assess (practice has no verdict)."""
    facts: tuple[str, ...]
    """Steps, mistakes, hints, time; in the simulator's words."""
    mistakes: tuple[ResultLine, ...]
    trainee: str | None = None
    """Whose attempt it was (an assessment asks for a name)."""
    reasons: tuple[str, ...] = ()
    """Why an assessment was not passed, each in a few words ("2 mistakes; at most 1
    allowed"); none where it was passed, or outside an assessment."""


def result_view(profile: CourtProfile, record: AttemptRecord) -> ResultView:
    """The result of an attempt that ended: an assessment's verdict and rule, or how a
    practice walk ended; then its figures and its mistakes by kind, most frequent first."""
    passed = record.passed
    rule: tuple[str, ...] = ()
    if passed is None:
        title = "Practice finished"
        verdict = ("You reached the full menus with your own accounts linked."
                   if record.linked_right else "This walk did not end with your own "
                   "accounts linked and the full menus.")
    else:
        title = "Assessment result"
        verdict = "PASSED" if passed else "NOT PASSED"
        rule = (pass_rule_text(profile),)
    minutes, rest = divmod(round(record.seconds), 60)
    facts = (f"Steps taken: {len(record.steps)}",
             f"Mistakes: {len(record.mistakes)}",
             f"Hints: {record.hints}",
             f"Time: {minutes} min {rest} s",
             *rule)
    reasons: tuple[str, ...] = ()
    if passed is False and record.pass_rule is not None:
        reasons = why_not_passed(record)
    lines = []
    for kind, n in Counter(m.kind for m in record.mistakes).most_common():
        explained = profile.mistakes[kind]  # type: ignore[index]  # a record keeps a str
        lines.append(ResultLine(kind, n, explained.did, tuple(explained.recover)))
    return ResultView(_court(profile), title, verdict, passed, facts, tuple(lines),
                      record.trainee, reasons)


def why_not_passed(record: AttemptRecord) -> tuple[str, ...]:
    """What of the pass rule an attempt missed, each in a few words."""
    rule = record.pass_rule
    assert rule is not None, "an assessment's record has its rule"
    found = []
    if not record.finished:
        found.append("left before the end")
    elif not record.linked_right:
        found.append("did not end with your own accounts linked and the full menus")
    most, made = rule.max_mistakes, len(record.mistakes)
    if made > most:
        allowed = "none allowed" if most == 0 else f"at most {most} allowed"
        found.append(f"{made} mistake{'s' if made != 1 else ''}; {allowed}")
    if record.hints and not rule.hints_allowed:
        found.append(f"{record.hints} hint{'s' if record.hints != 1 else ''}; none allowed")
    return tuple(found)


BROWSER_DONE = {"refresh": "The page loads again",
                "clear-cache": "The browser's cache is cleared"}
"""F5 and F6 where the page offers nothing for them, said in practice and assess (guided
mode says the court's way instead): a key in the footer does something visible."""


@dataclass(frozen=True)
class Notice:
    """A notification the App shows, in the simulator's words."""

    title: str
    text: str
    severity: Literal["information", "warning", "error"] = "information"
    timeout: float = 4


def browser_notice(profile: CourtProfile, action_id: str, coached: bool,
                   mistake: MistakeKind | None) -> Notice | None:
    """What F5 or F6 says where the page offers no move for it: guided, the court's way
    to refresh the menus; practice and assess, that the browser did it and nothing on
    the page changed (unless it was a mistake, which the page shows)."""
    if coached:
        how = " ".join(f"{heading}: {' '.join(t.text for t in run)}"
                       for heading, run in says(profile.refresh.instruction))
        return Notice("Not this way", f"That does not refresh the menus here. {how}",
                      "warning", 8)
    if mistake is None:
        done = BROWSER_DONE.get(action_id, "The browser did that")
        return Notice("Browser", f"{done}; nothing on this page changes.")
    return None
