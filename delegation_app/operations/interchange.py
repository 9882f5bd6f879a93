"""Whole-database actions: JSON export and import, the demo data."""

from pathlib import Path

from delegation_app.files.output import OutputWriter
from delegation_app.interchange import json_file
from delegation_app.services.registry import Services


def export_json(services: Services, path: Path, writer: OutputWriter | None = None) -> dict[str, int]:
    """Every record to ``path`` (docs/json-format.md), read in one session, written through
    ``writer`` (the context's ``ctx.output``); the counts per table."""
    return json_file.export_json(services.db, path, writer)


def import_json(services: Services, path: Path, *, merge: bool = False) -> dict[str, int]:
    """All or nothing, in one transaction; into an empty database unless ``merge``.

    Not wrapped in a transaction here: the service reads the file first (up to 1 GiB, not while
    holding the write lock) and turns the database's refusals at commit into messages, which it
    can only do while it owns the commit."""
    return json_file.import_json(services.db, path, merge=merge)


def load_demo(services: Services) -> int | None:
    """The demo visit with everything around it; None when it is there already."""
    from delegation_app.services.demo import load_demo as load  # only the demo needs its data files

    with services.db.write():
        return load(services)
