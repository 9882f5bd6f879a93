"""The visits as the command line lists them: a few columns in one query, no read models.

``delegation-app visits --json`` on 10,000 visits spent 0.2 s building full VisitViews (all texts
of every visit) only to print ten fields of each; this reads just those, with the organisations'
names joined in. The rows come as the database cursor delivers them (issue 21: 100,000 visits
printed in constant memory), in two parts that each follow an index, so the database never sorts
all visits before it hands out the first one.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import Select, func, select
from sqlalchemy.orm import aliased
from sqlmodel import col

from delegation_app.domain.enums import VisitDirection, VisitStatus
from delegation_app.domain.models import Organisation, Visit
from delegation_app.storage.database import Database

# Rows fetched per round trip: small enough to keep memory flat, large enough that a server's
# round trips do not dominate (100,000 visits are 200 fetches).
BATCH = 500


@dataclass(frozen=True)
class VisitSummary:
    id: int
    title: str
    starts_at: datetime | None
    ends_at: datetime | None
    timezone: str
    status: VisitStatus
    direction: VisitDirection
    host: str | None
    guest: str | None
    place: str | None


def _columns() -> Select:
    host, guest = aliased(Organisation), aliased(Organisation)
    columns = (col(Visit.id), col(Visit.title), col(Visit.starts_at), col(Visit.ends_at), col(Visit.timezone),
               col(Visit.status), col(Visit.direction), col(host.name), col(guest.name),
               col(Visit.place))  # fmt: skip
    return (
        select(*columns)
        .outerjoin(host, col(host.id) == Visit.host_organisation_id)
        .outerjoin(guest, col(guest.id) == Visit.guest_organisation_id)
    )


def summary_queries(since: date | None) -> list[Select]:
    """Dated visits by start (``ix_visit_starts_at`` holds them in that order, the id breaking ties),
    then the undated ones by id; ``since`` leaves out earlier and undated visits."""
    dated = _columns().where(col(Visit.starts_at).is_not(None))
    if since is not None:
        dated = dated.where(col(Visit.starts_at) >= datetime.combine(since, time.min))
    parts = [dated.order_by(col(Visit.starts_at), col(Visit.id))]
    if since is None:
        parts.append(_columns().where(col(Visit.starts_at).is_(None)).order_by(col(Visit.id)))
    return parts


def visit_summaries(
    db: Database, *, since: date | None = None, limit: int | None = None, batch: int = BATCH
) -> Iterator[VisitSummary]:
    """The visits in the order of ``VisitService.list()`` (dated ones by start, then undated), read
    ``batch`` rows at a time; at most ``limit`` of them, only those starting on or after ``since``.
    The read stays open until the caller has taken the last one (or drops the iterator)."""
    remaining = limit
    with db.read() as session:
        for query in summary_queries(since):
            if remaining is not None:
                if remaining <= 0:
                    return
                query = query.limit(remaining)
            # yield_per: a server-side cursor on PostgreSQL, fetchmany() in batches on SQLite.
            rows = session.execute(query, execution_options={"yield_per": batch})
            try:
                for row in rows:
                    yield VisitSummary(*row)
                    if remaining is not None:
                        remaining -= 1
            finally:
                rows.close()


def highest_visit_id(db: Database) -> int:
    """The largest visit id (0 without visits): how wide the ID column of a streamed table gets."""
    with db.read() as session:
        return session.scalar(select(func.max(Visit.id))) or 0
