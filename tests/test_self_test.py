"""``delegation-app --self-test``: one line per check, exit 0 only when all passed, and the user's
own folders untouched."""

import os
import subprocess
import sys

from delegation_app import i18n
from delegation_app.self_test import CheckResult, line, run_check


def test_the_self_test_passes_and_leaves_the_users_folders_alone(tmp_path):
    home = tmp_path / "home"
    folders = {f"XDG_{kind.upper()}_HOME": str(home / kind) for kind in ("data", "config", "state", "cache")}
    env = dict(os.environ, HOME=str(home), **folders)
    env.pop("DELEGATION_APP_DB", None)
    env.pop("DISPLAY", None)  # as on a server: the window check goes offscreen by itself
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(
        [sys.executable, "-m", "delegation_app", "--lang", "en", "--self-test"],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    lines = done.stdout.strip().splitlines()
    assert done.returncode == 0, done.stdout + done.stderr
    checks = lines[:-1]
    assert lines[-1] == "Self-test passed."
    names = [c.split("]")[1].split(":")[0].strip() for c in checks]
    assert names == ["Fonts", "Translations", "Database", "Migrations", "Demo data", "Print products",
                     "Qt translations", "Main window"]  # fmt: skip
    assert all(c.startswith("[ok] ") for c in checks)
    assert not home.exists() or not any(p.is_file() for p in home.rglob("*"))


def test_a_failing_check_is_one_line_and_fails_the_run():
    i18n.set_language("en")
    def broken() -> str:
        raise FileNotFoundError("no fonts in /nowhere")

    result = run_check("Fonts", broken)
    assert result == CheckResult("Fonts", False, "FileNotFoundError: no fonts in /nowhere")
    assert line(result) == "[FAILED] Fonts: FileNotFoundError: no fonts in /nowhere"
