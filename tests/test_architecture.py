"""The rooms of the house: which package may import what (read from the source, not by importing)."""

import ast
from pathlib import Path

import delegation_app

PACKAGE = Path(delegation_app.__file__).parent
QT_ALLOWED = {"ui", "app.py"}
# package (first path part) -> top-level delegation_app sub-packages it must not import
FORBIDDEN = {
    "domain": {"storage", "services", "operations", "ui", "reports", "cli", "app"},
    "storage": {"services", "operations", "ui", "reports", "cli", "app"},
    "services": {"operations", "ui", "reports", "cli", "app"},
    "operations": {"ui", "cli", "app"},
    "i18n": {"storage", "services", "operations", "ui", "reports", "cli", "app"},
    "reports": {"storage", "operations", "ui", "cli", "app"},
    "ui": {"storage.engine", "storage.writer", "storage.jsonio", "cli"},
}


def imports_of(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path.relative_to(PACKAGE), imports_of(path)


def test_qt_only_in_ui_and_the_composition_root():
    offenders = [
        str(rel)
        for rel, names in modules()
        if rel.parts[0] not in QT_ALLOWED and any(n.split(".")[0] == "PySide6" for n in names)
    ]
    assert offenders == []


def test_dependencies_point_downwards():
    offenders = []
    for rel, names in modules():
        banned = FORBIDDEN.get(rel.parts[0], set())
        for name in names:
            inner = name.removeprefix("delegation_app.")
            if name.startswith("delegation_app.") and any(
                inner == b or inner.startswith(b + ".") for b in banned
            ):
                offenders.append(f"{rel} imports {name}")
    assert offenders == []


def test_the_ui_runs_no_sql():
    offenders = [
        str(rel)
        for rel, names in modules()
        if rel.parts[0] == "ui"
        and any(n.split(".")[0] in {"sqlalchemy", "sqlmodel", "sqlite3"} for n in names)
    ]
    assert offenders == []


def test_modules_stay_small():
    sizes = {str(rel): len(path.read_text("utf-8").splitlines()) for rel, path in
             ((p.relative_to(PACKAGE), p) for p in PACKAGE.rglob("*.py"))
             if "migrations" not in rel.parts and not rel.name.startswith("catalog_")}  # fmt: skip
    assert {name: n for name, n in sizes.items() if n > 400} == {}
