"""Merging two records of one kind (duplicates): the kept record takes over everything that refers
to the other one, and the other one goes to the recycle bin. What people and organisations share;
services/person_merge.py and services/organisation_merge.py say what moves.

Undo is restoring the other record from the recycle bin. Its bin entry holds what the merge's
transaction recorded (``writer.recorded``): the rows it deleted (the other record; its phone
numbers the kept one had already; its participation in a visit both take part in; its link to a
contact entry that names both) and every update — each moved reference (participation, quote,
programme item, follow-up, press contact, phone number, contact entry link, a person's or a
visit's organisation) and the kept record's own fields. A restore re-inserts the rows and sets
each updated value back where nobody has changed it since (``recycle_bin._Restorer``), so both
records are as they were before the merge.

The change history of both shows the merge: one ``merge`` entry each, carrying only the other
one's id (``merged_with``); its name is read when the history is shown (``merged_name``), from the
trail itself, so an erasure that redacts the trail redacts it there too.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

from sqlalchemy import select
from sqlmodel import Session, SQLModel, col

from delegation_app.domain.changes import Change
from delegation_app.domain.errors import ConflictError, DomainError, NotFoundError
from delegation_app.domain.models import AuditEntry, Organisation, Person, Record, table_of
from delegation_app.domain.record_names import RecordName
from delegation_app.i18n import N_, _, ngettext
from delegation_app.services.field_values import EMPTY, describe
from delegation_app.services.people import display_name
from delegation_app.services.validation import is_record_id
from delegation_app.storage import audit, writer

Side = Literal["keep", "other"]
SIDES: tuple[Side, ...] = ("keep", "other")
R = TypeVar("R", bound=Record)
V = TypeVar("V")
MODELS: dict[str, type[SQLModel]] = {"person": Person, "organisation": Organisation}


@dataclass(frozen=True)
class FieldChoice:
    """A field in which the two records differ: what each holds, as users read it."""

    field: str  # the column name
    label: str  # translated
    keep_text: str
    other_text: str
    default: Side  # the kept record's value, unless it is empty and the other one's is not


@dataclass(frozen=True)
class Move:
    """Something that refers to the other record and will refer to the kept one."""

    what: str  # the table: "participation", "quote", "contact_entry", …
    count: int
    text: str  # "3 participations in visits", translated


@dataclass(frozen=True)
class MergePlan(Generic[V]):
    """What merging ``other`` into ``keep`` does, for the dialog and the CLI to show."""

    keep: V
    other: V
    fields: tuple[FieldChoice, ...]  # only the fields in which they differ
    moves: tuple[Move, ...]  # only what there is
    notes: tuple[str, ...]  # what does not simply move (both at one visit …), translated

    def summary(self) -> str:
        """ "3 participations, 2 quotes, 1 contact entry are moved to the kept record.\""""
        return moves_sentence(self.moves)


def moves_sentence(moves: Sequence[Move]) -> str:
    if not moves:
        return _("Nothing else is moved to the kept record.")
    items = ", ".join(move.text for move in moves)
    # German (and English) say "wird"/"is" only for one thing: "1 Zitat wird übernommen".
    one = len(moves) == 1 and moves[0].count == 1
    return ngettext(
        "{items} is moved to the kept record.", "{items} are moved to the kept record.", 1 if one else 2
    ).format(items=items)


def is_empty(value: Any, default: Any = None) -> bool:
    """Empty, or the value a new record gets when nobody chose one (source "unknown")."""
    return value is None or value == "" or (default is not None and value == default)


def field_choices(
    session: Session,
    model: type[SQLModel],
    keep: Record,
    other: Record,
    labels: Mapping[str, str],
    defaults: Mapping[str, Any],
) -> tuple[FieldChoice, ...]:
    found = []
    for name, label in labels.items():
        mine, theirs = getattr(keep, name), getattr(other, name)
        if mine == theirs:
            continue
        take_other = is_empty(mine, defaults.get(name)) and not is_empty(theirs, defaults.get(name))
        found.append(
            FieldChoice(
                name,
                _(label),
                describe(session, model, name, mine),
                describe(session, model, name, theirs),
                "other" if take_other else "keep",
            )
        )
    return tuple(found)


def chosen_values(
    choices_made: Mapping[str, str] | None, fields: Sequence[FieldChoice], keep: Record, other: Record
) -> dict[str, Any]:
    """The kept record's new values: per differing field the side chosen, else its default."""
    made = dict(choices_made or {})
    known = {choice.field for choice in fields}
    for name, side in made.items():
        if side not in SIDES:
            raise ValueError(f"choose 'keep' or 'other' for {name!r}, not {side!r}")
    values = {}
    for choice in fields:
        side = made.get(choice.field, choice.default)
        if side == "other":
            values[choice.field] = getattr(other, choice.field)
    unknown = set(made) - known - set(type(keep).model_fields)
    if unknown:
        raise ValueError(f"no such field to choose: {sorted(unknown)}")
    return values


def load_pair(
    session: Session,
    model: type[R],
    keep_id: int,
    other_id: int,
    versions: tuple[int, int] | None = None,
    name: Any = None,
) -> tuple[R, R]:
    """Both rows, fresh. Refuses one record twice and, given ``versions`` (what the user saw), a
    record changed since (ConflictError, as every save)."""
    table = table_of(model).name
    if keep_id == other_id:
        raise DomainError(N_("A record cannot be merged with itself. Please choose two different records."))
    rows = []
    for record_id in (keep_id, other_id):
        row = session.get(model, record_id, populate_existing=True) if is_record_id(record_id) else None
        if row is None:
            raise NotFoundError(RecordName(table), record_id)
        rows.append(row)
    if versions is not None:
        for row, seen in zip(rows, versions, strict=True):
            if row.version != seen:
                record_name = name(session, row) if name else RecordName(table)
                raise ConflictError(record_name, row.id or 0, writer.row_dict(session, model, row.id))
    return rows[0], rows[1]


def record_merge(session: Session, table: str, keep_id: int, other_id: int) -> None:
    """The entries that show the merge in both records' change history."""
    changes = writer.recorded(session)
    changes.append(Change("merge", table, keep_id, None, {"merged_with": other_id}))
    changes.append(Change("merge", table, other_id, None, {"merged_with": keep_id}))


def _name_in(table: str, values: Mapping[str, Any]) -> str | None:
    if table == "person" and values.get("last_name"):
        family_first = bool(values.get("family_name_first"))
        return display_name(values.get("title"), values.get("first_name"), values["last_name"], family_first)
    if table == "organisation" and values.get("name"):
        return str(values["name"])
    return None


def merged_name(session: Session, entry: AuditEntry) -> str:
    """The name of the record a ``merge`` entry names, for its history: as the merge deleted it
    (the other record), else as it is now (the kept one), else as it was last deleted."""
    other_id = audit.decode(entry.new_values).get("merged_with")
    table = entry.table_name
    deletes = select(AuditEntry).where(
        col(AuditEntry.table_name) == table,
        col(AuditEntry.record_id) == other_id,
        col(AuditEntry.action) == "delete",
    )
    found = session.scalars(deletes.where(col(AuditEntry.operation) == entry.operation)).first()
    if found is None:
        model = MODELS.get(table)
        current = writer.row_dict(session, model, other_id) if model is not None else None
        if current is not None:
            return _name_in(table, current) or EMPTY
        found = session.scalars(deletes.order_by(col(AuditEntry.id).desc())).first()
    return (_name_in(table, audit.decode(found.old_values)) if found else None) or EMPTY
