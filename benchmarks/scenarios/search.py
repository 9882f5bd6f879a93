"""Search as you type through ``services.global_search.search_everything``, against a plain
``LIKE '%…%'`` scan of the same columns (every match of every word, no index can help).
Two results: ``search``, the median over the queries, and ``search_slowest``, the median of the
slowest query (issue 21: ≤ 5 / ≤ 20 ms)."""

import statistics

from sqlalchemy import text

from delegation_app.services.global_search import search_everything
from scenarios import Context, Result, median_time, result

# What people type: whole names, accent-free spellings, and the first letters of a word.
QUERIES = (
    "kucuk", "stra", "mü", "ka", "now", "sch", "Müller", "Straße", "ozdemir", "lodz", "Kraków",
    "Bürgermeister", "fahrrad", "Partnerschaft", "Wizyta", "heyeti", "anna schmidt", "wroc", "gegenbe",
    "Protokoll",
)  # fmt: skip

# The columns search_everything looks at, per kind (people also by their organisation's name).
BASELINE = (
    ("person p LEFT JOIN organisation o ON o.id = p.organisation_id",
     ("p.sort_key", "p.title", "p.first_name", "p.last_name", "p.function", "p.department", "p.email",
      "o.sort_key", "o.name")),
    ("organisation", ("sort_key", "name", "city", "website")),
    ("visit", ("title", "place", "topics", "purpose", "summary")),
    ("quote", ("text",)),
    ("contact_entry", ("summary",)),
    ("follow_up", ("title",)),
)  # fmt: skip


def like_scan(session, query: str) -> int:
    words = query.split()
    found = 0
    for source, columns in BASELINE:
        per_word = ["(" + " OR ".join(f"{c} LIKE :w{i}" for c in columns) + ")" for i in range(len(words))]
        sql = text(f"SELECT 1 FROM {source} WHERE {' AND '.join(per_word)}")
        found += len(session.execute(sql, {f"w{i}": f"%{w}%" for i, w in enumerate(words)}).all())
    return found


def run(ctx: Context) -> dict[str, Result]:
    services = ctx.services
    ours, baseline = {}, {}
    with services.db.read() as session:
        for query in QUERIES:
            search_everything(services, query)  # the first call compiles the statements
            ours[query] = median_time(lambda q=query: search_everything(services, q), ctx.repeat)
            baseline[query] = median_time(lambda q=query: like_scan(session, q), ctx.repeat)
    value, base = statistics.median(ours.values()), statistics.median(baseline.values())
    slow = sorted(ours, key=ours.get, reverse=True)[:3]
    note = (
        f"LIKE scan: {base * 1000:.1f} ms; slowest queries: "
        + ", ".join(f"{q!r} {ours[q] * 1000:.1f} ms" for q in slow)
    )
    slowest = ours[slow[0]]
    return {
        "search": result("search", value, value / base, note),
        "search_slowest": result("search_slowest", slowest),  # which query: in the note above
    }
