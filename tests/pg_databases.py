"""Throwaway PostgreSQL databases for the tests: one per test, made and dropped by the CI role.

The CI role owns its databases but is no superuser, so ``DROP DATABASE … WITH (FORCE)`` may not
end a session the server itself started there (autovacuum/autoanalyze on a freshly filled
database): the drop is tried again until that worker is done.
"""

import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, ProgrammingError

from delegation_app.services.registry import Services
from delegation_app.storage.opening import open_database

DROP_ATTEMPTS = 50  # 0.2 s apart: an autovacuum of a test database takes far less than 10 s


def create(admin: Engine, admin_url: str) -> tuple[str, str]:
    """(name, URL) of a new, empty database."""
    name = f"delegation_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    return name, make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def drop(admin: Engine, name: str) -> None:
    for attempt in range(DROP_ATTEMPTS):
        try:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
            return
        except (ProgrammingError, OperationalError):  # a server worker is still connected to it
            if attempt == DROP_ATTEMPTS - 1:
                raise
            time.sleep(0.2)


@contextmanager
def server_services(admin_url: str, backups: Path) -> Iterator[Services]:
    """Services over a fresh PostgreSQL database, dropped afterwards (for tests run on both backends)."""
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name, url = create(admin, admin_url)
    db, _report = open_database(url, backups=backups)
    try:
        yield Services.over(db)
    finally:
        db.dispose()
        drop(admin, name)
        admin.dispose()
