"""Text search behind one function per database kind (the search issue replaces this with FTS).

SQLite's lower() folds ASCII only, so "Köln" would not find "köln": SQLite connections get an
``app_fold()`` function (the same folding as the sort keys). PostgreSQL's lower() knows Unicode.
"""

from sqlalchemy import ColumnElement, and_, func, true

from delegation_app.domain.sortkey import fold


def contains_all_words(dialect: str, column, search: str | None) -> ColumnElement[bool]:
    if not search or not search.strip():
        return true()
    if dialect == "sqlite":
        target, words = func.app_fold(column), fold(search).split()
    else:
        target, words = func.lower(column), search.lower().split()
    return and_(*(target.contains(word, autoescape=True) for word in words))
