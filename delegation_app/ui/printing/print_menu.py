"""The "Print" submenu: every print product of the selected visit. The briefing is the briefing
export's own action (Ctrl+P); the others open their options dialog, ask for a file name, render
on the worker, warn about characters no font could print, and say in the status bar where the
file went."""

import re
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QWidget

from delegation_app.domain.errors import DomainError
from delegation_app.files.output import OutputWriter
from delegation_app.i18n import _, current_language
from delegation_app.i18n.formatting import format_date
from delegation_app.operations.print_products import PRODUCTS, PrintRequest, Written, write_product
from delegation_app.services.views import VisitView
from delegation_app.ui.common.background import Background
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.prompts import add_copy_details
from delegation_app.ui.printing.briefing_export import Opener, PathChooser, open_in_viewer
from delegation_app.ui.printing.missing_warning import warn_missing
from delegation_app.ui.printing.product_dialog import ProductDialog

# What Windows forbids in a file name (and control characters), each run of it one space.
_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')


def ask_for_pdf(parent: QWidget, suggested: str) -> str | None:
    path, _filter = QFileDialog.getSaveFileName(parent, _("Save as"), suggested, _("PDF files (*.pdf)"))
    return path or None


def suggested_file(product_title: str, visit: VisitView) -> str:
    words = f"{product_title} {visit.title[:80]}"
    if visit.starts_at:
        words += f" {format_date(visit.starts_at)}"
    return " ".join(_NOT_IN_FILE_NAMES.sub(" ", words).split()).rstrip(". ") + ".pdf"


class PrintMenu(QObject):
    def __init__(
        self,
        parent: QMainWindow,
        runner: OperationRunner,
        background: Background,
        current_visit: Callable[[], VisitView | None],
        writer: OutputWriter,
        briefing_action: QAction,  # Ctrl+P: the briefing with its own dialog
        choose_path: PathChooser = ask_for_pdf,
        open_file: Opener = open_in_viewer,
        *,
        settings: Any = None,  # the SettingsStore: the profile names who created the document
    ) -> None:
        super().__init__(parent)
        self.window, self.runner, self.background = parent, runner, background
        self.current_visit, self.writer, self.settings = current_visit, writer, settings
        self.choose_path, self.open_file = choose_path, open_file
        self.menu = QMenu(_("&Print"), parent)
        self.menu.addAction(briefing_action)
        self.actions: dict[str, QAction] = {}
        for name, product in PRODUCTS.items():
            if name == "briefing":
                continue
            action = QAction(_(product.title) + " …", parent)
            action.triggered.connect(partial(self.start, name))
            self.menu.addAction(action)
            self.actions[name] = action
        self.dialog: ProductDialog | None = None
        self.warning: QMessageBox | None = None
        background.busy_changed.connect(self._busy)

    def _busy(self, busy: bool) -> None:
        for action in self.actions.values():
            action.setEnabled(not busy)

    def start(self, name: str) -> None:
        visit = self.current_visit()
        if visit is None or self.background.busy:
            return
        title = _(PRODUCTS[name].title)
        self.dialog = ProductDialog(
            title, visit.title, current_language(), self.window, cards=name == "place-cards"
        )
        dialog = self.dialog
        dialog.accepted.connect(lambda: self._chosen(name, visit, dialog))
        dialog.open()  # not exec(): tests answer it, the window keeps running

    def _issuer(self) -> tuple[str, str]:
        if self.settings is None:
            return "", ""
        profile = self.settings.get().profile
        return profile.name, profile.function

    def _chosen(self, name: str, visit: VisitView, dialog: ProductDialog) -> None:
        title = _(PRODUCTS[name].title)
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path = self.choose_path(self.window, str(Path(folder) / suggested_file(title, visit)))
        if not path:
            return
        target = Path(path if path.lower().endswith(".pdf") else path + ".pdf")
        issuer, function = self._issuer()
        request = PrintRequest(
            language=dialog.chosen_language(), issued_by=issuer, issuer_function=function,
            layout=dialog.chosen_layout(),
        )  # fmt: skip
        write = partial(
            write_product, name=name, visit_id=visit.id, path=target, request=request, writer=self.writer
        )
        done = partial(self._done, title)
        self.runner.in_background(self.window, write, done, on_user_error=partial(self._failed, title))

    def _done(self, title: str, written: Written) -> None:
        message = _("{product} written to {path}.").format(product=title, path=written.path)
        self.window.statusBar().showMessage(message, 10_000)
        self.warning = warn_missing(self.window, title, written.missing)
        if written.left_out and self.warning is None:  # e.g. quotes not approved: said, not hidden
            self.window.statusBar().showMessage(f"{message} " + " ".join(written.left_out), 20_000)
        self.open_file(written.path)

    def _failed(self, title: str, error: DomainError) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, error.message, parent=self.window)
        if error.detail:
            add_copy_details(box, f"{error.message}\n{error.detail}")
        box.open()
