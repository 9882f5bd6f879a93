"""File → Export: the list shown as an Excel workbook, people as vCards (the people chosen in the
people list, or the participants of the visit shown), the visit as a calendar file. A file
dialog in the documents folder, the writing on the worker, one line in the status bar."""

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QWidget

from delegation_app.files.output import OutputWriter
from delegation_app.i18n import _, current_language, ngettext
from delegation_app.interchange.list_sheets import SHEET_TITLES, ListKind
from delegation_app.services.views import VisitView
from delegation_app.ui.common.background import Background
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.printing.briefing_export import suggested_name

# operations.exports (icalendar, the vCard and workbook writers) is imported by each export when
# it runs: the window's start does not need it (issue 21).

# (parent, caption, suggested path, filter) → the chosen path, or None when cancelled.
PathChooser = Callable[[QWidget, str, str, str], str | None]
FolderChooser = Callable[[QWidget, str, str], str | None]


def ask_for_path(parent: QWidget, caption: str, suggested: str, file_filter: str) -> str | None:
    path, _chosen = QFileDialog.getSaveFileName(parent, caption, suggested, file_filter)
    return path or None


def ask_for_folder(parent: QWidget, caption: str, start: str) -> str | None:
    return QFileDialog.getExistingDirectory(parent, caption, start) or None


def documents() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


# The lists of the navigation, in its order (visits, people, organisations, follow-ups).
NAVIGATION_KINDS = (ListKind.VISITS, ListKind.PEOPLE, ListKind.ORGANISATIONS, ListKind.FOLLOWUPS)


def list_kind_at(index: int) -> ListKind | None:
    """What "Excel list" writes when the navigation shows ``index``."""
    return NAVIGATION_KINDS[index] if 0 <= index < len(NAVIGATION_KINDS) else None


def chosen_ids(view: QWidget | None) -> list[int]:
    """The records selected in a list view's table, in list order (none for a view not built)."""
    table, model = getattr(view, "table", None), getattr(view, "model", None)
    if table is None or model is None:
        return []
    rows = sorted(index.row() for index in table.selectionModel().selectedRows())
    return [record_id for row in rows if (record_id := model.id_at(row)) is not None]


def _with_suffix(path: str, suffix: str) -> Path:
    return Path(path if path.lower().endswith(suffix) else path + suffix)


class ExportActions(QObject):
    def __init__(
        self,
        window: QMainWindow,  # its status bar says where the file went
        runner: OperationRunner,
        background: Background,
        output: OutputWriter,
        *,
        list_kind: Callable[[], ListKind | None],  # the kind of the list shown
        current_visit: Callable[[], VisitView | None],
        chosen_people: Callable[[], Sequence[int]],  # the people selected in the people list
        choose_path: PathChooser = ask_for_path,
        choose_folder: FolderChooser = ask_for_folder,
    ) -> None:
        super().__init__(window)
        self.window, self.runner, self.output = window, runner, output
        self.list_kind, self.current_visit, self.chosen_people = list_kind, current_visit, chosen_people
        self.choose_path, self.choose_folder = choose_path, choose_folder
        self.menu = QMenu(_("E&xport"), window)
        self.xlsx_action = self._add(_("&Excel list…"), self.export_list)
        self.participants_action = self._add(_("&Participants as Excel list…"), self.export_participants)
        self.vcard_action = self._add(_("Contact cards (&vCard)…"), self.export_vcards)
        self.vcard_files_action = self._add(_("Contact cards, one &file each…"), self.export_vcard_files)
        self.ics_action = self._add(_("&Calendar (.ics)…"), self.export_calendar)
        self.menu.aboutToShow.connect(self._update)
        background.busy_changed.connect(lambda busy: self.menu.setEnabled(not busy))

    def _add(self, text: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    def _update(self) -> None:
        """Only what the view shown can export: cards of chosen people or of a visit's participants."""
        visit = self.current_visit() if self.list_kind() is ListKind.VISITS else None
        self.xlsx_action.setEnabled(self.list_kind() is not None)
        self.participants_action.setEnabled(visit is not None)
        self.ics_action.setEnabled(visit is not None)
        cards = visit is not None or bool(self.list_kind() is ListKind.PEOPLE and self.chosen_people())
        self.vcard_action.setEnabled(cards)
        self.vcard_files_action.setEnabled(cards)

    def _visit(self) -> VisitView | None:
        return self.current_visit() if self.list_kind() is ListKind.VISITS else None

    def _run(self, job: Callable[..., Any], done: Callable[[Any], None]) -> None:
        self.runner.in_background(self.window, job, done)

    def _said(self, text: str) -> Callable[[Any], None]:
        return lambda result: self.window.statusBar().showMessage(text.format(path=result), 10_000)

    def export_list(self, kind: ListKind | None = None, visit_id: int | None = None) -> None:
        kind = kind or self.list_kind()
        if kind is None:
            return
        name = _(SHEET_TITLES[kind]) + ".xlsx"
        path = self.choose_path(self.window, _("Save Excel list as"), str(documents() / name),
                                _("Excel workbooks (*.xlsx)"))  # fmt: skip
        if not path:
            return
        from delegation_app.operations.exports import write_list  # on use

        job = partial(write_list, output=self.output, kind=kind, path=_with_suffix(path, ".xlsx"),
                      visit_id=visit_id, language=current_language())  # fmt: skip
        self._run(job, self._said(_("Excel list written to {path}.")))

    def export_participants(self) -> None:
        visit = self._visit()
        if visit is not None:
            self.export_list(ListKind.PARTICIPANTS, visit.id)

    def _people(self) -> dict[str, Any]:
        visit = self._visit()
        if visit is not None:
            return {"visit_id": visit.id}
        return {"person_ids": list(self.chosen_people())}

    def export_vcards(self) -> None:
        chosen = self._people()
        if not chosen.get("visit_id") and not chosen.get("person_ids"):
            return
        suggested = str(documents() / (_("Contact cards") + ".vcf"))
        path = self.choose_path(self.window, _("Save contact cards as"), suggested, _("vCard files (*.vcf)"))
        if not path:
            return
        from delegation_app.operations.exports import write_vcards  # on use

        job = partial(write_vcards, output=self.output, path=_with_suffix(path, ".vcf"), **chosen)
        self._run(job, lambda files: self._said(_("vCards written to {path}."))(files[0]))

    def export_vcard_files(self) -> None:
        chosen = self._people()
        if not chosen.get("visit_id") and not chosen.get("person_ids"):
            return
        folder = self.choose_folder(self.window, _("Folder for the contact cards"), str(documents()))
        if not folder:
            return
        from delegation_app.operations.exports import write_vcards  # on use

        job = partial(write_vcards, output=self.output, path=Path(folder), one_per_contact=True, **chosen)

        def done(files: list[Path]) -> None:
            said = ngettext("Wrote {count} contact file to {path}.", "Wrote {count} contact files to {path}.",
                            len(files))  # fmt: skip
            self.window.statusBar().showMessage(said.format(count=len(files), path=folder), 10_000)

        self._run(job, done)

    def export_calendar(self) -> None:
        visit = self._visit()
        if visit is None:
            return
        name = suggested_name(visit).removesuffix(".pdf").removeprefix("Briefing ") + ".ics"
        path = self.choose_path(self.window, _("Save calendar file as"), str(documents() / name),
                                _("Calendar files (*.ics)"))  # fmt: skip
        if not path:
            return
        from delegation_app.operations.exports import write_calendar  # on use

        job = partial(write_calendar, output=self.output, visit_id=visit.id, path=_with_suffix(path, ".ics"),
                      language=current_language())  # fmt: skip
        self._run(job, self._said(_("Calendar file written to {path}.")))
