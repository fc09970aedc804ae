"""Screens decide nothing: a step screen imports only Textual (and Rich), the engine's
public types, the view, the widgets and the shared step frame; never another screen.
The App alone maps a state to a screen."""

from __future__ import annotations

import ast
from pathlib import Path

SCREENS = Path(__file__).resolve().parents[1] / "screens"
ALLOWED = ("textual", "rich", "__future__", "typing", "dataclasses", "collections.abc",
           "ecf_tui.engine", "ecf_tui.profile", "ecf_tui.view", "ecf_tui.widgets",
           "ecf_tui.screens.step")


def imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            found.append(node.module or "")
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
    return found


def test_screens_import_only_the_engine_widgets_and_textual() -> None:
    modules = sorted(SCREENS.glob("*.py"))
    assert len(modules) >= 14
    for module in modules:
        for name in imports(module):
            assert name.startswith(ALLOWED), f"{module.name} imports {name}"
            if name.startswith("ecf_tui.screens"):
                assert name == "ecf_tui.screens.step", f"{module.name} imports {name}"


def test_each_step_kind_has_its_own_screen() -> None:
    from ecf_tui.profile import STEP_KINDS
    from ecf_tui.screen_map import SCREEN_FOR_KIND

    assert set(SCREEN_FOR_KIND) == set(STEP_KINDS)
    assert len(set(SCREEN_FOR_KIND.values())) == len(STEP_KINDS), "one screen per kind"
