"""Each module-level name is bound once: a second binding (a constant defined again further down for
another rule, as need.py had) silently replaces the first for every function that reads it."""

import ast
from pathlib import Path

import pytest

import itkoop

PACKAGE = Path(itkoop.__file__).parent


def _bound_twice(source: str) -> list[str]:
    seen: dict[str, int] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names = [node.target.id]
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            names = [node.name]
        else:
            continue
        for name in names:
            seen[name] = seen.get(name, 0) + 1
    return sorted(name for name, count in seen.items() if count > 1)


@pytest.mark.parametrize("module", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_level_names_are_bound_once(module):
    assert _bound_twice(module.read_text(encoding="utf-8")) == []


def test_the_check_sees_a_second_binding():
    assert _bound_twice("_FOR = 1\ndef f():\n    return _FOR\n_FOR = 2\n") == ["_FOR"]
