"""The functions an app offers to views, other apps and the API (its services, selectors, permissions and
presenters) are each called somewhere: one left behind when its last caller went keeps a second version of
a rule alive that nobody checks any more (company_label_links counted labels per company long after
matching had moved to labels per product)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "itkoop"
OFFERING = {"services", "selectors", "permissions", "presenters"}
# Methods a framework calls on the classes that override them (Django's query expressions, widgets).
FRAMEWORK_HOOKS = {"resolve_expression", "as_sql", "render", "get_context"}


def _offering_modules() -> list[Path]:
    return sorted(
        path
        for path in SRC.rglob("*.py")
        if path.stem in OFFERING or (path.parent.name in OFFERING and path.name != "__init__.py")
    )


def _names_used() -> set[str]:
    """Every name code reads (a name, an attribute, an import, a dotted path in a string) and every word of
    a template: a function is used when one of them is its name."""
    used: set[str] = set()
    for folder in (SRC, ROOT / "tests", ROOT / "bench"):
        for path in folder.rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            # A docstring that names a function is no call of it.
            prose = {
                id(node.value)
                for node in ast.walk(tree)
                if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
            }
            for node in ast.walk(tree):
                if isinstance(node, ast.Name):
                    used.add(node.id)
                elif isinstance(node, ast.Attribute):
                    used.add(node.attr)
                elif isinstance(node, ast.alias):
                    used.add(node.name.rsplit(".", 1)[-1])
                elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in prose:
                    used.update(re.findall(r"\w+", node.value))
    for path in SRC.rglob("*"):
        if path.suffix in {".html", ".txt"}:
            used.update(re.findall(r"\w+", path.read_text(encoding="utf-8")))
    return used


def _defined(path: Path) -> list[str]:
    """Module-level functions and the methods of module-level classes (not the double-underscore ones)."""
    names = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            names.append(node.name)
        elif isinstance(node, ast.ClassDef):
            names.extend(
                f"{node.name}.{item.name}"
                for item in node.body
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)
                and not item.name.startswith("__")
                and item.name not in FRAMEWORK_HOOKS
            )
    return names


def test_every_offered_function_has_a_caller():
    modules = _offering_modules()
    assert len(modules) > 20  # the scan found the apps' modules
    used = _names_used()
    unused = [
        f"{path.relative_to(SRC)}: {name}"
        for path in modules
        for name in _defined(path)
        if name.rsplit(".", 1)[-1] not in used
    ]
    assert not unused, "no caller: " + ", ".join(unused)
