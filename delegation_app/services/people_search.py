"""How a page of the people list's search is found on SQLite in an order other than by name
(a search in name order reads storage.search_by_name): issue 21, a page must cost the same at
100,000 and at 1,000,000 people."""

from sqlalchemy import func, select
from sqlmodel import Session

from delegation_app.domain.models import Person
from delegation_app.storage.search import count_matches, search_words
from delegation_app.storage.search_walk import share_matching

# From this many matches on, a page of a search walks the list's order (search_plan).
MANY_MATCHES = 2_000
# From this share of matches in a sample on, a page may walk the order testing each row: 100
# matches in about 1,000 rows at most, when they are spread evenly (services.segments.BUDGET).
DENSE = 0.1
# What each way costs per row, in µs (measured at 100,000 and 1,000,000 people): the walk asks the
# index about each row it passes; the other way collects every match and passes the order's index
# entries up to the page's last match. Collecting wins in a small list ("mü" at 10,000 people:
# 2,100 matches, 1 ms; the walk 20 ms), walking in a large one ("m" at a million: 80 ms and 2 ms).
ASK_ROW_US = 10.0
COLLECT_US = 0.15


def search_plan(session: Session, dialect: str, search: str | None, limit: int | None) -> str:
    """Which way: "matches": fetch every match and sort them, a row lookup each (a word with
    fewer than MANY_MATCHES; PostgreSQL and whole lists too).
    "walk": a word matching at least DENSE of a sample of the records, in a list so large that
    collecting its matches would cost more (ASK_ROW_US, COLLECT_US): walk the list's order a
    chunk at a time and ask the index about each row (services.segments.walked_page). Else,
    or if the walk does not fill the page within its budget (the matches bunched further
    down), "walk the order": walk the order's index against the collected matches ("id + 0",
    PersonService._segments): "an", 4 % of a million people, the 100th by name at row 33,554, took 13 ms.
    Counting matches up to MANY_MATCHES costs a tenth of a millisecond, the sample 1.3 ms."""
    if dialect != "sqlite" or not search_words(search):
        return "matches"
    if count_matches(session, "person", search, MANY_MATCHES) < MANY_MATCHES:
        return "matches"
    if limit is None:
        return "walk the order"
    # Two subqueries: SQLite reads each end of the key; min() and max() in one select scan all.
    ends = (select(func.min(Person.id)).scalar_subquery(), select(func.max(Person.id)).scalar_subquery())
    lowest, highest = session.execute(select(*ends)).one()
    share = share_matching(session, "person", search or "", lowest or 0, highest or 0)
    if share < DENSE or share == 0:
        return "walk the order"
    walked = limit / share  # rows the walk passes, when the matches are spread evenly
    collected = share * ((highest or 0) - (lowest or 0) + 1) + walked
    return "walk" if ASK_ROW_US * walked < COLLECT_US * collected else "walk the order"
