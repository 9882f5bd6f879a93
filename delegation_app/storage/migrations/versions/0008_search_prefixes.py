"""search index: prefix entries from 1 up to 10 letters, and each table merged into one b-tree

Revision ID: 0008_search_prefixes
Revises: 0007_open_follow_up_index

Hand-written. A searched word longer than the longest indexed prefix (6 letters until now) makes
FTS5 collect the postings of every word starting so before it can return the newest matches:
"Straße" (strasse…) took 2 ms over 200,000 quotes and ten times that at ten times the data,
while a six-letter word takes 0.1 ms at any size. With entries for 7- to 10-letter prefixes
most words a user types are a prefix the index holds.
One-letter entries let a list count a one-letter word's matches up to a bound (people list:
walk its order or sort the matches?) instead of collecting all of them ("m": 590,000 people).
Together 12 % more file at the benchmark's data; the upgrade takes 16 s at 100,000 people.

The rebuild: storage/search_rebuild.py.
"""

from collections.abc import Sequence

from delegation_app.storage.search_rebuild import rebuild_with_prefixes

revision: str = "0008_search_prefixes"
down_revision: str | None = "0007_open_follow_up_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    rebuild_with_prefixes(10)


def downgrade() -> None:
    rebuild_with_prefixes(6, shortest=2)
