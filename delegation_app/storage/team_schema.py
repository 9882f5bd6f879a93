"""What a team database holds before anyone works in it: reachable, whose schema version, over
TLS or not. A user's program never changes the schema of a team database (IT does, with
``delegation-app team init|upgrade``), so it refuses, in words, one that is not ready."""

from dataclasses import dataclass

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from delegation_app.i18n import _
from delegation_app.storage.engine import make_engine
from delegation_app.storage.failures import Problem
from delegation_app.storage.migrate import DatabaseOpenError, alembic_config
from delegation_app.storage.team import connection_problem

PROBE_TIMEOUT_S = 5  # "Test connection": a server that is not there is said within seconds


@dataclass(frozen=True)
class ServerState:
    revision: str | None  # the schema version in the database (alembic), None when it has none
    head: str | None  # the schema version this program needs
    known: bool  # the revision is one of this program's (False: a newer program wrote it)
    has_tables: bool
    tls: bool  # this connection is encrypted
    server_version: str


def inspect_server(
    url: str, password: str | None = None, timeout_s: int = PROBE_TIMEOUT_S, *, engine: Engine | None = None
) -> ServerState:
    """Connect once and look; a connection failure is a DatabaseOpenError in the user's words.
    ``engine``: the one the program goes on with (at the start: no second log-in over the
    network); else a connection of its own, given up after ``timeout_s``."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    own = engine is None
    if engine is None:
        engine = make_engine(url, password=password, connect_timeout_s=timeout_s)
    try:
        with engine.connect() as conn:
            revision = MigrationContext.configure(conn).get_current_revision()
            tables = set(inspect(conn).get_table_names()) - {"alembic_version"}
            tls = conn.execute(text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).scalar()
            version = conn.execute(text("SHOW server_version")).scalar()
    except DBAPIError as exc:
        message, problem = connection_problem(exc)
        raise DatabaseOpenError(message, problem, exc.orig) from exc
    finally:
        if own:
            engine.dispose()
    known = revision is None or revision in {r.revision for r in script.walk_revisions()}
    return ServerState(revision, script.get_current_head(), known, bool(tables), bool(tls), str(version))


def refuse_unready(state: ServerState) -> None:
    """Raise unless the schema is exactly the one this program needs. Nothing destructive is
    offered: the way out is IT's command."""
    if not state.known:
        raise DatabaseOpenError(
            _(
                "The team database was set up by a newer version of this program. Please ask IT to "
                "update the program."
            ),
            Problem.NEWER,
        )
    if state.revision is None:
        if state.has_tables:
            message = _("The database on the server is not one of this program: please ask IT.")
            raise DatabaseOpenError(message)
        raise DatabaseOpenError(
            _("The database on the server is empty: IT has to set it up first (delegation-app team init).")
        )
    if state.revision != state.head:
        raise DatabaseOpenError(
            _(
                "The team database needs an update for this version of the program: please ask IT "
                "(delegation-app team upgrade)."
            )
        )
