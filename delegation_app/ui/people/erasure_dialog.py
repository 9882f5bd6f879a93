"""The question before erasing or anonymising a person (Art. 17 DSGVO): what goes, each mention
of them in free text with what stands around it (ticked: replaced by "[entfernt]"), a reason for
the change history, and that backups keep the data until the rotation deletes them.

Cancel is the default button. The erasure runs on the worker (operations/erasure.py): it rewrites
the database file afterwards, which takes a moment on a large one.
"""

from collections.abc import Callable
from functools import partial
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from delegation_app.i18n import _
from delegation_app.operations.erasure import ErasureOutcome, erase_person
from delegation_app.services.erasure import ErasurePlan, MentionKey
from delegation_app.services.mentions import Mention
from delegation_app.ui.common.operation_runner import OperationRunner


def left_in_file(outcome: ErasureOutcome) -> str | None:
    """What the user must know after an erasure another program kept from the file's bytes (the
    old text stays in the -wal file until that program lets go); None when nothing is left."""
    if outcome.file_rewritten:
        return None
    return _(
        "Saved. Another workplace or program has the database open: the removed data leave the "
        "database file only when it is closed there."
    )


def mention_text(mention: Mention) -> str:
    """Two lines: where it stands, then the mention with the words around it."""
    return f"{mention.where}\n…{mention.before} »{mention.text}« {mention.after}…"


class ErasureDialog(QDialog):
    def __init__(
        self,
        plan: ErasurePlan,
        runner: OperationRunner,
        on_done: Callable[[ErasureOutcome], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan, self.runner, self.on_done = plan, runner, on_done
        name = plan.name
        if plan.anonymise:
            self.setWindowTitle(_("Anonymise “{name}”").format(name=name))
            intro = _(
                "“{name}” becomes “{label}” of their organisation: the visits keep their participants "
                "and statistics, everything else that is personal goes. This cannot be undone."
            ).format(name=name, label=plan.label)
        else:
            self.setWindowTitle(_("Delete “{name}” for good (Art. 17)").format(name=name))
            intro = _(
                "“{name}” and their personal data are deleted for good; they do not go to the recycle "
                "bin. This cannot be undone."
            ).format(name=name)
        layout = QVBoxLayout(self)
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        lines = "".join(f"<li>{escape(what)}: {count}</li>" for what, count in plan.counts)
        self.counts = QLabel(f"<ul>{lines}</ul>" if lines else "", self)
        layout.addWidget(self.counts)
        self.mentions = QListWidget(self)
        self.mentions.setAccessibleName(_("Mentions in free text"))
        self.mentions.setWordWrap(True)
        self.mentions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for mention in plan.mentions:
            item = QListWidgetItem(mention_text(mention), self.mentions)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setToolTip(item.text())
        if plan.mentions:
            heading = QLabel(_("Mentions in free text (ticked ones are replaced by “[removed]”):"), self)
            heading.setBuddy(self.mentions)
            layout.addWidget(heading)
            layout.addWidget(self.mentions)
        else:
            self.mentions.hide()
        form = QFormLayout()
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(_("Reason"))
        form.addRow(_("&Reason:"), self.reason)
        layout.addLayout(form)
        self.backups = QLabel(_("Backups made before keep the data until the rotation deletes them."), self)
        self.backups.setWordWrap(True)
        layout.addWidget(self.backups)
        if not plan.mentions:
            layout.addStretch(1)  # no list to grow: the texts stay together, the room goes below them
        self.buttons = QDialogButtonBox(self)
        action = _("Anonymise") if plan.anonymise else _("Delete for good")
        self.confirm_button = QPushButton(action, self)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm_button.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(720, 480)

    def chosen(self) -> list[MentionKey]:
        """The keys of the ticked mentions (the list's rows are the plan's mentions in order)."""
        ticked = (
            self.mentions.item(row).checkState() == Qt.CheckState.Checked
            for row in range(self.mentions.count())
        )
        return [mention.key for mention, tick in zip(self.plan.mentions, ticked, strict=True) if tick]

    def confirm(self) -> None:
        self.confirm_button.setEnabled(False)
        erased = partial(
            erase_person,
            person_id=self.plan.person_id,
            anonymise=self.plan.anonymise,
            mentions=self.chosen(),
            reason=self.reason.text(),
        )
        self.runner.in_background(self, erased, self._done, on_user_error=self._refused)

    def _done(self, outcome: ErasureOutcome) -> None:
        self.accept()
        if self.on_done is not None:
            self.on_done(outcome)

    def _refused(self, exc) -> None:
        self.confirm_button.setEnabled(True)
        self.runner.prompts.error(self, exc.message, exc.detail)
