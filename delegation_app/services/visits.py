from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from delegation_app.domain.enums import Classification, VisitDirection, VisitStatus
from delegation_app.domain.errors import NotFoundError
from delegation_app.domain.models import (
    DEFAULT_TIMEZONE,
    AgendaItem,
    ContactEntry,
    FollowUp,
    Organisation,
    Participation,
    Person,
    Quote,
    Visit,
    stored_id,
    table_of,
)
from delegation_app.domain.record_names import RecordName
from delegation_app.domain.textrules import MAX_PREPARATION_TEXT
from delegation_app.i18n import N_, _
from delegation_app.services.base import CrudService, chunks
from delegation_app.services.people import NAME_COLUMNS, display_name
from delegation_app.services.segments import page as segments_page
from delegation_app.services.validation import Checker, is_record_id
from delegation_app.services.views import VisitView
from delegation_app.storage import writer
from delegation_app.storage.search import matches


@dataclass(frozen=True)
class VisitChoice:
    """A visit as a field choosing one lists it."""

    id: int
    title: str
    starts_at: datetime | None
    ends_at: datetime | None


@dataclass
class VisitInput:
    title: str
    direction: VisitDirection | str = VisitDirection.OUTGOING
    status: VisitStatus | str = VisitStatus.IDEA
    host_organisation_id: int | None = None
    guest_organisation_id: int | None = None
    place: str | None = None
    address: str | None = None
    starts_at: datetime | None = None  # wall-clock time at the place, no tzinfo
    ends_at: datetime | None = None
    timezone: str = DEFAULT_TIMEZONE
    purpose: str | None = None
    topics: str | None = None
    summary: str | None = None
    lessons_learned: str | None = None
    notes: str | None = None
    press_contact_id: int | None = None
    classification: Classification | str = Classification.NONE
    sources: str | None = None
    # Preparing the visit; each at most MAX_PREPARATION_TEXT.
    talking_points: str | None = None
    protocol_notes: str | None = None
    logistics: str | None = None


# The visit's preparation texts (the editor's "Preparation" tab, the briefing).
PREPARATION_FIELDS = ("talking_points", "protocol_notes", "logistics")

# The parts a visit owns, deleted with it (quotes first: they may point at agenda items).
_PARTS = (
    (N_("quotes are deleted"), Quote, N_("Quote")),
    (N_("programme items are deleted"), AgendaItem, N_("Programme item")),
    (N_("participations are deleted"), Participation, N_("Participant")),
)
_LINKED = (
    (N_("contact entries lose their visit"), ContactEntry),
    (N_("follow-ups lose their visit"), FollowUp),
)


class VisitService(CrudService[Visit, VisitInput, VisitView]):
    model = Visit
    entity = N_("Visit")
    recyclable = True

    def _name(self, session: Session, row: Visit) -> RecordName:
        return RecordName("visit", {"title": row.title})

    def _title(self, row: Visit) -> str:
        return row.title

    def _validate(self, session: Session, check: Checker, data: VisitInput, record_id) -> dict[str, Any]:
        starts = check.typed("starts_at", data.starts_at, datetime)
        ends = check.typed("ends_at", data.ends_at, datetime)
        if ends is not None and data.starts_at is None:
            check.fail("starts_at", _("Please enter the start as well."))
        check.order("starts_at", starts, "ends_at", ends)
        text = check.model_text
        return {
            "title": text(Visit, "title", data.title, required=True),
            "direction": check.enum("direction", data.direction, VisitDirection),
            "status": check.enum("status", data.status, VisitStatus),
            "host_organisation_id": check.exists(session, "host_organisation_id", Organisation,
                                                 data.host_organisation_id),
            "guest_organisation_id": check.exists(session, "guest_organisation_id", Organisation,
                                                  data.guest_organisation_id),
            "place": text(Visit, "place", data.place),
            "address": text(Visit, "address", data.address, multiline=True),
            "starts_at": starts,
            "ends_at": ends,
            "timezone": check.timezone("timezone", data.timezone),
            "purpose": text(Visit, "purpose", data.purpose, multiline=True),
            "topics": text(Visit, "topics", data.topics),
            "summary": text(Visit, "summary", data.summary, multiline=True),
            "lessons_learned": text(Visit, "lessons_learned", data.lessons_learned, multiline=True),
            "notes": text(Visit, "notes", data.notes, multiline=True),
            "press_contact_id": check.exists(session, "press_contact_id", Person, data.press_contact_id),
            "classification": check.enum("classification", data.classification, Classification),
            "sources": text(Visit, "sources", data.sources, multiline=True),
            **{name: check.text(name, getattr(data, name), multiline=True, max_length=MAX_PREPARATION_TEXT)
               for name in PREPARATION_FIELDS},
        }  # fmt: skip

    def _view(self, session: Session, row: Visit) -> VisitView:
        return self._view_many(session, [row])[0]

    def _rows(self, session: Session, query) -> list:
        # Plain rows: the views read only attributes, and building 10,000 ORM objects took 0.4 s.
        return list(session.execute(query.with_only_columns(*table_of(Visit).c)))

    def _view_many(self, session: Session, rows: list[Visit]) -> list[VisitView]:
        # The names of organisations and press contacts in one query per kind: 10,000 visits
        # took 7 s with two lookups per visit.
        org_ids = sorted({i for r in rows for i in (r.host_organisation_id, r.guest_organisation_id) if i})
        person_ids = sorted({r.press_contact_id for r in rows if r.press_contact_id})
        orgs: dict[int | None, str] = {}
        people: dict[int | None, str] = {}
        for ids in chunks(org_ids):
            query = select(col(Organisation.id), col(Organisation.name)).where(col(Organisation.id).in_(ids))
            orgs.update(session.execute(query).all())
        for ids in chunks(person_ids):
            named = select(col(Person.id), *NAME_COLUMNS).where(col(Person.id).in_(ids))
            people.update((i, display_name(*name)) for i, *name in session.execute(named))
        return [self._build(row, orgs, people) for row in rows]

    @staticmethod
    def _build(row: Any, orgs: dict[int | None, str], people: dict[int | None, str]) -> VisitView:
        # row: a Visit or a plain row of its columns (_rows, get)
        return VisitView(
            id=stored_id(row), version=row.version, title=row.title, direction=row.direction,
            status=row.status,
            host_organisation_id=row.host_organisation_id,
            host_organisation_name=orgs.get(row.host_organisation_id),
            guest_organisation_id=row.guest_organisation_id,
            guest_organisation_name=orgs.get(row.guest_organisation_id),
            place=row.place, address=row.address, starts_at=row.starts_at, ends_at=row.ends_at,
            timezone=row.timezone, purpose=row.purpose, topics=row.topics, summary=row.summary,
            lessons_learned=row.lessons_learned, notes=row.notes, press_contact_id=row.press_contact_id,
            press_contact_name=people.get(row.press_contact_id),
            classification=row.classification, sources=row.sources,
            created_at=row.created_at, updated_at=row.updated_at,
            talking_points=row.talking_points, protocol_notes=row.protocol_notes, logistics=row.logistics,
        )  # fmt: skip

    @staticmethod
    def _named(query: Select) -> Select:
        """``query``'s visits as plain rows with their organisations' and press contact's names
        joined: one statement (over a network a round trip each)."""
        host, guest, press = aliased(Organisation), aliased(Organisation), aliased(Person)
        return (
            query.with_only_columns(
                *table_of(Visit).c, col(host.name).label("host_name"), col(guest.name).label("guest_name"),
                col(press.title).label("press_title"), col(press.first_name).label("press_first"),
                col(press.last_name).label("press_last"),
                col(press.family_name_first).label("press_family_first"),
            )
            .outerjoin(host, col(host.id) == Visit.host_organisation_id)
            .outerjoin(guest, col(guest.id) == Visit.guest_organisation_id)
            .outerjoin(press, col(press.id) == Visit.press_contact_id)
        )  # fmt: skip

    def _named_view(self, row: Any) -> VisitView:
        orgs = {row.guest_organisation_id: row.guest_name, row.host_organisation_id: row.host_name}
        press_name = display_name(row.press_title, row.press_first, row.press_last, row.press_family_first)
        return self._build(row, orgs, {row.press_contact_id: press_name} if row.press_contact_id else {})

    def _named_views(self, query: Select) -> list[VisitView]:
        """For a page of visits (whole lists keep _view_many's lookups per 5,000: joins cost more
        there than the round trip they save)."""
        with self.db.read() as session:
            return [self._named_view(row) for row in session.execute(self._named(query))]

    def get(self, record_id: int) -> VisitView:
        """One statement (see _named)."""
        with self.db.read() as session:
            query = self._named(select(Visit).where(col(Visit.id) == record_id))
            row = session.execute(query).one_or_none() if is_record_id(record_id) else None
        if row is None:
            raise NotFoundError(RecordName("visit"), record_id)
        return self._named_view(row)

    def _list_query(self, search: str | None):
        query = select(Visit).order_by(col(Visit.starts_at).is_(None), col(Visit.starts_at), col(Visit.id))
        return query.where(matches(self.db.engine.dialect.name, "visit", col(Visit.id), search))

    def choices_matching(
        self, search: str | None = None, *, today: date | None = None, limit: int = 20
    ) -> list[VisitChoice]:
        """At most ``limit`` visits whose title words start with the typed words, in the overview's
        order (so an empty ``search`` gives the upcoming ones, then the most recent): for a field
        choosing a visit by typing, without views."""
        columns = (col(Visit.id), col(Visit.title), col(Visit.starts_at), col(Visit.ends_at))
        segments = [query.with_only_columns(*columns) for query in self._overview_segments(search, today)]
        with self.db.read() as session:
            rows = segments_page(session, segments, 0, limit, lambda s, q: s.execute(q).all())
        return [VisitChoice(*row) for row in rows]

    def _overview_segments(self, search: str | None, today: date | None) -> list[Select]:
        """Upcoming visits, the next one on top; then undated ones; then past visits, the most
        recent first: three index ranges of ``starts_at`` (services.segments), so a page never
        waits for every visit to be sorted."""
        today_start = datetime.combine(today or date.today(), time.min)
        starts = col(Visit.starts_at)
        query = select(Visit).where(matches(self.db.engine.dialect.name, "visit", col(Visit.id), search))
        return [
            query.where(starts >= today_start).order_by(starts, col(Visit.id)),
            query.where(starts.is_(None)).order_by(col(Visit.id)),
            query.where(starts < today_start).order_by(starts.desc(), col(Visit.id)),
        ]

    def list_overview(self, search: str | None = None, *, today: date | None = None) -> list[VisitView]:
        """What office staff see first (order: ``_overview_segments``)."""
        views: list[VisitView] = []
        for query in self._overview_segments(search, today):
            views.extend(self._views(query))
        return views

    def list_overview_page(
        self, search: str | None = None, *, today: date | None = None, limit: int, offset: int = 0
    ) -> list[VisitView]:
        """One page of ``list_overview``'s order: the visits list reads its visits a page at a time."""
        segments = [self._named(query) for query in self._overview_segments(search, today)]
        with self.db.read() as session:
            rows = segments_page(session, segments, offset, limit, lambda s, q: s.execute(q).all())
        return [self._named_view(row) for row in rows]

    def _consequences(self, session: Session, record_id: int) -> dict[str, int]:
        found: dict[str, int] = {}
        for text, model, *_rest in (*_PARTS, *_LINKED):
            count = session.scalar(select(func.count()).where(col(model.visit_id) == record_id))
            if count:
                found[_(text)] = count
        return found

    def _before_delete(self, session: Session, record_id: int) -> None:
        for _text, model, _entity in _PARTS:
            for row in session.scalars(select(model).where(col(model.visit_id) == record_id)).all():
                writer.delete(session, model, stored_id(row), row.version, RecordName(table_of(model).name))
        for _text, linked in _LINKED:
            writer.update_where(session, linked, col(linked.visit_id) == record_id, {"visit_id": None})
