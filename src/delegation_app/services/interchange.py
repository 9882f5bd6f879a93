"""JSON export and import of the whole database (docs/json-format.md)."""

import json
import os
import tempfile
from pathlib import Path

from sqlalchemy.exc import IntegrityError, StatementError

from delegation_app import __version__
from delegation_app.domain.errors import DomainError, InvalidFileError
from delegation_app.i18n import _
from delegation_app.storage import jsonio
from delegation_app.storage.database import Database
from delegation_app.storage.migrate import head_revision


def export_json(db: Database, path: Path) -> dict[str, int]:
    """Write the dump atomically: a half-written file never replaces a good one."""
    with db.read() as session:
        document = jsonio.export_document(session, __version__, head_revision())
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(document, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        os.replace(tmp, path)
    except OSError as exc:
        raise DomainError(_("Cannot write {path}: {reason}").format(path=path, reason=exc.strerror)) from exc
    return document["meta"]["counts"]


def read_json(path: Path) -> object:
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except FileNotFoundError as exc:
        raise DomainError(_("The file {path} does not exist.").format(path=path)) from exc
    except OSError as exc:
        raise DomainError(_("Cannot read {path}: {reason}").format(path=path, reason=exc.strerror)) from exc
    except UnicodeDecodeError as exc:
        raise InvalidFileError(_("The file {path} is not UTF-8 text.").format(path=path)) from exc
    except json.JSONDecodeError as exc:
        raise InvalidFileError(
            _("The file {path} is not valid JSON (line {line}, column {column}).").format(
                path=path, line=exc.lineno, column=exc.colno
            )
        ) from exc


def import_json(db: Database, path: Path, *, merge: bool = False) -> dict[str, int]:
    """All or nothing: one transaction; refuses a non-empty database unless merging."""
    document = read_json(path)
    try:
        with db.write() as session:
            if not merge and not jsonio.is_empty(session):
                raise DomainError(
                    _("The database already holds records. Import into an empty database, or merge.")
                )
            return jsonio.import_document(session, document, merge=merge)
    except IntegrityError as exc:
        raise InvalidFileError(
            _(
                "The file contradicts itself (a reference to a missing record, or a duplicate): {detail}. "
                "Nothing was imported."
            ).format(detail=exc.orig)
        ) from exc
    except (StatementError, OverflowError, UnicodeError) as exc:
        detail = " ".join(str(getattr(exc, "orig", None) or exc).split())[:300]
        raise InvalidFileError(
            _("The file holds a value the database cannot store ({detail}). Nothing was imported.").format(
                detail=detail
            )
        ) from exc
