"""Find every string marked for translation in the package source (AST, no import needed)."""

import ast
from pathlib import Path

import delegation_app

PACKAGE_DIR = Path(delegation_app.__file__).parent
MARKERS = {"_": (0,), "N_": (0,), "ngettext": (0, 1)}


def marked_strings() -> dict[str, list[str]]:
    """Each marked literal with the places it is used, e.g. {"Visits": ["ui/main_window.py:41"]}."""
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        if path.name.startswith("catalog_"):
            continue
        tree = ast.parse(path.read_text("utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            for position in MARKERS.get(node.func.id, ()):
                if position < len(node.args):
                    arg = node.args[position]
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        where = f"{path.relative_to(PACKAGE_DIR)}:{node.lineno}"
                        found.setdefault(arg.value, []).append(where)
    return found
