"""Every write from the window goes through delegation_app.operations (read from the source).

The writing names are derived from the services, so a new writing method is covered without
editing this test: a method of a class in services/*.py writes when its body opens a transaction
(``<…>.db.write()``) or calls a writing method of its own class (``self.mark_done`` →
``self._set_done_on`` → ``self.db.write``); a module-level function there writes when it opens a
transaction. Private names (``_x``) are left out: the ui cannot reach them through a service.

The receivers flagged — the simple rule: an expression "is a service" when it is
- ``services.X`` or ``<anything>.services.X`` with X a field of Services (``self.services.people``,
  ``window.services.followups``);
- ``<anything>.service``, ``.bin``, ``.audit`` or ``.recycle_bin``: the names the ui gives a service
  it holds;
- a name or attribute the same module binds to one of those (``people = self.services.people``,
  ``self.followup_service = services.followups`` makes ``<…>.followup_service`` a service), or to
  ``services``/``<…>.services`` itself (``s = self.services`` makes ``s.visits`` a service);
- a parameter annotated with a service class (``def __init__(self, bin_: RecycleBin)``).
The raw database is out of reach altogether: ``.db``, ``._db`` or ``.engine`` read anywhere in ui/ is
flagged (``view.services.db.engine.connect()`` would write past every rule above).
A writing name read from a service is flagged whether it is called or handed on
(``self._write(self.services.agenda.delete, …)``). ``.write(…)`` called on anything is a
transaction and flagged too, and so is any use of a writing services function
(``copy_as_template``, ``import_json``, ``load_demo``).
"""

import ast
import dataclasses
from pathlib import Path

import delegation_app
from delegation_app.services.registry import Services

PACKAGE = Path(delegation_app.__file__).parent
SERVICE_FIELDS = {f.name for f in dataclasses.fields(Services)} - {"db"}
HELD_SERVICE_NAMES = {"service", "bin", "audit", "recycle_bin"}


def _opens_transaction(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "write"
        and isinstance(node.func.value, ast.Attribute | ast.Name)
        and (getattr(node.func.value, "attr", None) or getattr(node.func.value, "id", None)) == "db"
    )


def _self_calls(function: ast.FunctionDef) -> set[str]:
    return {
        n.func.attr
        for n in ast.walk(function)
        if isinstance(n, ast.Call)
        and isinstance(n.func, ast.Attribute)
        and isinstance(n.func.value, ast.Name)
        and n.func.value.id == "self"
    }


def writing_names() -> tuple[set[str], set[str]]:
    """(writing method names, writing module-level function names) of services/*.py."""
    methods: set[str] = set()
    functions: set[str] = set()
    for path in sorted((PACKAGE / "services").glob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and any(_opens_transaction(n) for n in ast.walk(node)):
                functions.add(node.name)
            if not isinstance(node, ast.ClassDef):
                continue
            defs = {f.name: f for f in node.body if isinstance(f, ast.FunctionDef)}
            writing = {name for name, f in defs.items() if any(_opens_transaction(n) for n in ast.walk(f))}
            while True:  # a method calling a writing method of its class writes too
                more = {name for name, f in defs.items() if name not in writing and _self_calls(f) & writing}
                if not more:
                    break
                writing |= more
            methods |= {name for name in writing if not name.startswith("_")}
    return methods, functions


def _is_services(node: ast.AST, aliases: set[str]) -> bool:
    if isinstance(node, ast.Name):
        return node.id == "services" or node.id in aliases
    return isinstance(node, ast.Attribute) and node.attr == "services"


def _is_service(
    node: ast.AST, services_aliases: set[str], service_aliases: set[str], held: frozenset[str] = frozenset()
) -> bool:
    if isinstance(node, ast.Name):
        return node.id in service_aliases
    if not isinstance(node, ast.Attribute):
        return False
    if node.attr in HELD_SERVICE_NAMES | held:
        return True
    return node.attr in SERVICE_FIELDS and _is_services(node.value, services_aliases)


def service_classes() -> set[str]:
    """The names of the classes in services/*.py: a parameter annotated with one holds a service."""
    return {
        node.name
        for path in (PACKAGE / "services").glob("*.py")
        for node in ast.parse(path.read_text("utf-8")).body
        if isinstance(node, ast.ClassDef) and node.name.endswith(("Service", "Bin", "Trail"))
    }


RAW_DATABASE = {"db", "_db", "engine"}


def offences(source: str, methods: set[str], functions: set[str]) -> list[str]:
    tree = ast.parse(source)
    services_aliases: set[str] = set()
    service_aliases: set[str] = set()
    held: set[str] = set()  # attributes the module sets to a service: self.x = services.people
    classes = service_classes()
    for node in ast.walk(tree):
        annotation = node.annotation if isinstance(node, ast.arg) else None
        if isinstance(node, ast.arg) and isinstance(annotation, ast.Name) and annotation.id in classes:
            service_aliases.add(node.arg)
    for _round in range(2):  # an alias of an alias
        for node in ast.walk(tree):
            if not isinstance(node, ast.Assign):
                continue
            for target in node.targets:
                value = node.value
                if isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple):
                    pairs = list(zip(target.elts, value.elts, strict=False))
                else:
                    pairs = [(target, value)]
                for one, source in pairs:
                    if isinstance(one, ast.Name) and _is_services(source, services_aliases):
                        services_aliases.add(one.id)
                    elif _is_service(source, services_aliases, service_aliases, frozenset(held)):
                        if isinstance(one, ast.Name):
                            service_aliases.add(one.id)
                        elif isinstance(one, ast.Attribute):
                            held.add(one.attr)
    imported = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("delegation_app.services")
        for alias in node.names
        if alias.name in functions
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "write":
            found.append(f"line {node.lineno}: opens a transaction (.write())")
        elif isinstance(node, ast.Attribute) and node.attr in RAW_DATABASE:
            found.append(f"line {node.lineno}: reaches the raw database ({ast.unparse(node)})")
        elif (
            isinstance(node, ast.Attribute)
            and node.attr in methods
            and _is_service(node.value, services_aliases, service_aliases, frozenset(held))
        ):
            found.append(f"line {node.lineno}: {ast.unparse(node)}")
        elif isinstance(node, ast.Name) and node.id in imported:
            found.append(f"line {node.lineno}: {node.id}")
    return found


def test_the_writing_names_are_found_in_the_services():
    methods, functions = writing_names()
    expected = {"create", "update", "delete", "move", "mark_done", "reopen", "restore", "empty"}
    assert expected | {"delete_for_good"} <= methods
    assert {"copy_as_template", "import_json", "load_demo"} <= functions


def test_the_rule_catches_what_the_review_found():
    methods, functions = writing_names()
    old_code = """
from delegation_app.services.templates import copy_as_template
class Tab:
    def log(self):
        with self.services.db.write():  # !
            created = self.services.contacts.create(entry)  # !
    def remove(self):
        delete = self.services.participations.delete  # !
        self._write(self.services.agenda.move, 1, 2, 3)  # !
        s = self.services
        people = s.people
        people.update(1, 2, data)  # !
        self.bin.restore(3)  # !
        copy_as_template(self.services, 4)  # !
    def __init__(self, services, bin_: RecycleBin):
        self.followup_service = services.followups
        self.a, self.b = self.services.people, 1
    def sneaky(self, bin_: RecycleBin):
        self.followup_service.delete(1, 2)  # !
        self.a.update(1, 2, data)  # !
        bin_.empty()  # !
        view.services.db.engine.connect()  # !
    def fine(self):
        self.table.update()
        self.form.restore(draft)
        self.services.people.get(1)
        widget.move(3, 4)
"""
    flagged = {int(hit.split(":")[0].removeprefix("line ")) for hit in offences(old_code, methods, functions)}
    marked = {n for n, line in enumerate(old_code.splitlines(), start=1) if line.endswith("# !")}
    assert flagged == marked


def test_ui_modules_write_only_through_operations():
    methods, functions = writing_names()
    found = {
        str(path.relative_to(PACKAGE)): hits
        for path in sorted((PACKAGE / "ui").rglob("*.py"))
        if (hits := offences(path.read_text("utf-8"), methods, functions))
    }
    assert found == {}
