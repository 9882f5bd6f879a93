"""The main window: visits list with search, the selected visit's overview, standard menus."""

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from delegation_app import __version__
from delegation_app.domain.errors import NotFoundError
from delegation_app.i18n import _
from delegation_app.services.registry import Services
from delegation_app.ui.background import Background
from delegation_app.ui.briefing_export import BriefingExport
from delegation_app.ui.change_bus import ChangeBus
from delegation_app.ui.visit_detail import VisitDetail
from delegation_app.ui.visit_table_model import VisitTableModel


class MainWindow(QMainWindow):
    def __init__(
        self, services: Services, bus: ChangeBus, database_label: str, parent=None, **briefing_hooks
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.database_label = database_label
        self.background = Background(self)
        self.busy = QProgressBar(self, maximumWidth=120, textVisible=False)
        self.busy.setRange(0, 0)  # an indeterminate "working" bar
        self.busy.setAccessibleName(_("Working…"))
        self.busy.hide()
        self.background.busy_changed.connect(self.busy.setVisible)
        self.setWindowTitle(_("Delegation visits"))
        self.model = VisitTableModel(self)
        self._build_list()
        self.briefing = BriefingExport(
            self,
            services,
            self.background,
            lambda: self.model.visit_at(self.table.currentIndex().row()),
            **briefing_hooks,
        )
        self.detail = VisitDetail(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self._list_panel)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self._build_menus()
        # A permanent widget: menu hovers clear ordinary status messages.
        self.database_status = QLabel(_("Database: {path}").format(path=database_label), self)
        self.statusBar().addPermanentWidget(self.database_status, 1)
        self.statusBar().addPermanentWidget(self.busy)
        # Typing in the search box refreshes after a short pause, not on every key.
        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._search_timer.start)
        bus.changed.connect(lambda _changes: self.refresh())
        self.resize(1200, 720)
        self._restore_state()
        self.refresh()
        if self.model.rowCount() > 0:
            self.table.selectRow(0)

    def _build_list(self) -> None:
        self._list_panel = QWidget(self)
        caption = QLabel(_("&Search visits:"), self._list_panel)
        self.search = QLineEdit(self._list_panel)
        self.search.setPlaceholderText(_("Title…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(_("Search visits"))
        caption.setBuddy(self.search)
        self.table = QTableView(self._list_panel)
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Visits"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the title takes the room left
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(60)
        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        layout = QVBoxLayout(self._list_panel)
        layout.setContentsMargins(6, 6, 0, 0)
        layout.addWidget(caption)
        layout.addWidget(self.search)
        layout.addWidget(self.table)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(_("&File"))
        file_menu.addAction(self.briefing.action)
        file_menu.addSeparator()
        toolbar = self.addToolBar(_("Visit"))
        toolbar.setObjectName("visit_toolbar")
        toolbar.addAction(self.briefing.action)
        quit_action = QAction(_("&Quit"), self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.menuBar().addMenu(_("&Edit"))
        view_menu = self.menuBar().addMenu(_("&View"))
        refresh_action = QAction(_("&Refresh"), self, shortcut=QKeySequence.StandardKey.Refresh)
        refresh_action.triggered.connect(self.refresh)
        view_menu.addAction(refresh_action)
        find_action = QAction(_("&Find"), self, shortcut=QKeySequence.StandardKey.Find)
        find_action.triggered.connect(self.search.setFocus)
        view_menu.addAction(find_action)
        help_menu = self.menuBar().addMenu(_("&Help"))
        self.about_action = QAction(_("&About delegation_app"), self)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def about_text(self) -> str:
        return _("delegation_app {version}\n\nPlan delegation visits, log contacts, print briefings.\n\n"
                 "Database: {path}").format(version=__version__, path=self.database_label)  # fmt: skip

    def show_about(self) -> None:
        QMessageBox.about(self, _("About delegation_app"), self.about_text())

    def refresh(self) -> None:
        current = self.model.visit_at(self.table.currentIndex().row())
        self.model.set_visits(self.services.visits.list(self.search.text().strip() or None))
        for column in (0, 5):  # date and status: short, known widths; cheap on a page of rows
            self.table.resizeColumnToContents(column)
        row = self.model.row_of(current.id) if current else -1
        if row >= 0:
            self.table.selectRow(row)
        else:
            self.detail.show_nothing()

    def _show_current(self, current, _previous) -> None:
        visit = self.model.visit_at(current.row())
        if visit is None:
            self.detail.show_nothing()
            return
        s = self.services
        try:
            details = s.visits.get(visit.id)
        except NotFoundError as exc:  # deleted by someone else since the list was loaded
            self.statusBar().showMessage(exc.message, 10_000)
            QTimer.singleShot(0, self.refresh)
            return
        self.detail.show_visit(
            details,
            s.participations.list_for_visit(visit.id),
            s.agenda.list_for_visit(visit.id),
            s.quotes.list_for_visit(visit.id),
        )

    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = settings.value("main_window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([620, 580])

    def closeEvent(self, event) -> None:
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/splitter", self.splitter.saveState())
        super().closeEvent(event)
