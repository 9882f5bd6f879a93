from PySide6.QtWidgets import QApplication, QMessageBox

from delegation_app.storage.paths import backup_dir
from delegation_app.ui.shell import maintenance


def test_todays_backup_runs_in_the_background_after_start(qtbot, window):
    maintenance.start(window)
    qtbot.waitUntil(lambda: "Sicherung wurde angelegt" in window.statusBar().currentMessage(), timeout=20_000)
    names = sorted(p.name for p in backup_dir().iterdir())
    assert any("-daily-" in n for n in names)
    assert any("-weekly-" in n for n in names)
    maintenance.start(window)  # a second start the same day adds nothing
    window.background.wait()
    assert sorted(p.name for p in backup_dir().iterdir()) == names


def test_a_failed_backup_is_reported_not_silent(qtbot, window, monkeypatch):
    backup_dir().parent.mkdir(parents=True, exist_ok=True)
    backup_dir().write_text("a file where the folder should be")
    maintenance.start(window)
    qtbot.waitUntil(lambda: "fehlgeschlagen" in window.statusBar().currentMessage(), timeout=20_000)


def test_a_database_on_a_network_drive_is_warned_about(qtbot, window, monkeypatch):
    monkeypatch.setattr("delegation_app.services.backups.is_network_path", lambda _path: True)
    maintenance.start(window)
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(boxes) == 1
    assert "Netzlaufwerk" in boxes[0].text()
    assert "PostgreSQL" in boxes[0].text()
    boxes[0].close()
    window.background.wait()
