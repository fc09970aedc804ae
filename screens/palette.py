"""Provides Palette: Textual's command palette (switch court, open a scenario, jump to a
step; the App lists the commands), kept from crashing in a window a few columns wide by
a minimum width in palette.tcss."""

from __future__ import annotations

from textual.command import CommandPalette


class Palette(CommandPalette):
    """Textual's CommandPalette, under a name this project's stylesheet can own."""
