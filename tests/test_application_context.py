"""One application context: ui/ gets storage's services through it and never imports storage;
the settings file is read once per start, by the context's store (read from the source)."""

import ast
from pathlib import Path

import delegation_app

PACKAGE = Path(delegation_app.__file__).parent


def module_name(path: Path) -> str:
    return ".".join(("delegation_app", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(
        ".__init__"
    )


def imported_modules(path: Path, source: str | None = None) -> set[str]:
    """Every module the file imports: at the top, inside functions, under ``if TYPE_CHECKING``,
    relative imports resolved. ``source``: read instead of the file (a probe posing as ``path``)."""
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    names = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8") if source is None else source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)  # `from x import storage`
    return names


def test_the_scan_sees_imports_inside_functions_and_type_checking_blocks():
    probe = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from delegation_app.storage.database import Database\n"
        "def later():\n    import delegation_app.storage.paths\n"
        "from ... import storage\n"
    )
    found = imported_modules(PACKAGE / "ui" / "common" / "probe.py", probe)
    storage = "delegation_app.storage"
    assert {f"{storage}.database", f"{storage}.paths", storage} <= found


def test_no_module_under_ui_imports_storage():
    offenders = []
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        storage = sorted(
            name
            for name in imported_modules(path)
            if name == "delegation_app.storage" or name.startswith("delegation_app.storage.")
        )
        if storage:
            offenders.append(f"{rel} imports {', '.join(storage)}")
    assert offenders == []


def calls_of(path: Path, function: str) -> int:
    count = 0
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Call):
            callee = node.func
            name = callee.id if isinstance(callee, ast.Name) else getattr(callee, "attr", None)
            count += name == function
        elif isinstance(node, ast.ImportFrom) and any(
            a.name == function and a.asname not in (None, function) for a in node.names
        ):
            count += 1  # imported under another name: assume it is called
    return count


def call_sites(function: str, *, besides: str) -> dict[str, int]:
    return {
        rel: n
        for path in PACKAGE.rglob("*.py")
        if (rel := path.relative_to(PACKAGE).as_posix()) != besides and (n := calls_of(path, function))
    }


def test_only_the_settings_store_reads_the_settings_file():
    assert call_sites("load_settings", besides="storage/settings.py") == {"user_files.py": 1}


def test_the_entry_builds_the_one_settings_store_of_a_start():
    # startup.py and ui/ are handed the store app.py made; none makes another.
    assert call_sites("SettingsStore", besides="user_files.py") == {"app.py": 1}


def test_the_commands_never_import_the_entry_or_the_window():
    imported = imported_modules(PACKAGE / "cli.py")
    assert not [name for name in imported if name.startswith(("delegation_app.app", "delegation_app.ui"))]


def test_no_two_modules_import_each_other_round_a_cycle():
    """Function-level imports count too: they hid app.py ⇄ cli.py and prompts ⇄ start_failure."""
    paths = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = {n: {m for m in imported_modules(path) if m in paths and m != n} for n, path in paths.items()}
    cycles, done = [], set()

    def visit(name: str, trail: list[str]) -> None:
        if name in trail:
            cycles.append([*trail[trail.index(name) :], name])
            return
        if name in done:
            return
        for imported in sorted(graph[name]):
            visit(imported, [*trail, name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])
    assert cycles == []
