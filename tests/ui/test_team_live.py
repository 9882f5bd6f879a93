"""Team mode in the window, on a real PostgreSQL server (issue 16): a colleague's save shows up
without F5, an editor being typed in is not overwritten, and a lost server is a state in the
status bar, not a crash: the typed text stays and saving works once the server is back."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import create_engine, text

import pg_databases
from delegation_app.services.registry import Services
from delegation_app.services.visits import VisitInput
from delegation_app.storage.opening import open_database
from delegation_app.ui.common.live_refresh import LiveRefresh

from ui_support import open_window, type_text

ADMIN_URL = os.environ.get("DELEGATION_APP_TEST_PG_URL")
if not ADMIN_URL and os.environ.get("CI"):
    raise RuntimeError("CI must run the PostgreSQL tests: set DELEGATION_APP_TEST_PG_URL (see .ci/run)")
pytestmark = pytest.mark.skipif(not ADMIN_URL, reason="no PostgreSQL: DELEGATION_APP_TEST_PG_URL is not set")
TESTS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TESTS.parent / "benchmarks"))
from delay_proxy import DelayProxy  # noqa: E402


@pytest.fixture
def pg_url():
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    name, url = pg_databases.create(admin, ADMIN_URL)
    yield url
    pg_databases.drop(admin, name)
    admin.dispose()


def team_window(qtbot, url, prompts, tmp_path, monkeypatch):
    crashes: list = []
    monkeypatch.setattr(sys, "excepthook", lambda *exc: crashes.append(exc))
    db, _ = open_database(url, backups=tmp_path)
    db.user_name = "ich"
    services = Services.over(db)
    visit = services.visits.create(VisitInput(title="Delegation aus Kraków", summary="Erster Stand"))
    window = open_window(qtbot, services, url, prompts)
    window._test_crashes = crashes
    live = window.findChild(LiveRefresh)
    assert live is not None  # team mode listens; SQLite does not
    qtbot.waitUntil(lambda: live.connected, timeout=10_000)
    qtbot.waitUntil(lambda: window.visits.editor.visit is not None)
    assert window.visits.editor.visit.id == visit.id
    return window, live, db


def colleague(url: str, *args: str) -> None:
    """Another workplace saves: another process, another account name."""
    env = {**os.environ, "USER": "kollegin", "LOGNAME": "kollegin"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(TESTS.parent), env.get("PYTHONPATH"))))
    subprocess.run(
        [sys.executable, str(TESTS / "team_colleague.py"), url, *args], env=env, check=True, timeout=60
    )


def titles(window) -> list[str]:
    model = window.visits.model
    return [model.visit_at(row).title for row in range(model.rowCount())]


def terminate_backends(url: str) -> None:
    """What a server restart looks like to the program: every session of its database ended."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        )
    engine.dispose()


def type_into_summary(window) -> str:
    summary = window.visits.editor.form.summary
    summary.setFocus()
    summary.moveCursor(summary.textCursor().MoveOperation.End)
    type_text(summary, " – Nachtrag von Łukasz Żółkiewski")
    return summary.toPlainText()


def test_a_visit_a_colleague_saves_appears_in_the_list_within_two_seconds(
    qtbot, pg_url, prompts, tmp_path, monkeypatch
):
    window, _live, db = team_window(qtbot, pg_url, prompts, tmp_path, monkeypatch)
    colleague(pg_url, "create", "Besuch aus Łódź")
    saved_at = time.monotonic()
    qtbot.waitUntil(lambda: "Besuch aus Łódź" in titles(window), timeout=2_000)
    assert time.monotonic() - saved_at < 2.0
    assert window._test_crashes == []
    db.dispose()


def test_an_editor_being_typed_in_is_not_overwritten_and_says_who_changed_it(
    qtbot, pg_url, prompts, tmp_path, monkeypatch
):
    window, _live, db = team_window(qtbot, pg_url, prompts, tmp_path, monkeypatch)
    editor = window.visits.editor
    typed = type_into_summary(window)
    colleague(pg_url, "retitle", str(editor.visit.id), "Delegation aus Kraków (verschoben)")
    qtbot.waitUntil(lambda: "Geändert von kollegin" in editor.state.text(), timeout=2_000)
    assert editor.form.summary.toPlainText() == typed  # nothing the user typed was replaced
    assert editor.form.title.text() == "Delegation aus Kraków"
    assert "Delegation aus Kraków (verschoben)" in titles(window)  # the list shows the stored state
    qtbot.keyClick(editor.form.summary, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert [what for what, _details, _labels in prompts.conflicts] == ["Der Besuch „Delegation aus Kraków“"]
    assert editor.form.summary.toPlainText() == typed  # cancelled: still there
    assert window._test_crashes == []
    db.dispose()


def test_a_server_restart_keeps_the_text_and_the_save_works_after_reconnecting(
    qtbot, pg_url, prompts, tmp_path, monkeypatch
):
    window, live, db = team_window(qtbot, pg_url, prompts, tmp_path, monkeypatch)
    editor = window.visits.editor
    typed = type_into_summary(window)
    terminate_backends(pg_url)
    qtbot.waitUntil(lambda: "Verbindung zur Teamdatenbank unterbrochen" in live.label.text(), timeout=5_000)
    assert live.label.isVisible()
    qtbot.waitUntil(lambda: live.connected and not live.label.isVisible(), timeout=10_000)
    assert editor.form.summary.toPlainText() == typed
    qtbot.keyClick(editor.form.summary, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=10_000)
    assert prompts.messages("error") == []
    assert window.services.visits.get(editor.visit.id).summary == typed
    assert window._test_crashes == []
    db.dispose()


def test_an_unreachable_server_refuses_the_save_in_words_and_it_works_once_back(
    qtbot, pg_url, prompts, tmp_path, monkeypatch
):
    host, port = "127.0.0.1", create_engine(pg_url).url.port or 5432
    proxy = DelayProxy(host, port, delay=0.0).start()
    try:
        through_proxy = pg_url.replace(f"@{host}/", f"@{host}:{proxy.port}/").replace(
            f"@{host}:{port}/", f"@{host}:{proxy.port}/"
        )
        window, live, db = team_window(qtbot, through_proxy, prompts, tmp_path, monkeypatch)
        editor = window.visits.editor
        typed = type_into_summary(window)
        proxy.stop()  # the cable is pulled: connections drop, new ones are refused
        qtbot.waitUntil(lambda: "neuer Versuch in" in live.label.text(), timeout=5_000)
        qtbot.keyClick(editor.form.summary, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: bool(prompts.messages("error")), timeout=10_000)
        message = prompts.messages("error")[-1]
        assert "Verbindung zur Teamdatenbank wurde unterbrochen" in message
        assert "\n" not in message
        assert editor.form.summary.toPlainText() == typed
        assert editor.is_dirty()
        proxy.start()  # back on the same port
        qtbot.waitUntil(lambda: live.connected and not live.label.isVisible(), timeout=15_000)
        qtbot.keyClick(editor.form.summary, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=10_000)
        assert window.services.visits.get(editor.visit.id).summary == typed
        assert window._test_crashes == []
        db.dispose()
    finally:
        proxy.stop()


def test_a_person_being_edited_says_who_changed_it(qtbot, pg_url, prompts, tmp_path):
    from delegation_app.services.people import PersonInput
    from delegation_app.ui.common.change_bus import ChangeBus
    from delegation_app.ui.common.operation_runner import OperationRunner
    from delegation_app.ui.people.people_view import PeopleView
    from delegation_app.ui.shell.start_window import create_application

    db, _ = open_database(pg_url, backups=tmp_path)
    services = Services.over(db)
    person = services.people.create(PersonInput(last_name="Kücük", first_name="Dénes"))
    create_application("de")
    bus = ChangeBus()
    db.add_listener(bus.on_commit)
    view = PeopleView(services, bus, prompts, OperationRunner(services, prompts))
    live = LiveRefresh(db.change_feed(), bus)
    live.start()
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: live.connected and view.model.rowCount() == 1, timeout=10_000)
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.editor.record is not None)
    qtbot.keyClicks(view.editor.function, "Stadtdirektor")
    colleague(pg_url, "rename-person", str(person.id), "Kücük-Nowak")
    qtbot.waitUntil(lambda: "Geändert von kollegin" in view.editor.state.text(), timeout=2_000)
    assert view.editor.function.text() == "Stadtdirektor"
    assert view.editor.last_name.text() == "Kücük"
    live.stop()
    db.dispose()
