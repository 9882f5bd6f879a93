"""What IT does to a team database (``delegation-app team …``): the users' role and its rights,
who else is connected before an upgrade. The schema itself comes from the migrations."""

from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from delegation_app.storage.engine import LONG, make_engine
from delegation_app.storage.migrate import DatabaseOpenError
from delegation_app.storage.team import connection_problem

USERS_ROLE = "delegation_users"
TABLE_RIGHTS = ("SELECT", "INSERT", "UPDATE", "DELETE")


class RoleNotCreated(Exception):
    """The login running ``team init`` may not create roles (no CREATEROLE)."""


@dataclass(frozen=True)
class RoleRights:
    exists: bool
    tables_missing: tuple[str, ...]  # tables the role cannot read and write
    sequences_missing: tuple[str, ...]
    writes_schema_version: bool  # it could change alembic_version: more than it needs


def _quoted(role: str) -> str:
    return '"' + role.replace('"', '""') + '"'


def admin_connection(url: str, password: str | None):
    """An engine for IT's commands (the long limits of a migration); connection failures in words."""
    return make_engine(url, password=password, limits=LONG)


def connect(engine) -> Connection:
    try:
        return engine.connect()
    except DBAPIError as exc:
        message, problem = connection_problem(exc)
        raise DatabaseOpenError(message, problem, exc.orig) from exc


def role_exists(conn: Connection, role: str) -> bool:
    return conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first() is not None


def ensure_role(conn: Connection, role: str) -> bool:
    """The users' role (NOLOGIN: people log in with their own roles, members of it); True when
    made now. Raises RoleNotCreated when this login may not create roles."""
    if role_exists(conn, role):
        return False
    try:
        with conn.begin_nested():
            conn.execute(text(f"CREATE ROLE {_quoted(role)} NOLOGIN"))
    except DBAPIError as exc:
        if getattr(exc.orig, "pgcode", None) == "42501":  # insufficient_privilege
            raise RoleNotCreated(role) from exc
        raise
    return True


def is_login(conn: Connection, role: str) -> bool:
    """Whether ``role`` is the login running the command (it owns the schema: never restricted)."""
    return conn.execute(text("SELECT current_user = :r"), {"r": role}).scalar_one()


def grant_rights(conn: Connection, role: str) -> None:
    """Read and write the records, nothing more: no DDL, the schema version read-only. Default
    privileges give the tables of later upgrades (made by this login) the same rights."""
    r = _quoted(role)
    database = conn.execute(text("SELECT current_database()")).scalar_one()
    conn.execute(text(f"GRANT CONNECT ON DATABASE {_quoted(database)} TO {r}"))
    conn.execute(text(f"GRANT USAGE ON SCHEMA public TO {r}"))
    conn.execute(text(f"GRANT {', '.join(TABLE_RIGHTS)} ON ALL TABLES IN SCHEMA public TO {r}"))
    conn.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {r}"))
    conn.execute(text(f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {r}"))
    conn.execute(
        text(f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT {', '.join(TABLE_RIGHTS)} ON TABLES TO {r}")
    )
    conn.execute(text(f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {r}"))


def grant_membership(conn: Connection, role: str, login: str) -> None:
    conn.execute(text(f"GRANT {_quoted(role)} TO {_quoted(login)}"))


def rights_of(conn: Connection, role: str) -> RoleRights:
    if not role_exists(conn, role):
        return RoleRights(False, (), (), False)
    tables = conn.execute(
        text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version' "
            "AND NOT has_table_privilege(:r, format('%I.%I', schemaname, tablename), "
            "'SELECT,INSERT,UPDATE,DELETE') ORDER BY tablename"
        ),
        {"r": role},
    ).scalars()
    sequences = conn.execute(
        text(
            "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' "
            "AND NOT has_sequence_privilege(:r, format('%I.%I', schemaname, sequencename), 'USAGE') "
            "ORDER BY sequencename"
        ),
        {"r": role},
    ).scalars()
    writes = conn.execute(
        text(
            "SELECT to_regclass('alembic_version') IS NOT NULL "
            "AND has_table_privilege(:r, 'alembic_version', 'INSERT,UPDATE,DELETE')"
        ),
        {"r": role},
    ).scalar()
    return RoleRights(True, tuple(tables), tuple(sequences), bool(writes))


def other_clients(conn: Connection) -> list[str]:
    """The user names of the other sessions on this database (the program in other windows)."""
    rows = conn.execute(
        text(
            "SELECT coalesce(usename, '?') FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND backend_type = 'client backend' ORDER BY usename"
        )
    ).scalars()
    return list(rows)
