"""Housekeeping after the window is shown: the integrity check and today's backups (off the GUI
thread, in that order), and a warning about a database file on a network share. None of it slows
the start; none of it fails silently."""

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from delegation_app.domain.errors import DomainError
from delegation_app.i18n import _
from delegation_app.services.backups import Housekeeping
from delegation_app.ui.common.prompts import add_copy_details

log = logging.getLogger(__name__)


def _notice(window, title: str, text: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=window)
    _show_beside_the_work(box)
    return box


def _show_beside_the_work(box: QMessageBox) -> None:
    box.setWindowModality(Qt.WindowModality.NonModal)  # the user reads it and carries on working
    box.show()


def start(window) -> None:
    upkeep = window.context.maintenance
    warning = upkeep.network_warning()
    if warning:
        window.network_warning = _notice(window, _("Database on a network drive"), warning)
    if not upkeep.can_back_up:
        return

    def failed(error: DomainError) -> None:
        window.statusBar().showMessage(_("Today's backup failed: {reason}").format(reason=error.message))

    window.background.run(upkeep.after_start, lambda result: _report(window, result), failed)


def _report(window, result: Housekeeping) -> None:
    status = window.statusBar()
    if result.damage is not None:
        status.showMessage(_("The database file is damaged: please restore it from a backup."))
        window.damage_notice = _damage_notice(window, result.damage)
        return
    if result.backup_error is not None:
        status.showMessage(_("Today's backup failed: {reason}").format(reason=result.backup_error))
    if result.second_folder_error is not None:
        text = _("The copy to the second backup folder failed: {reason}").format(
            reason=result.second_folder_error
        )
        status.showMessage(text)  # stays until the next message: it must be seen
        window.second_folder_notice = _notice(window, _("Second backup folder"), text)
    if result.made and result.backup_error is None and result.second_folder_error is None:
        status.showMessage(_("Today's backup was made."), 10_000)


def _damage_notice(window, detail: str) -> QMessageBox:
    log.warning("quick_check found damage: %s", detail)  # SQLite's words: for the log and support
    text = _(
        "The check of the database file found damage. Some records may be wrong or missing, "
        "and saving may make it worse. Please restore the database from a backup; no backup of the "
        "damaged file was made, so the good copies are kept."
    )
    box = QMessageBox(QMessageBox.Icon.Warning, _("The database file is damaged"), text, parent=window)
    add_copy_details(box, f"{text}\n{detail}")
    restore = box.addButton(_("Restore from backup…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    restore.clicked.connect(window.backups.restore)
    _show_beside_the_work(box)
    return box
