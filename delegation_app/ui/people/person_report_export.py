"""The access report (Art. 15 GDPR) from the person page: file name → gathered and written on the
worker (PDF or JSON, by the name's ending) → the PDF opens."""

import re
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMainWindow, QWidget

from delegation_app.files.output import OutputWriter
from delegation_app.i18n import _, current_language
from delegation_app.services.views import PersonView
from delegation_app.ui.common.operation_runner import OperationRunner

# The report's gathering and writing (operations.person_report) are imported when one is asked for:
# the window's start does not need them (issue 21).

PathChooser = Callable[[QWidget, str], str | None]
Opener = Callable[[Path], None]


def ask_for_path(parent: QWidget, suggested: str) -> str | None:
    from delegation_app.operations.person_report import FORMATS  # on use

    filters = ";;".join((_("PDF files (*.pdf)"), _("JSON files (*.json)")))
    path, chosen = QFileDialog.getSaveFileName(parent, _("Save access report as"), suggested, filters)
    if path and Path(path).suffix.lower() not in FORMATS:
        path += ".json" if "json" in chosen else ".pdf"
    return path or None


def open_in_viewer(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def suggested_name(person: PersonView) -> str:
    safe = re.sub(r'[\\/:*?"<>|\n\r\t]+', " ", person.display_name).strip()[:80]
    return _("Access report {name}").format(name=safe) + ".pdf"


class PersonReportExport(QObject):
    def __init__(
        self,
        window: QMainWindow,  # its status bar says where the report went
        runner: OperationRunner,  # with the window's worker: gathered and written off the GUI thread
        output: OutputWriter,
        profile: Callable[[], Any],  # the preferences' profile now (letterhead and sender)
        choose_path: PathChooser = ask_for_path,
        open_file: Opener = open_in_viewer,
    ) -> None:
        super().__init__(window)
        self.window, self.runner, self.output, self.profile = window, runner, output, profile
        self.choose_path, self.open_file = choose_path, open_file

    def start(self, person: PersonView, parent: QWidget) -> None:
        from delegation_app.operations.person_report import write_person_report  # on use
        from delegation_app.services.person_report import Letterhead

        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path = self.choose_path(parent, str(Path(folder) / suggested_name(person)))
        if not path:
            return
        write = partial(
            write_person_report, output=self.output, person_id=person.id, path=Path(path),
            letterhead=Letterhead.of(self.profile()), language=current_language(),
        )  # fmt: skip
        self.runner.in_background(parent, write, self._done)

    def _done(self, path: Path) -> None:
        self.window.statusBar().showMessage(_("Access report written to {path}.").format(path=path), 10_000)
        if path.suffix.lower() == ".pdf":
            self.open_file(path)
