"""``delegation-app team init|upgrade|check URL`` against the real PostgreSQL (issue 16): IT's
commands, a URL without password, the password from PGPASSWORD."""

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from delegation_app.app import main
from delegation_app.storage.engine import make_engine
from team_support import team_server  # noqa: F401 - fixture


@pytest.fixture
def admin(team_server, monkeypatch):  # noqa: F811
    monkeypatch.setenv("PGPASSWORD", team_server.password)
    return make_url(team_server.url).set(query={}).render_as_string(hide_password=False)


def _can_create_roles(team_server) -> bool:  # noqa: F811
    engine = make_engine(team_server.url, password=team_server.password)
    with engine.connect() as conn:
        query = "SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user"
        allowed = conn.execute(text(query))
        result = bool(allowed.scalar())
    engine.dispose()
    return result


def test_a_url_with_a_password_is_refused_in_one_line(capsys):
    assert main(["team", "check", "postgresql://admin:Geheim@db.hanau.local/delegation"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "Passwort" in err
    assert "Geheim" not in err


def test_check_init_check(admin, team_server, capsys):  # noqa: F811
    assert main(["team", "check", admin]) == 1
    out = capsys.readouterr().out
    assert "TLS: nein" in out
    assert "team init" in out
    code = main(["team", "init", admin])
    out, err = capsys.readouterr()
    assert "Schema angelegt" in out
    if _can_create_roles(team_server):
        assert code == 0
        assert main(["team", "check", admin]) == 0
    else:  # the CI login has no CREATEROLE: the schema is there, and the admin is told what to run
        assert code == 1
        assert "CREATE ROLE delegation_users NOLOGIN" in err
        # A role that exists (here a built-in one) gets exactly the rights the program needs.
        assert main(["team", "init", admin, "--users-role", "pg_monitor"]) == 0
        assert main(["team", "check", admin, "--users-role", "pg_monitor"]) == 0
        assert "Lesen und Schreiben" in capsys.readouterr().out
    assert main(["team", "init", admin, "--users-role", team_server.team.user]) == 1  # never the owner


def test_upgrade_refuses_while_a_colleague_is_connected(admin, team_server, capsys):  # noqa: F811
    main(["team", "init", admin, "--users-role", "pg_monitor"])
    capsys.readouterr()
    colleague = make_engine(team_server.url, password=team_server.password)
    with colleague.connect():
        assert main(["team", "upgrade", admin]) == 1
        err = capsys.readouterr().err
        assert "1 weitere Verbindung" in err
        assert "--force" in err
        assert main(["team", "upgrade", admin, "--force"]) == 0
        assert "aktuell" in capsys.readouterr().out
    colleague.dispose()
