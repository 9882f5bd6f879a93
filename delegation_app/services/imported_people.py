"""The service side of a people import: checking rows without writing, and taking back what an
import added as one recycle-bin entry (restoring it from the bin brings the import back)."""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlmodel import Session

from delegation_app.domain.enums import DataSource
from delegation_app.domain.errors import ValidationError
from delegation_app.domain.models import Organisation, Person, PhoneNumber
from delegation_app.services import recycle_bin
from delegation_app.services.people import PersonInput
from delegation_app.services.registry import Services
from delegation_app.services.validation import Checker
from delegation_app.storage import writer


# What the preview (interchange/people_plan.py) decides per row and the import operation writes.
class Decision(StrEnum):
    NEW = "new"
    MERGE = "merge"  # into ``merge_into``: empty fields filled, new phone numbers added
    SKIP = "skip"


@dataclass(frozen=True)
class CheckedPerson:
    """A row checked as the person form checks it: its problems ({field: message}) and, when
    there are none, the column values the bulk write stores (sort and list keys, parsed phones
    under "_phones"), so the import does not check each row a second time."""

    errors: dict[str, str]
    values: dict[str, Any]


@dataclass(frozen=True)
class ImportedPerson:
    """One row as it will be written; ``person.organisation_id`` is found from ``organisation``."""

    row: int
    person: PersonInput
    organisation: str | None
    decision: Decision
    merge_into: int | None = None
    checked: CheckedPerson | None = None  # from the preview; None: checked when written


def check_people(services: Services, inputs: Sequence[PersonInput]) -> list[CheckedPerson]:
    """Each input checked as the person form checks it, nothing written."""
    found = []
    with services.db.read() as session:
        for data in inputs:
            check = Checker()
            values = services.people._validate(session, check, data, None)
            found.append(CheckedPerson(dict(check.errors), values))
    return found


def add_people(
    services: Services,
    people: Sequence[CheckedPerson],
    organisation_ids: Sequence[int | None],
    source_note: str,
) -> list[int]:
    """New people from checked rows, each with its organisation, DataSource.IMPORT and
    ``source_note`` (the file's name), and their phone numbers: a few statements per 500 people,
    each person and phone recorded for the audit trail and the history as a single save records
    it. A row with problems raises them as the save would (ValidationError), nothing written."""
    check = Checker()
    note = check.model_text(Person, "source_note", source_note[:500])
    check.raise_if_any()
    for person in people:
        if person.errors:
            raise ValidationError(person.errors)
    rows = [
        {key: value for key, value in person.values.items() if not key.startswith("_")}
        | {"organisation_id": organisation_id, "source": DataSource.IMPORT, "source_note": note}
        for person, organisation_id in zip(people, organisation_ids, strict=True)
    ]
    with services.db.write() as session:
        ids = writer.insert_many(session, Person, rows)
        phones = [
            {"person_id": person_id, "position": position, "kind": kind, "e164": phone.e164,
             "extension": phone.extension}
            for person_id, person in zip(ids, people, strict=True)
            for position, (kind, phone) in enumerate(person.values["_phones"])
        ]  # fmt: skip
        writer.insert_many(session, PhoneNumber, phones)
    return ids


def _take(session: Session, services: Services, model, record_id: int) -> None:
    service = services.people if model is Person else services.organisations
    row = session.get(model, record_id, populate_existing=True)
    if row is None:  # deleted since the import
        return
    name = service._name(session, row)
    service._before_delete(session, record_id)
    writer.delete(session, model, record_id, row.version, name)


def remove_imported(
    services: Services, person_ids: Sequence[int], organisation_ids: Sequence[int], title: str
) -> None:
    """Delete the people, then the organisations an import created, kept as ONE recycle-bin entry
    (``title`` names the import): the bin restores parents first, so organisations come back
    before their people."""
    with services.db.write() as session:
        first = len(writer.recorded(session))
        for person_id in person_ids:
            _take(session, services, Person, person_id)
        for organisation_id in organisation_ids:
            _take(session, services, Organisation, organisation_id)
        taken = writer.recorded(session)[first:]
        if taken:
            anchor = person_ids[0] if person_ids else organisation_ids[0]
            table = "person" if person_ids else "organisation"
            recycle_bin.put(session, table, anchor, title, taken, services.db.user_name)
