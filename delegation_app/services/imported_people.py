"""The service side of a people import: checking rows without writing, and taking back what an
import added as one recycle-bin entry (restoring it from the bin brings the import back)."""

from collections.abc import Sequence

from sqlmodel import Session

from delegation_app.domain.models import Organisation, Person
from delegation_app.services import recycle_bin
from delegation_app.services.people import PersonInput
from delegation_app.services.registry import Services
from delegation_app.services.validation import Checker
from delegation_app.storage import writer


def person_errors(services: Services, inputs: Sequence[PersonInput]) -> list[dict[str, str]]:
    """Each input's problems as the person form would show them ({field: message}), nothing written."""
    found = []
    with services.db.read() as session:
        for data in inputs:
            check = Checker()
            services.people._validate(session, check, data, None)
            found.append(dict(check.errors))
    return found


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
