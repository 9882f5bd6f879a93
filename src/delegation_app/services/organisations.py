from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session

from delegation_app.domain.enums import OrganisationKind
from delegation_app.domain.models import Organisation, Person, Visit
from delegation_app.domain.sortkey import fold, name_sort_key
from delegation_app.i18n import N_, _
from delegation_app.services.base import CrudService
from delegation_app.services.validation import Checker
from delegation_app.services.views import OrganisationView
from delegation_app.storage import writer


@dataclass
class OrganisationInput:
    name: str
    kind: OrganisationKind | str = OrganisationKind.OTHER
    city: str | None = None
    country: str | None = None  # ISO 3166 alpha-2, e.g. "DE"
    website: str | None = None
    notes: str | None = None


def organisation_view(row: Organisation) -> OrganisationView:
    return OrganisationView(
        id=row.id, version=row.version, name=row.name, kind=row.kind, city=row.city, country=row.country,
        website=row.website, notes=row.notes, created_at=row.created_at, updated_at=row.updated_at,
    )  # fmt: skip


class OrganisationService(CrudService[Organisation, OrganisationInput, OrganisationView]):
    model = Organisation
    entity = N_("Organisation")

    def _validate(
        self, session: Session, check: Checker, data: OrganisationInput, record_id
    ) -> dict[str, Any]:
        name = check.model_text(Organisation, "name", data.name, required=True)
        country = check.model_text(Organisation, "country", data.country)
        if country is not None:
            if not (country.isascii() and country.isalpha() and len(country) == 2):
                check.fail("country", _("Please enter a two-letter country code (example: DE)."))
            country = country.upper()
        return {
            "name": name,
            "kind": check.enum("kind", data.kind, OrganisationKind),
            "city": check.model_text(Organisation, "city", data.city),
            "country": country,
            "website": check.model_text(Organisation, "website", data.website),
            "notes": check.model_text(Organisation, "notes", data.notes, multiline=True),
            "sort_key": name_sort_key(name),
        }

    def _view(self, session: Session, row: Organisation) -> OrganisationView:
        return organisation_view(row)

    def _list_query(self, search: str | None):
        query = select(Organisation).order_by(Organisation.sort_key, Organisation.id)
        if search:
            query = query.where(Organisation.sort_key.contains(fold(search), autoescape=True))
        return query

    def _consequences(self, session: Session, record_id: int) -> dict[str, int]:
        people = session.scalar(select(func.count()).where(Person.organisation_id == record_id))
        visits = session.scalar(
            select(func.count()).where(
                (Visit.host_organisation_id == record_id) | (Visit.guest_organisation_id == record_id)
            )
        )
        found = {_("people lose their organisation"): people, _("visits lose host or guest"): visits}
        return {k: v for k, v in found.items() if v}

    def _before_delete(self, session: Session, record_id: int) -> None:
        writer.update_where(session, Person, Person.organisation_id == record_id, {"organisation_id": None})
        for column in (Visit.host_organisation_id, Visit.guest_organisation_id):
            writer.update_where(session, Visit, column == record_id, {column.key: None})

    def find_by_name(self, name: str) -> OrganisationView | None:
        with self.db.read() as session:
            row = session.scalars(
                select(Organisation).where(Organisation.name == name).order_by(Organisation.id)
            ).first()
            return organisation_view(row) if row else None
