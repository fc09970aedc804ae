"""Provides what a profile says where its guide is silent: a part the flow needs that the
guide never speaks of (how to refresh the menus, the names of the full menus) is named
in the profile's `silent` list, and the simulator's default fills it, in the
simulator's words and marked so, each saying that the guide does not say. `validate`
reports each as a warning with its line, not an error, and the job aid and the help
desk's panel show the simulator's words for it."""

from __future__ import annotations

from typing import Any, Literal, get_args

SilentPart = Literal["refresh", "menu_bar.full"]
SILENT_PARTS: tuple[SilentPart, ...] = get_args(SilentPart)

SAID = {
    "refresh": "the guide does not say how to refresh the menus after linking; the "
               "simulator's default is used: any menu item but Log Out refreshes them",
    "menu_bar.full": "the guide does not name the full menus; the simulator's default is "
                     "used: the limited menu's items, with 'Filing menus' before them",
}
"""What `validate` warns of each silent part."""


def _simulator(text: str) -> dict[str, str]:
    return {"text": text, "source": "simulator"}


def fill(raw: dict[str, Any]) -> dict[str, Any]:
    """The raw profile (its base merged in) with the simulator's default in each part its
    `silent` list names, in place of what it had there (a base's words are another
    court's guide's, not this one's); a name that is no part is left for the schema to
    report. How the menus refresh (`menu_items`, `ways`) stays where the profile gives
    it: a guide may show the way without saying it."""
    silent = raw.get("silent")
    if not isinstance(silent, list):
        return raw
    if "refresh" in silent:
        refresh = dict(raw.get("refresh") or {})
        refresh["instruction"] = [_simulator(
            "The guide does not say how to refresh the menus. In the simulator, click any "
            "menu item but Log Out: the full menus then appear.")]
        if not refresh.get("menu_items") and not refresh.get("ways"):
            refresh["menu_items"] = ["*"]
        raw = {**raw, "refresh": refresh}
    bar = raw.get("menu_bar")
    if "menu_bar.full" in silent and isinstance(bar, dict):
        limited = [item for item in bar.get("limited", []) if item is not None]
        full = [_simulator("Filing menus"), *limited]
        raw = {**raw, "menu_bar": {**bar, "full": full}}
    return raw
