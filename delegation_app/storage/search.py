"""Full-text search: which records of a kind contain every word the user typed (as a word prefix).

The index (migration 0003_search_index) is an FTS5 table per kind on SQLite and a tsvector
table with a GIN index on PostgreSQL, kept in sync by triggers. Both fold the indexed text as
``domain.sortkey.fold`` does, plus a second spelling with ä/ö/ü as ae/oe/ue, so the user's words
are folded here with ``fold`` and "kucuk" finds Kücük, "mueller" Müller, "stra" Straße.

The user's text never reaches MATCH or to_tsquery as syntax: it is cut into runs of letters and
digits, and each run becomes one quoted term, so "AND", "(neu", '"' or "*" are just words
(or nothing). Every word must match (AND), each as a word prefix; a word typed with ä/ö/ü also
matches its ae/oe/ue spelling ("Müller" finds a record written "Mueller").
"""

import re
import unicodedata
from functools import cache

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    bindparam,
    column,
    false,
    func,
    literal,
    literal_column,
    select,
    table,
    text,
    true,
    union_all,
)
from sqlalchemy.orm import Session

from delegation_app.domain.sortkey import fold

PREFIX = "fts_"  # every table of the index starts with it (env.py hides them from autogenerate)
INDEX_TABLES = {
    "person": "fts_person",
    "organisation": "fts_organisation",
    "visit": "fts_visit",
    "quote": "fts_quote",
    "contact": "fts_contact_entry",
    "followup": "fts_follow_up",
}
# The people's text once more, keyed by their place in name order (storage.search_by_name).
PEOPLE_BY_NAME = "fts_person_by_name"
# How many matches of each grade (whole words, prefixes) a ranked search looks at. Ordering
# every match of a two-letter prefix means reading tens of thousands of rows per keystroke; the
# newest CANDIDATES records, five times what the search box shows of a kind, are what it can show
# anyway. Each candidate is a row looked up in a table that grows with the data: 200 of them cost
# a million-person database 1.5 ms more per search than 100.
CANDIDATES = 100
_WORD = re.compile(r"[^\W_]+")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


def search_words(text: str | None) -> list[tuple[str, ...]]:
    """The words of ``text`` as the index tokenizes them (runs of letters and digits), folded;
    each with its other spellings (ü → ue)."""
    words = []
    for raw in _WORD.findall(unicodedata.normalize("NFC", text or "")):
        spelled = _WORD.findall(fold(raw.casefold().translate(_UMLAUTS)))
        for part, other in zip(_WORD.findall(fold(raw)), spelled, strict=False):
            words.append(tuple(dict.fromkeys((part, other))))
    return words


def _match_query(dialect: str, words: list[tuple[str, ...]], *, prefix: bool) -> str:
    """The words as a query string of the index: quoted terms, alternatives OR-ed, words AND-ed."""
    if dialect == "sqlite":  # FTS5: "w"* is the quoted term w as a prefix
        star = "*" if prefix else ""
        return " AND ".join("(" + " OR ".join(f'"{w}"{star}' for w in word) + ")" for word in words)
    star = ":*" if prefix else ""  # tsquery
    return " & ".join("(" + " | ".join(f"'{w}'{star}" for w in word) + ")" for word in words)


def prefix_query(words: list[tuple[str, ...]]) -> str:
    """An FTS5 query: every word as a word prefix (storage.search_walk tests rows with it)."""
    return _match_query("sqlite", words, prefix=True)


def _matching_ids(dialect: str, kind: str, query, *, newest: int | None = None) -> Select:
    """Ids of the records matching ``query`` (a value or bind parameter from _match_query); with
    ``newest``, only that many, highest ids first."""
    name = INDEX_TABLES[kind]
    if dialect == "sqlite":
        index = table(name, column("rowid"), column("body"))
        ids = select(index.c.rowid.label("id")).where(index.c.body.op("MATCH")(query))
        return ids if newest is None else ids.order_by(index.c.rowid.desc()).limit(newest)
    index = table(name, column("id"), column("doc"))
    matched = index.c.doc.op("@@")(func.to_tsquery(literal_column("'simple'::regconfig"), query))
    ids = select(index.c.id.label("id")).where(matched)
    return ids if newest is None else ids.order_by(index.c.id.desc()).limit(newest)


def matches(dialect: str, kind: str, id_column, text: str | None) -> ColumnElement[bool]:
    """For a list's search box: records of ``kind`` whose indexed text holds every word of ``text``
    as a word prefix; everything for an empty box, nothing for a box with no letter or digit."""
    if not text or not text.strip():
        return true()
    words = search_words(text)
    if not words:
        return false()
    return id_column.in_(_matching_ids(dialect, kind, _match_query(dialect, words, prefix=True)))


def count_matches(session: Session, kind: str, text: str | None, up_to: int) -> int:
    """How many records of ``kind`` match ``text`` (as ``matches`` does), counted up to ``up_to``
    only: with the prefix entries that is a short read of the index at any size. SQLite only."""
    words = search_words(text)
    if not words:
        return 0
    ids = _matching_ids("sqlite", kind, _match_query("sqlite", words, prefix=True)).limit(up_to).subquery()
    return int(session.execute(select(func.count()).select_from(ids)).scalar_one())


def match_parameters(dialect: str, text: str | None) -> dict[str, str] | None:
    """The bind parameters of ranked_candidates for ``text``; None when it has no word to look for."""
    words = search_words(text)
    if not words:
        return None
    return {
        "search_whole": _match_query(dialect, words, prefix=False),
        "search_prefix": _match_query(dialect, words, prefix=True),
    }


def whole_matches(session: Session, query: str, up_to: int) -> dict[str, int]:
    """Per kind, how many records hold every word as a whole word (``query``: match_parameters'
    "search_whole"), counted up to ``up_to``; one statement, SQLite only. Where a kind has that
    many, its prefix matches cannot reach the first ``up_to`` places (whole words rank first), so
    its prefix query need not run: for a word longer than the index's prefixes ("Partnerschaft")
    FTS5 collects every posting of every word starting so, 12 ms over two million quotes."""
    row = session.execute(_whole_counts(), {"search_whole": query, "up_to": up_to}).one()
    return dict(row._mapping)


@cache
def _whole_counts() -> Select:
    """whole_matches' statement, built once (building it cost more than running it)."""
    counts = []
    for kind in INDEX_TABLES:
        ids = _matching_ids("sqlite", kind, bindparam("search_whole"))
        limited = ids.limit(bindparam("up_to", type_=Integer)).subquery()
        counts.append(select(func.count()).select_from(limited).scalar_subquery().label(kind))
    return select(*counts)


def ranked_candidates(dialect: str, kind: str, limit: int = CANDIDATES):
    """For the global search: a subquery (id, grade) of matching records, grade 0 where every word
    matches a whole word, 1 where some only match a prefix; at most ``limit`` of each grade, the
    newest records first. Its bind parameters come from match_parameters() ("search_prefix" as
    "search_prefix_KIND", see whole_matches), so the statement can be built once and run for every
    keystroke."""
    graded = []
    for grade, name in ((0, "search_whole"), (1, f"search_prefix_{kind}")):
        ids = _matching_ids(dialect, kind, bindparam(name), newest=limit).subquery()
        graded.append(select(ids.c.id, literal(grade).label("grade")))
    both = union_all(*graded).subquery()
    return select(both.c.id, func.min(both.c.grade).label("grade")).group_by(both.c.id).subquery()


def optimize_index(session: Session) -> None:
    """Merge the index into one segment per kind, so that the words of changed or deleted text are
    gone from it, not only marked deleted (an erasure; SQLite). PostgreSQL's index rows are
    replaced by the triggers already; the space they held is the server's to reuse."""
    if session.get_bind().dialect.name != "sqlite":
        return
    for name in (*INDEX_TABLES.values(), PEOPLE_BY_NAME):
        session.execute(text(f"INSERT INTO {name}({name}) VALUES ('optimize')"))
