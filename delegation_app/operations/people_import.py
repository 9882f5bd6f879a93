"""Importing people from a contact list (CSV, XLSX, vCard) in one transaction, and taking an
import back in one step.

The preview (interchange/people_plan.py) decides per row: new, merge into an existing person,
or skip. Here the confirmed rows are written: organisations are matched by name (the duplicate
check's organisation score, so "Bochum, Stadt" finds "Stadt Bochum") or created once per name;
new people get DataSource.IMPORT with the file name as the source note, written together
(one executemany per 500) with the values the preview checked. Undo
(``undo_people_import``) moves what the import created into the recycle bin as ONE entry.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from delegation_app.domain import phones as phone_rules
from delegation_app.i18n import ngettext
from delegation_app.services import duplicates
from delegation_app.services.imported_people import (
    CheckedPerson,
    Decision,
    ImportedPerson,
    add_people,
    check_people,
    remove_imported,
)
from delegation_app.services.organisations import OrganisationInput
from delegation_app.services.people import PersonInput, PhoneInput
from delegation_app.services.registry import Services
from delegation_app.services.views import PersonView


@dataclass(frozen=True)
class ImportOutcome:
    file_name: str
    created: tuple[int, ...]
    merged: tuple[int, ...]
    organisations_created: tuple[int, ...]
    skipped: int


if TYPE_CHECKING:
    from delegation_app.interchange.people_plan import Decided, ImportPlan


class _Organisations:
    """Names to ids inside the transaction; a name not found is created once."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.index = duplicates.read_organisations(services)
        self.created: list[int] = []
        # A list of 10,000 rows names a few hundred organisations; each creation empties the
        # index's cache, so matching every row again took seconds.
        self.known: dict[str, int | None] = {}

    def id_for(self, name: str | None) -> int | None:
        if not name or not name.strip():
            return None
        if name not in self.known:
            self.known[name] = self._find_or_create(name)
        return self.known[name]

    def _find_or_create(self, name: str) -> int:
        found = self.index.matches(name)
        if found:
            return found[0].id
        view = self.services.organisations.create(OrganisationInput(name=name))
        self.created.append(view.id)
        self.index.add(duplicates.OrganisationRow(view.id, view.name))
        return view.id


def _merged_phones(existing: PersonView, added: Sequence[PhoneInput]) -> list[PhoneInput]:
    phones = [
        PhoneInput(p.e164 + (f"-{p.extension}" if p.extension else ""), p.kind) for p in existing.phones
    ]
    known = {p.e164 for p in existing.phones}
    for phone in added:
        try:
            e164 = phone_rules.parse_phone(phone.number).e164
        except phone_rules.PhoneError:
            e164 = phone.number
        if e164 not in known:
            phones.append(phone)
            known.add(e164)
    return phones


def _merge(services: Services, person_id: int, data: PersonInput) -> None:
    old = services.people.get(person_id)

    def pick(current: str | None, new: str | None) -> str | None:
        return current if current else new

    services.people.update(person_id, old.version, PersonInput(
        last_name=old.last_name, first_name=pick(old.first_name, data.first_name),
        title=pick(old.title, data.title), salutation=pick(old.salutation, data.salutation),
        function=pick(old.function, data.function), department=pick(old.department, data.department),
        organisation_id=old.organisation_id or data.organisation_id, email=pick(old.email, data.email),
        phones=_merged_phones(old, data.phones), notes=pick(old.notes, data.notes),
        is_own_staff=old.is_own_staff, source=old.source, source_note=old.source_note,
        source_date=old.source_date,
    ))  # fmt: skip


def import_people(services: Services, rows: Sequence[ImportedPerson], file_name: str) -> ImportOutcome:
    """All confirmed rows or none (a ValidationError names the first row that fails). New people
    are written together (imported_people.add_people), with the values the preview checked."""
    created: list[int] = []
    merged: list[int] = []
    with services.db.write():
        organisations = _Organisations(services)
        new: list[CheckedPerson] = []
        new_organisations: list[int | None] = []
        for row in rows:
            if row.decision is Decision.SKIP:
                continue
            data = replace(row.person, organisation_id=organisations.id_for(row.organisation))
            if row.decision is Decision.MERGE and row.merge_into is not None:
                _merge(services, row.merge_into, data)
                merged.append(row.merge_into)
            else:
                new.append(row.checked or check_people(services, [data])[0])
                new_organisations.append(data.organisation_id)
        created = add_people(services, new, new_organisations, file_name)
    skipped = sum(1 for row in rows if row.decision is Decision.SKIP)
    return ImportOutcome(file_name, tuple(created), tuple(merged), tuple(organisations.created), skipped)


def undo_title(outcome: ImportOutcome) -> str:
    count = len(outcome.created)
    return ngettext(
        "Import of “{file}” ({count} person)", "Import of “{file}” ({count} people)", count
    ).format(file=outcome.file_name, count=count)


def undo_people_import(services: Services, outcome: ImportOutcome) -> None:
    """The people and organisations the import created go to the recycle bin as one entry
    (restoring that entry brings them back); fields filled into existing people by "merge" stay,
    their earlier values are in each person's change history."""
    remove_imported(services, outcome.created, outcome.organisations_created, undo_title(outcome))


def import_planned(
    services: Services, plan: "ImportPlan", decisions: "Sequence[Decided]", file_name: str
) -> ImportOutcome:
    """The preview's rows with the decisions the user took, imported. The rows are built here, on
    the worker: for 10,000 rows that took 60–75 ms on the GUI thread."""
    return import_people(services, plan.to_import(decisions), file_name)
