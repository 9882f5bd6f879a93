import sys

from delegation_app import logs


def test_uncaught_exceptions_are_logged_and_reported(user_dirs, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    path = logs.configure_logging()
    reported = []
    logs.install_excepthook(report=reported.append)
    try:
        raise RuntimeError("Straße <Anlage 3> kaputt")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert len(reported) == 1
    assert "RuntimeError: Straße <Anlage 3> kaputt" in reported[0]
    assert "Traceback" in reported[0]
    assert path is not None
    assert path.is_relative_to(user_dirs)
    assert "Straße <Anlage 3> kaputt" in path.read_text("utf-8")


def test_configuring_twice_does_not_duplicate_handlers():
    import logging

    logs.configure_logging()
    before = len(logging.getLogger().handlers)
    logs.configure_logging()
    assert len(logging.getLogger().handlers) == before


def test_the_log_is_readable_by_the_user_only(user_dirs):
    import os
    import stat

    path = logs.configure_logging()
    logs.log.info("written")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(os.stat(path.parent.parent).st_mode) == 0o700  # delegation-app/


def test_a_failed_statement_leaves_no_search_word_in_the_log(tmp_path, user_dirs):
    """The parameters of a failed statement (search words, names) stay out of the log file."""
    import sqlite3
    import subprocess

    db = tmp_path / "d.sqlite"
    command = [sys.executable, "-m", "delegation_app", "--db", str(db)]
    subprocess.run([*command, "demo"], check=True, capture_output=True, timeout=120)
    with sqlite3.connect(db) as conn:  # a statement with the word as parameter now fails
        conn.execute("DROP TABLE fts_person")
        conn.execute("CREATE TABLE fts_person (a)")  # the search's MATCH on it fails at run time
    result = subprocess.run(
        [*command, "search", "Geheimwortxyz"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    logged = "".join(p.read_text("utf-8") for p in user_dirs.rglob("delegation-app.log*"))
    assert "fts_person" in logged  # the failure is in the log, for whoever helps
    assert "geheimwortxyz" not in logged.lower()  # the search folds it to lower case
    assert "geheimwortxyz" not in result.stderr.lower()


def test_a_user_error_logs_what_failed_without_the_names_in_it(user_dirs):
    """An error's sentence names people and files ("„Elke Temme“ was changed …", "Auskunft Elke
    Temme.pdf"): the log keeps the English template and the detail without quoted values."""
    from delegation_app.domain.errors import DomainError

    path = logs.configure_logging()
    error = DomainError("The file {path} cannot be written.", path="/tmp/Auskunft Elke Temme.pdf")
    error.because(OSError(28, "No space left on device", "/tmp/Auskunft Elke Temme.pdf"))
    logs.log.info("%s", error.for_log())
    duplicate = DomainError("{what} was changed by someone else.", what="Elke Temme")
    duplicate.because('violates unique constraint "person_email" DETAIL: Key (email)=(e.temme@bochum.de)')
    logs.log.info("%s", duplicate.for_log())
    logs.tell_failure("„Elke Temme“ kaputt", "[Errno 13] Permission denied: '/x/Elke Temme.pdf'",
                      verbose=False, command="person-report")  # fmt: skip
    logged = path.read_text("utf-8")
    assert "The file {path} cannot be written." in logged
    assert "No space left on device" in logged
    assert "unique constraint" in logged
    assert "Permission denied" in logged
    assert "Temme" not in logged
    assert "bochum.de" not in logged
