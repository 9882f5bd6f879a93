"""Connecting to the team database (issue 16): the password stays out of every string, the
credential store keeps it, and each way a connection fails is one sentence in the user's words."""

import time
from dataclasses import replace

import keyring
import pytest
from keyring.backends import fail
from sqlalchemy import text
from sqlalchemy.engine import make_url

from delegation_app.startup import ContextOpener, Startup, chosen_database
from delegation_app.storage import credentials
from delegation_app.storage.engine import make_engine
from delegation_app.storage.failures import Problem
from delegation_app.storage.migrate import DatabaseOpenError, upgrade_database
from delegation_app.storage.opening import open_database
from delegation_app.storage.settings import Settings, load_settings, save_settings
from delegation_app.storage.team import TeamDatabase
from delegation_app.storage.team_schema import inspect_server
from delegation_app.user_files import SettingsStore
from team_support import memory_keyring, team_server  # noqa: F401 - fixtures


def test_the_url_never_carries_the_password_and_the_engine_masks_it(team_server):  # noqa: F811
    assert make_url(team_server.url).password is None
    assert "sslmode=prefer" in team_server.url
    engine = make_engine(team_server.url, password=team_server.password)
    try:
        for shown in (repr(engine.url), str(engine.url), repr(engine)):
            assert f":{team_server.password}@" not in shown  # the CI role's password is its name
            assert "***" in shown or "Engine(" in shown
        with engine.connect() as conn:
            assert conn.execute(text("SHOW lock_timeout")).scalar() == "5s"
            assert conn.execute(text("SHOW statement_timeout")).scalar() == "30s"
    finally:
        engine.dispose()


def test_an_empty_team_database_is_refused_with_it_s_command(team_server):  # noqa: F811
    with pytest.raises(DatabaseOpenError) as info:
        open_database(team_server.url, password=team_server.password, team=True)
    assert "team init" in info.value.message
    state = inspect_server(team_server.url, team_server.password)
    assert state.revision is None
    assert not state.has_tables
    assert state.tls is False  # this test server offers no TLS: sslmode=prefer connects without


def test_a_current_team_database_opens_and_a_newer_one_is_named(team_server):  # noqa: F811
    upgrade_database(team_server.url, password=team_server.password)
    db, report = open_database(team_server.url, password=team_server.password, team=True)
    assert report.from_revision == report.to_revision
    db.dispose()
    engine = make_engine(team_server.url, password=team_server.password)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    engine.dispose()
    with pytest.raises(DatabaseOpenError) as info:
        open_database(team_server.url, password=team_server.password, team=True)
    assert info.value.problem is Problem.NEWER
    assert "neuere" in info.value.message


def test_wrong_password_missing_database_unreachable_server(team_server):  # noqa: F811
    with pytest.raises(DatabaseOpenError) as info:
        inspect_server(team_server.url, "wrong-Geheimnis")
    assert info.value.problem is Problem.PASSWORD
    assert "Passwort" in info.value.message
    assert "wrong-Geheimnis" not in info.value.message + info.value.detail
    missing = replace(team_server.team, database="no_such_database").url()
    with pytest.raises(DatabaseOpenError) as info:
        inspect_server(missing, team_server.password)
    assert "keine Datenbank" in info.value.message
    started = time.monotonic()
    with pytest.raises(DatabaseOpenError) as info:
        inspect_server(replace(team_server.team, port=1).url(), team_server.password)
    assert "nicht erreichbar" in info.value.message
    assert time.monotonic() - started < 6


def test_the_settings_name_the_team_database_and_never_its_password(team_server, tmp_path):  # noqa: F811
    path = tmp_path / "settings.json"
    save_settings(Settings(team_database=team_server.team), path)
    stored = path.read_text("utf-8")
    assert "password" not in stored
    assert team_server.password not in stored.replace(team_server.team.user, "")
    loaded = load_settings(path)
    assert loaded.team_database == team_server.team
    assert chosen_database(None, False, loaded) == (team_server.url, True)
    assert chosen_database("other.sqlite", False, loaded)[1] is False  # --db still wins
    path.write_text('{"team_database": {"host": "", "port": "x"}}', "utf-8")
    assert load_settings(path).team_database is None


def test_the_start_takes_the_password_from_the_credential_store(team_server, memory_keyring, tmp_path):  # noqa: F811
    upgrade_database(team_server.url, password=team_server.password)
    settings = SettingsStore(tmp_path / "settings.json")
    settings.save(Settings(team_database=team_server.team))
    url, team = chosen_database(None, False, settings.get())
    start = Startup(url=url, language="de", team=team)
    opener = ContextOpener(settings)
    keyring.set_password(credentials.SERVICE, team_server.team.credential_name(), team_server.password)
    context = opener.open(start)
    assert context.database.label == team_server.url
    context.database.dispose()
    keyring.set_password(credentials.SERVICE, team_server.team.credential_name(), "stale-Geheimnis")
    with pytest.raises(DatabaseOpenError) as info:
        opener.open(start)
    assert info.value.problem is Problem.PASSWORD
    # A refused password is not offered again; the one typed then is kept for the next start.
    assert keyring.get_password(credentials.SERVICE, team_server.team.credential_name()) is None
    typed = opener.with_password(start, team_server.password)
    assert repr(typed) == repr(start)  # the password is no field anyone prints
    opener.open(typed).database.dispose()
    assert memory_keyring.get_password(credentials.SERVICE, team_server.team.credential_name())


def test_without_a_credential_store_the_password_lives_in_memory_for_the_session(memory_keyring):  # noqa: F811
    keyring.set_keyring(fail.Keyring())
    name = TeamDatabase("db.hanau.local", 5432, "delegation", "schmidt").credential_name()
    assert name == "schmidt@db.hanau.local:5432/delegation"
    assert not credentials.keyring_usable()
    assert credentials.stored_password(name) is None
    assert credentials.remember_password(name, "Geheim") is False  # not stored on disk
    assert credentials.stored_password(name) == "Geheim"  # but not asked twice this session
    credentials.forget_password(name)
    assert credentials.stored_password(name) is None
