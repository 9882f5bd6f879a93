"""The rooms of the house: which module may import what, checked on the import graph of the source.

grimp reads every import statement of a module, also those inside a function and under
`TYPE_CHECKING`: a lazy import still ties two modules together, and a type-only import still says
where a module reaches into. Nothing is imported to build the graph, so no Qt is needed.
"""

from __future__ import annotations

import functools
import itertools
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import grimp
import pytest

import delegation_app

ROOT = "delegation_app"
# The one module that starts the program and puts services, CLI and GUI together. It alone may
# import ui/ and Qt from outside ui/: somebody has to start the GUI.
ENTRY = f"{ROOT}.app"
# `python -m delegation_app` only hands over to the entry or the CLI.
LAUNCHER = f"{ROOT}.__main__"
CLI = f"{ROOT}.cli"  # cli.py, or a cli/ package
DOMAIN = f"{ROOT}.domain"
I18N = f"{ROOT}.i18n"
FILES = f"{ROOT}.files"  # the output writer every layer that writes a file uses
STORAGE = f"{ROOT}.storage"
SERVICES = f"{ROOT}.services"
OPERATIONS = f"{ROOT}.operations"
REPORTS = f"{ROOT}.reports"
INTERCHANGE = f"{ROOT}.interchange"  # files other programs read and write (vCard, iCalendar, XLSX, JSON)
UI = f"{ROOT}.ui"
QT = ("PySide6", "shiboken6")
SQL = ("sqlalchemy", "sqlmodel", "sqlite3")


@dataclass(frozen=True)
class Rule:
    id: str
    importers: tuple[str, ...]
    forbidden: tuple[str, ...]
    exempt: tuple[str, ...] = ()  # importers the rule leaves out
    allowed: tuple[str, ...] = ()  # modules inside `forbidden` that stay allowed
    # Also through other modules: what loads Qt for the CLI does not matter, that it is loaded does.
    transitive: bool = False


# A name covers the module and everything under it; a package that does not exist yet
# (operations/, a cli/ package) is covered the day it appears.
RULES = (
    Rule("qt-only-in-ui-and-entry", importers=(ROOT,), exempt=(UI, ENTRY), forbidden=QT),
    Rule("only-the-entry-imports-ui", importers=(ROOT,), exempt=(UI, ENTRY), forbidden=(UI,)),
    # ui/ reads and writes through services (and operations), never the database itself.
    Rule("ui-runs-no-sql", importers=(UI,), forbidden=(STORAGE, *SQL)),
    # ui/ is handed the context; building it (startup, the settings file) is the entry's job.
    Rule("ui-is-handed-its-context", importers=(UI,), forbidden=(f"{ROOT}.startup", f"{ROOT}.user_files")),
    # An operation is a transaction over services: the SQL stays in services/ and storage/.
    Rule("operations-through-services", importers=(OPERATIONS,), forbidden=(STORAGE, *SQL)),
    Rule("domain-imports-nothing-of-ours", importers=(DOMAIN,), forbidden=(ROOT,), allowed=(DOMAIN,)),
    Rule(
        "storage-points-down",
        importers=(STORAGE,),
        forbidden=(SERVICES, OPERATIONS, REPORTS, INTERCHANGE, UI, CLI, ENTRY),
    ),
    Rule(
        "services-point-down",
        importers=(SERVICES,),
        forbidden=(OPERATIONS, REPORTS, INTERCHANGE, UI, CLI, ENTRY),
    ),
    # Interchange works on read models and inputs above services; operations, ui and the CLI use
    # it. Only the JSON file reaches storage: its dump reads and writes rows in the session.
    Rule(
        "interchange-below-operations-and-ui",
        importers=(INTERCHANGE,),
        forbidden=(OPERATIONS, UI, CLI, ENTRY, *QT),
        transitive=True,
    ),
    Rule(
        "interchange-through-services",
        importers=(INTERCHANGE,),
        exempt=(f"{INTERCHANGE}.json_file",),
        forbidden=(STORAGE, *SQL),
    ),
    # i18n is used by every layer above domain, so it may use none of them.
    Rule(
        "i18n-points-down",
        importers=(I18N,),
        forbidden=(STORAGE, SERVICES, OPERATIONS, REPORTS, UI, CLI, ENTRY),
    ),
    Rule(
        "files-point-down",
        importers=(FILES,),
        forbidden=(STORAGE, SERVICES, OPERATIONS, REPORTS, UI, CLI, ENTRY),
    ),
    # Print products are pure functions from read models to PDF bytes.
    Rule("reports-read-no-database", importers=(REPORTS,), forbidden=(STORAGE, UI, CLI, ENTRY)),
    Rule("cli-without-qt", importers=(CLI,), forbidden=(UI, *QT), transitive=True),
    Rule("operations-without-qt", importers=(OPERATIONS,), forbidden=(UI, *QT), transitive=True),
    Rule(
        "only-entry-and-launcher-start-the-cli",
        importers=(ROOT,),
        exempt=(CLI, ENTRY, LAUNCHER),
        forbidden=(CLI,),
    ),
    Rule(
        "only-the-launcher-imports-the-entry", importers=(ROOT,), exempt=(ENTRY, LAUNCHER), forbidden=(ENTRY,)
    ),
)


def within(module: str, names: Iterable[str]) -> bool:
    return any(module == name or module.startswith(name + ".") for name in names)


def build_graph(package: str) -> grimp.ImportGraph:
    return grimp.build_graph(
        package, include_external_packages=True, exclude_type_checking_imports=False, cache_dir=None
    )


@functools.cache
def graph() -> grimp.ImportGraph:
    return build_graph(ROOT)


def our_modules(g: grimp.ImportGraph) -> list[str]:
    return sorted(m for m in g.modules if within(m, [ROOT]))


def short(module: str) -> str:
    return module.removeprefix(ROOT + ".")


def where(g: grimp.ImportGraph, importer: str, imported: str) -> str:
    lines = sorted({d["line_number"] for d in g.get_import_details(importer=importer, imported=imported)})
    return f"line {', '.join(map(str, lines))}"


def breaches(g: grimp.ImportGraph, rule: Rule) -> list[str]:
    def banned(imported: str, names: Iterable[str]) -> bool:
        return within(imported, names) and not within(imported, rule.allowed)

    found = []
    for module in our_modules(g):
        if not within(module, rule.importers) or within(module, rule.exempt):
            continue
        direct = sorted(g.find_modules_directly_imported_by(module))
        found += [f"{module} → {i} ({where(g, module, i)})" for i in direct if banned(i, rule.forbidden)]
        if not rule.transitive:
            continue
        # One chain per forbidden name shows the way in; a direct import of it is listed above.
        reached = g.find_upstream_modules(module)
        for name in rule.forbidden:
            if any(banned(i, [name]) for i in direct):
                continue
            chains = [
                chain
                for target in sorted(m for m in reached if banned(m, [name]))
                if (chain := g.find_shortest_chain(importer=module, imported=target))
            ]
            if chains:
                shortest = min(chains, key=len)
                found.append(" → ".join(shortest) + " (through other modules)")
    return found


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_imports_follow_the_rule(rule: Rule) -> None:
    found = breaches(graph(), rule)
    assert not found, f"{rule.id}: {len(found)} breach(es)\n  " + "\n  ".join(found)


def strongly_connected(nodes: Iterable[str], edges: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm without recursion; only the groups of two or more nodes."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups = []
    for start in sorted(nodes):
        if start in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(start, iter(sorted(edges.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            for succ in successors:
                if succ not in index:
                    index[succ] = low[succ] = len(index)
                    stack.append(succ)
                    on_stack.add(succ)
                    work.append((succ, iter(sorted(edges.get(succ, ())))))
                    break
                if succ in on_stack:
                    low[node] = min(low[node], index[succ])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))
    return sorted(groups)


def shortest_path(edges: dict[str, set[str]], start: str, goal: str, inside: set[str]) -> list[str]:
    came_from = {start: start}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if node == goal:
            path = [node]
            while path[-1] != start:
                path.append(came_from[path[-1]])
            return path[::-1]
        for succ in sorted(edges.get(node, ())):
            if succ in inside and succ not in came_from:
                came_from[succ] = node
                queue.append(succ)
    raise AssertionError(f"{goal} is not reachable from {start}")


def cycles(edges: dict[str, set[str]], group: list[str]) -> list[list[str]]:
    """The shortest cycle through each member of a knot, each cycle once."""
    inside = set(group)
    seen, found = set(), []
    for node in group:
        paths = [shortest_path(edges, succ, node, inside) for succ in sorted(edges[node] & inside)]
        cycle = [node, *min(paths, key=len)]
        turn = cycle.index(min(cycle[:-1]))
        key = tuple(cycle[turn:-1] + cycle[:turn])
        if key not in seen:
            seen.add(key)
            found.append(cycle)
    return found


def module_edges(g: grimp.ImportGraph) -> dict[str, set[str]]:
    ours = our_modules(g)
    return {
        m: {i for i in g.find_modules_directly_imported_by(m) if within(i, [ROOT]) and i != m} for m in ours
    }


def test_no_import_cycle_between_modules() -> None:
    g = graph()
    edges = module_edges(g)
    found = [
        "".join(f"{short(a)} ({where(g, a, b)}) → " for a, b in itertools.pairwise(cycle)) + short(cycle[-1])
        for group in strongly_connected(edges, edges)
        for cycle in cycles(edges, group)
    ]
    assert not found, f"{len(found)} import cycle(s) between modules:\n  " + "\n  ".join(found)


def parts_of(g: grimp.ImportGraph, package: str) -> tuple[dict[str, set[str]], dict[tuple, list]]:
    """The imports between the children of a package, each child with everything under it."""

    def part(module: str) -> str | None:
        if not module.startswith(package + "."):
            return None
        return f"{package}.{module[len(package) + 1 :].split('.')[0]}"

    edges: dict[str, set[str]] = {}
    behind: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for importer, imported_set in module_edges(g).items():
        for imported in imported_set:
            a, b = part(importer), part(imported)
            if a and b and a != b:
                edges.setdefault(a, set()).add(b)
                behind.setdefault((a, b), []).append((importer, imported))
    return edges, behind


def test_no_import_cycle_between_the_parts_of_a_package() -> None:
    """Sub-packages and modules of one package: domain/ and i18n/, ui/common/ and ui/shell/, app and cli."""
    g = graph()
    found = []
    for package in (m for m in our_modules(g) if g.find_children(m)):
        edges, behind = parts_of(g, package)
        for group in strongly_connected(g.find_children(package), edges):
            names = ", ".join(member.rsplit(".", 1)[1] for member in group)
            found.append(f"in {package}: {names}")
            for cycle in cycles(edges, group):
                hops = []
                for a, b in itertools.pairwise(cycle):
                    imports = sorted(behind[(a, b)])
                    more = f" and {len(imports) - 1} more" if len(imports) > 1 else ""
                    hops.append(f"{short(imports[0][0])} → {short(imports[0][1])}{more}")
                steps = " → ".join(member.rsplit(".", 1)[1] for member in cycle)
                found.append(f"    {steps}  ({'; '.join(hops)})")
    assert not found, "import cycles between the parts of a package:\n  " + "\n  ".join(found)


def test_the_graph_counts_lazy_and_type_checking_imports(tmp_path: Path, monkeypatch) -> None:
    package = tmp_path / "house_probe"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "low.py").write_text("")
    (package / "lazy.py").write_text("def later():\n    from house_probe import low\n")
    (package / "typed.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import PySide6\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    g = build_graph("house_probe")
    assert g.direct_import_exists(importer="house_probe.lazy", imported="house_probe.low")
    assert g.direct_import_exists(importer="house_probe.typed", imported="PySide6")


def test_modules_stay_small():
    package = Path(delegation_app.__file__).parent
    sizes = {str(rel): len(path.read_text("utf-8").splitlines()) for rel, path in
             ((p.relative_to(package), p) for p in package.rglob("*.py"))
             if "migrations" not in rel.parts}  # fmt: skip
    assert {name: n for name, n in sizes.items() if n > 400} == {}

