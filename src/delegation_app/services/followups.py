from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from delegation_app.domain.models import ContactEntry, FollowUp, Person, Visit
from delegation_app.i18n import N_
from delegation_app.services.base import CrudService
from delegation_app.services.people import person_name
from delegation_app.services.validation import Checker
from delegation_app.services.views import FollowUpView


@dataclass
class FollowUpInput:
    title: str
    owner_person_id: int | None = None
    due_on: date | None = None
    done_on: date | None = None
    person_id: int | None = None
    visit_id: int | None = None
    contact_entry_id: int | None = None
    notes: str | None = None


class FollowUpService(CrudService[FollowUp, FollowUpInput, FollowUpView]):
    model = FollowUp
    entity = N_("Follow-up")

    def _validate(self, session: Session, check: Checker, data: FollowUpInput, record_id) -> dict[str, Any]:
        return {
            "title": check.model_text(FollowUp, "title", data.title, required=True),
            "owner_person_id": check.exists(session, "owner_person_id", Person, data.owner_person_id),
            "due_on": check.typed("due_on", data.due_on, date),
            "done_on": check.typed("done_on", data.done_on, date),
            "person_id": check.exists(session, "person_id", Person, data.person_id),
            "visit_id": check.exists(session, "visit_id", Visit, data.visit_id),
            "contact_entry_id": check.exists(
                session, "contact_entry_id", ContactEntry, data.contact_entry_id
            ),
            "notes": check.model_text(FollowUp, "notes", data.notes, multiline=True),
        }

    def _view(self, session: Session, row: FollowUp) -> FollowUpView:
        return FollowUpView(
            id=row.id, version=row.version, title=row.title, owner_person_id=row.owner_person_id,
            owner_name=person_name(session, row.owner_person_id), due_on=row.due_on, done_on=row.done_on,
            person_id=row.person_id, visit_id=row.visit_id, contact_entry_id=row.contact_entry_id,
            notes=row.notes,
        )  # fmt: skip

    def _list_query(self, search: str | None):
        # Open ones first, by due date; undated ones after dated ones.
        return select(FollowUp).order_by(
            FollowUp.done_on.is_not(None), FollowUp.due_on.is_(None), FollowUp.due_on, FollowUp.id
        )

    def list_for_visit(self, visit_id: int) -> list[FollowUpView]:
        return self._views(self._list_query(None).where(FollowUp.visit_id == visit_id))
