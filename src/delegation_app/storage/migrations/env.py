"""Alembic environment. The app passes an open connection (foreign keys OFF, see migrate.py)."""

from alembic import context
from sqlmodel import SQLModel

import delegation_app.domain.models  # noqa: F401 - registers the tables on the metadata
from delegation_app.storage.engine import make_engine
from delegation_app.storage.paths import database_url

config = context.config


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=SQLModel.metadata,
        render_as_batch=True,
        compare_type=True,
        compare_server_default=True,
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
