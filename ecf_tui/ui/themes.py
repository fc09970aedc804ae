"""The simulator's colour themes: Textual's own, and a high-contrast one of ours.

Every stylesheet colours by the theme's variables ($text-muted, $accent, ...), so a
theme recolours every page. The high-contrast theme is white and yellow on black, with
rules under `.-theme-high-contrast` in the stylesheets of the widgets it changes: each
text at least 7:1 on its background (WCAG's AAA), which tests/test_themes.py measures
cell by cell on real screens. Meaning never rests on colour: a mistake says so in words
and a text's source is marked in text, in every theme.
"""

from __future__ import annotations

from textual.theme import BUILTIN_THEMES, Theme

from ecf_tui.court.errors import UserError

HIGH_CONTRAST = Theme(
    name="high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#00FFFF",
    warning="#FFFF00",
    error="#FF9090",
    success="#00FF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#000000",
    boost="#000000",
    dark=True,
    text_alpha=1.0,
    luminosity_spread=0.0,
    # Textual draws text in the colour that contrasts with its background (auto) faded to
    # 87%, secondary text to 60% and disabled to 38%: grey, unreadable for the people this
    # theme is for. Here all are whole; what they mean is said in words.
    variables={
        "text": "auto 100%",
        "text-muted": "auto 100%",
        "text-disabled": "auto 100%",
        # The dark shades are the court banner's and side panels' backgrounds.
        "primary-darken-1": "#000000",
        "primary-darken-2": "#000000",
        "primary-darken-3": "#000000",
        "primary-muted": "#000000",
        "accent-muted": "#000000",
        "warning-muted": "#000000",
        "error-muted": "#000000",
        "success-muted": "#000000",
        "border": "#FFFFFF",
        "border-blurred": "#FFFFFF",
        "footer-foreground": "#FFFFFF",
        "footer-background": "#000000",
        "footer-key-foreground": "#FFFF00",
        "footer-description-foreground": "#FFFFFF",
        "input-cursor-background": "#FFFFFF",
        "input-cursor-foreground": "#000000",
        "input-selection-background": "#FFFF00 40%",
        "block-cursor-background": "#FFFF00",
        "block-cursor-foreground": "#000000",
        "block-cursor-blurred-background": "#FFFFFF",
        "block-cursor-blurred-foreground": "#000000",
        "button-foreground": "#FFFFFF",
        "button-color-foreground": "#000000",
        "scrollbar": "#FFFFFF",
        "scrollbar-hover": "#FFFF00",
        "scrollbar-active": "#FFFF00",
        "scrollbar-background": "#000000",
        "scrollbar-corner-color": "#000000",
        "link-color": "#00FFFF",
        "link-background": "#000000",
        "link-color-hover": "#000000",
        "link-background-hover": "#00FFFF",
    },
)

OURS = (HIGH_CONTRAST,)


def names() -> list[str]:
    """Every theme `--theme` takes: ours first, then Textual's."""
    return [t.name for t in OURS] + sorted(BUILTIN_THEMES)


def check(name: str) -> str:
    """`name` if it is a theme; else the one-paragraph problem naming them all."""
    if name in names():
        return name
    raise UserError(f"no theme '{name}'.", place="--theme",
                    fix="give one of: " + ", ".join(names()) + ".")
