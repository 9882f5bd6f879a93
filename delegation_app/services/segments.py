"""Pages of a list whose order is several index ranges one after another.

"Upcoming visits by date, then undated ones, then past ones newest first" as one ORDER BY (with
CASE or "IS NULL" keys) makes the database sort every row before it returns the first page: at
100,000 visits that was most of the start-up's reading, and it grows with the table. Written as
consecutive queries, each one walks an index and stops after the page; a part's size is counted
only when a page starts beyond its end.
"""

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from delegation_app.storage.search_walk import matching


def page(
    session: Session,
    segments: Sequence[Select],
    offset: int,
    limit: int | None,
    fetch: Callable[[Session, Select], Sequence[Any]] | None = None,
) -> list[Any]:
    """Rows ``offset`` … ``offset + limit`` of the segments one after another (``fetch`` runs one
    limited segment; default: its first column's objects)."""
    run = fetch or (lambda s, q: s.scalars(q).all())
    rows: list[Any] = []
    for query in segments:
        wanted = None if limit is None else limit - len(rows)
        if wanted == 0:
            break
        part = query.offset(offset) if wanted is None else query.offset(offset).limit(wanted)
        found = run(session, part)
        if found:
            rows.extend(found)
            offset = 0
        elif offset:
            counted = select(func.count()).select_from(query.order_by(None).subquery())
            offset = max(0, offset - session.execute(counted).scalar_one())
    return rows


# The walk looks at this many rows at most (about 10 ms, storage.search_walk): a page of a word
# that matches a tenth of the list, or a sixth of it bunched away from the list's start ("ku"
# in name order, 760 rows for a page of 100). Beyond it the matches are fewer or bunched further
# down, and collecting them is cheaper.
BUDGET = 1024
# The first chunk is smaller: a word matching most rows ("m") fills a page from it.
FIRST_CHUNK = 64
CHUNK = 128


def walked_page(
    session: Session,
    segments: Sequence[Select],
    id_column: Any,
    kind: str,
    text: str,
    offset: int,
    limit: int,
) -> list[int] | None:
    """Ids of matches ``offset`` … ``offset + limit`` of ``text`` in the segments' order, found
    by walking that order a chunk at a time (a search that matches much of the list); None when
    BUDGET rows did not give them, which the caller answers the usual way."""
    found: list[int] = []
    looked = 0
    for query in segments:
        walk = query.with_only_columns(id_column)
        position = 0
        while chunk := session.scalars(walk.offset(position).limit(CHUNK if looked else FIRST_CHUNK)).all():
            position += len(chunk)
            looked += len(chunk)
            hits = matching(session, kind, chunk, text)
            for row_id in chunk:
                if row_id not in hits:
                    continue
                if offset:
                    offset -= 1
                    continue
                found.append(row_id)
                if len(found) == limit:
                    return found
            if looked >= BUDGET:
                return None
    return found
