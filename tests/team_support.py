"""A fresh PostgreSQL database per test for the team-mode tests, addressed as the settings hold
it: a password-free URL, and the password on its own."""

import os
from dataclasses import dataclass

import keyring
import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

import pg_databases
from delegation_app.storage import credentials
from delegation_app.storage.team import TeamDatabase
from keyring_backends import MemoryKeyring

PG_URL = os.environ.get("DELEGATION_APP_TEST_PG_URL")


@dataclass(frozen=True)
class TeamServer:
    name: str
    url: str  # without the password
    password: str
    team: TeamDatabase


@pytest.fixture
def team_server():
    if not PG_URL:
        pytest.fail("DELEGATION_APP_TEST_PG_URL is not set")
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name, full = pg_databases.create(admin, PG_URL)
    parsed = make_url(full)
    team = TeamDatabase(
        host=parsed.host or "", port=parsed.port or 5432, database=name, user=parsed.username or ""
    )
    yield TeamServer(name, team.url(), parsed.password or "", team)
    pg_databases.drop(admin, name)
    admin.dispose()


@pytest.fixture
def memory_keyring():
    """The OS credential store, in memory; this session's passwords forgotten before and after."""
    previous = keyring.get_keyring()
    store = MemoryKeyring()
    keyring.set_keyring(store)
    credentials._session.clear()
    yield store
    credentials._session.clear()
    keyring.set_keyring(previous)
