"""The demo visit (Hanau delegation in Bochum), entered through the ordinary services."""

import json
from datetime import date, datetime
from typing import Any, overload

from sqlalchemy import select
from sqlmodel import col

from delegation_app.domain.models import Visit
from delegation_app.resource_files import resource
from delegation_app.services.agenda import AgendaItemInput
from delegation_app.services.contacts import ContactEntryInput
from delegation_app.services.followups import FollowUpInput
from delegation_app.services.organisations import OrganisationInput
from delegation_app.services.participations import ParticipationInput
from delegation_app.services.people import PersonInput, PhoneInput
from delegation_app.services.quotes import QuoteInput
from delegation_app.services.registry import Services
from delegation_app.services.visits import VisitInput

DEMO_RESOURCE = "hanau-bochum.json"


def demo_document() -> dict[str, Any]:
    text = resource("demo", DEMO_RESOURCE).read_text("utf-8")
    return json.loads(text)


@overload
def _dt(value: str) -> datetime: ...
@overload
def _dt(value: None) -> None: ...
def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def load_demo(services: Services) -> int | None:
    """Add the demo visit with everything around it; returns its id, or None if it is there already."""
    doc = demo_document()
    spec = doc["visit"]
    with services.db.write() as session:
        if (
            session.scalars(select(col(Visit.id)).where(col(Visit.title) == spec["title"])).first()
            is not None
        ):
            return None
        orgs = {
            o["key"]: services.organisations.create(
                OrganisationInput(**{k: v for k, v in o.items() if k != "key"})
            ).id
            for o in doc["organisations"]
        }
        people = {}
        for p in doc["people"]:
            fields = {k: v for k, v in p.items() if k not in ("key", "organisation", "phones")}
            phones = [PhoneInput(**ph) for ph in p.get("phones", [])]
            people[p["key"]] = services.people.create(
                PersonInput(**fields, organisation_id=orgs[p["organisation"]], phones=phones)
            ).id
        visit_fields = {
            k: v
            for k, v in spec.items()
            if k not in ("host", "guest", "press_contact", "starts_at", "ends_at")
        }
        visit = services.visits.create(
            VisitInput(
                **visit_fields,
                host_organisation_id=orgs[spec["host"]],
                guest_organisation_id=orgs[spec["guest"]],
                press_contact_id=people[spec["press_contact"]],
                starts_at=_dt(spec["starts_at"]),
                ends_at=_dt(spec["ends_at"]),
            )
        )
        for part in doc["participants"]:
            services.participations.create(
                ParticipationInput(
                    visit_id=visit.id,
                    person_id=people[part["person"]],
                    side=part["side"],
                    role=part["role"],
                    attendance=part["attendance"],
                )
            )
        agenda_ids = []
        for item in doc["agenda"]:
            agenda_ids.append(
                services.agenda.create(
                    AgendaItemInput(
                        visit_id=visit.id,
                        title=item["title"],
                        starts_at=_dt(item["starts_at"]),
                        ends_at=_dt(item["ends_at"]),
                        place=item["place"],
                        responsible_person_id=people[item["responsible"]] if item["responsible"] else None,
                    )
                ).id
            )
        defaults = doc["quote_defaults"]
        for quote in doc["quotes"]:
            services.quotes.create(
                QuoteInput(
                    visit_id=visit.id,
                    text=quote["text"],
                    speaker_person_id=people[quote["speaker"]],
                    agenda_item_id=agenda_ids[quote["agenda"]],
                    kind=quote["kind"],
                    context=quote.get("context", defaults["context"]),
                    said_on=date.fromisoformat(defaults["said_on"]),
                    language=defaults["language"],
                    approval_state=defaults["approval_state"],
                    approved_by=defaults["approved_by"],
                    approved_at=_dt(defaults["approved_at"]),
                )
            )
        _after_the_visit(services, doc, visit.id, people)
        return visit.id


def _after_the_visit(services: Services, doc: dict[str, Any], visit_id: int, people: dict[str, int]) -> None:
    """What an assistant logged after the visit: contact entries and their follow-ups."""
    entries = {}
    for entry in doc.get("contacts", []):
        entries[entry["key"]] = services.contacts.create(
            ContactEntryInput(
                occurred_at=_dt(entry["occurred_at"]),
                summary=entry["summary"],
                person_ids=[people[key] for key in entry["people"]],
                channel=entry["channel"],
                visit_id=visit_id,
                logged_by=entry["logged_by"],
            )
        ).id
    for item in doc.get("follow_ups", []):
        services.followups.create(
            FollowUpInput(
                title=item["title"],
                owner_person_id=people[item["owner"]],
                person_id=people[item["person"]],
                visit_id=visit_id,
                contact_entry_id=entries[item["contact"]],
                due_on=_day(item["due_on"]),
                done_on=_day(item["done_on"]),
                notes=item["notes"],
            )
        )
