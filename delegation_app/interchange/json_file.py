"""JSON export and import of the whole database (docs/json-format.md): the file — its size limit,
decoding, the output writer, the messages — around ``storage/jsonio.py``'s dump of the rows.

The one interchange module that reaches storage: the dump needs the database's sessions and the
schema revision, and the import turns the database's refusals at commit into messages."""

import json
from datetime import date
from pathlib import Path

from sqlalchemy.exc import IntegrityError, StatementError

from delegation_app import __version__
from delegation_app.domain.errors import DomainError, InvalidFileError
from delegation_app.files.output import OutputWriter
from delegation_app.i18n import _
from delegation_app.storage import jsonio
from delegation_app.storage.database import Database
from delegation_app.storage.migrate import head_revision

# The largest file import reads. Measured: an office with 100,000 people, 300,000 contact log
# entries, 3,000 visits and their parts exports 356 MB; parsing a file takes about four times its
# size in memory, so past 1 GiB a refusal in words is kinder than a machine that swaps for minutes.
MAX_IMPORT_BYTES = 2**30


def export_json(db: Database, path: Path, writer: OutputWriter | None = None) -> dict[str, int]:
    """Write the dump through the output writer: never over the database itself (protected here
    even when the caller passed no writer), a folder or a device, and atomically."""
    with db.read() as session:
        document = jsonio.export_document(session, __version__, head_revision())
    own = [db.path] if db.path is not None else []
    with (writer or OutputWriter()).protecting(files=own).open_text(path) as fh:
        json.dump(document, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    return document["meta"]["counts"]


def read_json(path: Path) -> object:
    """The parsed file; refused before reading when it is larger than any real export."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise InvalidFileError(_too_large(path, size))
        with path.open("rb") as fh:
            raw = fh.read(MAX_IMPORT_BYTES + 1)  # the file may have grown since stat()
        if len(raw) > MAX_IMPORT_BYTES:
            raise InvalidFileError(_too_large(path, len(raw)))
        # A byte order mark is what Windows editors put first; it is not part of the JSON.
        return json.loads(raw.decode("utf-8-sig"))
    except FileNotFoundError as exc:
        raise DomainError(_("The file {path} does not exist.").format(path=path)) from exc
    except OSError as exc:
        refused = _("The file {path} cannot be read (no permission, or the drive cannot be reached).")
        raise DomainError(refused.format(path=path)).because(exc) from exc
    except UnicodeDecodeError as exc:
        raise InvalidFileError(_("The file {path} is not UTF-8 text.").format(path=path)) from exc
    except json.JSONDecodeError as exc:
        raise InvalidFileError(
            _("The file {path} is not valid JSON (line {line}, column {column}).").format(
                path=path, line=exc.lineno, column=exc.colno
            )
        ) from exc
    except (RecursionError, ValueError) as exc:  # nesting thousands deep; a number of 5000 digits
        raise InvalidFileError(
            _(
                "The file {path} is not an export file of this program: its structure is far too deep "
                "or a number in it is far too long."
            ).format(path=path)
        ) from exc


def _too_large(path: Path, size: int) -> str:
    return _(
        "The file {path} is {size} MB large; export files of this program are at most {limit} MB. "
        "Nothing was imported."
    ).format(path=path, size=size // 2**20, limit=MAX_IMPORT_BYTES // 2**20)


def import_json(
    db: Database, path: Path, *, merge: bool = False, today: date | None = None
) -> dict[str, int]:
    """All or nothing: one transaction; refuses a non-empty database unless merging. People the
    file says nothing about the source of get the import as their source (the file, the day)."""
    document = read_json(path)
    source = (_("Import from {file}").format(file=Path(path).name), today or date.today())
    try:
        with db.write() as session:
            if not merge and not jsonio.is_empty(session):
                raise DomainError(
                    _("The database already holds records. Import into an empty database, or merge.")
                )
            return jsonio.import_document(session, document, merge=merge, source=source)
    except IntegrityError as exc:
        raise InvalidFileError(
            _(
                "The file contradicts itself (a reference to a missing record, or a duplicate). "
                "Nothing was imported."
            )
        ).because(_one_line(exc.orig)) from exc
    except (StatementError, OverflowError, UnicodeError) as exc:
        detail = _one_line(getattr(exc, "orig", None) or exc)
        raise InvalidFileError(
            _("The file holds a value the database cannot store. Nothing was imported.")
        ).because(detail) from exc


def _one_line(error: object) -> str:
    """A driver's message (PostgreSQL adds DETAIL lines) as one short line."""
    return " ".join(str(error).split())[:300]
