"""One search box over everything: people, organisations, visits, quotes, contact entries, follow-ups.

Every word must start a word of the record's searched texts (case and accents ignored: "kucuk"
finds Kücük, "mueller" Müller, "strasse" and "stra" find Straße). The matching is the full-text
index behind ``storage.search.ranked_candidates``; records where every word is a whole word come
before those where some word only matches a prefix, then each kind in its own order.
"""

from dataclasses import dataclass
from functools import cache

from sqlalchemy import Integer, Select, bindparam, select
from sqlalchemy.orm import aliased
from sqlmodel import col

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

    limit = bindparam("limit", type_=Integer)
    speaker = aliased(Person)
    c, on = candidates("person", Person.id)
    person: Select = (
        select(col(Person.id), col(Person.title), col(Person.first_name), col(Person.last_name),
               col(Person.family_name_first),
               col(Person.function), col(Organisation.name).label("org_name"))
        .join(*on)
        .outerjoin(Organisation, col(Organisation.id) == Person.organisation_id)
        .order_by(c.c.grade, col(Person.sort_key), col(Person.id))
    )  # fmt: skip
    c, on = candidates("organisation", Organisation.id)
    organisation = (
        select(col(Organisation.id), col(Organisation.name), col(Organisation.kind), col(Organisation.city))
        .join(*on)
        .order_by(c.c.grade, col(Organisation.sort_key), col(Organisation.id))
    )
    c, on = candidates("visit", Visit.id)
    visit = (
        select(col(Visit.id), col(Visit.title), col(Visit.starts_at), col(Visit.ends_at), col(Visit.place))
        .join(*on)
        .order_by(
            c.c.grade, col(Visit.starts_at).is_(None), col(Visit.starts_at).desc(), col(Visit.id).desc()
        )
    )
    c, on = candidates("quote", Quote.id)
    quote: Select = (
        select(col(Quote.id), col(Quote.text), col(Quote.visit_id), col(Quote.speaker_label),
               col(Visit.title).label("visit_title"),
               col(speaker.id).label("speaker_id"), col(speaker.title), col(speaker.first_name),
               col(speaker.last_name), col(speaker.family_name_first))
        .join(*on)
        .join(Visit, col(Visit.id) == Quote.visit_id)
        .outerjoin(speaker, col(speaker.id) == Quote.speaker_person_id)
        .order_by(c.c.grade, col(Visit.starts_at).is_(None), col(Visit.starts_at).desc(),
                  col(Visit.id).desc(), col(Quote.position), col(Quote.id))
    )  # fmt: skip
    c, on = candidates("contact", ContactEntry.id)
    contact = (
        select(col(ContactEntry.id), col(ContactEntry.summary), col(ContactEntry.occurred_at),
               col(ContactEntry.channel), col(ContactEntry.visit_id))
        .join(*on)
        .order_by(c.c.grade, col(ContactEntry.occurred_at).desc(), col(ContactEntry.id).desc())
    )  # fmt: skip
    c, on = candidates("followup", FollowUp.id)
    followup: Select = (
        select(col(FollowUp.id), col(FollowUp.title), col(FollowUp.due_on), col(FollowUp.done_on),
               col(FollowUp.visit_id),
               col(speaker.id).label("owner_id"), col(speaker.title).label("owner_title"),
               col(speaker.first_name).label("owner_first"), col(speaker.last_name).label("owner_last"),
               col(speaker.family_name_first).label("owner_family_first"))
        .join(*on)
        .outerjoin(speaker, col(speaker.id) == FollowUp.owner_person_id)
        .order_by(c.c.grade, col(FollowUp.done_on).is_not(None), col(FollowUp.due_on).is_(None),
                  col(FollowUp.due_on), col(FollowUp.id))
    )  # fmt: skip
    queries = dict(
        person=person, organisation=organisation, visit=visit, quote=quote, contact=contact, followup=followup
    )
    return {kind: query.limit(limit) for kind, query in queries.items()}


# Each turns one row of its kind's query (columns, not ORM objects: loading objects cost more
# than the search) into a hit.
def _person(r) -> SearchHit:
    name = display_name(r.title, r.first_name, r.last_name, r.family_name_first)
    return SearchHit("person", r.id, name, joined(r.function, r.org_name), None)


def _organisation(r) -> SearchHit:
    return SearchHit("organisation", r.id, r.name, joined(label(r.kind), r.city), None)


def _visit(r) -> SearchHit:
    return SearchHit("visit", r.id, r.title, joined(format_date_range(r.starts_at, r.ends_at), r.place), r.id)


def _quote(r) -> SearchHit:
    speaker = r.speaker_label
    if r.speaker_id:
        speaker = display_name(r.title, r.first_name, r.last_name, r.family_name_first)
    return SearchHit("quote", r.id, first_line(r.text), joined(speaker, r.visit_title), r.visit_id)


def _contact(r) -> SearchHit:
    detail = joined(format_datetime(r.occurred_at), label(r.channel))
    return SearchHit("contact", r.id, first_line(r.summary), detail, r.visit_id)


def _followup(r) -> SearchHit:
    owner = None
    if r.owner_id:
        owner = display_name(r.owner_title, r.owner_first, r.owner_last, r.owner_family_first)
    return SearchHit(
        "followup", r.id, r.title, joined(followup_state(r.done_on, r.due_on), owner), r.visit_id
    )


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
    bound: dict[str, str | int] = {**parameters, "limit": limit_per_kind}
    hits: list[SearchHit] = []
    with services.db.read() as session:
        for kind, query in _queries(dialect).items():
            hits += [_HIT[kind](row) for row in session.execute(query, bound).all()]
    return hits
