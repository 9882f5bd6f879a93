"""Every text column of every table, and what an erasure (Art. 17 DSGVO) does with it.

A column missing here is a column an erasure would not look at: tests/services/
test_personal_columns.py compares this list with the tables and fails on a text column nobody
classified, so a table a later issue adds (talking points, stored press releases) has to be
placed here before its tests pass.
"""

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Column, Enum, String, Table
from sqlalchemy.types import TypeDecorator


class Treatment(StrEnum):
    # The person's own data (their person row, their phone numbers): emptied when they are
    # anonymised, deleted when they are erased. Another person's name is theirs: never searched.
    OWN = "own"
    # The person's own data in their row; in every other row free text searched for mentions.
    OWN_AND_MENTIONS = "own_and_mentions"
    # Data about the person where the row's ``owner`` column names them (the function they held
    # at a visit, the label of their quote); free text searched for mentions everywhere else.
    BELONGS = "belongs"
    # Free text: mentions of the person (full name, "Frau Temme", the last name as a word).
    MENTIONS = "mentions"
    # Folded copies of other columns (sort keys): recomputed from them, never typed.
    DERIVED = "derived"
    # JSON copies of rows (change history, recycle bin): redacted value by value like the rows.
    TRAIL = "trail"
    # Codes, keys and bookkeeping that name no person (a country code, the IANA zone).
    NOT_PERSONAL = "not_personal"


@dataclass(frozen=True)
class Rule:
    treatment: Treatment
    owner: str | None = None  # OWN/BELONGS in a part row: the column with the person's id


_OWN, _OWN_M, _M = Rule(Treatment.OWN), Rule(Treatment.OWN_AND_MENTIONS), Rule(Treatment.MENTIONS)
_DERIVED, _TRAIL, _NONE = Rule(Treatment.DERIVED), Rule(Treatment.TRAIL), Rule(Treatment.NOT_PERSONAL)

RULES: dict[str, dict[str, Rule]] = {
    "organisation": {
        "name": _M, "city": _M, "country": _NONE, "website": _M, "notes": _M, "sort_key": _DERIVED,
    },
    "person": {
        "title": _OWN, "first_name": _OWN, "last_name": _OWN, "salutation": _OWN, "email": _OWN,
        "function": _OWN_M, "department": _OWN_M, "notes": _OWN_M, "source_note": _OWN_M, "profile": _OWN_M,
        "sort_key": _DERIVED, "function_sort_key": _DERIVED, "email_sort_key": _DERIVED,
        "phone_sort_key": _DERIVED,
    },
    "phone_number": {"e164": Rule(Treatment.OWN, "person_id"), "extension": Rule(Treatment.OWN, "person_id")},
    "visit": {
        "title": _M, "place": _M, "address": _M, "timezone": _NONE, "purpose": _M, "topics": _M,
        "summary": _M, "lessons_learned": _M, "notes": _M, "sources": _M, "talking_points": _M,
        "protocol_notes": _M, "logistics": _M,
    },
    "agenda_item": {"title": _M, "place": _M, "notes": _M},
    "contact_entry": {"summary": _M, "logged_by": _M},
    "participation": {"function_at_visit": Rule(Treatment.BELONGS, "person_id")},
    "follow_up": {"title": _M, "notes": _M},
    "quote": {
        "text": _M, "speaker_label": Rule(Treatment.BELONGS, "speaker_person_id"), "context": _M,
        "language": _NONE, "approved_by": _M, "approved_text": _M,
        "approval_sent_to": Rule(Treatment.BELONGS, "speaker_person_id"),
    },
    # The account that made a change is the trail's own record of who did what, not data about
    # the people the records describe; the erasure's entry names no person either.
    "audit_entry": {
        "user_name": _NONE, "operation": _NONE, "action": _NONE, "table_name": _NONE,
        "old_values": _TRAIL, "new_values": _TRAIL,
    },
    "recycled_record": {"user_name": _NONE, "table_name": _NONE, "title": _M, "rows": _TRAIL,
                        "detached": _TRAIL},
}  # fmt: skip


def is_text(column: Column) -> bool:
    """A column that holds text a user or an import could have written (enums hold codes)."""
    kind = column.type.impl_instance if isinstance(column.type, TypeDecorator) else column.type
    return isinstance(kind, String) and not isinstance(kind, Enum)


def text_columns(tables: list[Table]) -> set[tuple[str, str]]:
    return {(table.name, column.name) for table in tables for column in table.columns if is_text(column)}


def rule(table: str, column: str) -> Rule:
    return RULES[table][column]


def columns_with(table: str, *treatments: Treatment) -> list[str]:
    return [name for name, r in RULES.get(table, {}).items() if r.treatment in treatments]


def owner_column(table: str) -> str | None:
    """The column naming the person a row's OWN/BELONGS values belong to (None: the person row)."""
    owners = {r.owner for r in RULES.get(table, {}).values() if r.owner}
    return next(iter(owners), None)
