"""„Zusammenführen …“ for two people or two organisations: both records side by side, a choice per
field in which they differ, what moves to the kept record, which one is kept (switchable).

The plan is a read (services.person_merge / organisation_merge); the merge runs through the
OperationRunner (operations.merging). A record changed meanwhile is a ConflictError: the runner
says so and the dialog reads the plan again, so the user decides on what is there now.
"""

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from delegation_app.domain.errors import DomainError
from delegation_app.i18n import _
from delegation_app.services.merging import MergePlan
from delegation_app.services.registry import Services
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.prompts import Prompts

Planner = Callable[[Services, int, int], MergePlan[Any]]
Merger = Callable[..., Any]  # operations.merging.merge_people / merge_organisations


def record_name(view: Any) -> str:
    return str(getattr(view, "display_name", None) or view.name)


class MergeDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, services: Services, prompts: Prompts, runner: OperationRunner,
        plan: Planner, merge: Merger, keep_id: int, other_id: int,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.services, self.prompts, self.runner, self.planner, self.merge = (
            services,
            prompts,
            runner,
            plan,
            merge,
        )
        self.ids = (keep_id, other_id)
        self.kept_id: int | None = None  # set once merged
        self.plan: MergePlan[Any] | None = None
        self.groups: dict[str, QButtonGroup] = {}
        self.setWindowTitle(_("Merge"))
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # names are the users' text
        layout.addWidget(self.heading)
        self.fields_area = QScrollArea(self)
        self.fields_area.setWidgetResizable(True)
        layout.addWidget(self.fields_area, 1)
        self.moves = QLabel(self)
        self.moves.setWordWrap(True)
        self.moves.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.moves)
        buttons = QDialogButtonBox(self)
        self.swap_button = QPushButton(_("&Keep the other one"), self)
        self.swap_button.setToolTip(_("Switch which record is kept and which goes to the recycle bin"))
        self.merge_button = QPushButton(_("&Merge"), self)
        self.merge_button.setDefault(True)
        buttons.addButton(self.swap_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.swap_button.clicked.connect(self.swap)
        self.merge_button.clicked.connect(self.do_merge)
        layout.addWidget(buttons)
        self.resize(720, 480)

    def load(self) -> bool:
        """Read the plan for the pair as it is now; False (and said why) when it cannot be merged."""
        try:
            self.plan = self.planner(self.services, *self.ids)
        except DomainError as exc:
            self.prompts.error(self.parentWidget() or self, exc.message)
            return False
        self._fill(self.plan)
        return True

    def _fill(self, plan: MergePlan[Any]) -> None:
        keep, other = record_name(plan.keep), record_name(plan.other)
        self.heading.setText(
            _("“{other}” is merged into “{keep}”. “{other}” goes to the recycle bin; restoring it from there "
              "undoes the merge.").format(keep=keep, other=other)
        )  # fmt: skip
        grid_widget = QWidget(self.fields_area)
        grid = QGridLayout(grid_widget)
        for column, text in (
            (1, _("Kept: {name}").format(name=keep)),
            (2, _("Merged in: {name}").format(name=other)),
        ):
            heading = QLabel(text, grid_widget)
            heading.setTextFormat(Qt.TextFormat.PlainText)
            heading.setWordWrap(True)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            grid.addWidget(heading, 0, column)
        self.groups = {}
        for row, choice in enumerate(plan.fields, start=1):
            label = QLabel(choice.label + ":", grid_widget)
            group = QButtonGroup(grid_widget)
            for column, (side, text) in enumerate((("keep", choice.keep_text), ("other", choice.other_text))):
                button = QRadioButton(text.replace("&", "&&"), grid_widget)
                button.setObjectName(f"{choice.field}.{side}")
                button.setAccessibleName(f"{choice.label}: {text}")
                button.setChecked(side == choice.default)
                group.addButton(button, column)
                grid.addWidget(button, row, column + 1)
            label.setBuddy(group.button(0))
            grid.addWidget(label, row, 0)
            self.groups[choice.field] = group
        if not plan.fields:
            grid.addWidget(QLabel(_("Both records hold the same values."), grid_widget), 1, 0, 1, 3)
        grid.setRowStretch(len(plan.fields) + 1, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.fields_area.setWidget(grid_widget)
        self.moves.setText(" ".join((plan.summary(), *plan.notes)))

    def choices(self) -> dict[str, str]:
        return {
            field: ("keep" if group.checkedId() == 0 else "other") for field, group in self.groups.items()
        }

    def swap(self) -> None:
        self.ids = (self.ids[1], self.ids[0])
        self.load()

    def do_merge(self) -> None:
        plan = self.plan
        if plan is None:
            return
        merged = partial(
            self.merge, keep_id=plan.keep.id, other_id=plan.other.id, choices=self.choices(),
            versions=(plan.keep.version, plan.other.version),
        )  # fmt: skip
        if self.runner.now(self, merged, self._merged):
            self.accept()
        else:  # changed or deleted meanwhile: the runner has said so; show what is there now
            if not self.load():
                self.reject()

    def _merged(self, kept: Any) -> None:
        self.kept_id = kept.id
