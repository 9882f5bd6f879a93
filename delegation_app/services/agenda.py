from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from delegation_app.domain.errors import ConflictError
from delegation_app.domain.models import AgendaItem, Person, Quote, stored_id
from delegation_app.domain.record_names import RecordName
from delegation_app.i18n import N_, _
from delegation_app.services.base import PartService, prefetch
from delegation_app.services.people import person_name
from delegation_app.services.validation import Checker
from delegation_app.services.views import AgendaItemView
from delegation_app.storage import writer


@dataclass
class AgendaItemInput:
    visit_id: int
    title: str
    starts_at: datetime | None = None  # wall-clock time at the visit's place
    ends_at: datetime | None = None
    place: str | None = None
    responsible_person_id: int | None = None
    notes: str | None = None
    position: int | None = None  # None: after the last one


def move_part(
    session: Session,
    model: type,
    entity: RecordName,
    rows: Sequence,
    record_id: int,
    version: int,
    new_index: int,
) -> None:
    """Put one of a visit's parts (``rows``, in the order shown) at ``new_index`` and number them
    0, 1, 2, … through the write path. Only rows whose position changes are written (versions bumped);
    the moved row's version is checked even when it stays where it is."""
    check = Checker()
    index = check.position("position", new_index)
    if index is None:
        check.fail("position", _("Please enter a valid value."))
    check.raise_if_any()
    assert index is not None  # refused just above
    order = [row.id for row in rows]
    positions = {row.id: row.position for row in rows}
    versions = {row.id: row.version for row in rows}  # read before the first update expires them
    if versions[record_id] != version:
        raise ConflictError(entity, record_id, writer.row_dict(session, model, record_id))
    order.remove(record_id)
    order.insert(min(index, len(order)), record_id)
    for position, row_id in enumerate(order):
        if positions[row_id] != position:
            writer.update(session, model, row_id, versions[row_id], {"position": position}, entity)


class AgendaService(PartService[AgendaItem, AgendaItemInput, AgendaItemView]):
    model = AgendaItem
    entity = N_("Programme item")

    def _name(self, session: Session, row: AgendaItem) -> RecordName:
        return RecordName("agenda_item", {"title": row.title})

    def _validate(self, session: Session, check: Checker, data: AgendaItemInput, record_id) -> dict[str, Any]:
        visit_id = self._visit_of_part(session, check, data.visit_id, record_id)
        starts = check.typed("starts_at", data.starts_at, datetime)
        ends = check.typed("ends_at", data.ends_at, datetime)
        check.order("starts_at", starts, "ends_at", ends)
        position = self._position(session, check, data.position, visit_id, record_id)
        return {
            "visit_id": visit_id,
            "title": check.model_text(AgendaItem, "title", data.title, required=True),
            "starts_at": starts,
            "ends_at": ends,
            "place": check.model_text(AgendaItem, "place", data.place),
            "responsible_person_id": check.exists(
                session, "responsible_person_id", Person, data.responsible_person_id
            ),
            "notes": check.model_text(AgendaItem, "notes", data.notes, multiline=True),
            "position": position,
        }

    def _view_many(self, session: Session, rows: list[AgendaItem]) -> list[AgendaItemView]:
        responsible = prefetch(session, Person, (row.responsible_person_id for row in rows))
        views = super()._view_many(session, rows)
        del responsible  # held until the views were built (see prefetch)
        return views

    def _view(self, session: Session, row: AgendaItem) -> AgendaItemView:
        return AgendaItemView(
            id=stored_id(row), version=row.version, visit_id=row.visit_id, position=row.position,
            starts_at=row.starts_at, ends_at=row.ends_at, title=row.title, place=row.place,
            responsible_person_id=row.responsible_person_id,
            responsible_person_name=person_name(session, row.responsible_person_id), notes=row.notes,
        )  # fmt: skip

    def _ordered(self, visit_id: int):
        return (
            select(AgendaItem)
            .where(col(AgendaItem.visit_id) == visit_id)
            .order_by(col(AgendaItem.position), col(AgendaItem.id))
        )

    def list_for_visit(self, visit_id: int) -> list[AgendaItemView]:
        return self._views(self._ordered(visit_id))

    def _views(self, query) -> list[AgendaItemView]:
        # The responsible people in the items' statement (one round trip, see prefetch).
        responsible = col(Person.id) == AgendaItem.responsible_person_id
        joined = query.add_columns(Person).outerjoin(Person, responsible)
        with self.db.read() as session:
            loaded = session.execute(joined).all()  # holds the people while the views are built
            return self._view_many(session, [row[0] for row in loaded])

    def move(self, record_id: int, version: int, new_index: int) -> list[AgendaItemView]:
        """Move one item to ``new_index`` of the visit's agenda (0 = first; beyond the end = last),
        in one transaction; returns the agenda in its new order."""
        with self.db.write() as session:
            visit_id = self._row(session, record_id).visit_id
            rows = session.scalars(self._ordered(visit_id)).all()
            name = self._name(session, self._row(session, record_id))
            move_part(session, AgendaItem, name, rows, record_id, version, new_index)
        return self.list_for_visit(visit_id)

    def _consequences(self, session: Session, record_id: int) -> dict[str, int]:
        count = session.scalar(select(func.count()).where(col(Quote.agenda_item_id) == record_id))
        return {_("quotes lose their programme item"): count} if count else {}

    def _before_delete(self, session: Session, record_id: int) -> None:
        writer.update_where(session, Quote, col(Quote.agenda_item_id) == record_id, {"agenda_item_id": None})
