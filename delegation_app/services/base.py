"""The shape every entity service shares: validate, write through storage.writer, return views."""

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm.util import identity_key
from sqlmodel import Session, col

from delegation_app.domain.errors import NotFoundError, StillReferencedError
from delegation_app.domain.models import AgendaItem, Participation, Quote, Record, Visit, stored_id, table_of
from delegation_app.domain.record_names import RecordName
from delegation_app.i18n import _
from delegation_app.services import recycle_bin
from delegation_app.services.validation import MAX_POSITION, Checker, is_record_id
from delegation_app.storage import writer
from delegation_app.storage.database import Database

M = TypeVar("M", bound=Record)
# The parts of a visit: they carry visit_id and position.
P = TypeVar("P", bound=AgendaItem | Participation | Quote)
R = TypeVar("R", bound=Record)
I = TypeVar("I")  # noqa: E741 - input dataclass
V = TypeVar("V")
Choices = list[tuple[str, int]]  # (text shown, record id) for a choice box


def chunks(ids: Sequence[int], size: int = 5000) -> Iterator[Sequence[int]]:
    """Ids in slices a SQL ``IN`` takes (SQLite allows 32,766 parameters per statement)."""
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def prefetch(session: Session, model: type[R], ids: Iterable[int | None]) -> list[R]:
    """Load the rows with these ids in one query (per 5,000) into the session, so that
    ``session.get()`` in a view finds them without a query of its own. The session holds its
    rows weakly: keep the returned list while the views are built."""
    wanted = sorted({i for i in ids if i is not None})
    # Rows a query of the same session loaded already (a join that read them with the rows they
    # belong to) need no query of their own: over a network each query is a round trip.
    held = {i: session.identity_map.get(identity_key(model, i)) for i in wanted}
    rows: list[R] = [row for row in held.values() if row is not None]
    wanted = [i for i in wanted if held[i] is None]
    for part in chunks(wanted):
        rows += session.scalars(select(model).where(col(model.id).in_(part))).all()
    return rows


def _columns(values: Mapping[str, Any]) -> dict[str, Any]:
    """Validated values minus the parts (keys starting with "_") that _write_parts handles."""
    return {k: v for k, v in values.items() if not k.startswith("_")}


class CrudService(Generic[M, I, V]):
    model: type[M]
    entity: str  # marked with N_(), translated when shown
    recyclable = False  # a delete keeps the record and what goes with it in the recycle bin

    def __init__(self, db: Database) -> None:
        self.db = db

    # --- hooks -------------------------------------------------------------------------------
    def _validate(self, session: Session, check: Checker, data: I, record_id: int | None) -> dict[str, Any]:
        """Column values; keys starting with "_" carry validated parts for _write_parts."""
        raise NotImplementedError

    def _view(self, session: Session, row: M) -> V:
        raise NotImplementedError

    def _write_parts(self, session: Session, record_id: int, data: I, values: Mapping[str, Any]) -> None:
        """Write rows owned by the record (phones, linked people)."""

    def _consequences(self, session: Session, record_id: int) -> dict[str, int]:
        """What deleting the record would touch, as {translated description: count}."""
        return {}

    def _before_delete(self, session: Session, record_id: int) -> None:
        """Detach or remove what the user agreed to when confirming the consequences."""

    def _name(self, session: Session, row: M) -> RecordName:
        """How messages name the record ("The visit “…”"); the kind alone where no name is known."""
        return RecordName(table_of(self.model).name)

    def _title(self, row: M) -> str:
        """How the recycle bin names a deleted record."""
        return str(row.id)

    def _list_query(self, search: str | None) -> Select:
        return select(self.model).order_by(col(self.model.id))

    # --- use cases -----------------------------------------------------------------------------
    def entity_name(self) -> str:
        return _(self.entity)

    def _checked(self, session: Session, data: I, record_id: int | None) -> dict[str, Any]:
        check = Checker()
        values = self._validate(session, check, data, record_id)
        check.raise_if_any()
        return values

    def _row(self, session: Session, record_id: int) -> M:
        row = session.get(self.model, record_id, populate_existing=True) if is_record_id(record_id) else None
        if row is None:
            raise NotFoundError(RecordName(table_of(self.model).name), record_id)
        return row

    def create(self, data: I) -> V:
        with self.db.write() as session:
            values = self._checked(session, data, None)
            row = writer.insert(session, self.model(**_columns(values)))
            self._write_parts(session, stored_id(row), data, values)
            return self._view(session, self._row(session, stored_id(row)))

    def update(self, record_id: int, version: int, data: I) -> V:
        with self.db.write() as session:
            name = self._name(session, self._row(session, record_id))
            values = self._checked(session, data, record_id)
            writer.update(session, self.model, record_id, version, _columns(values), name)
            self._write_parts(session, record_id, data, values)
            return self._view(session, self._row(session, record_id))

    def consequences(self, record_id: int) -> dict[str, int]:
        with self.db.read() as session:
            self._row(session, record_id)
            return self._consequences(session, record_id)

    def delete(self, record_id: int, version: int, *, confirmed: bool = False) -> None:
        """Refuses with StillReferencedError unless the caller confirmed the listed consequences."""
        with self.db.write() as session:
            row = self._row(session, record_id)
            title, name = self._title(row), self._name(session, row)
            consequences = self._consequences(session, record_id)
            if consequences and not confirmed:
                raise StillReferencedError(name, record_id, consequences)
            first = len(writer.recorded(session))
            self._before_delete(session, record_id)
            writer.delete(session, self.model, record_id, version, name)
            if self.recyclable:
                taken = writer.recorded(session)[first:]
                table = table_of(self.model).name
                recycle_bin.put(session, table, record_id, title, taken, self.db.user_name)

    def get(self, record_id: int) -> V:
        with self.db.read() as session:
            return self._view(session, self._row(session, record_id))

    def get_many(self, record_ids: Iterable[int]) -> list[V]:
        """The records with these ids that exist, in id order, read in one query."""
        with self.db.read() as session:
            query = select(self.model).where(col(self.model.id).in_(sorted(set(record_ids))))
            return self._view_many(session, self._rows(session, query.order_by(col(self.model.id))))

    def _view_many(self, session: Session, rows: list[M]) -> list[V]:
        """Views of many rows; services whose views name related records override it to load
        those in one query per kind instead of one per row (a list of 10,000 visits)."""
        return [self._view(session, row) for row in rows]

    def _rows(self, session: Session, query: Select) -> list:
        """The rows a list shows; a service may read plain rows instead of ORM objects."""
        return list(session.scalars(query))

    def _views(self, query: Select) -> list[V]:
        with self.db.read() as session:
            return self._view_many(session, self._rows(session, query))

    def list(self, search: str | None = None, *, limit: int | None = None, offset: int = 0) -> list[V]:
        with self.db.read() as session:
            query = self._list_query(search).offset(offset)
            if limit is not None:
                query = query.limit(limit)
            return self._view_many(session, self._rows(session, query))


class PartService(CrudService[P, I, V]):
    """A service for one of a visit's parts: they stay with their visit and have an order."""

    def _position(
        self, session: Session, check: Checker, value: Any, visit_id: int | None, record_id: int | None
    ) -> int | None:
        """Order within a visit: as given, else unchanged on update, else after the last one."""
        position = check.position("position", value)
        if position is not None or visit_id is None:
            return position
        if record_id is not None:
            return session.get_one(self.model, record_id).position
        last = session.scalar(
            select(func.max(col(self.model.position))).where(col(self.model.visit_id) == visit_id)
        )
        return 0 if last is None else min(last + 1, MAX_POSITION)

    def _visit_of_part(
        self, session: Session, check: Checker, value: Any, record_id: int | None
    ) -> int | None:
        """The visit a part (participant, agenda item, quote) belongs to; parts never move."""
        visit_id = check.exists(session, "visit_id", Visit, value, required=True)
        moved = record_id is not None and visit_id is not None
        if moved and session.get_one(self.model, record_id).visit_id != visit_id:
            check.fail("visit_id", _("This cannot be moved to another visit; please add it there anew."))
            return None
        return visit_id
