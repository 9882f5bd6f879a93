"""One search box over everything: people, organisations, visits, quotes, contact entries, follow-ups.

Every word must occur in one of the record's searched texts (case and accents ignored on SQLite:
"kucuk" finds Kücük, "strasse" and "stra" find Straße). The matching itself is
``storage.search.contains_all_words``, applied to the searched columns joined into one text, so the
full-text index of a later issue replaces it in one place. Each kind is filtered, sorted and
limited in SQL.
"""

from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select

from delegation_app.domain.models import ContactEntry, FollowUp, Organisation, Person, Quote, Visit
from delegation_app.i18n.formatting import format_date_range, format_datetime
from delegation_app.i18n.labels import label
from delegation_app.services.people import display_name
from delegation_app.services.registry import Services
from delegation_app.services.timeline import first_line, followup_state, joined
from delegation_app.storage.search import contains_all_words

KINDS = ("person", "organisation", "visit", "quote", "contact", "followup")


@dataclass(frozen=True)
class SearchHit:
    kind: str  # one of KINDS
    record_id: int
    title: str
    detail: str
    visit_id: int | None  # the visit it belongs to; a visit's own id


def _texts(*columns) -> ColumnElement:
    """The columns as one text, separated by spaces (a search word never spans two of them)."""
    joined = func.coalesce(columns[0], "")
    for column in columns[1:]:
        joined = joined + " " + func.coalesce(column, "")
    return joined


def search_everything(services: Services, text: str | None, limit_per_kind: int = 20) -> list[SearchHit]:
    """Hits grouped by kind in the order of KINDS, at most ``limit_per_kind`` of each: people and
    organisations by name, visits, quotes and contact entries newest first, follow-ups as in their
    list (open ones by due date, done ones last)."""
    if not text or not text.strip():
        return []
    dialect = services.db.engine.dialect.name

    def where(*columns):
        return contains_all_words(dialect, _texts(*columns), text)

    hits: list[SearchHit] = []
    with services.db.read() as session:
        rows = session.execute(
            select(Person, Organisation.name)
            .outerjoin(Organisation, Organisation.id == Person.organisation_id)
            .where(
                where(Person.sort_key, Person.title, Person.first_name, Person.last_name, Person.function,
                      Person.department, Person.email, Organisation.sort_key, Organisation.name)
            )
            .order_by(Person.sort_key, Person.id)
            .limit(limit_per_kind)
        ).all()  # fmt: skip
        for p, org_name in rows:
            name = display_name(p.title, p.first_name, p.last_name)
            hits.append(SearchHit("person", p.id, name, joined(p.function, org_name), None))

        rows = session.scalars(
            select(Organisation)
            .where(where(Organisation.sort_key, Organisation.name, Organisation.city, Organisation.website))
            .order_by(Organisation.sort_key, Organisation.id)
            .limit(limit_per_kind)
        ).all()
        hits += [SearchHit("organisation", o.id, o.name, joined(label(o.kind), o.city), None) for o in rows]

        rows = session.scalars(
            select(Visit)
            .where(where(Visit.title, Visit.place, Visit.topics, Visit.purpose, Visit.summary))
            .order_by(Visit.starts_at.is_(None), Visit.starts_at.desc(), Visit.id.desc())
            .limit(limit_per_kind)
        ).all()
        hits += [
            SearchHit(
                "visit", v.id, v.title, joined(format_date_range(v.starts_at, v.ends_at), v.place), v.id
            )
            for v in rows
        ]

        rows = session.execute(
            select(Quote, Visit.title, Person)
            .join(Visit, Visit.id == Quote.visit_id)
            .outerjoin(Person, Person.id == Quote.speaker_person_id)
            .where(where(Quote.text))
            .order_by(
                Visit.starts_at.is_(None), Visit.starts_at.desc(), Visit.id.desc(), Quote.position, Quote.id
            )
            .limit(limit_per_kind)
        ).all()
        for q, visit_title, p in rows:
            speaker = display_name(p.title, p.first_name, p.last_name) if p else q.speaker_label
            hits.append(
                SearchHit("quote", q.id, first_line(q.text), joined(speaker, visit_title), q.visit_id)
            )

        rows = session.scalars(
            select(ContactEntry)
            .where(where(ContactEntry.summary))
            .order_by(ContactEntry.occurred_at.desc(), ContactEntry.id.desc())
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

        rows = session.execute(
            select(FollowUp, Person)
            .outerjoin(Person, Person.id == FollowUp.owner_person_id)
            .where(where(FollowUp.title))
            .order_by(FollowUp.done_on.is_not(None), FollowUp.due_on.is_(None), FollowUp.due_on, FollowUp.id)
            .limit(limit_per_kind)
        ).all()
        for f, owner in rows:
            owner_name = display_name(owner.title, owner.first_name, owner.last_name) if owner else None
            detail = joined(followup_state(f.done_on, f.due_on), owner_name)
            hits.append(SearchHit("followup", f.id, f.title, detail, f.visit_id))
    return hits
