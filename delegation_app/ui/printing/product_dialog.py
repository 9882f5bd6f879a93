"""Options of a print product other than the briefing: its language, and for place cards how
many go on a sheet. The briefing keeps its own dialog (briefing_dialog.py)."""

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from delegation_app.i18n import _


class ProductDialog(QDialog):
    def __init__(
        self, product_title: str, visit_title: str, language: str, parent=None, *, cards: bool = False
    ):
        super().__init__(parent)
        self.setWindowTitle(_("{product} (PDF)").format(product=product_title))
        intro = QLabel(_("{product} for: {title}").format(product=product_title, title=visit_title), self)
        intro.setWordWrap(True)
        self.language = QComboBox(self)
        self.language.addItem(_("German"), "de")
        self.language.addItem(_("English"), "en")
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.language.setAccessibleName(_("Language of the document"))
        form = QFormLayout()
        language_label = QLabel(_("&Language:"), self)
        language_label.setBuddy(self.language)
        form.addRow(language_label, self.language)
        self.layout_choice: QComboBox | None = None
        if cards:
            self.layout_choice = QComboBox(self)
            self.layout_choice.addItem(_("Two cards per A4 sheet, with cut and fold marks"), "two")
            self.layout_choice.addItem(_("One card per A4 sheet (landscape)"), "one")
            self.layout_choice.setAccessibleName(_("Cards per sheet"))
            cards_label = QLabel(_("&Cards per sheet:"), self)
            cards_label.setBuddy(self.layout_choice)
            form.addRow(cards_label, self.layout_choice)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("&Create PDF…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def chosen_layout(self) -> str:
        return str(self.layout_choice.currentData()) if self.layout_choice is not None else "two"
