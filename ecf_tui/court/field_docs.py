"""Provides the docstring under each field of a model, read from its source: what the
JSON Schemas give an editor as each key's description, and what a missing key's or
table's problem says goes there.

pydantic's `use_attribute_docstrings` reads them as each model class is created, at
import: that doubled `ecf_tui.court.profile`'s own import time. Here they are read only
when asked for (a schema built, a problem worded), each module parsed once.
"""

from __future__ import annotations

import ast
import inspect
import re
import sys
from functools import cache

from pydantic import BaseModel


def field_docs(model: type[BaseModel]) -> dict[str, str]:
    """The docstring under each field of `model`, its bases' included."""
    docs: dict[str, str] = {}
    for cls in reversed(model.__mro__):
        if isinstance(cls, type) and issubclass(cls, BaseModel) and cls is not BaseModel:
            docs.update(_own_docs(cls))
    return docs


def brief(doc: str) -> str:
    """A docstring's first clause, without its full stop, for a one-paragraph problem:
    "How to recover, or what to do instead." as "how to recover, or what to do instead";
    a first word in capitals ("PACER accounts by id") keeps them."""
    first = re.split(r"(?<=[.;:])\s", " ".join(doc.split()), maxsplit=1)[0].rstrip(".;:")
    if len(first) > 1 and first[0].isupper() and not first[1].isupper():
        first = first[0].lower() + first[1:]
    return first


def _own_docs(cls: type[BaseModel]) -> dict[str, str]:
    node = _class_nodes(cls.__module__).get(cls.__qualname__)
    if node is None:
        return {}
    docs: dict[str, str] = {}
    for statement, after in zip(node.body, node.body[1:], strict=False):
        if (isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)
                and isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)):
            docs[statement.target.id] = inspect.cleandoc(after.value.value)
    return docs


@cache
def _class_nodes(module: str) -> dict[str, ast.ClassDef]:
    """Every class statement of a module by qualified name; the module is parsed once
    (`inspect.getsource` of a class parses its whole module each time)."""
    found: dict[str, ast.ClassDef] = {}

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                found[prefix + child.name] = child
                visit(child, f"{prefix}{child.name}.")
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                visit(child, f"{prefix}{child.name}.<locals>.")

    visit(ast.parse(inspect.getsource(sys.modules[module])), "")
    return found
