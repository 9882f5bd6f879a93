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

from delegation_app.storage.search_walk import indexed_text, matching


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


# The walk looks at this many rows at a time: a screenful of matches for a word that matches a
# third of the rows, and one test of the search index's tokenizer (storage.search_walk).
CHUNK = 256
# Below this share of matching rows the walk gives up: collecting the matches is cheaper then.
DENSE = 0.1
# The first chunk only tells whether the word is that frequent: small, so a rare one costs little.
FIRST_CHUNK = 64


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
    fewer than DENSE of the rows looked at match, which the caller answers the usual way."""
    content, content_id, body = indexed_text(kind)
    found: list[int] = []
    looked = matched = 0
    for query in segments:
        walk = query.with_only_columns(id_column, body).join(content, content_id == id_column)
        position = 0
        while chunk := session.execute(walk.offset(position).limit(CHUNK if looked else FIRST_CHUNK)).all():
            position += len(chunk)
            hits = matching(session, chunk, text)
            looked, matched = looked + len(chunk), matched + len(hits)
            for row_id, _text in chunk:
                if row_id not in hits:
                    continue
                if offset:
                    offset -= 1
                    continue
                found.append(row_id)
                if len(found) == limit:
                    return found
            if matched < DENSE * looked:
                return None
    return found
