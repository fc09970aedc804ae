"""Accessibility: `run --theme NAME` over Textual's themes and our high-contrast one, whose
every text cell, on every kind of screen, stands at least 7:1 against its background
(WCAG AAA), measured on what the app draws. The same measure finds Textual's default
theme short of it (faded text), so it measures something. Meaning never rests on colour
alone: a mistake says so in words."""

from __future__ import annotations

import io
import os

import pytest
from rich.color import Color
from rich.segment import Segment
from textual.screen import ModalScreen

from ecf_tui.app import EcfApp, make_app
from ecf_tui.cli import main
from ecf_tui.ui.themes import HIGH_CONTRAST, names

from .test_any_size import _one_state_per_screen

AAA = 7.0


def _luminance(color: Color) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = color.get_truecolor()
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast(fg: Color, bg: Color) -> float:
    high, low = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def low_contrast_cells(app: EcfApp) -> list[tuple[float, str, str]]:
    """Each run of text drawn below 7:1, with its ratio. Under a dialog only the dialog
    counts: the page behind it is dimmed on purpose, not there to be read."""
    region = None
    if isinstance(app.screen, ModalScreen):
        region = app.screen.children[0].region
    strips = app.screen._compositor.render_strips()  # what the terminal is sent
    found = []
    for y, strip in enumerate(strips):
        x = 0
        for segment in strip:
            text, style = segment.text, segment.style
            width = Segment.get_line_length([segment])
            inside = region is None or region.contains(x, y)
            x += width
            if not text.strip() or style is None or not inside:
                continue
            fg, bg = style.color, style.bgcolor
            if style.reverse:
                fg, bg = bg, fg
            if fg is None or bg is None:
                continue
            ratio = contrast(fg, bg)
            if ratio < AAA:
                found.append((round(ratio, 2), text.strip(), f"{fg.name} on {bg.name}"))
    return found


async def _screens_below_aaa(reg, theme: str) -> dict[str, list[tuple[float, str, str]]]:
    """Every kind of screen of MSSB's paths (both dialogs among them), with the guide
    panel, and with a mistake explained: the cells below 7:1 on each."""
    app = make_app(reg, "MSSB", theme=theme)
    found: dict[str, list[tuple[float, str, str]]] = {}
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.theme == theme
        for state in _one_state_per_screen(reg, "MSSB"):
            app.show_state(state)
            await pilot.pause()
            found[state.step] = low_contrast_cells(app)
        # A mistake explained (guided mode): CM/ECF's login typed on the PACER page. It
        # says so in words, in every theme.
        app.show_state(next(s for s in _one_state_per_screen(reg, "MSSB")
                            if s.step == "pacer-login"), "cmecf-on-pacer-login")
        await pilot.pause()
        assert "That was a mistake" in "\n".join(
            strip.text for strip in app.screen._compositor.render_strips())
        found["pacer-login, a mistake"] = low_contrast_cells(app)
        await pilot.press("f2")  # the practice accounts, listed beside the page
        await pilot.pause()
        found["pacer-login + accounts"] = low_contrast_cells(app)
    return found


async def test_high_contrast_every_text_stands_7_to_1(reg) -> None:
    found = await _screens_below_aaa(reg, HIGH_CONTRAST.name)
    assert len(found) >= 8, found.keys()
    assert {step: cells for step, cells in found.items() if cells} == {}


async def test_the_default_theme_falls_short_so_the_measure_measures(reg) -> None:
    found = await _screens_below_aaa(reg, "textual-dark")
    assert any(found.values())


def test_a_theme_that_does_not_exist_lists_those_that_do() -> None:
    out, err = io.StringIO(), io.StringIO()
    os.environ.pop("ECF_TUI_PROFILES", None)
    code = main(["run", "MSSB", "--theme", "hi-contrast"], out, err)
    assert code == 2 and out.getvalue() == ""
    paragraph = err.getvalue()
    assert "no theme 'hi-contrast'" in paragraph and "--theme" in paragraph
    assert "high-contrast" in paragraph and "textual-light" in paragraph
    assert len(paragraph.strip().splitlines()) == 1


@pytest.mark.parametrize("theme", ["high-contrast", "textual-light", "nord"])
async def test_the_app_starts_in_the_theme_given(reg, theme: str) -> None:
    assert theme in names()
    app = make_app(reg, "CASB", theme=theme)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == theme
        assert app.current_theme.name == theme


async def test_high_contrast_shows_where_to_type(reg) -> None:
    """A field's box is the page's black there: a line in the text's colour under each
    field shows it, empty or not."""
    app = make_app(reg, "MSSB/happy/pacer-login", theme=HIGH_CONTRAST.name)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        fields = list(app.screen.query("CredentialForm Input"))
        assert len(fields) == 2
        strips = app.screen._compositor.render_strips()
        for field in fields:
            region = field.region
            under = strips[region.bottom - 1].crop(region.x, region.right)
            assert under.text.strip() and len(set(under.text)) == 1, under.text
            colours = {seg.style.color.get_truecolor() for seg in under
                       if seg.style is not None and seg.style.color is not None}
            assert colours == {(255, 255, 255)}, colours
