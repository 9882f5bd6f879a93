"""``delegation-app team init|upgrade|check URL``: IT sets up and looks after the team database.

The URL names server, database and the administrator's login, never a password: a URL with one
is refused (it would sit in the shell history and the process list). The password comes from
``PGPASSWORD`` or ``~/.pgpass`` (libpq reads them itself when none is given) or, at a terminal,
a prompt. No Qt, no context: these commands run before (and instead of) opening the database.
"""

import argparse
import sys
from collections.abc import Callable
from getpass import getpass

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from delegation_app.domain.errors import DomainError
from delegation_app.i18n import _, ngettext
from delegation_app.storage import team_admin
from delegation_app.storage.failures import Problem
from delegation_app.storage.migrate import DatabaseOpenError, upgrade_database
from delegation_app.storage.team_schema import ServerState, inspect_server

ADMIN_TIMEOUT_S = 10


def add_commands(commands: argparse._SubParsersAction) -> None:
    team = commands.add_parser("team", help=_("set up and look after the team database (for IT)"))
    actions = team.add_subparsers(dest="team_action", metavar="ACTION", required=True)
    init = actions.add_parser("init", help=_("create the schema and the users' role in an empty database"))
    upgrade = actions.add_parser("upgrade", help=_("update the schema to this program's version"))
    check = actions.add_parser("check", help=_("show connection, TLS, schema version and the users' rights"))
    for action in (init, upgrade, check):
        action.add_argument(
            "url", metavar="URL", help=_("postgresql://ADMIN@HOST:PORT/DATABASE, no password")
        )
        action.add_argument(
            "--users-role",
            default=team_admin.USERS_ROLE,
            metavar="ROLE",
            help=_("the role whose members use the program (default: {role})").format(
                role=team_admin.USERS_ROLE
            ),
        )
    init.add_argument(
        "--grant-to",
        action="append",
        default=[],
        metavar="LOGIN_ROLE",
        help=_("make this login a member of the users' role (may be repeated)"),
    )
    upgrade.add_argument(
        "--force", action="store_true", help=_("update even while other clients are connected")
    )


def run(args: argparse.Namespace) -> int:
    from delegation_app.logs import tell_failure

    try:
        url = admin_url(args.url)
        action = ACTIONS[args.team_action]
        try:
            return action(args, url, None)  # PGPASSWORD, ~/.pgpass or no password needed
        except DatabaseOpenError as exc:
            if exc.problem is not Problem.PASSWORD or not sys.stdin.isatty():
                raise
        return action(args, url, getpass(_("Password for {user}: ").format(user=make_url(url).username)))
    except DomainError as exc:
        tell_failure(exc.message, exc.detail, verbose=args.verbose, command="team")
        return 1


def admin_url(value: str) -> str:
    """The URL as given, with the driver named; refused when it holds a password."""
    try:
        url = make_url(value)
    except ArgumentError as exc:
        raise DomainError(_("This is not a database address (postgresql://ADMIN@HOST/DATABASE).")) from exc
    if url.password is not None:
        raise DomainError(
            _(
                "The address contains a password; give it without one. The password is taken from "
                "PGPASSWORD, ~/.pgpass or asked for."
            )
        )
    if url.get_backend_name() != "postgresql" or not url.database:
        raise DomainError(_("This is not a database address (postgresql://ADMIN@HOST/DATABASE)."))
    return url.set(drivername="postgresql+psycopg2").render_as_string(hide_password=False)


def _refuse_foreign(state: ServerState) -> None:
    if not state.known:
        raise DomainError(
            _("The database was set up by a newer version of this program; update the program.")
        )
    if state.revision is None and state.has_tables:
        raise DomainError(_("The database holds tables of another program; choose an empty database."))


def cmd_init(args: argparse.Namespace, url: str, password: str | None) -> int:
    state = inspect_server(url, password, ADMIN_TIMEOUT_S)
    _refuse_foreign(state)
    report = upgrade_database(url, password=password)
    if report.from_revision is None:
        print(_("Schema created (version {version}).").format(version=report.to_revision))
    else:
        _print_upgrade(report.from_revision, report.to_revision)
    engine = team_admin.admin_connection(url, password)
    try:
        with team_admin.connect(engine) as conn:
            if team_admin.is_login(conn, args.users_role):
                raise DomainError(
                    _(
                        "The users' role must be another role than the login that owns the schema ({role})."
                    ).format(role=args.users_role)
                )
            try:
                made = team_admin.ensure_role(conn, args.users_role)
            except team_admin.RoleNotCreated:
                conn.rollback()
                raise DomainError(
                    _(
                        "This login may not create roles. Ask a database superuser to run "
                        "CREATE ROLE {role} NOLOGIN; then run team init again."
                    ).format(role=args.users_role)
                ) from None
            team_admin.grant_rights(conn, args.users_role)
            for login in args.grant_to:
                team_admin.grant_membership(conn, args.users_role, login)
            conn.commit()
    finally:
        engine.dispose()
    print((_("Role {role} created.") if made else _("Role {role} exists.")).format(role=args.users_role))
    print(_("Rights granted: read and write the records, nothing else."))
    for login in args.grant_to:
        print(_("{login} is a member of {role}.").format(login=login, role=args.users_role))
    return 0


def cmd_upgrade(args: argparse.Namespace, url: str, password: str | None) -> int:
    state = inspect_server(url, password, ADMIN_TIMEOUT_S)
    _refuse_foreign(state)
    if state.revision is None:
        raise DomainError(_("The database is empty: set it up with team init first."))
    engine = team_admin.admin_connection(url, password)
    try:
        with team_admin.connect(engine) as conn:
            others = team_admin.other_clients(conn)
        if others and not args.force:
            raise DomainError(
                ngettext(
                    "{count} other connection is open on this database ({users}): ask its user to close "
                    "the program, or use --force.",
                    "{count} other connections are open on this database ({users}): ask their users to close "
                    "the program, or use --force.",
                    len(others),
                ).format(count=len(others), users=", ".join(sorted(set(others))))
            )
        report = upgrade_database(url, password=password)
        with team_admin.connect(engine) as conn:
            role = args.users_role
            if team_admin.role_exists(conn, role) and not team_admin.is_login(conn, role):  # new tables
                team_admin.grant_rights(conn, role)
                conn.commit()
    finally:
        engine.dispose()
    _print_upgrade(report.from_revision, report.to_revision)
    return 0


def _print_upgrade(old: str | None, new: str | None) -> None:
    if old == new:
        print(_("The schema is up to date (version {version}).").format(version=new))
    else:
        print(_("Schema updated from version {old} to {new}.").format(old=old, new=new))


def cmd_check(args: argparse.Namespace, url: str, password: str | None) -> int:
    state = inspect_server(url, password, ADMIN_TIMEOUT_S)
    user = make_url(url).username or ""
    tls = _("yes") if state.tls else _("no")
    print(_("Connection: OK (PostgreSQL {version}, login {user}, TLS: {tls})").format(
        version=state.server_version, user=user, tls=tls
    ))  # fmt: skip
    ready = state.known and state.revision == state.head
    if not state.known:
        schema = _("newer than this program: update the program")
    elif state.revision is None:
        schema = _("none yet: run team init") if not state.has_tables else _("tables of another program")
    elif ready:
        schema = _("current")
    else:
        schema = _("older: run team upgrade")
    print(_("Schema: version {found}, this program needs {needed}: {state}").format(
        found=state.revision or "–", needed=state.head, state=schema
    ))  # fmt: skip
    engine = team_admin.admin_connection(url, password)
    try:
        with team_admin.connect(engine) as conn:
            rights = team_admin.rights_of(conn, args.users_role)
    finally:
        engine.dispose()
    complete = rights.exists and not rights.tables_missing and not rights.sequences_missing
    if not rights.exists:
        print(_("Role {role}: does not exist (team init creates it)").format(role=args.users_role))
    elif complete and not rights.writes_schema_version:
        print(_("Role {role}: read and write on every table, nothing more").format(role=args.users_role))
    else:
        missing = ", ".join((*rights.tables_missing, *rights.sequences_missing)) or "–"
        print(_("Role {role}: rights missing on {names} (run team init again)").format(
            role=args.users_role, names=missing
        ))  # fmt: skip
        if rights.writes_schema_version:
            print(_("Role {role}: may change the schema version (run team init again)").format(
                role=args.users_role
            ))  # fmt: skip
    return 0 if ready and complete and not rights.writes_schema_version else 1


ACTIONS: dict[str, Callable[[argparse.Namespace, str, str | None], int]] = {
    "init": cmd_init,
    "upgrade": cmd_upgrade,
    "check": cmd_check,
}
