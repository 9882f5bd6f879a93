"""Someone else saved the record first: both versions side by side, reload or overwrite."""

from collections.abc import Callable
from enum import Enum

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from delegation_app.i18n import _
from delegation_app.i18n.formatting import format_date, format_time, to_local_time
from delegation_app.services.conflicts import ConflictDetails
from delegation_app.ui.common.wrapping_table import WrappingTable


class ConflictChoice(Enum):
    RELOAD = "reload"
    OVERWRITE = "overwrite"
    CANCEL = "cancel"


def heading(what: str, details: ConflictDetails) -> str:
    if details.changed_by:
        local = to_local_time(details.changed_at)
        return _("{what} was changed by {user} on {date} at {time} while you were working on it.").format(
            what=what, user=details.changed_by, date=format_date(local), time=format_time(local)
        )
    return _("{what} was changed by someone else while you were working on it.").format(what=what)


class ConflictDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, what: str, details: ConflictDetails, label_of: Callable[[str], str]
    ) -> None:
        super().__init__(parent)
        self.choice = ConflictChoice.CANCEL
        self.setWindowTitle(_("Changed in the meantime"))
        layout = QVBoxLayout(self)
        title = QLabel(heading(what, details), self)
        title.setWordWrap(True)
        layout.addWidget(title)
        hint = QLabel(
            _(
                "Your changes are not saved yet. Load the other version (your changes are dropped), "
                "or save yours over it (the other version stays in the record's change history)."
            ),
            self,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        headers = [_("Field"), _("Your version"), _("Saved version")]
        self.table = WrappingTable(headers, _("Differences between the two versions"), self)
        self.table.fill([(label_of(d.field), d.mine, d.theirs) for d in details.differences])
        layout.addWidget(self.table)
        if not details.differences:
            layout.addWidget(QLabel(_("Both versions have the same values in this form."), self))
        buttons = QDialogButtonBox(self)
        self.reload_button = QPushButton(_("&Load the other version"), self)
        self.overwrite_button = QPushButton(_("&Save my version"), self)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.overwrite_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.reload_button.clicked.connect(lambda: self._done(ConflictChoice.RELOAD))
        self.overwrite_button.clicked.connect(lambda: self._done(ConflictChoice.OVERWRITE))
        cancel.clicked.connect(self.reject)
        cancel.setDefault(True)
        layout.addWidget(buttons)
        self.resize(720, 360)

    def _done(self, choice: ConflictChoice) -> None:
        self.choice = choice
        self.accept()
