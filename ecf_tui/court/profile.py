"""Provides the pydantic models of a court profile (one TOML file per court).

A profile holds everything a court shows and the shape of its procedure: the
steps, each of a kind the engine knows, and where each step leads. Every text
records where it comes from (`Text.source`): the court's guide, quoted verbatim
and checked against the guide shipped under `courts/guides/`, or the simulator,
where the guide is silent.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Any, Literal, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ecf_tui.court.silence import SilentPart

if TYPE_CHECKING:
    from pydantic import GetJsonSchemaHandler
    from pydantic.fields import FieldInfo
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import CoreSchema


class Model(BaseModel):
    """Base of every profile model: unknown keys are errors, values are frozen."""

    # Schemas are built on first validation: a profile read back from the cache is never
    # validated again, and building all of them at import took a tenth of the start.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Text(Model):
    """A text a screen shows, with where it comes from.

    In TOML a plain string is a text quoted from the court's own guide;
    `{ text = "...", source = "simulator" }` marks a text the simulator wrote
    where the guide is silent; `{ text = "...", quoted_from = "CASB" }` quotes
    another court's guide (used by the shared base profile).
    """

    text: str = Field(min_length=1)
    """The words, verbatim."""
    source: Literal["guide", "simulator"] = "guide"
    """`guide`: the words are the guide's own; `simulator`: written by the simulator."""
    quoted_from: str | None = None
    """Court code of the guide quoted, when it is not the court's own guide."""

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"text": value}
        return value

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: CoreSchema,
                                     handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        # `_from_string` takes a plain string for the table, so a file may give either.
        table = dict(handler.resolve_ref_schema(handler(core_schema)))
        words = {k: v for k, v in table["properties"]["text"].items() if k != "title"}
        named: dict[str, Any] = {k: table.pop(k) for k in ("title", "description") if k in table}
        return {**named, "anyOf": [words, table]}

    @model_validator(mode="after")
    def _quote_needs_guide(self) -> Text:
        if self.quoted_from is not None and self.source != "guide":
            raise ValueError("quoted_from only goes with source = 'guide'")
        return self

    def __str__(self) -> str:
        return self.text

    @classmethod
    def by_simulator(cls, words: str) -> Text:
        """A text the simulator writes itself (`source = "simulator"`), made without
        validating: the code's own texts are made at import or on a page, and the first
        validation builds every text's validator (and pydantic's look for plugins), which
        a profile read back from the cache never needs."""
        if not words:
            raise ValueError("a text has words")
        return cls.model_construct(text=words, source="simulator")


class StepReference:
    """Marks a field that names a step (`next`, `back_to`, a link's `to`): flow checks,
    the engine and the screen map find every one through `step_references`, so a new
    reference field is checked as soon as it is declared with `StepRef`."""


StepRef = Annotated[str, StepReference()]
"""A step id, as a field that points to a step."""


class Link(Model):
    """A link or menu item on a page."""

    label: Text
    """What the link says."""
    to: StepRef | None = None
    """The step it opens; none for a link the procedure does not use (shown, inert)."""


class Section(Model):
    """A titled group of links, as on the Utilities page."""

    title: Text | None = None
    """The section heading; none where the guide shows no heading."""
    items: list[Link]
    """The links, in the guide's order."""


class StepBase(Model):
    """What every step has."""

    stage: int | None = Field(default=None, ge=1, le=8)
    """Which of the procedure's eight stages this step belongs to; by default the kind's own."""
    title: Text | None = None
    """The page's or dialog's heading."""
    body: list[Text] = []
    """Paragraphs shown on the page, in order."""
    instruction: list[Text] = []
    """What the court's guide tells the user to do on this step."""
    guide_step: Text | list[Text] | None = None
    """The guide's own number for this step ("STEP 3"), where the guide numbers them; a
    page that carries two of the guide's steps lists both (["5", "6"]), in order."""
    picture: list[Text] = []
    """The guide's words on or about its picture of this page (callouts pointing at a
    control, captions, a transcribed description of the screenshot), verbatim. They are
    not the court's page: the side panel shows them, under the practice accounts."""

    @property
    def guide_steps(self) -> tuple[Text, ...]:
        """The guide's step numbers this page carries, in order (none, one or more)."""
        steps = self.guide_step
        return () if steps is None else (steps,) if isinstance(steps, Text) else tuple(steps)


class FrontStep(StepBase):
    """Before you begin: the guide's own front matter (its title, introduction, go-live,
    what to have ready, warnings, contacts, all from `about`), then the way in."""

    kind: Literal["front"]
    """The step's kind: `front`."""
    begin_button: Text
    """The button that starts the procedure."""
    next: StepRef
    """The first step of the way in."""


class SiteStep(StepBase):
    """A page of the court's web site on the way to the filing system."""

    kind: Literal["site"]
    """The step's kind: `site`."""
    address: Text | None = None
    """The web address shown in the simulated browser."""
    links: list[Link]
    """The page's links in the guide's order; the way in has `to` set."""


class LoginStep(StepBase):
    """The PACER login page."""

    kind: Literal["login"]
    """The step's kind: `login`."""
    required_note: Text | None = None
    """The "* Required Information" line, where shown."""
    username_label: Text
    """The username field's label."""
    password_label: Text
    """The password field's label."""
    client_code_label: Text | None = None
    """Shown only where the court's guide shows a Client Code field."""
    login_button: Text
    """The button that logs in."""
    clear_button: Text | None = None
    """Shown only where the court's guide shows a Clear button."""
    links: list[Link] = []
    """Forgot / need-an-account links in the guide's order."""
    notices_above: list[Text] = []
    """Notices above the form, where the guide shows them there (the cookies notice)."""
    notices: list[Text] = []
    """Notices under the form (the restricted-site NOTICE)."""
    next: StepRef
    """The step after a successful PACER login."""
    on_cmecf_credentials: StepRef | None = None
    """The dialog shown when CM/ECF credentials are typed here; none: a failed login."""
    on_inactive: StepRef | None = None
    """The dialog shown when an inactive PACER account logs in."""


class DialogButton(Model):
    """A button of a dialog and what it does."""

    label: Text
    """What the button says."""
    does: Literal["close", "continue"]
    """`close`: closes the dialog (to `close_to`); `continue`: goes on (to `next`)."""


class DialogStep(StepBase):
    """A modal dialog over the login page."""

    kind: Literal["dialog"]
    """The step's kind: `dialog`."""
    situation: str = Field(pattern=r"^[a-z0-9-]+$")
    """The situation this dialog means, used in state codes (`MSSB/<situation>/<step>`)."""
    closable: bool = False
    """Whether the dialog has an "x" in its corner (Escape does the same)."""
    buttons: list[DialogButton] = []
    """The dialog's buttons, in the guide's order."""
    selections: list[Text] = []
    """Choices the dialog offers that the guide says not to make ("Do not make a
    selection"): choosing one leaves the dialog open with the simulator's explanation."""
    close_to: StepRef | None = None
    """Where "x" (or a close button) leads."""
    next: StepRef | None = None
    """Where a continue button leads."""


class RedactionStep(StepBase):
    """The redaction agreement shown after login."""

    kind: Literal["redaction"]
    """The step's kind: `redaction`."""
    heading: Text
    """The notice's heading ("IMPORTANT NOTICE OF REDACTION RESPONSIBILITY:")."""
    agreement: Text
    """The checkbox's label."""
    continue_button: Text
    """The button that accepts the agreement, its box checked."""
    cancel_button: Text
    """The button that declines it."""
    next: StepRef
    """The step once the agreement is accepted."""
    cancel_to: StepRef
    """Where Cancel leads (the simulator logs the user out)."""


class MainStep(StepBase):
    """The CM/ECF main page with the menu bar."""

    kind: Literal["main"]
    """The step's kind: `main`."""
    banner: list[Text] = []
    """The court's banner lines at the top of the page."""


class UtilitiesStep(StepBase):
    """The Utilities page, or a release sub-page of menu items."""

    kind: Literal["utilities"]
    """The step's kind: `utilities`."""
    sections: list[Section]
    """The page's groups of links, in the guide's order."""


class LinkFormStep(StepBase):
    """The "Link a CM/ECF account to my PACER account" form."""

    kind: Literal["link-form"]
    """The step's kind: `link-form`."""
    login_label: Text
    """The CM/ECF login field's label."""
    password_label: Text
    """The CM/ECF password field's label."""
    submit_button: Text
    """The button that submits the form."""
    clear_button: Text
    """The button that clears the form."""
    links: list[Link] = []
    """Links beside the form (forgot login/password, upgraded PACER), in the guide's
    order."""
    pacer_only_label: Text
    """The simulator's button for a user who uses CM/ECF for PACER only."""
    next: StepRef
    """Where Submit leads with a CM/ECF login and password that match (the confirm
    page)."""
    upgrade_to: StepRef
    """Where Submit leads when the PACER account is not upgraded."""
    pacer_only_to: StepRef
    """Where the `pacer_only_label` button leads."""


class ConfirmStep(StepBase):
    """The "Do you want to link these accounts?" page."""

    kind: Literal["confirm"]
    """The step's kind: `confirm`."""
    question: Text
    """The question over the two names ("Do you want to link these accounts?")."""
    cmecf_label: Text
    """The label of the CM/ECF account's name."""
    pacer_label: Text
    """The label of the PACER account's name."""
    warning: list[Text] = []
    """What the page says under the names."""
    submit_button: Text
    """The button that links the accounts."""
    back_label: Text
    """The control that goes back (to `back_to`)."""
    next: StepRef
    """The step once the accounts are linked."""
    back_to: StepRef
    """Where the back control leads (the link form)."""


class SuccessStep(StepBase):
    """The page shown once the accounts are linked, menus still limited."""

    kind: Literal["success"]
    """The step's kind: `success`."""
    email: StepRef | None = None
    """The step showing the court's e-mail notification, where it sends one."""
    next: StepRef
    """The refreshed page reached the court's way."""


class RefreshedStep(StepBase):
    """The main page with the full filing menus: the procedure is done."""

    kind: Literal["refreshed"]
    """The step's kind: `refreshed`."""


class InfoStep(StepBase):
    """A page a link opens (a contact, an explanation), with a way back."""

    kind: Literal["info"]
    """The step's kind: `info`."""
    back_label: Text
    """The control that goes back (to `back_to`)."""
    back_to: StepRef
    """Where the back control leads."""


class StopStep(StepBase):
    """An end of the procedure other than the full menus."""

    kind: Literal["stop"]
    """The step's kind: `stop`."""
    outcome: Literal["pass", "stop"]
    """`pass`: the right end for this situation; `stop`: the user must do something first."""


class EmailField(Model):
    """A labelled line of the court's e-mail notification."""

    label: Text
    """The line's label ("Transaction ID")."""
    value: Text
    """What the line says for it."""


class EmailStep(StepBase):
    """The court's e-mail notification after linking."""

    kind: Literal["email"]
    """The step's kind: `email`."""
    fields: list[EmailField]
    """The e-mail's labelled lines, in the guide's order."""
    back_label: Text
    """The control that goes back (to `back_to`)."""
    back_to: StepRef
    """Where the back control leads."""


Step = Annotated[
    FrontStep
    | SiteStep
    | LoginStep
    | DialogStep
    | RedactionStep
    | MainStep
    | UtilitiesStep
    | LinkFormStep
    | ConfirmStep
    | SuccessStep
    | RefreshedStep
    | InfoStep
    | StopStep
    | EmailStep,
    Field(discriminator="kind"),
]

STEP_KINDS: tuple[str, ...] = tuple(
    get_args(model.model_fields["kind"].annotation)[0] for model in get_args(get_args(Step)[0])
)
"""Every step kind, in the order of the `Step` union (read from it, never listed twice)."""


class PacerAccount(Model):
    """A simulated PACER account. Passwords are fixed fake values shown to the trainee."""

    username: Text
    """The PACER username, typed on the login page."""
    password: str = Field(min_length=1)
    """The practice password, shown to the trainee."""
    name: Text
    """The name the confirm page shows as PACER."""
    person: str
    """Who holds it: a CM/ECF account of the same person is a match."""
    kind: Literal["individual", "firm"] = "individual"
    """`individual`: one person's own; `firm`: a firm's shared account, not to be
    linked."""
    upgraded: bool = True
    """Whether the account is upgraded: only an upgraded account can be linked."""
    inactive: bool = False
    """Whether the account is inactive: logging in with it shows the login page's
    `on_inactive` dialog."""
    about: Text
    """One line telling the trainee what this account is."""


class CmecfAccount(Model):
    """A simulated CM/ECF e-filing account."""

    login: Text
    """The CM/ECF login, typed on the link form."""
    password: str = Field(min_length=1)
    """The practice password, shown to the trainee."""
    name: Text
    """The name the confirm page shows as CM/ECF."""
    person: str
    """Who holds it: a PACER account of the same person is a match."""
    linked: bool = False
    """Already linked to a PACER account."""
    about: Text
    """One line telling the trainee what this account is."""


class Accounts(Model):
    """The practice accounts a trainee may log in and link with, by account id."""

    pacer: dict[str, PacerAccount]
    """PACER accounts by id (`firm`, `not-upgraded`); the trainee's own is the first
    individual, upgraded, active one."""
    cmecf: dict[str, CmecfAccount]
    """CM/ECF accounts by id (`colleague`, `linked`); the trainee's own is the first
    unlinked one of the same person as their own PACER account."""

    @cached_property
    def own_pacer(self) -> str | None:
        """The trainee's own PACER account id: the first individual, upgraded, active
        one; None where the roster has none (flow checks report it)."""
        return next((pid for pid, a in self.pacer.items()
                     if a.kind == "individual" and a.upgraded and not a.inactive), None)

    @cached_property
    def own(self) -> tuple[str, str] | None:
        """The trainee's own account ids: `own_pacer` and the first unlinked CM/ECF
        account of the same person; None where the roster lacks either. Worked out once
        per profile, as the engine asks for it on every step."""
        if self.own_pacer is None:
            return None
        person = self.pacer[self.own_pacer].person
        cmecf = next((cid for cid, a in self.cmecf.items()
                      if not a.linked and a.person == person), None)
        return None if cmecf is None else (self.own_pacer, cmecf)


RefreshWay = Literal["browser-refresh", "relogin", "relogin-after-clear-cache", "clear-cache"]


class Refresh(Model):
    """How the court's users get the full menus after linking."""

    menu_items: list[str] = []
    """Menu items whose click refreshes the menus; `*` means any item but Log Out."""
    ways: list[RefreshWay] = []
    """Browser ways that refresh the menus."""
    instruction: list[Text]
    """The guide's words on refreshing."""
    clear_cache_keys: list[Text] = []
    """The guide's key combinations for clearing the browser cache."""


class MenuBar(Model):
    """The CM/ECF menu bar before and after linking."""

    logo: Text
    """The logo, first on the bar ("CM/ECF")."""
    limited: list[Text]
    """The items before linking ("PACER Search" only)."""
    limited_label: Text
    """The caption the bar shows while the menus are limited ("PACER Search")."""
    full: list[Text]
    """The items once the menus refresh."""
    logout: Text
    """The item that logs out (one of both lists)."""
    utilities: Text
    """The item that opens the Utilities page."""


class Endings(Model):
    """What the page with the full menus says of how the walk ended."""

    passed: list[Text]
    """The right accounts linked."""
    failed: list[Text]
    """Linked, but not one person's individual accounts (a firm's, a colleague's)."""


FrontRole = Literal["go-live", "ready", "warning", "contact"]


class FrontParagraph(Text):
    """A paragraph of the guide's front matter, verbatim, and what it is where it is one
    of the things the front page points out (`role`)."""

    role: FrontRole | None = None
    """`go-live`: the date the court goes live; `ready`: what to have at hand; `warning`;
    `contact`: whom to ask for help."""


class FrontSection(Model):
    """One of the guide's own sections before its steps: its heading and paragraphs."""

    heading: Text | None = None
    """The section's heading, where the guide gives it one."""
    paragraphs: list[FrontParagraph] = Field(min_length=1)
    """The section's paragraphs, in the guide's order."""


class About(Model):
    """What the guide says around the steps: purpose, dates, warnings, contacts. Either
    in fixed slots (intro, go-live, ready, warnings, contacts, reminders: drawn in that
    order) or as the guide's own `sections`, drawn in the guide's order."""

    guide_title: Text
    """The guide's own title."""
    sections: list[FrontSection] = []
    """The guide's front matter as its own sections, in its order, each paragraph marked
    with what it is where it is a go-live date, a warning, a contact or what to have
    ready. Given, it takes the place of intro, ready, warnings, contacts and reminders."""
    intro: list[Text] = []
    """The guide's introduction, paragraph by paragraph."""
    go_live: Text | None = None
    """The go-live date as the guide words it (the front page and the court picker
    show it)."""
    ready: list[Text] = []
    """What the guide says to have at hand before starting."""
    warnings: list[Text] = []
    """The guide's warnings ("Do not login with a shared firm PACER account.")."""
    contacts: list[Text] = []
    """Whom to ask for help, and how, in the guide's words."""
    reminders: list[Text] = []
    """What the guide gives to keep in mind for later (CANB's cache keys)."""
    reminders_heading: Text | None = None
    """The guide's own heading over its reminders ("Helpful reminders:"), where it has one."""
    steps_heading: Text | None = None
    """The guide's heading over its steps ("Linking Instructions"), shown above Begin."""

    @model_validator(mode="after")
    def _sections_or_slots(self) -> About:
        slots = [name for name in ("intro", "ready", "warnings", "contacts", "reminders")
                 if getattr(self, name)]
        if self.sections and slots:
            # " Fix: " parts the problem from its fix (registry.problems.FIX_MARK).
            raise ValueError(f"has the front matter both as sections and in slots "
                             f"({', '.join(slots)}). Fix: move {', '.join(slots)} into the "
                             "sections, where the guide has them, in its order.")
        return self

    @property
    def go_live_date(self) -> Text | None:
        """The go-live date the court picker shows: `go_live`, else the paragraph of the
        sections marked go-live."""
        marked = [p for s in self.sections for p in s.paragraphs if p.role == "go-live"]
        return self.go_live or (marked[0] if marked else None)


NoticeKey = Literal[
    "invalid-login",
    "cmecf-on-pacer-login",
    "redaction-cancelled",
    "wrong-cmecf-login",
    "cmecf-already-linked",
    "dialog-selection",
]
"""The messages the engine shows; a profile words each one in `notices`."""
NOTICE_KEYS: tuple[NoticeKey, ...] = get_args(NoticeKey)


MistakeKind = Literal[
    "cmecf-on-pacer-login",
    "dialog-selection",
    "firm-pacer",
    "not-upgraded-pacer",
    "not-yours",
    "names-differ",
    "redaction-cancelled",
    "wrong-refresh",
    "wrong-password",
    "linked-twice",
]
"""The mistakes the engine recognises (`engine.mistake`); a profile explains each."""
MISTAKE_KINDS: tuple[MistakeKind, ...] = get_args(MistakeKind)


class Mistake(Model):
    """A mistake explained in plain words, in the court's guide's where it has them."""

    did: Text
    """What the trainee did."""
    shows: Text
    """What the real system shows (or does) then."""
    recover: list[Text] = Field(min_length=1)
    """How to recover, or what to do instead."""


class Assessment(Model):
    """The assessment's pass rule: the full menus with the trainee's own accounts, no
    hints, and at most this many mistakes."""

    max_mistakes: int = Field(default=1, ge=0)
    """The most mistakes an assessment may have and still pass."""


class CourtProfile(Model):
    """One court's whole profile, after its base has been merged in."""

    code: str = Field(pattern=r"^[A-Z][A-Z0-9]{1,9}$")
    """The court's code, as in the state codes (`MSSB`)."""
    name: Text
    """The court's full name."""
    guide: str
    """The court's guide, relative to the profile's folder."""
    about: About
    """What the guide says around its steps: title, dates, warnings, contacts."""
    banner: list[Text] = []
    """A banner shown on every CM/ECF page (a test site's warning)."""
    start: StepRef
    """The procedure's first step, by its id in `steps`."""
    steps: dict[str, Step]
    """The procedure's pages and dialogs by id, each of a kind the engine knows."""
    menu_bar: MenuBar
    """The CM/ECF menu bar, before and after linking."""
    refresh: Refresh
    """How the court's users get the full menus after linking."""
    accounts: Accounts
    """The practice accounts the trainee may log in and link with."""
    endings: Endings
    """What the page with the full menus says of how the walk ended."""
    notices: dict[str, Text] = Field(
        json_schema_extra={"propertyNames": {"enum": list(NOTICE_KEYS)}})
    """Messages the engine shows; keys are the engine's (see NOTICE_KEYS)."""
    mistakes: dict[MistakeKind, Mistake]
    """Every mistake kind explained (the base profile words each, and flow checks say
    where one lacks; a court's guide's words override them where it has some)."""
    # Made without validating: `Assessment()` here built its validator at import (and
    # pydantic's plugin lookup with it), which `defer_build` is there to put off.
    assessment: Assessment = Assessment.model_construct()
    """The assessment's pass rule."""
    silent: list[SilentPart] = []
    """The parts the flow needs that the court's guide is silent on ("refresh",
    "menu_bar.full"): the simulator's default fills each, marked as the simulator's and
    saying the guide does not say (`court.silence`); validate warns of each."""

    def steps_of(self, kind: str) -> list[str]:
        return [sid for sid, s in self.steps.items() if s.kind == kind]

    @cached_property
    def first_of(self) -> dict[str, str]:
        """The first step of each kind present; flow checks ensure exactly one login,
        Utilities entry, link form and refreshed page."""
        found: dict[str, str] = {}
        for sid, st in self.steps.items():
            found.setdefault(st.kind, sid)
        return found


Loc = tuple[str | int, ...]


def step_references(model: BaseModel, loc: Loc = ()) -> Iterator[tuple[Loc, str | None]]:
    """Every field of `model` (and of the links and sections inside it) that names a
    step: where it is and the step id it names (None where it names none)."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        here = (*loc, name)
        if names_a_step(info):
            yield here, value
        elif isinstance(value, BaseModel):
            yield from step_references(value, here)
        elif isinstance(value, list | dict):
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                if isinstance(item, BaseModel):
                    yield from step_references(item, (*here, key))


def names_a_step(info: FieldInfo) -> bool:
    """Whether a model's field is declared with `StepRef`."""
    # pydantic keeps `Annotated` metadata of a plain field in `metadata`, and leaves it
    # inside the annotation of an optional one.
    return any(isinstance(m, StepReference) for m in info.metadata) or _is_step_ref(
        info.annotation)


def _is_step_ref(annotation: Any) -> bool:
    if get_origin(annotation) is Annotated:
        return any(isinstance(m, StepReference) for m in annotation.__metadata__)
    return any(_is_step_ref(arg) for arg in get_args(annotation))
