"""Every test runs against its own temp folders and database, never the user's real data."""

import os
import tempfile

# Before anything can create a QApplication, and before platformdirs is asked for a folder.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_SESSION_HOME = tempfile.mkdtemp(prefix="delegation-app-tests-")
for _var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_var] = os.path.join(_SESSION_HOME, _var.lower())
os.environ.pop("DELEGATION_APP_DB", None)

import pytest  # noqa: E402

from delegation_app import i18n, logs  # noqa: E402
from delegation_app.services.registry import Services  # noqa: E402
from delegation_app.storage.opening import open_database  # noqa: E402


@pytest.fixture(autouse=True)
def user_dirs(tmp_path, monkeypatch):
    """Per-test user folders (data, config, logs) and the default language."""
    home = tmp_path / "home"
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.delenv("DELEGATION_APP_DB", raising=False)
    i18n.set_language("de")
    yield home
    i18n.set_language("de")
    logs.shutdown_logging()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "test.sqlite"


@pytest.fixture
def db_url(db_path):
    return f"sqlite:///{db_path}"


@pytest.fixture
def services(db_url, tmp_path):
    db, _report = open_database(db_url, backups=tmp_path / "backups")
    yield Services.over(db)
    db.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_services(request, services, tmp_path):
    """Services over a SQLite file, then over a fresh PostgreSQL database (skipped without
    DELEGATION_APP_TEST_PG_URL): for tests that must hold on both backends."""
    if request.param == "sqlite":
        yield services
        return
    admin_url = os.environ.get("DELEGATION_APP_TEST_PG_URL")
    if not admin_url:
        pytest.skip("no PostgreSQL: DELEGATION_APP_TEST_PG_URL is not set")
    import pg_databases  # a helper of the tests, beside this file

    with pg_databases.server_services(admin_url, tmp_path / "pg-backups") as on_server:
        yield on_server
