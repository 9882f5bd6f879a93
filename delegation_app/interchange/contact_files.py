"""A contact list file read by its suffix: CSV/TXT, XLSX or vCard; one line when it cannot be."""

from pathlib import Path

from delegation_app.i18n import N_
from delegation_app.interchange.tables import MAX_FILE, RawTable, UnreadableFile, decode, read_csv, read_xlsx
from delegation_app.interchange.vcards import read_vcards


def read_table(path: Path) -> RawTable:
    """Headers and rows of ``path`` by its suffix (.csv/.txt, .xlsx, .vcf); refuses in one line
    a file it cannot read."""
    try:
        if path.stat().st_size > MAX_FILE:
            raise UnreadableFile(N_("“{name}” is too large for a contact list."), name=path.name)
        data = path.read_bytes()
    except OSError as exc:
        error = UnreadableFile(N_("“{name}” cannot be read."), name=path.name)
        error.detail = str(exc)
        raise error from exc
    suffix = path.suffix.casefold()
    try:
        if suffix == ".xlsx":
            return read_xlsx(data)
        if suffix in (".vcf", ".vcard"):
            return read_vcards(decode(data))
        if suffix in (".csv", ".txt", ".tsv"):
            return read_csv(data)
    except UnreadableFile:
        raise
    except Exception as exc:  # a damaged file of any kind: zip, XML, vCard syntax, CSV quoting
        error = UnreadableFile(N_("“{name}” is damaged or not a contact list."), name=path.name)
        error.detail = f"{type(exc).__name__}: {exc}"
        raise error from exc
    raise UnreadableFile(N_("“{name}” is not a CSV, Excel (.xlsx) or vCard (.vcf) file."), name=path.name)
