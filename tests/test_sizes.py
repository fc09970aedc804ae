"""The package stays readable a piece at a time: no function over 80 lines, no class over
300, and the App (which holds the moment and shows it; its keys are `ecf_tui.keys`'
mixins) under 250. A length counts from the first decorator to the last line."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = (ROOT / "ecf_tui", ROOT / "screens")
MOST = {"function": 80, "class": 300}


def _lengths(path: Path) -> list[tuple[str, str, int]]:
    """(kind, place, lines) of every function and class in the file, nested included."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            assert node.end_lineno is not None
            kind = "class" if isinstance(node, ast.ClassDef) else "function"
            where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
            place = f"{where}:{node.lineno} {node.name}"
            found.append((kind, place, node.end_lineno - first + 1))
    return found


def _all() -> list[tuple[str, str, int]]:
    return [row for folder in FOLDERS for path in sorted(folder.rglob("*.py"))
            for row in _lengths(path)]


def test_no_function_over_80_lines_and_no_class_over_300() -> None:
    rows = _all()
    assert len(rows) > 500, "the walk found the package"
    over = [f"{place}: a {kind} of {lines} lines (at most {MOST[kind]})"
            for kind, place, lines in rows if lines > MOST[kind]]
    assert not over, "split these:\n" + "\n".join(over)


def test_the_app_holds_the_moment_in_under_250_lines() -> None:
    [app] = [lines for kind, place, lines in _lengths(ROOT / "ecf_tui" / "app.py")
             if kind == "class" and place.endswith(" EcfApp")]
    assert app < 250, f"EcfApp is {app} lines: move a feature's keys to ecf_tui/keys/"


def test_the_count_is_of_whole_definitions(tmp_path: Path) -> None:
    """The measure itself: decorators and the body's last line count."""
    module = tmp_path / "m.py"
    module.write_text("@staticmethod\n@other\ndef f():\n    x = 1\n\n    return x\n")
    assert _lengths(module)[0][2] == 6
