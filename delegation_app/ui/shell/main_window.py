"""The main window: navigation (visits, people, organisations, follow-ups), standard menus.

Only the visits view is built at start; the others are built when first shown (on the scale
database they cost a third of a second and their lists' memory before anyone looks at them)."""

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from delegation_app.context import AppContext
from delegation_app.i18n import _
from delegation_app.ui.common.accessibility import AnnouncingStatusBar
from delegation_app.ui.common.background import Background
from delegation_app.ui.common.change_bus import ChangeBus
from delegation_app.ui.common.date_fields import use_clock
from delegation_app.ui.common.new_record_dialog import Creating
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.prompts import Prompts
from delegation_app.ui.people.people_import_launcher import PeopleImportLauncher
from delegation_app.ui.people.person_report_export import PersonReportExport
from delegation_app.ui.printing.briefing_export import BriefingExport
from delegation_app.ui.printing.print_menu import PrintMenu
from delegation_app.ui.shell.backup_actions import BackupActions
from delegation_app.ui.shell.export_actions import ExportActions, chosen_ids, list_kind_at
from delegation_app.ui.shell.overdue_notice import OverdueNotice
from delegation_app.ui.shell.quick_log_launcher import QuickLogLauncher
from delegation_app.ui.shell.retention_actions import RetentionActions
from delegation_app.ui.shell.user_guide import UserGuide
from delegation_app.ui.shell.window_place import restore_place, save_place
from delegation_app.ui.visits.visits_view import VisitsView

if TYPE_CHECKING:
    from delegation_app.ui.followups.followups_view import FollowUpsView
    from delegation_app.ui.shell.retention_dialog import Anonymiser

FOLLOWUPS = 3  # the follow-ups' place in the navigation
PEOPLE = 1


def _action(parent, text: str, slot, shortcut=None, tip: str | None = None) -> QAction:
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(shortcut)
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(slot)
    return action


class MainWindow(QMainWindow):
    def __init__(
        self,
        context: AppContext,
        bus: ChangeBus,
        parent=None,
        prompts: Prompts | None = None,
        backup_hooks: dict | None = None,  # choose_folder / choose_backup, answered by tests
        report_hooks: dict | None = None,  # the access report's choose_path / open_file, for tests
        export_hooks: dict | None = None,  # File → Export's choose_path / choose_folder, for tests
        **briefing_hooks,
    ) -> None:
        super().__init__(parent)
        self.context = context
        services = self.services = context.services
        self.database_label = context.database.label
        self.prompts = prompts or Prompts()
        self.clock = context.clock  # issue 5: "now", a fixed day in tests
        use_clock(self.clock)  # "heute" and "+7" in every date field
        # Anonymises what "Check retention" lists (given the records and the reason); None: list only.
        self.retention_actions = RetentionActions(self)
        self.retention_anonymise: Anonymiser | None = self.retention_actions.anonymise_due
        self.draft_kept = False  # set when the session ended with unsaved edits (see ui/session.py)
        self.setWindowTitle(_("Delegation visits"))
        self.background = Background(self)
        # The one runner of the window's operations: its prompts say why one was refused, its worker
        # takes the slow ones. Handed to every view, editor and dialog that writes.
        runner = self.runner = OperationRunner(services, self.prompts, self.background)
        report = PersonReportExport(
            self, runner, context.output, lambda: context.settings.get().profile, **(report_hooks or {})
        )
        self.visits = VisitsView(services, bus, self.prompts, runner, self)
        profile = lambda: context.settings.get().profile  # noqa: E731
        self.visits.editor.quotes.approval.signature = lambda: (profile().name, profile().function)
        self._view_makers: list[tuple[str, Callable[[], QWidget]]] = [
            (_("Visits"), lambda: self.visits),
            (_("People"), lambda: self._people_view(bus, report)),
            (_("Organisations"), lambda: self._organisations_view(bus)),
            (_("Follow-ups"), lambda: self._followups_view(bus)),
        ]
        self._built: dict[int, QWidget] = {0: self.visits}
        self.navigation = QListWidget(self)
        self.navigation.setAccessibleName(_("Navigation"))
        self.stack = QStackedWidget(self)
        for index, (title, _make) in enumerate(self._view_makers):
            self.navigation.addItem(title)
            self.stack.addWidget(self._built.get(index) or QWidget(self.stack))  # a stand-in until shown
        self.navigation.setFixedWidth(self.navigation.sizeHintForColumn(0) + 36)
        self.navigation.currentRowChanged.connect(self._show_index)
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        # issue 5: the overdue notice under the navigation; a click opens the follow-ups
        self.overdue_notice = OverdueNotice(services, bus, self.clock, central)
        self.overdue_notice.setFixedWidth(self.navigation.maximumWidth())
        self.overdue_notice.open_requested.connect(self.show_followups)
        left = QVBoxLayout()
        left.addWidget(self.navigation, 1)
        left.addWidget(self.overdue_notice)
        row.addLayout(left)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.backups = BackupActions(self, context, **(backup_hooks or {}))
        self.briefing = BriefingExport(
            self, runner, self.background, self.visits.current_visit, context.output,
            settings=context.settings, open_profile=self.edit_profile, **briefing_hooks,
        )  # fmt: skip
        self.printing = PrintMenu(
            self, runner, self.background, self.visits.current_visit, context.output, self.briefing.action,
            settings=context.settings, **briefing_hooks,
        )  # fmt: skip
        self.visits.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.visits.table.customContextMenuRequested.connect(
            lambda pos: self.printing.menu.popup(self.visits.table.viewport().mapToGlobal(pos))
        )
        self.exports = ExportActions(
            self, runner, self.background, context.output, current_visit=self.visits.current_visit,
            list_kind=lambda: list_kind_at(self.navigation.currentRow()),
            chosen_people=lambda: chosen_ids(self._built.get(PEOPLE)), **(export_hooks or {}),
        )  # fmt: skip
        self._build_status_bar()
        self._build_menus()
        self.navigation.setCurrentRow(0)
        self._restore_state()
        self.overdue_notice.check()  # issue 5: on start

    def _build_status_bar(self) -> None:
        self.setStatusBar(AnnouncingStatusBar(self))  # every message is read out too
        # A permanent widget: menu hovers clear ordinary status messages.
        self.database_status = QLabel(_("Database: {path}").format(path=self.database_label), self)
        self.statusBar().addPermanentWidget(self.database_status, 1)
        self.busy = QProgressBar(self, textVisible=False)
        self.busy.setMaximumWidth(120)
        self.busy.setRange(0, 0)  # an indeterminate "working" bar
        self.busy.setAccessibleName(_("Working…"))
        self.busy.hide()
        self.statusBar().addPermanentWidget(self.busy)
        self.background.busy_changed.connect(self.busy.setVisible)

    def _build_menus(self) -> None:
        v = self.visits
        file_menu = self.menuBar().addMenu(_("&File"))
        self.new_action = _action(self, _("&New visit"), self._new_visit, QKeySequence.StandardKey.New)
        file_menu.addAction(self.new_action)
        self.quick_log = QuickLogLauncher(self, self.context, self.prompts, self.runner)  # issue 5: Ctrl+L
        file_menu.addAction(self.quick_log.action)
        # issue 12: one Save (Ctrl+S) for the editor of the view shown, named after what it saves
        self.save_action = _action(self, v.editor.save_text, self._save, QKeySequence.StandardKey.Save)
        file_menu.addAction(self.save_action)
        file_menu.addMenu(self.printing.menu)  # the briefing (Ctrl+P) and every other product
        file_menu.addMenu(self.exports.menu)
        file_menu.addSeparator()
        self.people_import = PeopleImportLauncher(
            self, self.services, self.runner, self.background, self.prompts, self.clock
        )
        file_menu.addActions([self.people_import.action, self.people_import.undo_action])
        file_menu.addSeparator()
        file_menu.addAction(_action(self, _("Choose &database…"), self.choose_database))
        file_menu.addAction(self.backups.backup_action)
        file_menu.addAction(self.backups.restore_action)
        file_menu.addAction(_action(self, _("Check re&tention…"), self.show_retention))
        file_menu.addSeparator()
        preferences = QKeySequence.StandardKey.Preferences
        file_menu.addAction(_action(self, _("&Preferences…"), lambda: self.show_preferences(), preferences))
        file_menu.addAction(_action(self, _("&Quit"), self.close, QKeySequence.StandardKey.Quit))
        edit_menu = self.menuBar().addMenu(_("&Edit"))
        edit_menu.addAction(
            _action(
                self,
                _("&Copy visit as template"),
                v.copy_as_template,
                tip=_("A new visit with this one's organisations, programme and delegation"),
            )
        )
        edit_menu.addAction(_action(self, _("&Delete visit…"), v.delete_current, "Ctrl+Shift+Del"))
        edit_menu.addAction(v.press_action)  # "Pressemitteilung einlesen …", Ctrl+Shift+V in the visits view
        edit_menu.addAction(_action(self, _("Change &history…"), self._history, "Ctrl+H"))
        # The key belongs to the people and organisations views (their lists' merge_action); the
        # menu shows it after the tab without taking it window-wide.
        edit_menu.addAction(_action(self, _("&Merge…") + "\tCtrl+Shift+M", self._merge))
        edit_menu.addSeparator()
        edit_menu.addAction(_action(self, _("&Recycle bin…"), self.show_recycle_bin))
        view_menu = self.menuBar().addMenu(_("&View"))
        for index, (title, _make) in enumerate(self._view_makers):
            view_menu.addAction(
                _action(self, title, lambda _c=False, i=index: self.show_view(i), f"Ctrl+{index + 1}")
            )
        view_menu.addSeparator()
        view_menu.addAction(_action(self, _("&Find"), self._find, QKeySequence.StandardKey.Find))
        view_menu.addAction(_action(self, _("&Refresh"), self._refresh, QKeySequence.StandardKey.Refresh))
        help_menu = self.menuBar().addMenu(_("&Help"))
        self.user_guide = UserGuide(self)  # F1: the guide, open at the part about what is shown
        help_menu.addAction(self.user_guide.action)
        self.about_action = _action(self, _("&About Delegation visits"), self.show_about)
        help_menu.addAction(self.about_action)
        toolbar = self.addToolBar(_("Visit"))
        toolbar.setObjectName("visit_toolbar")
        # The style's standard icons come at the display's scale (high DPI); the text stays beside them.
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        style = self.style()
        for action, icon in (
            (self.new_action, QStyle.StandardPixmap.SP_FileIcon),
            (self.save_action, QStyle.StandardPixmap.SP_DialogSaveButton),
            (self.briefing.action, QStyle.StandardPixmap.SP_FileDialogDetailedView),
        ):
            action.setIcon(style.standardIcon(icon))
        toolbar.addAction(self.new_action)
        toolbar.addAction(self.save_action)
        toolbar.addAction(self.briefing.action)

    # The views not shown at start: their modules are imported when first shown (issue 21; see
    # "What the start imports" in docs/architecture.md), as are the dialogs of the menus below.
    def _people_view(self, bus: ChangeBus, report: PersonReportExport) -> QWidget:
        from delegation_app.ui.people.people_view import PeopleView  # on use

        return PeopleView(self.services, bus, self.prompts, self.runner, self, report=report)

    def _organisations_view(self, bus: ChangeBus) -> QWidget:
        from delegation_app.ui.organisations.organisations_view import OrganisationsView  # on use

        return OrganisationsView(self.services, bus, self.prompts, self.runner, self)

    def _followups_view(self, bus: ChangeBus) -> QWidget:
        from delegation_app.ui.followups.followups_view import FollowUpsView  # on use

        own = self.context.own_person_id
        return FollowUpsView(self.services, bus, self.runner, self, clock=self.clock, own_person_id=own)

    def view_at(self, index: int) -> QWidget:
        """The view at ``index`` of the navigation, built now if it was not shown before."""
        view = self._built.get(index)
        if view is None:
            view = self._built[index] = self._view_makers[index][1]()
            stand_in = self.stack.widget(index)
            self.stack.insertWidget(index, view)
            if stand_in is not None:  # every view has a stand-in until it is built
                self.stack.removeWidget(stand_in)
                stand_in.deleteLater()
        return view

    @property
    def views(self) -> list[tuple[str, QWidget]]:
        """(title, view) of every view, all of them built."""
        return [(title, self.view_at(index)) for index, (title, _make) in enumerate(self._view_makers)]

    @property
    def followups(self) -> "FollowUpsView":
        return cast("FollowUpsView", self.view_at(FOLLOWUPS))  # what _view_makers builds there

    def _show_index(self, index: int) -> None:
        if index >= 0:
            self.stack.setCurrentWidget(self.view_at(index))
            self._save_follows_view()

    def _current_editor(self):
        """The editor of the view shown, when it has one that saves (not the follow-ups)."""
        editor = getattr(self.stack.currentWidget(), "editor", None)
        return editor if getattr(editor, "save_text", None) else None

    def _save_follows_view(self) -> None:
        editor = self._current_editor()
        self.save_action.setEnabled(editor is not None)
        # Greyed out, it names nothing: "Save organisation" in the follow-ups read as a broken button.
        self.save_action.setText(editor.save_text if editor is not None else _("&Save"))

    def _save(self) -> None:
        """Ctrl+S: saves the editor of the view shown (its save says why, when it cannot)."""
        editor = self._current_editor()
        if editor is not None:
            editor.save()

    def show_view(self, index: int) -> None:
        self.navigation.setCurrentRow(index)

    def show_followups(self) -> None:  # issue 5: from the overdue notice
        self.show_view(self.stack.indexOf(self.followups))
        self.followups.show_all_open()

    def _new_visit(self) -> None:
        self.show_view(0)
        self.visits.new_visit()

    def _refresh(self) -> None:
        view = self.stack.currentWidget()
        if view is not None and hasattr(view, "refresh"):
            view.refresh()

    def _history(self) -> None:
        """The change history of the record the current view shows (or selects, in the follow-ups)."""
        view = self.stack.currentWidget()
        editor = getattr(view, "editor", view)
        if editor is not None and hasattr(editor, "show_history"):
            editor.show_history()

    def _merge(self) -> None:
        """Merge the two rows selected in the people or organisations view (issue 14)."""
        merge = getattr(self.stack.currentWidget(), "merge_selected", None)
        if merge is not None:
            merge()
        else:
            self.prompts.inform(self, _("Merging works in the people and organisations views."))

    def _find(self) -> None:
        view = self.stack.currentWidget()
        search = getattr(view, "search", None)
        if search is not None:
            search.setFocus()
            search.selectAll()

    def about_text(self) -> str:
        from delegation_app import __version__  # on use: looked up when asked (delegation_app/__init__.py)

        return _(
            "Delegation visits {version}\n\nPlan delegation visits, log contact entries, print briefings.\n\n"
            "Database: {path}"
        ).format(version=__version__, path=self.database_label)

    def show_preferences(self, parent: QWidget | None = None) -> None:
        from delegation_app.ui.shell.preferences_dialog import PreferencesDialog  # on use

        self.preferences = PreferencesDialog(
            parent or self,
            settings=self.context.settings,
            services=self.services,
            creating=Creating(self.services, self.runner, self.prompts),
        )
        self.preferences.accepted.connect(self._preferences_changed)
        self.preferences.open()  # not exec(): the window stays alive behind it

    def edit_profile(self, parent: QWidget, saved: Callable[[], None]) -> None:
        """The preferences at the profile page, over ``parent`` (the briefing dialog asks for a name)."""
        self.show_preferences(parent)  # the same dialog: what is changed on its other pages counts too
        self.preferences.pages.setCurrentWidget(self.preferences.profile_page)
        self.preferences.profile_page.name.setFocus()
        self.preferences.accepted.connect(saved)

    def _preferences_changed(self) -> None:
        if FOLLOWUPS in self._built:  # issue 5: "mine" may have changed; an unbuilt view reads it when shown
            self.followups.refresh()

    def show_retention(self) -> None:
        """The records past their retention period; ``retention_anonymise`` anonymises the chosen."""
        self.retention = self.retention_actions.show(self.retention_anonymise)

    def choose_database(self) -> None:
        """A file on this PC or the team database; it applies at the next start."""
        from delegation_app.ui.shell.database_dialog import DatabaseDialog  # on use

        self.database_dialog = DatabaseDialog(self, self.context.settings, self.runner)
        self.database_dialog.open()

    def show_recycle_bin(self) -> None:
        from delegation_app.ui.records.recycle_bin_dialog import RecycleBinDialog  # on use

        self.recycle_bin = RecycleBinDialog(self, self.services, self.prompts, self.runner)
        self.recycle_bin.open()

    def show_about(self) -> None:
        QMessageBox.about(self, _("About Delegation visits"), self.about_text())

    def _restore_state(self) -> None:
        splitter = restore_place(self)  # issue 12: fitted to the screen, remembered per screen
        if splitter is None or not self.visits.restoreState(splitter):
            self.visits.fit_editor_when_shown()  # every tab title readable, the list gets the rest

    def closeEvent(self, event) -> None:
        views = self._built.values()  # one never shown has nothing to leave
        editors = [self.visits.editor] + [view for view in views if hasattr(view, "maybe_leave")]
        if not self.draft_kept and not all(editor.maybe_leave() for editor in editors):
            event.ignore()  # the user chose to keep editing
            return
        self.background.wait()  # a PDF being written is finished, not cut off
        save_place(self, bytes(self.visits.saveState().data()))
        super().closeEvent(event)
