"""Datei → "Datenbank wählen …": a database file on this PC, or the office's team database on a
PostgreSQL server (server, port, database, user, TLS). "Verbindung testen" connects on the worker
and says in one line what is wrong; OK keeps the address in the settings and the password in the
operating system's credential store (never in a file). The choice applies at the next start."""

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from delegation_app.domain.errors import DomainError
from delegation_app.i18n import N_, _
from delegation_app.services.team_connection import (
    DEFAULT_PORT,
    SSL_MODES,
    DatabaseChoice,
    TeamDatabase,
    choose,
    current,
    test_team,
)
from delegation_app.ui.common.accessibility import announce
from delegation_app.ui.common.operation_runner import OperationRunner

TLS_LABELS = {
    "prefer": N_("Encrypted when the server offers it"),
    "require": N_("Always encrypted"),
    "verify-full": N_("Encrypted, server certificate checked"),
    "disable": N_("Not encrypted"),
}


class DatabaseDialog(QDialog):
    def __init__(self, parent: QWidget | None, settings, runner: OperationRunner) -> None:
        super().__init__(parent)
        self.settings, self.runner = settings, runner
        self.setWindowTitle(_("Choose database"))
        chosen = current(settings)
        self.file_choice = QRadioButton(_("A database &file on this PC"))
        self.team_choice = QRadioButton(_("The &team database (PostgreSQL)"))
        group = QButtonGroup(self)
        group.addButton(self.file_choice)
        group.addButton(self.team_choice)
        self.file = QLineEdit(chosen.file or "")
        self.file.setPlaceholderText(_("the database in your user data folder"))
        self.file.setAccessibleName(_("Database file"))
        self.browse = browse = QPushButton(_("&Browse…"))
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(browse)
        team = chosen.team or TeamDatabase()
        self.host, self.database, self.user = (
            QLineEdit(team.host),
            QLineEdit(team.database),
            QLineEdit(team.user),
        )
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(team.port or DEFAULT_PORT)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.tls = QComboBox()
        for mode in SSL_MODES:
            self.tls.addItem(_(TLS_LABELS[mode]), mode)
        self.tls.setCurrentIndex(SSL_MODES.index(team.sslmode))
        self.team_box = QGroupBox(_("Team database"))
        form = QFormLayout(self.team_box)
        form.addRow(_("&Server:"), self.host)
        form.addRow(_("P&ort:"), self.port)
        form.addRow(_("&Database:"), self.database)
        form.addRow(_("&User name:"), self.user)
        form.addRow(_("&Password:"), self.password)
        form.addRow(_("&Encryption:"), self.tls)
        self.test_button = QPushButton(_("Test &connection"))
        self.test_button.clicked.connect(self.test_connection)
        form.addRow("", self.test_button)
        self.status = QLabel(_("The choice applies from the next start of the program."))
        self.status.setWordWrap(True)
        self.buttons = buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.keep)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_choice)
        layout.addLayout(file_row)
        layout.addWidget(self.team_choice)
        layout.addWidget(self.team_box)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        (self.team_choice if chosen.team else self.file_choice).setChecked(True)
        self.team_choice.toggled.connect(self._follow_choice)
        self._follow_choice()

    def _follow_choice(self) -> None:
        team = self.team_choice.isChecked()
        self.team_box.setEnabled(team)
        self.file.setEnabled(not team)
        self.browse.setEnabled(not team)

    def _browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Database file"), self.file.text(), _("Database (*.sqlite)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )  # fmt: skip
        if path:
            self.file.setText(path)

    def team(self) -> TeamDatabase:
        return TeamDatabase(
            host=self.host.text().strip(), port=self.port.value(), database=self.database.text().strip(),
            user=self.user.text().strip(), sslmode=str(self.tls.currentData()),
        )  # fmt: skip

    def say(self, text: str) -> None:
        self.status.setText(text)
        announce(self.status, text)

    def test_connection(self) -> None:
        team, password = self.team(), self.password.text()
        self.test_button.setEnabled(False)
        self.say(_("Connecting…"))
        self.runner.in_background(
            self, lambda _services: test_team(team, password), self._tested, on_user_error=self._failed
        )

    def _tested(self, message: str) -> None:
        self.test_button.setEnabled(True)
        self.say(message)

    def _failed(self, error: DomainError) -> None:  # told in the dialog, not in a message box
        self.test_button.setEnabled(True)
        self.say(error.message)

    def keep(self) -> None:
        if self.team_choice.isChecked():
            team = self.team()
            if not team.complete():
                self.say(_("Please fill in the server, the database and the user name."))
                return
            # Where the PC has no credential store, the next start asks for the password once.
            choose(self.settings, DatabaseChoice(team, None), self.password.text())
        else:
            choose(self.settings, DatabaseChoice(None, self.file.text().strip() or None))
        self.accept()
