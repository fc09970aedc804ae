"""Provides the job aid as plain data: the court's front matter, the guide's walk step by
step and the court's way to refresh the menus, every text the profile's own words with
the source mark it carries on screen. The renderers only lay this out; nothing here
knows Markdown or HTML."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from ecf_tui import __version__, engine
from ecf_tui.court.fidelity import Loc, texts
from ecf_tui.court.profile import About, ConfirmStep, CourtProfile, FrontParagraph, Step, Text
from ecf_tui.flows import codebook, graph
from ecf_tui.training.demo import describe
from ecf_tui.view import FRONT_ROLES, says
from ecf_tui.view import build as build_view
from ecf_tui.widgets.page_text import mark

Source = Literal["guide", "other-guide", "simulator", "chrome"]


@dataclass(frozen=True)
class Piece:
    """Words as a screen shows them: a court text with its mark, or the simulator's own
    headings around a page (`chrome`: unmarked on screen too, like the front page's
    "Warnings")."""

    words: str
    mark: str | None
    """`[simulator]`, `[as in CASB's guide]` or `[CASB]`; None for this court's guide
    and for chrome."""
    source: Source


Line = tuple[Piece, ...]
"""Texts side by side in one line (a row of controls, a label and its name); most lines
are one text."""


@dataclass(frozen=True)
class Section:
    heading: Piece
    lines: tuple[Line, ...]
    listed: bool = True
    """Whether the lines read as a list (warnings, contacts) or as paragraphs."""


@dataclass(frozen=True)
class Screenshot:
    name: str
    """The file name QA gives it: `05-pacer-login.svg`."""
    svg: str


@dataclass(frozen=True)
class AidStep:
    number: int
    stage_name: str
    """The stage's name, as the step indicator says it ("Redaction agreement")."""
    stage: str
    """The step indicator's words: "Stage 4 of 8 · Redaction agreement"."""
    title: Piece | None
    """The page's or dialog's heading, where the profile gives one."""
    guide_steps: tuple[Piece, ...]
    """The guide's own numbers for the step ("Step 3"), where it numbers them."""
    code: str
    """The state code (`ecf-tui run CODE` opens the same screen)."""
    says: tuple[tuple[str, tuple[Line, ...]], ...]
    """What to do here, as the side panel has it: runs of one source, each under its
    heading ("The court's guide says", "The simulator says")."""
    move: Line | None
    """The move the guide's walk makes next, in the simulator's words; None at the end."""
    page: tuple[Line, ...]
    """The page's paragraphs, in the order the screen shows them."""
    controls: Line
    """The page's links, buttons and field labels."""
    screenshot: Screenshot

    def meta(self, total: int, words: Callable[[str], str], piece: Callable[[Piece], str],
             code: Callable[[str], str]) -> list[str]:
        """The line under the step's heading, in parts: which screen of how many, the
        stage, the guide's own step number, the state code (each renderer's escaping)."""
        found = [f"Screen {self.number} of {total}"]
        if self.stage != self.stage_name:
            found.append(words(self.stage.partition(" · ")[0]))
        if self.guide_steps:
            found.append("the guide's " + ", ".join(piece(p) for p in self.guide_steps))
        found.append(f"state code {code(self.code)}")
        return found


@dataclass(frozen=True)
class JobAid:
    court: str
    court_name: Piece
    guide_title: Piece
    origin: str
    """Where the profile and its guide come from, in the simulator's words."""
    notes: tuple[str, ...]
    """What this document is, and how to read its marks (the simulator's words)."""
    intro: tuple[Line, ...]
    front: tuple[Section, ...]
    steps_heading: Piece
    steps: tuple[AidStep, ...]
    refresh: Section
    size: tuple[int, int]
    """The terminal size of the screenshots."""


# The step's fields that read as paragraphs, in the order the screens draw them; any
# other field shown is a control (a link, a button, a label), and the instruction and
# the guide's words on its own picture are the side panel's, not the page's.
PARAGRAPHS = ("banner", "heading", "question", "notices_above", "required_note", "body",
              "agreement", "warning", "notices")
NOT_ON_PAGE = frozenset({"instruction", "picture", "title", "guide_step"})
NAME_LABELS = frozenset({"cmecf_label", "pacer_label"})
ADDRESS = "address"
"""The simulated browser's address line: a line of its own, after "Address"."""


def piece(text: Text, *, compact: bool = False) -> Piece:
    """A court text with the mark the screens give it (the long one for a paragraph,
    the compact one inside a line)."""
    source: Source = ("simulator" if text.source == "simulator"
                      else "other-guide" if text.quoted_from is not None else "guide")
    return Piece(text.text, mark(text, compact=compact), source)


def chrome(words: str) -> Piece:
    return Piece(words, None, "chrome")


def build(profile: CourtProfile, origin: str, walk: graph.Path,
          shots: Sequence[Screenshot], size: tuple[int, int]) -> JobAid:
    """The job aid of `profile` along `walk` (the guide's path), one screenshot a state."""
    if len(shots) != len(walk.states):
        raise ValueError(f"{len(shots)} screenshots for {len(walk.states)} steps")
    about = profile.about
    moves: list[engine.Action | None] = [e.action for e in walk.edges]
    moves.append(None)
    steps = tuple(_step(profile, n, state, move, shot) for n, (state, move, shot)
                  in enumerate(zip(walk.states, moves, shots, strict=True), start=1))
    return JobAid(
        court=profile.code,
        court_name=piece(profile.name),
        guide_title=piece(about.guide_title),
        origin=origin,
        notes=_notes(profile.code),
        intro=tuple((piece(t),) for t in about.intro),
        front=_front(about),
        steps_heading=piece(about.steps_heading) if about.steps_heading else chrome(
            "The steps"),
        steps=steps,
        refresh=Section(chrome("After linking: refresh the menus"),
                        tuple((piece(t),) for t in [*profile.refresh.instruction,
                                                    *profile.refresh.clear_cache_keys]),
                        listed=False),
        size=size,
    )


def _notes(court: str) -> tuple[str, ...]:
    other = "MSSB" if court == "CASB" else "CASB"  # an example that is not this court
    return (
        f"Generated by ecf-tui {__version__}, a simulator of this procedure, from the "
        "court's profile. The screenshots are the simulator's screens, not the court's "
        "site; practise in the simulator with its practice accounts, never with real "
        "credentials.",
        "Where the words come from: a text with no mark is this court's own guide, word "
        f"for word; [as in {other}'s guide] (or [{other}] inside a line) marks a text quoted "
        "from another court's guide; [simulator] marks the simulator's words where the "
        "guide is silent. The headings are the simulator's.",
    )


def _front(about: About) -> tuple[Section, ...]:
    """The guide's front matter, under the same headings as the simulator's front page
    (the guide's own heading where it has one); a section the guide lacks is left out.
    A guide's own sections come in its order, each paragraph said for what it is."""
    if about.sections:
        return tuple(Section(piece(s.heading) if s.heading else chrome("From the guide"),
                             tuple(_front_line(p) for p in s.paragraphs), listed=False)
                     for s in about.sections)
    found = []
    if about.go_live is not None:
        found.append(Section(chrome("Go-live"), ((piece(about.go_live, compact=True),),),
                             listed=False))
    reminders = piece(about.reminders_heading) if about.reminders_heading else chrome(
        "Reminders")
    for heading, items in ((chrome("Have ready"), about.ready),
                           (chrome("Warnings"), about.warnings),
                           (chrome("Contacts"), about.contacts),
                           (reminders, about.reminders)):
        if items:
            found.append(Section(heading, tuple((piece(t),) for t in items)))
    return tuple(found)


def _front_line(paragraph: FrontParagraph) -> Line:
    """A paragraph of the guide's sections, after the simulator's word for what it is."""
    if paragraph.role is None:
        return (piece(paragraph),)
    return (chrome(f"{FRONT_ROLES[paragraph.role]}:"), piece(paragraph))


def _step(profile: CourtProfile, number: int, state: engine.State,
          move: engine.Action | None, shot: Screenshot) -> AidStep:
    view = build_view(profile, state, codebook.code(profile, state))
    step = view.step
    page, controls = _page_texts(step, view.names)
    page += [(piece(t),) for t in (view.notice, *view.ending) if t is not None]
    return AidStep(
        number=number,
        stage_name=view.stage_name,
        stage=view.stage_label,
        title=piece(step.title) if step.title else None,
        guide_steps=tuple(piece(t, compact=True) for t in step.guide_steps),
        code=view.code,
        says=tuple((heading, tuple((piece(t),) for t in run))
                   for heading, run in says(view.guidance)),
        move=(piece(Text.by_simulator(describe(move))),) if move else None,
        page=tuple(page),
        controls=tuple(controls),
        screenshot=shot,
    )


def _page_texts(step: Step, names: tuple[Text, Text] | None
                ) -> tuple[list[Line], list[Piece]]:
    """The step's own texts on its page: paragraphs in the screens' order, then the
    controls; on the confirm page each name beside its label."""
    found: list[tuple[Loc, Text]] = [(loc, t) for loc, t in texts(step)
                                     if str(loc[0]) not in NOT_ON_PAGE]
    paragraphs = sorted((lt for lt in found if lt[0][0] in PARAGRAPHS),
                        key=lambda lt: PARAGRAPHS.index(str(lt[0][0])))
    page: list[Line] = [(chrome("Address"), piece(t, compact=True)) for loc, t in found
                        if loc[0] == ADDRESS]
    page += [(piece(t),) for _, t in paragraphs]
    labels = {str(loc[0]): t for loc, t in found if str(loc[0]) in NAME_LABELS}
    if isinstance(step, ConfirmStep) and names is not None:
        for label, name in zip((labels["cmecf_label"], labels["pacer_label"]), names,
                               strict=True):
            page.append((piece(label, compact=True), piece(name, compact=True)))
    controls = [piece(t, compact=True) for loc, t in found
                if loc[0] not in PARAGRAPHS and str(loc[0]) not in NAME_LABELS | {ADDRESS}]
    return page, controls
