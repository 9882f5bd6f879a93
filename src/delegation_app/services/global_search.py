"""One search box over everything: people, organisations, visits, quotes, contact entries, follow-ups.

Every word must start a word of the record's searched texts (case and accents ignored: "kucuk"
finds Kücük, "mueller" Müller, "strasse" and "stra" find Straße). The matching is the full-text
index behind ``storage.search.ranked_candidates``; records where every word is a whole word come
before those where some word only matches a prefix, then each kind in its own order.
"""

from dataclasses import dataclass
from functools import cache

from sqlalchemy import bindparam, select

from delegation_app.domain.models import ContactEntry, FollowUp, Organisation, Person, Quote, Visit
from delegation_app.i18n.formatting import format_date_range, format_datetime
from delegation_app.i18n.labels import label
from delegation_app.services.people import display_name
from delegation_app.services.registry import Services
from delegation_app.services.timeline import first_line, followup_state, joined
from delegation_app.storage.search import match_parameters, ranked_candidates

KINDS = ("person", "organisation", "visit", "quote", "contact", "followup")


@dataclass(frozen=True)
class SearchHit:
    kind: str  # one of KINDS
    record_id: int
    title: str
    detail: str
    visit_id: int | None  # the visit it belongs to; a visit's own id


@cache
def _queries(dialect: str) -> dict:
    """One statement per kind, built once: building them per keystroke cost more than running them.
    Parameters: storage.search.match_parameters() and ``limit``."""

    def candidates(kind, id_column):
        found = ranked_candidates(dialect, kind)
        return found, (found, found.c.id == id_column)

    limit = bindparam("limit")
    c, on = candidates("person", Person.id)
    person = (
        select(Person, Organisation.name)
        .join(*on)
        .outerjoin(Organisation, Organisation.id == Person.organisation_id)
        .order_by(c.c.grade, Person.sort_key, Person.id)
    )
    c, on = candidates("organisation", Organisation.id)
    organisation = select(Organisation).join(*on).order_by(c.c.grade, Organisation.sort_key, Organisation.id)
    c, on = candidates("visit", Visit.id)
    visit = (
        select(Visit)
        .join(*on)
        .order_by(c.c.grade, Visit.starts_at.is_(None), Visit.starts_at.desc(), Visit.id.desc())
    )
    c, on = candidates("quote", Quote.id)
    quote = (
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
    )
    c, on = candidates("contact", ContactEntry.id)
    contact = (
        select(ContactEntry)
        .join(*on)
        .order_by(c.c.grade, ContactEntry.occurred_at.desc(), ContactEntry.id.desc())
    )
    c, on = candidates("followup", FollowUp.id)
    followup = (
        select(FollowUp, Person)
        .join(*on)
        .outerjoin(Person, Person.id == FollowUp.owner_person_id)
        .order_by(
            c.c.grade, FollowUp.done_on.is_not(None), FollowUp.due_on.is_(None), FollowUp.due_on, FollowUp.id
        )
    )
    queries = dict(
        person=person, organisation=organisation, visit=visit, quote=quote, contact=contact, followup=followup
    )
    return {kind: query.limit(limit) for kind, query in queries.items()}


def _person(p: Person, org_name: str | None) -> SearchHit:
    name = display_name(p.title, p.first_name, p.last_name)
    return SearchHit("person", p.id, name, joined(p.function, org_name), None)


def _organisation(o: Organisation) -> SearchHit:
    return SearchHit("organisation", o.id, o.name, joined(label(o.kind), o.city), None)


def _visit(v: Visit) -> SearchHit:
    return SearchHit("visit", v.id, v.title, joined(format_date_range(v.starts_at, v.ends_at), v.place), v.id)


def _quote(q: Quote, visit_title: str, p: Person | None) -> SearchHit:
    speaker = display_name(p.title, p.first_name, p.last_name) if p else q.speaker_label
    return SearchHit("quote", q.id, first_line(q.text), joined(speaker, visit_title), q.visit_id)


def _contact(c: ContactEntry) -> SearchHit:
    detail = joined(format_datetime(c.occurred_at), label(c.channel))
    return SearchHit("contact", c.id, first_line(c.summary), detail, c.visit_id)


def _followup(f: FollowUp, owner: Person | None) -> SearchHit:
    owner_name = display_name(owner.title, owner.first_name, owner.last_name) if owner else None
    detail = joined(followup_state(f.done_on, f.due_on), owner_name)
    return SearchHit("followup", f.id, f.title, detail, f.visit_id)


_HIT = {"person": _person, "organisation": _organisation, "visit": _visit, "quote": _quote,
        "contact": _contact, "followup": _followup}  # fmt: skip


def search_everything(services: Services, text: str | None, limit_per_kind: int = 20) -> list[SearchHit]:
    """Hits grouped by kind in the order of KINDS, at most ``limit_per_kind`` of each: people and
    organisations by name, visits, quotes and contact entries newest first, follow-ups as in their
    list (open ones by due date, done ones last); whole-word hits before prefix hits in each."""
    dialect = services.db.engine.dialect.name
    parameters = match_parameters(dialect, text)
    if parameters is None:
        return []
    parameters["limit"] = limit_per_kind
    hits: list[SearchHit] = []
    with services.db.read() as session:
        for kind, query in _queries(dialect).items():
            hits += [_HIT[kind](*row) for row in session.execute(query, parameters).all()]
    return hits
