"""One search box over everything: people, organisations, visits, quotes, contact entries, follow-ups.

Every word must start a word of the record's searched texts (case and accents ignored: "kucuk"
finds Kücük, "mueller" Müller, "strasse" and "stra" find Straße). The matching is the full-text
index behind ``storage.search.ranked_candidates``; records where every word is a whole word come
before those where some word only matches a prefix, then each kind in its own order.
"""

from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Integer,
    Select,
    Text,
    bindparam,
    cast,
    func,
    literal,
    null,
    select,
    union_all,
)
from sqlalchemy.orm import aliased
from sqlalchemy.types import TypeEngine
from sqlmodel import col

from delegation_app.domain.enums import ContactChannel, OrganisationKind
from delegation_app.domain.models import ContactEntry, FollowUp, Organisation, Person, Quote, Visit
from delegation_app.i18n.formatting import format_date_range, format_datetime
from delegation_app.i18n.labels import label
from delegation_app.services.people import display_name
from delegation_app.services.registry import Services
from delegation_app.services.timeline import first_line, followup_state, joined
from delegation_app.storage.search import match_parameters, ranked_candidates, whole_matches

KINDS = ("person", "organisation", "visit", "quote", "contact", "followup")


@dataclass(frozen=True)
class SearchHit:
    kind: str  # one of KINDS
    record_id: int
    title: str
    detail: str
    visit_id: int | None  # the visit it belongs to; a visit's own id


# The columns every kind's rows are put into, so that all kinds come back from one statement
# (over a network each statement is a round trip: six of them were most of a search's time).
# A kind leaves the slots it does not use NULL, typed: PostgreSQL needs it, and the first kind's
# types decide how SQLite's values are read (its dates are text). Stored columns are not cast:
# SQLite's CAST(… AS DATETIME) would turn a date into a number.
_SLOTS: dict[str, TypeEngine[Any]] = {
    "id": Integer(), "visit_id": Integer(), "ref_id": Integer(),
    **{f"t{i}": Text() for i in range(1, 7)}, "flag": Boolean(),
    "dt1": DateTime(), "dt2": DateTime(), "d1": Date(), "d2": Date(),
}  # fmt: skip


def _slotted(kind: str, query: Select, order: list, **columns) -> Select:
    """``query``'s columns renamed into _SLOTS, with the kind and the row's place in its kind."""
    filled = [
        (columns[name] if name in columns else cast(null(), type_)).label(name)
        for name, type_ in _SLOTS.items()
    ]
    kind_index = literal(KINDS.index(kind), Integer).label("kind")
    place = func.row_number().over(order_by=order).label("place")
    return query.with_only_columns(kind_index, place, *filled).order_by(*order)


@cache
def _query(dialect: str) -> Select:
    """One statement for every kind, built once: building it per keystroke cost more than running
    it. Each kind's best ``limit`` rows, grouped by kind in KINDS order, each kind in its own
    order. Parameters: storage.search.match_parameters() and ``limit``."""

    def candidates(kind, id_column):
        found = ranked_candidates(dialect, kind)
        return found, (found, found.c.id == id_column)

    limit = bindparam("limit", type_=Integer)
    speaker = aliased(Person)
    c, on = candidates("person", Person.id)
    person = _slotted(
        "person",
        select(Person).join(*on).outerjoin(Organisation, col(Organisation.id) == Person.organisation_id),
        [c.c.grade, col(Person.sort_key), col(Person.id)],
        id=Person.id, t1=Person.title, t2=Person.first_name, t3=Person.last_name,
        flag=Person.family_name_first, t4=Person.function, t5=Organisation.name,
    )  # fmt: skip
    c, on = candidates("organisation", Organisation.id)
    organisation = _slotted(
        "organisation", select(Organisation).join(*on),
        [c.c.grade, col(Organisation.sort_key), col(Organisation.id)],
        id=Organisation.id, t1=Organisation.name, t2=Organisation.kind, t3=Organisation.city,
    )  # fmt: skip
    c, on = candidates("visit", Visit.id)
    visit = _slotted(
        "visit", select(Visit).join(*on),
        [c.c.grade, col(Visit.starts_at).is_(None), col(Visit.starts_at).desc(), col(Visit.id).desc()],
        id=Visit.id, visit_id=Visit.id, t1=Visit.title, t2=Visit.place,
        dt1=Visit.starts_at, dt2=Visit.ends_at,
    )  # fmt: skip
    c, on = candidates("quote", Quote.id)
    quote = _slotted(
        "quote",
        select(Quote).join(*on).join(Visit, col(Visit.id) == Quote.visit_id)
        .outerjoin(speaker, col(speaker.id) == Quote.speaker_person_id),
        [c.c.grade, col(Visit.starts_at).is_(None), col(Visit.starts_at).desc(), col(Visit.id).desc(),
         col(Quote.position), col(Quote.id)],
        id=Quote.id, visit_id=Quote.visit_id, t1=Quote.text, t2=Quote.speaker_label, t3=Visit.title,
        ref_id=speaker.id, t4=speaker.title, t5=speaker.first_name, t6=speaker.last_name,
        flag=speaker.family_name_first,
    )  # fmt: skip
    c, on = candidates("contact", ContactEntry.id)
    contact = _slotted(
        "contact", select(ContactEntry).join(*on),
        [c.c.grade, col(ContactEntry.occurred_at).desc(), col(ContactEntry.id).desc()],
        id=ContactEntry.id, visit_id=ContactEntry.visit_id, t1=ContactEntry.summary, t2=ContactEntry.channel,
        dt1=ContactEntry.occurred_at,
    )  # fmt: skip
    c, on = candidates("followup", FollowUp.id)
    followup = _slotted(
        "followup",
        select(FollowUp).join(*on).outerjoin(speaker, col(speaker.id) == FollowUp.owner_person_id),
        [c.c.grade, col(FollowUp.done_on).is_not(None), col(FollowUp.due_on).is_(None), col(FollowUp.due_on),
         col(FollowUp.id)],
        id=FollowUp.id, visit_id=FollowUp.visit_id, t1=FollowUp.title,
        d1=FollowUp.due_on, d2=FollowUp.done_on,
        ref_id=speaker.id, t2=speaker.title, t3=speaker.first_name, t4=speaker.last_name,
        flag=speaker.family_name_first,
    )  # fmt: skip
    # Each kind limited in a subquery of its own (SQLite takes no LIMIT on a member of a UNION).
    parts = [
        select(*q.limit(limit).subquery().c) for q in (person, organisation, visit, quote, contact, followup)
    ]
    every = union_all(*parts).subquery()
    return select(*every.c).order_by(every.c.kind, every.c.place)


# Each turns one row of its kind (columns, not ORM objects: loading objects cost more than the
# search) into a hit.
def _person(r) -> SearchHit:
    name = display_name(r.t1, r.t2, r.t3, r.flag)
    return SearchHit("person", r.id, name, joined(r.t4, r.t5), None)


def _organisation(r) -> SearchHit:
    return SearchHit("organisation", r.id, r.t1, joined(label(OrganisationKind(r.t2)), r.t3), None)


def _visit(r) -> SearchHit:
    return SearchHit("visit", r.id, r.t1, joined(format_date_range(r.dt1, r.dt2), r.t2), r.id)


def _quote(r) -> SearchHit:
    speaker = r.t2
    if r.ref_id:
        speaker = display_name(r.t4, r.t5, r.t6, r.flag)
    return SearchHit("quote", r.id, first_line(r.t1), joined(speaker, r.t3), r.visit_id)


def _contact(r) -> SearchHit:
    detail = joined(format_datetime(r.dt1), label(ContactChannel(r.t2)))
    return SearchHit("contact", r.id, first_line(r.t1), detail, r.visit_id)


def _followup(r) -> SearchHit:
    owner = None
    if r.ref_id:
        owner = display_name(r.t2, r.t3, r.t4, r.flag)
    return SearchHit("followup", r.id, r.t1, joined(followup_state(r.d2, r.d1), owner), r.visit_id)


_HIT = (_person, _organisation, _visit, _quote, _contact, _followup)  # in KINDS order


def search_everything(services: Services, text: str | None, limit_per_kind: int = 20) -> list[SearchHit]:
    """Hits grouped by kind in the order of KINDS, at most ``limit_per_kind`` of each: people and
    organisations by name, visits, quotes and contact entries newest first, follow-ups as in their
    list (open ones by due date, done ones last); whole-word hits before prefix hits in each."""
    dialect = services.db.engine.dialect.name
    parameters = match_parameters(dialect, text)
    if parameters is None:
        return []
    bound: dict[str, str | int] = {"search_whole": parameters["search_whole"], "limit": limit_per_kind}
    with services.db.read_one() as session:  # one statement (on a server): no transaction round trips
        # On SQLite a second statement costs no round trip: it spares the prefix queries of the
        # kinds whose whole-word matches fill their places anyway (storage.search.whole_matches).
        enough = (
            whole_matches(session, parameters["search_whole"], limit_per_kind) if dialect == "sqlite" else {}
        )
        for kind in KINDS:
            full = enough.get(kind, 0) >= limit_per_kind
            bound[f"search_prefix_{kind}"] = parameters["search_whole" if full else "search_prefix"]
        rows = session.execute(_query(dialect), bound).all()
    return [_HIT[row.kind](row) for row in rows]
