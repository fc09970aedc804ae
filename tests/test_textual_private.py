"""Every use of Textual's private API (ecf_tui/ui/textual_private.py) still has the shape
the module relies on. A Textual upgrade that changes one fails here, by name."""

from __future__ import annotations

import inspect
import re

import textual
from textual import constants
from textual.app import App
from textual.screen import Screen

from ecf_tui.app import EcfApp, make_app
from ecf_tui.qa.driver import capture
from ecf_tui.ui.textual_private import CrashReport, ReportsCrashes


def test_the_textual_release_is_the_one_checked() -> None:
    assert re.match(r"8\.2\.\d+$", textual.__version__), (
        "textual_private.py was checked against Textual 8.2; check each use against "
        f"{textual.__version__} and widen pyproject's pin")


def test_handle_exception_still_renders_rich_errors_through_panic() -> None:
    handler = App._handle_exception
    assert list(inspect.signature(handler).parameters) == ["self", "error"]
    source = inspect.getsource(handler)
    assert 'hasattr(error, "__rich__")' in source and "self.panic(error)" in source
    assert ReportsCrashes._handle_exception.__qualname__ == "ReportsCrashes._handle_exception"
    assert CrashReport("report").__rich__() == "report"


def test_log_file_and_features_are_where_textual_reads_them() -> None:
    assert hasattr(constants, "LOG_FILE")
    assert "constants.LOG_FILE" in inspect.getsource(textual)
    app = App[None]()
    assert isinstance(app.features, frozenset)


def test_register_close_all_and_prune_keep_the_shape_the_ready_screens_use() -> None:
    # A screen on no stack is started as switch_screen starts one (App._get_screen), and
    # the stacks' screens are pruned in _close_all, the other nodes only closed.
    assert "self._register(self, _screen)" in inspect.getsource(App._get_screen)
    assert list(inspect.signature(App._register).parameters)[:3] == ["self", "parent",
                                                                     "widgets"]
    close_all = inspect.getsource(App._close_all)
    assert "await self._prune(stack_screen)" in close_all
    assert "_close_messages()" in close_all
    assert inspect.iscoroutinefunction(App._close_all)


def test_compositor_render_update_and_background_screens_keep_their_shape() -> None:
    from textual._compositor import Compositor

    assert "self._compositor = Compositor()" in inspect.getsource(Screen.__init__)
    params = inspect.signature(Compositor.render_update).parameters
    assert {"full", "screen_stack"} <= set(params)
    assert isinstance(inspect.getattr_static(App, "_background_screens"), property)


async def test_the_private_render_draws_the_same_picture_as_the_public_export(reg) -> None:
    app = make_app(reg, "CANB/happy/link-form")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        svg, _ = capture(app)
        public = re.sub(r',?\s*url\("https?://[^"]*"\)\s*format\("[^"]*"\)', "",
                        app.export_screenshot())
        strip_ids = re.compile(r"terminal-\d+")
        assert strip_ids.sub("", svg) == strip_ids.sub("", public)


def test_screen_resume_still_reads_refresh_styles_after_each_classs_handler() -> None:
    """FreshScreen sets `refresh_styles` in its own `_on_screen_resume`, which Textual
    calls before Screen's (each class's handler, subclass first), where it is read."""
    from textual import events
    from textual.message_pump import MessagePump

    source = inspect.getsource(Screen._on_screen_resume)
    assert "if event.refresh_styles:" in source and "self.update_node_styles(" in source
    assert events.ScreenResume().refresh_styles is True
    assert "__mro__" in inspect.getsource(MessagePump._get_dispatch_methods)


async def test_a_fresh_screen_is_styled_once_and_has_its_breakpoint_from_the_start(
        reg) -> None:
    """A step's new screen starts with the App's breakpoint class and is not restyled
    whole as it comes up (a walk of MSSB applied styles 2,430 times; now under half)."""
    from textual.css.stylesheet import Stylesheet

    from ecf_tui import engine
    from ecf_tui.qa.driver import perform, settled

    # Counting the walk's own screens: none made ready off stage beside them.
    app = EcfApp(reg, "MSSB", ready_next=False)
    applied = 0
    original = Stylesheet.apply

    def counting(self, node, *args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal applied
        applied += 1
        return original(self, node, *args, **kwargs)

    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot, app)
        Stylesheet.apply = counting  # type: ignore[method-assign]
        try:
            steps = 0
            while (action := engine.advice(app.profile, app.state)) is not None:
                await perform(pilot, app, action, how="code")
                await settled(pilot, app)
                assert app.screen.has_class("-wide") and not app.screen.has_class("-narrow")
                steps += 1
        finally:
            Stylesheet.apply = original  # type: ignore[method-assign]
    assert steps == 13 and applied < 1300, applied


def test_compositor_refresh_still_renders_the_top_screen_and_clears_its_dirt() -> None:
    """`unpainted` stands in for `Screen._compositor_refresh`'s top-screen branch: it
    renders the update for the terminal, then clears the dirty widgets (and the
    compositor's dirty regions, which the render consumes)."""
    source = inspect.getsource(Screen._compositor_refresh)
    assert "self._compositor.render_update(" in source
    assert "self._dirty_widgets.clear()" in source
    assert "self._compositor._dirty_regions" in source
    assert list(inspect.signature(Screen._compositor_refresh).parameters) == ["self"]


async def test_an_unpainted_app_reads_the_same_pages_and_textual_paints_again_after(reg) -> None:
    """QA's Apps skip Textual's own render of each update; the pages QA reads (and
    captures) are the same as a painted App's, move after move; outside the block
    Textual paints again."""
    from ecf_tui.flows import graph
    from ecf_tui.qa.driver import perform, screen_text, settled
    from ecf_tui.ui.textual_private import unpainted

    original = Screen._compositor_refresh

    async def pages() -> list[str]:
        app = make_app(reg, "CASB")
        flow = graph.of(reg.load("CASB"))
        seen = []
        async with app.run_test(size=(80, 24)) as pilot:
            for edge in graph.paths(flow)[0].edges[:4]:
                await settled(pilot, app)
                seen.append(screen_text(app))
                await perform(pilot, app, edge.action, how="code")
        return seen

    painted = await pages()
    with unpainted():
        assert Screen._compositor_refresh is not original
        quiet = await pages()
    assert Screen._compositor_refresh is original
    assert quiet == painted and len(set(quiet)) == 4


async def test_the_running_theme_is_read_from_the_context_widget_app_reads(reg) -> None:
    """`running_theme` answers while an App's widgets are made, and None outside one."""
    from textual._context import active_app

    from ecf_tui.ui.textual_private import running_theme

    assert running_theme() is None
    app = make_app(reg, "CASB", theme="nord")
    async with app.run_test() as pilot:
        await pilot.pause()
        assert active_app.get() is app
        assert running_theme() == "nord"
