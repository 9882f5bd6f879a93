"""The German catalogue and the strings the code marks, read the way the tools read them.

The code side is extracted with Babel's own extractor (the same keywords as babel.cfg and
docs/architecture.md), so a string the test accepts is a string ``pybabel extract`` finds.
"""

import ast
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

import delegation_app
from delegation_app.resource_files import resource

PACKAGE_DIR = Path(delegation_app.__file__).parent
KEYWORDS = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
}
MARKERS = frozenset(KEYWORDS)
PO_PATH = resource("locale", "de", "LC_MESSAGES", "delegation_app.po")
MO_PATH = PO_PATH.with_suffix(".mo")


def german_catalog() -> Catalog:
    with PO_PATH.open("rb") as po:
        return read_po(po, locale="de")


def key(message: Message) -> tuple[str | None, str | tuple[str, ...]]:
    return message.context, message.id


def marked_messages() -> dict[tuple[str | None, str | tuple[str, ...]], list[str]]:
    """Each extracted message (context, id or (singular, plural)) with the places it is used."""
    found: dict[tuple[str | None, str | tuple[str, ...]], list[str]] = {}
    method_map = [("**.py", "python")]
    for filename, lineno, message, _comments, context in extract_from_dir(
        str(PACKAGE_DIR), method_map, keywords=KEYWORDS, comment_tags=()
    ):
        found.setdefault((context, message), []).append(f"{filename}:{lineno}")
    return found


def german_messages() -> dict[str, str]:
    """Source text → German, singular and plural msgids alike (for tests that look texts up)."""
    table: dict[str, str] = {}
    for message in german_catalog():
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            table.update(zip(message.id, message.string, strict=True))
        else:
            table[message.id] = message.string
    return table


def marker_calls(tree: ast.AST) -> list[ast.Call]:
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MARKERS
    ]


def source_files() -> list[tuple[str, ast.Module]]:
    return [
        (str(path.relative_to(PACKAGE_DIR)), ast.parse(path.read_text("utf-8"), filename=str(path)))
        for path in sorted(PACKAGE_DIR.rglob("*.py"))
    ]
