from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session

from delegation_app.domain.models import AgendaItem, Person, Quote
from delegation_app.i18n import N_, _
from delegation_app.services.base import CrudService
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


class AgendaService(CrudService[AgendaItem, AgendaItemInput, AgendaItemView]):
    model = AgendaItem
    entity = N_("Agenda item")

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

    def _view(self, session: Session, row: AgendaItem) -> AgendaItemView:
        return AgendaItemView(
            id=row.id, version=row.version, visit_id=row.visit_id, position=row.position,
            starts_at=row.starts_at, ends_at=row.ends_at, title=row.title, place=row.place,
            responsible_person_id=row.responsible_person_id,
            responsible_person_name=person_name(session, row.responsible_person_id), notes=row.notes,
        )  # fmt: skip

    def list_for_visit(self, visit_id: int) -> list[AgendaItemView]:
        return self._views(
            select(AgendaItem)
            .where(AgendaItem.visit_id == visit_id)
            .order_by(AgendaItem.position, AgendaItem.id)
        )

    def _consequences(self, session: Session, record_id: int) -> dict[str, int]:
        count = session.scalar(select(func.count()).where(Quote.agenda_item_id == record_id))
        return {_("quotes lose their agenda item"): count} if count else {}

    def _before_delete(self, session: Session, record_id: int) -> None:
        writer.update_where(session, Quote, Quote.agenda_item_id == record_id, {"agenda_item_id": None})
