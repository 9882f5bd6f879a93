"""The access report (Art. 15 GDPR) of one person: gathered in one read snapshot, written as a
PDF or as JSON (by the file name's ending) through the output writer."""

from datetime import date
from pathlib import Path

from delegation_app.domain.errors import DomainError
from delegation_app.files.output import OutputWriter
from delegation_app.i18n import N_
from delegation_app.services.person_report import Letterhead, PersonDataReport, collect_person_report
from delegation_app.services.registry import Services

FORMATS = (".pdf", ".json")


def gather_person_report(
    services: Services, person_id: int, letterhead: Letterhead, *, today: date | None = None
) -> PersonDataReport:
    """Everything held about the person, read in one transaction; NotFoundError for an unknown one."""
    return collect_person_report(services, person_id, letterhead, today=today)


def report_format(path: Path | str) -> str:
    """".pdf" or ".json"; a user error for any other ending (checked before anything is read)."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise DomainError(N_("Please give a file name ending in .pdf or .json."))
    return suffix


def write_person_report(
    services: Services,
    output: OutputWriter,
    person_id: int,
    path: Path,
    letterhead: Letterhead,
    *,
    language: str = "de",
    today: date | None = None,
) -> Path:
    """The report at ``path`` (replaced atomically); slow enough to belong on a worker thread."""
    output.check(path)  # a path no output may take is refused before the data are read
    kind = report_format(path)
    report = gather_person_report(services, person_id, letterhead, today=today)
    if kind == ".json":
        from delegation_app.reports.person_report_json import render_person_report_json

        return output.write_text(path, render_person_report_json(report))
    from delegation_app.reports.person_report import render_person_report  # reportlab loads on first use

    return output.write(path, render_person_report(report, language))
