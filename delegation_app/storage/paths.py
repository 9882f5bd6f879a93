"""Where data lives: the platform's user folders (``%LOCALAPPDATA%\\delegation-app`` on Windows)."""

import os
from pathlib import Path

import platformdirs

APP_DIR_NAME = "delegation-app"
DB_ENV_VAR = "DELEGATION_APP_DB"


# One folder in place of the three user folders (data, log, settings): the self-test points it at a
# temporary folder so a check of an installation never touches the user's files. platformdirs
# reads Windows' known folders from the shell, not from the environment, so this is the one way.
HOME_ENV_VAR = "DELEGATION_APP_HOME"


def _own_home(part: str) -> Path | None:
    home = os.environ.get(HOME_ENV_VAR)
    return Path(home) / part if home else None


def data_dir() -> Path:
    return _own_home("data") or platformdirs.user_data_path(APP_DIR_NAME, appauthor=False)


def log_dir() -> Path:
    return _own_home("log") or platformdirs.user_log_path(APP_DIR_NAME, appauthor=False)


def config_dir() -> Path:
    return _own_home("config") or platformdirs.user_config_path(APP_DIR_NAME, appauthor=False)


def backup_dir() -> Path:
    return data_dir() / "backups"


def default_db_path() -> Path:
    return data_dir() / "delegation.sqlite"


def demo_db_path() -> Path:
    return data_dir() / "demo.sqlite"


def private_folder(folder: Path) -> Path:
    """The folder, made if missing, and on POSIX it and its parents up to the program's own
    folder (``delegation-app``) opened to the user only (0700): they hold personal data. On
    Windows the per-user profile folder's ACL already keeps others out."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        for each in (folder, *folder.parents):
            if APP_DIR_NAME not in each.parts:
                break
            try:
                os.chmod(each, 0o700)
            except OSError:  # a folder of someone else's on the way: leave it
                break
    return folder


def is_url(value: str) -> bool:
    return "://" in value


def database_url(value: str | os.PathLike[str] | None = None) -> str:
    """A SQLAlchemy URL from ``--db`` (a path or a URL), else ``DELEGATION_APP_DB``, else the default."""
    if value is None:
        value = os.environ.get(DB_ENV_VAR) or default_db_path()
    text = os.fspath(value)
    if is_url(text):
        return text
    # URL.create escapes "?" and "%" in the path, which a plain "sqlite:///" + path would not.
    from sqlalchemy.engine import URL  # here: logs and settings use this module before the window paints

    path = str(Path(text).expanduser().resolve())
    return URL.create("sqlite", database=path).render_as_string(hide_password=False)


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)
