"""One search box over everything: people, organisations, visits, quotes, contact entries, follow-ups.

Every word must start a word of the record's searched texts (case and accents ignored: "kucuk"
finds Kücük, "mueller" Müller, "strasse" and "stra" find Straße). The matching is the full-text
index behind ``storage.search.ranked_candidates``; records where every word is a whole word come
before those where some word only matches a prefix, then each kind in its own order.
"""

from dataclasses import dataclass

from sqlalchemy import select

from delegation_app.domain.models import ContactEntry, FollowUp, Organisation, Person, Quote, Visit
from delegation_app.i18n.formatting import format_date_range, format_datetime
from delegation_app.i18n.labels import label
from delegation_app.services.people import display_name
from delegation_app.services.registry import Services
from delegation_app.services.timeline import first_line, followup_state, joined
from delegation_app.storage.search import ranked_candidates

KINDS = ("person", "organisation", "visit", "quote", "contact", "followup")


@dataclass(frozen=True)
class SearchHit:
    kind: str  # one of KINDS
    record_id: int
    title: str
    detail: str
    visit_id: int | None  # the visit it belongs to; a visit's own id


def search_everything(services: Services, text: str | None, limit_per_kind: int = 20) -> list[SearchHit]:
    """Hits grouped by kind in the order of KINDS, at most ``limit_per_kind`` of each: people and
    organisations by name, visits, quotes and contact entries newest first, follow-ups as in their
    list (open ones by due date, done ones last)."""
    dialect = services.db.engine.dialect.name
    if ranked_candidates(dialect, "person", text) is None:
        return []

    def found(kind, id_column):
        """The kind's query joined to its candidates; sort on ``grade`` first."""
        candidates = ranked_candidates(dialect, kind, text)
        return candidates, (candidates, candidates.c.id == id_column)

    hits: list[SearchHit] = []
    with services.db.read() as session:
        c, on = found("person", Person.id)
        rows = session.execute(
            select(Person, Organisation.name)
            .join(*on)
            .outerjoin(Organisation, Organisation.id == Person.organisation_id)
            .order_by(c.c.grade, Person.sort_key, Person.id)
            .limit(limit_per_kind)
        ).all()
        for p, org_name in rows:
            name = display_name(p.title, p.first_name, p.last_name)
            hits.append(SearchHit("person", p.id, name, joined(p.function, org_name), None))

        c, on = found("organisation", Organisation.id)
        rows = session.scalars(
            select(Organisation)
            .join(*on)
            .order_by(c.c.grade, Organisation.sort_key, Organisation.id)
            .limit(limit_per_kind)
        ).all()
        hits += [SearchHit("organisation", o.id, o.name, joined(label(o.kind), o.city), None) for o in rows]

        c, on = found("visit", Visit.id)
        rows = session.scalars(
            select(Visit)
            .join(*on)
            .order_by(c.c.grade, Visit.starts_at.is_(None), Visit.starts_at.desc(), Visit.id.desc())
            .limit(limit_per_kind)
        ).all()
        hits += [
            SearchHit(
                "visit", v.id, v.title, joined(format_date_range(v.starts_at, v.ends_at), v.place), v.id
            )
            for v in rows
        ]

        c, on = found("quote", Quote.id)
        rows = session.execute(
            select(Quote, Visit.title, Person)
            .join(*on)
            .join(Visit, Visit.id == Quote.visit_id)
            .outerjoin(Person, Person.id == Quote.speaker_person_id)
            .order_by(
                c.c.grade,
                Visit.starts_at.is_(None),
                Visit.starts_at.desc(),
                Visit.id.desc(),
                Quote.position,
                Quote.id,
            )
            .limit(limit_per_kind)
        ).all()
        for q, visit_title, p in rows:
            speaker = display_name(p.title, p.first_name, p.last_name) if p else q.speaker_label
            hits.append(
                SearchHit("quote", q.id, first_line(q.text), joined(speaker, visit_title), q.visit_id)
            )

        c, on = found("contact", ContactEntry.id)
        rows = session.scalars(
            select(ContactEntry)
            .join(*on)
            .order_by(c.c.grade, ContactEntry.occurred_at.desc(), ContactEntry.id.desc())
            .limit(limit_per_kind)
        ).all()
        hits += [
            SearchHit(
                "contact",
                c.id,
                first_line(c.summary),
                joined(format_datetime(c.occurred_at), label(c.channel)),
                c.visit_id,
            )
            for c in rows
        ]

        c, on = found("followup", FollowUp.id)
        rows = session.execute(
            select(FollowUp, Person)
            .join(*on)
            .outerjoin(Person, Person.id == FollowUp.owner_person_id)
            .order_by(
                c.c.grade,
                FollowUp.done_on.is_not(None),
                FollowUp.due_on.is_(None),
                FollowUp.due_on,
                FollowUp.id,
            )
            .limit(limit_per_kind)
        ).all()
        for f, owner in rows:
            owner_name = display_name(owner.title, owner.first_name, owner.last_name) if owner else None
            detail = joined(followup_state(f.done_on, f.due_on), owner_name)
            hits.append(SearchHit("followup", f.id, f.title, detail, f.visit_id))
    return hits
