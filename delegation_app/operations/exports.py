"""Exports for other programs: people as vCards, a visit as an iCalendar file, any list as an
Excel sheet. Each reads in one snapshot and writes through the output writer; slow enough on a
large database to run on the worker."""

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from delegation_app.domain.errors import DomainError
from delegation_app.files.output import OutputWriter
from delegation_app.i18n import N_, translator
from delegation_app.interchange import calendar_export, list_sheets, vcard_export, xlsx_export
from delegation_app.interchange.list_sheets import FollowUpRow, ListKind, ParticipantRow
from delegation_app.services.registry import Services
from delegation_app.services.views import PersonView


def people_to_export(
    services: Services, *, person_ids: Sequence[int] = (), visit_id: int | None = None
) -> list[PersonView]:
    """The people asked for, in the order asked (a visit's participants in their list order);
    an id that names nobody is a user error."""
    with services.db.snapshot():
        if visit_id is not None:
            services.visits.get(visit_id)  # NotFoundError for an unknown visit
            person_ids = [p.person_id for p in services.participations.list_for_visit(visit_id)]
        by_id = {person.id: person for person in services.people.get_many(person_ids)}
    missing = [i for i in person_ids if i not in by_id]
    if missing:
        raise DomainError(N_("There is no person with the ID {id}."), id=missing[0])
    return [by_id[i] for i in dict.fromkeys(person_ids)]


def write_vcards(
    services: Services,
    output: OutputWriter,
    path: Path,
    *,
    person_ids: Sequence[int] = (),
    visit_id: int | None = None,
    one_per_contact: bool = False,
) -> list[Path]:
    """One .vcf with every card at ``path``, or with ``one_per_contact`` one file per person in
    the folder ``path``; the files written."""
    if not one_per_contact:
        output.check(path)  # refused before anything is read
    people = people_to_export(services, person_ids=person_ids, visit_id=visit_id)
    if not people:
        raise DomainError(N_("There is nobody to export."))
    if one_per_contact:
        return vcard_export.write_vcard_files(output, people, path)
    return [vcard_export.write_vcards(output, people, path)]


def write_calendar(
    services: Services,
    output: OutputWriter,
    visit_id: int,
    path: Path,
    *,
    language: str = "de",
    now: datetime | None = None,
) -> Path:
    output.check(path)
    with services.db.snapshot():
        visit = services.visits.get(visit_id)
        items = services.agenda.list_for_visit(visit_id)
    if visit.starts_at is None and not any(item.starts_at for item in items):
        raise DomainError(
            N_("The visit “{visit}” has no date yet, so there is nothing to put into a calendar."),
            visit=visit.title,
        )
    return output.write(path, calendar_export.calendar_bytes(visit, items, lang=language, now=now))


def _rows(services: Services, kind: ListKind, visit_id: int | None, lang: str) -> tuple[list[Any], list[Any]]:
    """The sheet's columns and rows, read in one snapshot."""
    with services.db.snapshot():
        if kind is ListKind.VISITS:
            return list_sheets.visit_columns(lang), services.visits.list_overview()
        if kind is ListKind.PEOPLE:
            return list_sheets.PERSON_COLUMNS, services.people.list()
        if kind is ListKind.ORGANISATIONS:
            return list_sheets.organisation_columns(lang), services.organisations.list()
        if kind is ListKind.PARTICIPANTS:
            if visit_id is None:
                raise DomainError(N_("Please name the visit whose participants to export."))
            services.visits.get(visit_id)  # NotFoundError for an unknown visit
            participations = services.participations.list_for_visit(visit_id)
            people = {p.id: p for p in services.people.get_many(x.person_id for x in participations)}
            rows = [ParticipantRow(x, people.get(x.person_id)) for x in participations]
            return list_sheets.participant_columns(lang), rows
        followups = services.followups.list_filtered(include_done=True, visit_id=visit_id)
        visits = services.visits.get_many(f.visit_id for f in followups if f.visit_id)
        titles = {v.id: v.title for v in visits}
        rows_f = [FollowUpRow(f, titles.get(f.visit_id) if f.visit_id else None) for f in followups]
        return list_sheets.FOLLOWUP_COLUMNS, rows_f


def write_list(
    services: Services,
    output: OutputWriter,
    kind: ListKind,
    path: Path,
    *,
    visit_id: int | None = None,
    language: str = "de",
) -> Path:
    """The list as an .xlsx workbook with headers in ``language``."""
    output.check(path)
    columns, rows = _rows(services, ListKind(kind), visit_id, language)
    title = translator(language)(list_sheets.SHEET_TITLES[ListKind(kind)])
    return output.write(path, xlsx_export.workbook_bytes(title, columns, rows, lang=language))
