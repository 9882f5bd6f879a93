"""Alembic environment. The app passes an open connection (foreign keys OFF, see migrate.py)."""

from alembic import context
from sqlmodel import SQLModel

import delegation_app.domain.models  # noqa: F401 - registers the tables on the metadata
from delegation_app.storage.engine import make_engine
from delegation_app.storage.paths import database_url
from delegation_app.storage.search import PREFIX as SEARCH_INDEX_PREFIX

config = context.config


def _include_name(name, type_, _parent_names) -> bool:
    """The search index (FTS5 tables and their shadow tables, PostgreSQL's tsvector tables) is
    made by hand in 0003_search_index; autogenerate must neither drop it nor model it."""
    return not (type_ in ("table", "index") and name and name.startswith(SEARCH_INDEX_PREFIX))


def _run(connection) -> None:
    if connection.dialect.name == "sqlite":
        # Batch mode rebuilds a table by create-copy-drop-rename. Since SQLite 3.26 the rename
        # checks every trigger and fails while another table's trigger names the dropped one (the
        # search index's person trigger reads organisation). The legacy rename leaves triggers
        # alone; they name the table, which exists again after the rename.
        connection.exec_driver_sql("PRAGMA legacy_alter_table = ON")
    context.configure(
        connection=connection,
        target_metadata=SQLModel.metadata,
        render_as_batch=True,
        compare_type=True,
        compare_server_default=True,
        include_name=_include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:  # the alembic command line, for developers
    engine = make_engine(database_url(), foreign_keys=False)
    with engine.begin() as conn:
        _run(conn)
