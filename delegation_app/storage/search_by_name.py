"""The people who match a search, in name order, a page at a time (SQLite; migration 0010).

``fts_person_by_name`` indexes the same text as ``fts_person``, keyed by each person's place in
(sort_key, id) order instead of their id. FTS5 hands out matches in key order and stops at the
page's end, so the first page of "an" is a short read of the index whether 40 or 40,000 people
match, at 10,000 people as at a million.
"""

from sqlalchemy import text
from sqlalchemy.orm import Session

from delegation_app.storage.search import PEOPLE_BY_NAME as INDEX
from delegation_app.storage.search import prefix_query, search_words

ORDER = "fts_person_order"


def people_by_name(
    session: Session, search: str, *, descending: bool = False, offset: int = 0, limit: int | None = None
) -> list[int]:
    """Ids of the people whose text holds every word of ``search`` as a word prefix (as
    storage.search.matches), sorted by name (descending: reversed), ``limit`` from ``offset``."""
    words = search_words(search)
    if not words:
        return []
    way = "DESC" if descending else "ASC"
    # CROSS JOIN: the index drives, in its key order; each match's id is one lookup by rank.
    statement = text(
        f"SELECT o.person_id FROM {INDEX} CROSS JOIN {ORDER} AS o ON o.rank = {INDEX}.rowid "
        f"WHERE {INDEX} MATCH :query ORDER BY {INDEX}.rowid {way} LIMIT :limit OFFSET :offset"
    )
    parameters = {"query": prefix_query(words), "limit": -1 if limit is None else limit, "offset": offset}
    return list(session.scalars(statement, parameters))
