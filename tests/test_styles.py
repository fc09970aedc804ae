"""One CSS story: the App loads every stylesheet up front; no screen or widget declares
CSS_PATH or DEFAULT_CSS; each stylesheet sits beside its screen or widget module and
every rule in it is scoped to that module's class, so a class name in one screen cannot
restyle another; no selector is styled twice."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WIDGETS = ROOT / "ecf_tui" / "widgets"
SHEETS = sorted([*(ROOT / "screens").glob("*.tcss"), *WIDGETS.glob("*.tcss")])
BREAKPOINT = re.compile(r"^(\.-[a-z-]+\s+)+")  # state classes on the App or the screen


def rules(sheet: Path) -> list[str]:
    """The selectors of a stylesheet, one per comma-separated part."""
    text = re.sub(r"/\*.*?\*/", "", sheet.read_text(), flags=re.S)
    heads = re.findall(r"([^{}]+)\{[^{}]*\}", text)
    return [part.strip() for head in heads for part in head.split(",")]


def classes(module: Path) -> set[str]:
    return {n.name for n in ast.walk(ast.parse(module.read_text())) if isinstance(n, ast.ClassDef)}


def test_the_app_loads_every_stylesheet() -> None:
    from ecf_tui.app import EcfApp

    assert sorted(Path(p) for p in EcfApp.CSS_PATH) == SHEETS


def test_no_screen_or_widget_brings_its_own_css() -> None:
    modules = [*(ROOT / "screens").glob("*.py"), *WIDGETS.glob("*.py")]
    for module in modules:
        for node in ast.walk(ast.parse(module.read_text())):
            if isinstance(node, ast.Assign):
                names = {t.id for t in node.targets if isinstance(t, ast.Name)}
                assert not names & {"CSS_PATH", "DEFAULT_CSS", "CSS"}, module.name


def test_every_rule_is_scoped_to_its_modules_class() -> None:
    for sheet in SHEETS:
        module = sheet.with_suffix(".py")
        assert module.is_file(), f"{sheet.name} has no module beside it"
        owners = classes(module)
        for selector in rules(sheet):
            first = re.split(r"[\s.#:]", BREAKPOINT.sub("", selector), maxsplit=1)[0]
            assert first in owners, f"{sheet.name}: '{selector}' is not scoped to {owners}"


def test_no_selector_is_styled_twice() -> None:
    seen: dict[str, str] = {}
    for sheet in SHEETS:
        for selector in rules(sheet):
            key = " ".join(selector.split())
            assert key not in seen, f"'{key}' in {sheet.name} and {seen[key]}"
            seen[key] = sheet.name
