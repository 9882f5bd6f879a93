"""search index: prefix entries up to 20 letters

Revision ID: 0009_search_long_prefixes
Revises: 0008_search_prefixes

Hand-written. A searched word longer than the longest indexed prefix (10 letters since 0008) makes
FTS5 collect the postings of every word starting so before it returns the newest matches. German
has many such words ("Bürgermeister", "Oberbürgermeister", "Wirtschaftsförderung"): the global
search for "Bürgermeister" took 1.4 ms at 100,000 people and 6.1 ms at a million (typing it, each
letter from the eleventh on costs that), "Oberbürgermeister" 0.8 ms for the people alone at
100,000. With entries up to 20 letters the index holds the prefix and returns its newest matches
at once (0.04 ms at either size). 10 % more index (172 → 189 MB at 100,000 people; 3 % of the file).

The same rebuild as 0008 (storage/search_rebuild.py): SQLite only.
"""

from collections.abc import Sequence

from delegation_app.storage.search_rebuild import rebuild_with_prefixes

revision: str = "0009_search_long_prefixes"
down_revision: str | None = "0008_search_prefixes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    rebuild_with_prefixes(20)


def downgrade() -> None:
    rebuild_with_prefixes(10)
