"""A team database's password never appears in the settings file, the log or the process list
(issue 16): the program started as a user would, the password in the credential store."""

import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from delegation_app.storage import credentials
from delegation_app.storage.migrate import upgrade_database
from team_support import team_server  # noqa: F401 - fixture

TESTS = Path(__file__).parent
WRONG = "Geheim-7f3a-Passwort"  # distinctive: the CI role's own password is also its name


def _run_watching(args: list[str], env: dict[str, str]) -> tuple[int, str, list[str]]:
    """Exit code, stderr and every command line the child showed while it ran."""
    child = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen = []
    while child.poll() is None:
        with contextlib.suppress(OSError):  # between its end and poll()
            seen.append(Path(f"/proc/{child.pid}/cmdline").read_bytes().replace(b"\0", b" ").decode())
        time.sleep(0.02)
    out, err = child.communicate()
    return child.returncode, out + err, seen


def _start(team_server, home: Path, password: str):  # noqa: F811
    config = home / "config" / "delegation-app"
    config.mkdir(parents=True)
    team = team_server.team
    where = {"host": team.host, "port": team.port, "database": team.database, "user": team.user}
    settings = {"team_database": where}
    (config / "settings.json").write_text(json.dumps(settings), "utf-8")
    store = home / "keyring.json"
    store.write_text(json.dumps({f"{credentials.SERVICE} {team_server.team.credential_name()}": password}))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PG", "DELEGATION_APP"))}
    env.update(
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
        PYTHONPATH=os.pathsep.join([str(TESTS), str(TESTS.parent)]),
        PYTHON_KEYRING_BACKEND="keyring_backends.FileKeyring",
        TEST_KEYRING_FILE=str(store),
    )
    code, output, cmdlines = _run_watching([sys.executable, "-m", "delegation_app", "-v", "visits"], env)
    logs = "".join(p.read_text("utf-8") for p in home.rglob("*.log*") if p.is_file())
    return code, output, cmdlines, (config / "settings.json").read_text("utf-8"), logs


def test_the_password_stays_out_of_settings_log_and_process_list(team_server, tmp_path):  # noqa: F811
    upgrade_database(team_server.url, password=team_server.password)
    code, output, cmdlines, settings, logs = _start(team_server, tmp_path / "right", team_server.password)
    assert code == 0, output
    assert cmdlines  # the child was watched while it ran
    pw = team_server.password
    for text in (*cmdlines, settings, logs, output):
        assert f":{pw}@" not in text
        assert f"password={pw}" not in text
    assert "password" not in settings
    # A refused password takes the most words (an error, its details in the log): still none of it.
    code, output, cmdlines, settings, logs = _start(team_server, tmp_path / "wrong", WRONG)
    assert code == 1
    assert "Passwort" in output
    assert logs  # the failure's details were logged
    for text in (*cmdlines, settings, logs, output):
        assert WRONG not in text
