"""Provides StepScreen, the frame every step screen shares: court banner, simulator
notice, step indicator, the page (with the menu bar on CM/ECF pages), the guide
panel and the footer. The frame puts the notice, the page title and the body on the
page; a step screen composes what its kind adds."""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Input

from ecf_tui.court.profile import Step
from ecf_tui.ui.textual_private import FreshScreen
from ecf_tui.view import View
from ecf_tui.widgets import (
    Arrived,
    Chose,
    CourtBanner,
    DemoCaption,
    GuidePanel,
    KeysFooter,
    MenuBar,
    PageText,
    SimulatorNotice,
    StepIndicator,
    mark_advised,
    texts,
)
from ecf_tui.widgets.arrival import arrival_control

StepT = TypeVar("StepT", bound=Step)


class PageColumn(Vertical):
    """The court's page and what stays under it, as the screen composes them: on the next
    state of the same step kind, only this is composed again (with the parts of the
    frame whose View changed)."""

    def __init__(self, screen: StepScreen[Any]) -> None:
        super().__init__(id="page-column")
        self._step_screen = screen

    def compose(self) -> ComposeResult:
        return self._step_screen.compose_column()


class StepScreen(FreshScreen, Generic[StepT]):
    """Renders a View; every choice the user makes leaves as a `Chose` message."""

    AUTO_FOCUS: ClassVar[str | None] = ""  # none: focus_first puts focus where it arrives
    BINDINGS: ClassVar[list[BindingType]] = [
        # Focus sits on a field or button, which do not scroll: the page keys scroll the
        # page (the front matter, a long notice) from wherever focus is.
        Binding("pagedown", "scroll_page(1)", "Page down", show=False),
        Binding("pageup", "scroll_page(-1)", "Page up", show=False),
        # Up and Down too, from controls outside the page (the menu bar, the front page's
        # Begin under it); the page's own controls reach its own bindings first, and a
        # focused side panel scrolls itself.
        Binding("down", "scroll_line(1)", "Line down", show=False),
        Binding("up", "scroll_line(-1)", "Line up", show=False),
    ]
    BODY_CLASSES: ClassVar[str] = ""
    """Classes for the step's body paragraphs (a success message, a stop)."""
    NOTICE_AT_FORM: ClassVar[bool] = False
    """Whether the engine's notice stands just above the page's form (a failed login's
    message next to the fields it is about) rather than at the top of the page."""

    def __init__(self, view: View, panel: View | None = None, *,
                 offstage: bool = False) -> None:
        super().__init__()
        self.view = view
        self.panel_view = panel or view
        """Whose guidance the side panel shows: this page's, or a dialog's over it."""
        self.offstage = offstage
        """Made ready before its key (`ui/next_screens.py`): focused as it mounts, it
        arrives when it is first shown."""

    @property
    def page(self) -> StepT:
        """The step's profile, of the kind this screen shows (the App maps kinds)."""
        return cast(StepT, self.view.step)

    def compose(self) -> ComposeResult:
        yield CourtBanner(self.view.court)
        yield SimulatorNotice()
        yield StepIndicator(self.view)
        if self.view.menu_bar is not None:
            yield MenuBar(self.view.menu_bar)
        with Horizontal(id="body"):
            yield PageColumn(self)
            yield GuidePanel(self.panel_view)
        if self.view.demo_next is not None:
            yield DemoCaption(self.view)
        yield KeysFooter()

    def compose_column(self) -> ComposeResult:
        """The page (it scrolls) and what stays under it."""
        self._drawn = self.page_shows(self.view)
        # Not a stop of the Tab cycle, nor focused by a click on its background (which
        # would take focus from the field a password manager is about to type into): the
        # page keys scroll it from wherever focus is, and the arrows from its controls.
        with VerticalScroll(id="page", can_focus=False):
            if not self.NOTICE_AT_FORM:
                yield from self.compose_notice()
            yield from self.compose_top()
            if self.page.title is not None:
                yield PageText(self.page.title, classes="page-title")
            yield from self.compose_intro()
            yield from texts(self.page.body, classes=self.BODY_CLASSES)
            yield from self.compose_page()
        yield from self.compose_foot()

    def compose_notice(self) -> ComposeResult:
        """The engine's notice for this state, if any."""
        if self.view.notice is not None:
            yield PageText(self.view.notice, classes="notice")

    def compose_top(self) -> ComposeResult:
        """What comes above the page title (a browser's address bar)."""
        yield from ()

    def compose_intro(self) -> ComposeResult:
        """What comes between the title and the body (a heading, a banner)."""
        yield from ()

    def compose_page(self) -> ComposeResult:
        """What the step's kind adds under the body (fields, links, buttons)."""
        yield from ()

    def compose_foot(self) -> ComposeResult:
        """What stays in sight under the page while it scrolls (the front page's Begin)."""
        yield from ()

    @staticmethod
    def page_shows(view: View) -> tuple[object, ...]:
        """What of a View the page column draws: the same for two Views (the same state
        with other coaching: a hint, the help desk's panel, the demo stopped), the page
        is left as it is, fields typed in and focus where it was."""
        return (view.step_id, view.step, view.notice, view.about, tuple(view.offered),
                view.names, view.checked, view.email_label, view.clear_cache_label,
                view.ending, view.cmecf_banner, view.outcome)

    def show(self, view: View, panel: View | None = None) -> bool:
        """Show the next state of this screen's kind (a notice, a cleared form, the next
        site page), and in the panel this View's guidance or `panel`'s. True where the
        page is composed again: it posts `Arrived` once its first control has focus."""
        menu_bar_changed = view.menu_bar != self.view.menu_bar
        self.view = view
        self.panel_view = panel or view
        if menu_bar_changed:
            self.refresh(recompose=True)
            self.call_after_refresh(self.focus_first)
            return True
        self.call_later(self._compose_again)
        return self.page_shows(view) != self._drawn

    _drawn: tuple[object, ...] = ()
    """What the page column was last composed from (`page_shows`)."""

    async def _compose_again(self) -> None:
        """Compose again only what differs from what is drawn: the page where what it
        draws changed, the step indicator and the side panel where their parts changed
        (each compared with the View it was composed with, so two states shown before
        this runs are one change). The court banner, the notice, the menu bar and the
        footer stay: every widget composed costs the same to style and lay out, and a
        step's time was mostly that."""
        await self.frame_follows()
        if self.page_shows(self.view) == self._drawn:
            mark_advised(self, self.view.advised)
            return
        # The same form again (a failed login, with its notice): the login stays typed,
        # as on the court's page; focus selects it, so a second auto-type replaces it.
        same_page = self._drawn[:1] == (self.view.step_id,)
        kept = {f.id: f.value for f in self.query(Input) if not f.password} if same_page else {}
        await self.query_one(PageColumn).recompose()
        for field in self.query(Input):
            if field.id in kept:
                field.value = kept[field.id]
        self.focus_first()

    async def frame_follows(self) -> None:
        """Compose again the step indicator, the demo's caption and the side panel where
        what they draw of the View changed (a mistake explained, a hint, the tally, the
        demo's next move)."""
        for part in (self.query_one(StepIndicator), *self.query(DemoCaption)):
            if part.shows(part.view) != part.shows(self.view):
                part.view = self.view
                await part.recompose()
        panel = self.query_one(GuidePanel)
        if panel.shows(panel.view) != panel.shows(self.panel_view):
            panel.view = self.panel_view
            await panel.recompose()

    def _first_control(self) -> Widget | None:
        """Where focus arrives (widgets/arrival.py): the guide's next move, else the first
        field, else the first control that is not a mistake."""
        return arrival_control(self.focus_chain, self.view)

    def focus_first(self) -> None:
        """Focus the page's arrival control (and, guided, highlight the guide's), and
        arrive."""
        self._focus_arrival()
        self._arrive()

    def _focus_arrival(self) -> None:
        mark_advised(self, self.view.advised)
        first = self._first_control()
        if first is not None:
            # At once, not at the next message: the page scrolls to where focus is.
            self.set_focus(first, scroll_visible=False)

    def _arrive(self) -> None:
        self.call_after_refresh(self._notice_in_sight)
        self.post_message(Arrived(self))  # keys typed while it came up go on now

    def on_mount(self) -> None:
        # Off stage: the focus and the highlight while the App is idle; the arrival
        # (keys held for it go on) when it is shown.
        self.call_after_refresh(self._focus_arrival if self.offstage else self.focus_first)

    def on_screen_resume(self) -> None:
        if self.offstage:
            self.offstage = False
            self._arrive()

    def _notice_in_sight(self, tries: int = 3) -> None:
        # The engine's notice starts the visible page, so the form it is about shows under
        # it, rather than the focused field pushing the notice out of sight; else the
        # focused control stands mid-page, with the buttons under it in sight too.
        page = self.query_one("#page", VerticalScroll)
        notices = self.query(".notice")
        focused = self.focused
        target = notices.first() if notices else focused
        if target is not None and not target.region and tries:
            # Not laid out yet (the page was just composed again): once more after the next
            # refresh, when its place is known.
            self.call_after_refresh(self._notice_in_sight, tries - 1)
            return
        if notices:
            page.scroll_to_widget(notices.first(), top=True, animate=False)
        elif focused is not None and page in focused.ancestors:
            page.scroll_to_center(focused, animate=False)

    def action_scroll_line(self, direction: int) -> None:
        self._scroll_page_by(direction)

    def action_scroll_page(self, direction: int) -> None:
        page = self.query_one("#page", VerticalScroll)
        self._scroll_page_by(direction * page.scrollable_content_region.height)

    def _scroll_page_by(self, rows: int) -> None:
        self.query_one("#page", VerticalScroll).scroll_relative(y=rows, animate=False)

    def choose(self, action_id: str) -> None:
        """Post the offered action with this id; nothing when the engine offers none."""
        action = self.view.action(action_id)
        if action is not None:
            self.post_message(Chose(action))
