from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlmodel import Session, col

from delegation_app.domain.enums import OrganisationKind
from delegation_app.domain.models import Organisation, Person, Visit, stored_id, table_of
from delegation_app.domain.record_names import RecordName
from delegation_app.domain.sortkey import fold, name_sort_key
from delegation_app.i18n import N_, _
from delegation_app.i18n.labels import label
from delegation_app.services.base import Choices, CrudService
from delegation_app.services.validation import Checker
from delegation_app.services.views import OrganisationView
from delegation_app.storage import writer
from delegation_app.storage.search import matches

# The columns a list can be sorted by (a whitelist: the GUI's header clicks end up here).
ORGANISATION_ORDER = ("name", "kind", "city", "country", "website")


@dataclass
class OrganisationInput:
    name: str
    kind: OrganisationKind | str = OrganisationKind.OTHER
    city: str | None = None
    country: str | None = None  # ISO 3166 alpha-2, e.g. "DE"
    website: str | None = None
    notes: str | None = None


def folded(dialect: str, column) -> ColumnElement:
    """Text as the sort keys fold it (SQLite: ``app_fold``); PostgreSQL's lower() knows Unicode."""
    return func.app_fold(column) if dialect == "sqlite" else func.lower(column)


def ordered(query, column, key, descending: bool, *tiebreak):
    """Sort in SQL by ``key`` (derived from ``column``); rows without a value last in either direction."""
    return query.order_by(column.is_(None), key.desc() if descending else key.asc(), *tiebreak)


def organisation_view(row: Organisation) -> OrganisationView:
    return OrganisationView(
        id=stored_id(row), version=row.version, name=row.name, kind=row.kind, city=row.city,
        country=row.country, website=row.website, notes=row.notes, created_at=row.created_at,
        updated_at=row.updated_at,
    )  # fmt: skip


class OrganisationService(CrudService[Organisation, OrganisationInput, OrganisationView]):
    model = Organisation
    entity = N_("Organisation")
    recyclable = True
    _choices: tuple[tuple, Choices] | None = None  # (table state, names), see choices()

    def _name(self, session: Session, row: Organisation) -> RecordName:
        return RecordName("organisation", {"name": row.name})

    def _title(self, row: Organisation) -> str:
        return row.name

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

    def _list_query(self, search: str | None, order_by: str = "name", descending: bool = False):
        if order_by not in ORGANISATION_ORDER:
            raise ValueError(f"cannot sort organisations by {order_by!r}; choose from {ORGANISATION_ORDER}")
        dialect = self.db.engine.dialect.name
        query = select(Organisation)
        query = query.where(matches(dialect, "organisation", col(Organisation.id), search))
        name = col(Organisation.sort_key).desc() if descending else col(Organisation.sort_key)
        if order_by == "name":
            return query.order_by(name, col(Organisation.id).desc() if descending else col(Organisation.id))
        key: ColumnElement[Any]
        if order_by == "kind":  # in the order of the labels the user reads, in the current language
            ranked = sorted(OrganisationKind, key=lambda kind: fold(label(kind)))
            ranks = {kind.value: rank for rank, kind in enumerate(ranked)}
            column, key = col(Organisation.kind), case(ranks, value=col(Organisation.kind), else_=len(ranks))
        else:
            column = getattr(Organisation, order_by)
            key = column if order_by == "country" else folded(dialect, column)
        return ordered(query, column, key, descending, col(Organisation.sort_key), col(Organisation.id))

    def list(
        self,
        search: str | None = None,
        *,
        order_by: str = "name",
        descending: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[OrganisationView]:
        """Every word of ``search`` starts a word of the name, city or website; sorted in SQL by a
        column of ORGANISATION_ORDER."""
        query = self._list_query(search, order_by, descending).offset(offset)
        return self._views(query if limit is None else query.limit(limit))

    def choices(self) -> Choices:
        """(name, id) of every organisation, in list order: for choice boxes, without views.
        Kept while the table is unchanged (as PersonService.choices), so a caller can tell by
        identity that there is nothing to refill. The list is shared: do not change it."""
        with self.db.read() as session:
            versions = func.coalesce(func.sum(col(Organisation.version)), 0)
            mark = tuple(
                session.execute(select(func.count(), func.max(col(Organisation.id)), versions)).one()
            )
            if self._choices is not None and self._choices[0] == mark:
                return self._choices[1]
            query = select(col(Organisation.name), col(Organisation.id))
            query = query.order_by(col(Organisation.sort_key), col(Organisation.id))
            names = [(name, org_id) for name, org_id in session.execute(query)]
        self._choices = (mark, names)
        return names

    def _consequences(self, session: Session, record_id: int) -> dict[str, int]:
        people = session.scalar(select(func.count()).where(col(Person.organisation_id) == record_id))
        visits = session.scalar(
            select(func.count()).where(
                (col(Visit.host_organisation_id) == record_id)
                | (col(Visit.guest_organisation_id) == record_id)
            )
        )
        found = {_("people lose their organisation"): people, _("visits lose host or guest"): visits}
        return {k: v for k, v in found.items() if v}

    def _before_delete(self, session: Session, record_id: int) -> None:
        writer.update_where(
            session, Person, col(Person.organisation_id) == record_id, {"organisation_id": None}
        )
        for name in ("host_organisation_id", "guest_organisation_id"):
            writer.update_where(session, Visit, table_of(Visit).c[name] == record_id, {name: None})

    def find_by_name(self, name: str) -> OrganisationView | None:
        with self.db.read() as session:
            row = session.scalars(
                select(Organisation).where(col(Organisation.name) == name).order_by(col(Organisation.id))
            ).first()
            return organisation_view(row) if row else None
