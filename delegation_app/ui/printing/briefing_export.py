"""The briefing command: options dialog → file name → render off the GUI thread → open the file
(PDF or Word, as chosen in the dialog)."""

import re
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from delegation_app.domain.errors import DomainError
from delegation_app.files.output import OutputWriter
from delegation_app.i18n import _, current_language
from delegation_app.i18n.formatting import format_date
from delegation_app.operations.print_products import PrintRequest, Written, write_product
from delegation_app.reports.options import BriefingOptions
from delegation_app.services.views import VisitView
from delegation_app.ui.common.background import Background
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.prompts import add_copy_details
from delegation_app.ui.printing.briefing_dialog import BriefingDialog
from delegation_app.ui.printing.missing_warning import warn_missing

PathChooser = Callable[[QWidget, str], str | None]
Opener = Callable[[Path], None]
ProfileOpener = Callable[[QWidget, Callable[[], None]], None]  # (parent, after it was saved)


def ask_for_path(parent: QWidget, suggested: str) -> str | None:
    pdf, word = _("PDF files (*.pdf)"), _("Word documents (*.docx)")
    # The format chosen in the options dialog first; the other one can still be picked here.
    filters = [word, pdf] if suggested.lower().endswith(".docx") else [pdf, word]
    path, chosen = QFileDialog.getSaveFileName(parent, _("Save briefing as"), suggested, ";;".join(filters))
    if path and Path(path).suffix.lower() not in SUFFIXES:
        path += ".docx" if chosen == word else ".pdf"
    return path or None


SUFFIXES = (".pdf", ".docx")


def open_in_viewer(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


# What Windows forbids in a file name (and control characters), each run of it one space.
_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')


def suggested_name(visit: VisitView, suffix: str = ".pdf") -> str:
    """The file name the save dialog offers: Briefing, the title, the first day. Single spaces only,
    nothing Windows refuses, no dot or space before the extension (Windows drops those)."""
    words = f"Briefing {visit.title[:80]}"
    if visit.starts_at:
        words += f" {format_date(visit.starts_at)}"  # a date format with "/" is replaced below
    return " ".join(_NOT_IN_FILE_NAMES.sub(" ", words).split()).rstrip(". ") + suffix


class BriefingExport(QObject):
    def __init__(
        self,
        parent: QMainWindow,  # its status bar says where the briefing went
        runner: OperationRunner,  # with the window's worker: the PDF is written off the GUI thread
        background: Background,
        current_visit: Callable[[], VisitView | None],
        writer: OutputWriter,  # the context's: refuses the database and its backups as the target
        choose_path: PathChooser = ask_for_path,
        open_file: Opener = open_in_viewer,
        *,
        settings: Any = None,  # the SettingsStore: the profile names the briefing's creator
        open_profile: ProfileOpener | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings, self.open_profile = settings, open_profile
        self.window, self.runner, self.background = parent, runner, background
        self.current_visit, self.choose_path, self.open_file = current_visit, choose_path, open_file
        self.writer = writer
        print_key = QKeySequence(QKeySequence.StandardKey.Print)
        self.action = QAction(_("&Briefing (PDF)…"), parent, shortcut=print_key)
        self.action.setStatusTip(_("Print the selected visit as an A4 briefing"))
        self.action.triggered.connect(self.start)
        self.dialog: BriefingDialog | None = None
        self.warning: QMessageBox | None = None  # characters no font could print
        background.busy_changed.connect(lambda busy: self.action.setEnabled(not busy))

    def start(self) -> None:
        visit = self.current_visit()
        if visit is None or self.background.busy:
            return
        self.dialog = BriefingDialog(
            visit.title,
            current_language(),
            self.window,
            ask_issuer=self.settings is not None and not self._profile().name,
            open_profile=self._edit_profile if self.open_profile is not None else None,
        )
        # open(), not exec(): the event loop keeps running (and tests can answer the dialog).
        self.dialog.accepted.connect(
            lambda: self._chosen(visit, self.dialog.options(), self.dialog.file_format())
        )
        self.dialog.open()

    def _profile(self) -> Any:
        return self.settings.get().profile if self.settings is not None else None

    def _edit_profile(self) -> None:
        """The preferences at the profile page, over the briefing dialog; the name saved there
        is the one the dialog shows."""
        dialog = self.dialog
        if self.open_profile is None or dialog is None or dialog.issuer_name is None:
            return
        name_field = dialog.issuer_name

        def saved() -> None:
            profile = self._profile()
            if profile is not None and profile.name:
                name_field.setText(profile.name)

        self.open_profile(dialog, saved)

    def _issuer(self) -> tuple[str, str]:
        """The profile's name and function; a name typed in the dialog is stored in the profile
        first, so the dialog asks only once. Never the computer login."""
        typed = self.dialog.typed_issuer() if self.dialog is not None else ""
        if self.settings is None:
            return typed, ""
        settings = self.settings.get()
        if typed and not settings.profile.name:
            settings = replace(settings, profile=replace(settings.profile, name=typed))
            self.settings.save(settings)
        return settings.profile.name, settings.profile.function

    def _chosen(self, visit: VisitView, options: BriefingOptions, file_format: str = "pdf") -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suffix = f".{file_format}"
        path = self.choose_path(self.window, str(Path(folder) / suggested_name(visit, suffix)))
        if not path:
            return
        target = Path(path if Path(path).suffix.lower() in SUFFIXES else path + suffix)
        name, function = self._issuer()
        # The same path as "print briefing" on the command line (and every other product).
        request = PrintRequest(
            language=options.language, issued_by=name, issuer_function=function, briefing=options
        )
        write = partial(
            write_product,
            name="briefing",
            visit_id=visit.id,
            path=target,
            request=request,
            writer=self.writer,
        )
        # Its own message box on failure (titled like the command), not the runner's prompts.
        self.runner.in_background(self.window, write, self._done, on_user_error=self._failed)

    def _done(self, written: Written) -> None:
        path = written.path
        self.window.statusBar().showMessage(_("Briefing written to {path}.").format(path=path), 10_000)
        self.warning = warn_missing(self.window, _("Briefing"), written.missing)
        self.open_file(path)

    def _failed(self, error: DomainError) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, _("Briefing"), error.message, parent=self.window)
        if error.detail:
            add_copy_details(box, f"{error.message}\n{error.detail}")
        box.open()
