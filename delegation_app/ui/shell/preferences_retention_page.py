"""The preferences' retention page: how long people without activity, contact entries and visits
are kept (storage limitation, Art. 5(1)(e) GDPR). No period (the default) keeps them without limit;
File → Check retention lists what is past its period."""

from PySide6.QtWidgets import QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from delegation_app.i18n import N_, _, ngettext
from delegation_app.services.retention import MAX_RETENTION_DAYS, RETENTION_KINDS

INTRO = N_(
    "How long records may be kept after their last activity. “File → Check retention” lists what is "
    "past its period, to be anonymised. Without a period, records are kept without limit."
)
CAPTIONS = {
    "people": (N_("&People without activity:"), N_("Retention period for people without activity")),
    "contacts": (N_("&Contact entries:"), N_("Retention period for contact entries")),
    "visits": (N_("&Visits:"), N_("Retention period for visits")),
}


class RetentionPage(QWidget):
    def __init__(self, periods: dict[str, int | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("retention_page")
        intro = QLabel(_(INTRO), self)
        intro.setWordWrap(True)
        form = QFormLayout()
        self.days: dict[str, QSpinBox] = {}
        for kind in RETENTION_KINDS:
            caption_text, name = CAPTIONS[kind]
            box = QSpinBox(self)
            box.setRange(0, MAX_RETENTION_DAYS)
            box.setSpecialValueText(_("no limit"))  # shown for 0
            box.setAccessibleName(_(name))
            box.valueChanged.connect(lambda value, b=box: self._suffix(b, value))
            box.setValue(periods.get(kind) or 0)
            self._suffix(box, box.value())
            caption = QLabel(_(caption_text), self)
            caption.setBuddy(box)
            form.addRow(caption, box)
            self.days[kind] = box
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)

    @staticmethod
    def _suffix(box: QSpinBox, value: int) -> None:
        box.setSuffix(" " + ngettext("day", "days", value) if value else "")

    def periods(self) -> dict[str, int | None]:
        return {kind: box.value() or None for kind, box in self.days.items()}
