"""The briefing of a visit: gathered in one read snapshot, written as a PDF or a Word file."""

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from delegation_app.domain.errors import DomainError
from delegation_app.files.output import OutputWriter
from delegation_app.i18n import N_
from delegation_app.reports.options import BriefingOptions
from delegation_app.services.briefing import BriefingData, collect_briefing
from delegation_app.services.registry import Services

if TYPE_CHECKING:
    from delegation_app.reports.export import Written


def gather_briefing(
    services: Services,
    visit_id: int,
    *,
    today: date | None = None,
    issued_by: str | None = None,
    issuer_function: str | None = None,
) -> BriefingData:
    """Everything the briefing prints, read in one transaction (one snapshot of the data)."""
    return collect_briefing(
        services, visit_id, today=today, issued_by=issued_by, issuer_function=issuer_function
    )


def write_briefing(
    services: Services,
    visit_id: int,
    path: Path,
    options: BriefingOptions | None = None,
    *,
    today: date | None = None,
    issued_by: str | None = None,
    issuer_function: str | None = None,
    writer: OutputWriter | None = None,
) -> "Written":
    """The briefing at ``path`` through ``writer`` (the context's: ``ctx.output``), which refuses
    the database and its backups as the target; slow enough to belong on a worker thread. The
    format follows the suffix: ``.pdf`` or ``.docx``; any other is refused before anything is read.
    The result names the fields holding characters no bundled font has (printed as empty boxes)."""
    from delegation_app.reports.export import Written, export_briefing  # reportlab loads on first use

    writer = guarding(services, writer)
    writer.check(path)  # the database or a folder as the target: say that, not "not a .pdf"
    kind = briefing_format(path)
    data = gather_briefing(
        services, visit_id, today=today, issued_by=issued_by, issuer_function=issuer_function
    )
    if kind == "docx":
        from delegation_app.interchange.briefing_docx import render_briefing_docx

        # Word picks a font for every character itself: nothing prints as an empty box there
        return Written(writer.write(path, render_briefing_docx(data, options)))
    return export_briefing(data, path, options, writer)


BRIEFING_FORMATS = ("pdf", "docx")


def briefing_format(path: Path) -> str:
    """The format the file name asks for, "pdf" or "docx"; another suffix is a one-line DomainError."""
    kind = path.suffix.lower().lstrip(".")
    if kind not in BRIEFING_FORMATS:
        raise DomainError(N_("A briefing is written as .pdf or .docx, not as “{name}”."), name=path.name)
    return kind


def guarding(services: Services, writer: OutputWriter | None) -> OutputWriter:
    """The writer, protecting the open database's file even when a caller passed none."""
    own = [services.db.path] if services.db.path is not None else []
    return (writer or OutputWriter()).protecting(files=own)
