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
import importlib
import inspect
import pkgutil
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
    """(writing method names, writing module-level function names) of services/*.py and
    interchange/*.py (the JSON import moved there from services)."""
    methods: set[str] = set()
    functions: set[str] = set()
    for path in sorted([*(PACKAGE / "services").glob("*.py"), *(PACKAGE / "interchange").glob("*.py")]):
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


# --- every operation is run by the window's OperationRunner --------------------------------------
#
# The runner decides the thread and shows a refusal; a ui module that calls an operation itself
# bypasses both (and grows its own try/except DomainError). So a function from
# delegation_app.operations may be used in ui/ only as what the runner is handed:
# - called only inside a lambda given to ``.now(…)`` / ``.in_background(…)``
#   (``runner.now(self, lambda s: save_quote(s, data))``);
# - otherwise named only as an argument of ``.now(…)`` / ``.in_background(…)`` or as the first
#   argument of ``partial(…)`` with keyword arguments only: the runner passes the services as the
#   first argument, so a positional one would be the ui handing over the services itself.
# A partial kept in a variable or passed through a helper of the widget still reaches the runner
# that way: called, it would need the services, which only the runner gives.

RUNNER_METHODS = {"now", "in_background"}
OPERATIONS = "delegation_app.operations"


def operation_functions() -> dict[str, set[str]]:
    """Module name → the functions it offers (its classes, RecordKind or LoggedContact, are data)."""
    package = importlib.import_module(OPERATIONS)
    found = {}
    for module_info in pkgutil.iter_modules(package.__path__):
        name = f"{OPERATIONS}.{module_info.name}"
        module = importlib.import_module(name)
        found[name] = {n for n, obj in vars(module).items() if inspect.isfunction(obj)}
    return found


def _runner_call(node: ast.AST | None) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in RUNNER_METHODS
    )


def _is_partial(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Call) and ast.unparse(node.func) in {"partial", "functools.partial"}


def runner_offences(source: str, functions: dict[str, set[str]]) -> list[str]:
    tree = ast.parse(source)
    names: set[str] = set()  # operation functions imported by name
    modules: dict[str, str] = {}  # a name or dotted path in the source → the operations module
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(OPERATIONS):
            for alias in node.names:
                bound = alias.asname or alias.name
                if alias.name in functions.get(node.module or "", set()):
                    names.add(bound)
                elif f"{node.module}.{alias.name}" in functions:  # from delegation_app.operations import x
                    modules[bound] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in functions:
                    modules[alias.asname or alias.name] = alias.name

    def is_operation(node: ast.AST) -> bool:
        if isinstance(node, ast.Name):
            return node.id in names
        if isinstance(node, ast.Attribute):
            module = modules.get(ast.unparse(node.value))
            return module is not None and node.attr in functions[module]
        return False

    parents = {child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}

    def argument_of(node: ast.AST) -> ast.AST | None:
        """The call ``node`` is an argument of (directly or as a keyword's value), if any."""
        parent = parents.get(node)
        if isinstance(parent, ast.keyword):
            parent = parents.get(parent)
        if isinstance(parent, ast.Call) and node is not parent.func:
            return parent
        return None

    def in_runner_lambda(node: ast.AST) -> bool:
        while (node := parents.get(node)) is not None:
            if isinstance(node, ast.Lambda) and _runner_call(argument_of(node)):
                return True
        return False

    found = []
    for node in ast.walk(tree):
        if not is_operation(node):
            continue
        parent = parents.get(node)
        called = isinstance(parent, ast.Call) and parent.func is node
        if called:
            allowed = in_runner_lambda(node)
        elif _is_partial(parent):
            allowed = parent.args[:1] == [node] and len(parent.args) == 1
        else:
            allowed = _runner_call(argument_of(node))
        if not allowed:
            found.append(f"line {node.lineno}: {ast.unparse(parent if called else node)}")
    return found


def test_the_operations_are_found():
    functions = operation_functions()
    assert {"save_record", "delete_record", "explain_conflict"} <= functions[f"{OPERATIONS}.records"]
    assert "log_contact" in functions[f"{OPERATIONS}.contacts"]
    assert "RecordKind" not in functions[f"{OPERATIONS}.records"]


def test_the_runner_rule_catches_an_operation_run_by_the_ui_itself():
    old_code = """
from delegation_app.operations.records import RecordKind, save_record, service_for
from delegation_app.operations.quotes import delete_quote, save_quote
from delegation_app.operations import agenda
import delegation_app.operations.visits as visit_ops
import delegation_app.operations.followups
class Tab:
    def save(self):
        try:
            saved = save_quote(self.services, data)
        except DomainError as exc:
            self.prompts.error(self, exc.message)
        self._write(agenda.move_agenda_item, self.services, 1, 2, 3)
        self.service = service_for(self.services, RecordKind.PERSON)
        copy = visit_ops.copy_visit_as_template(self.services, 4)
        delegation_app.operations.followups.reopen_followup(self.services, 1, 2)
        self.runner.now(self, partial(delete_quote, self.services, 1, 2))
        self.runner.now(self, save_quote(self.services, data))
        later = lambda: save_record(self.services, RecordKind.VISIT, data)
    def fine(self):
        self.runner.now(self, partial(save_quote, data=data), self._saved, on_user_error=self._refused)
        deleted = partial(delete_quote, record_id=1, version=2, confirmed=True)
        self._write(partial(agenda.move_agenda_item, record_id=1, version=2, new_index=0))
        self.runner.in_background(self, lambda s: visit_ops.copy_visit_as_template(s, 4), self._done)
        self.run.now(self, agenda.delete_agenda_item)
        kind = RecordKind("visit")
        self.table.save_quote = 3
"""
    found = runner_offences(old_code, operation_functions())
    assert len(found) == 8, found
    assert not any("partial(save_quote, data=data)" in hit or "in_background" in hit for hit in found)


def test_ui_modules_hand_every_operation_to_the_runner():
    functions = operation_functions()
    found = {
        str(path.relative_to(PACKAGE)): hits
        for path in sorted((PACKAGE / "ui").rglob("*.py"))
        if (hits := runner_offences(path.read_text("utf-8"), functions))
    }
    assert found == {}
