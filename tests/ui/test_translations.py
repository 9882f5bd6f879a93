"""In German mode no English source text shows on the main screens."""

from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

from i18n_scan import german_messages

MESSAGES = german_messages()  # source text → German, as the catalogue has it

# Source texts whose German translation differs: seeing one on screen means it was not translated.
ENGLISH = {
    source.replace("&", ""): source
    for source, german in MESSAGES.items()
    if source.replace("&", "") != german.replace("&", "")  # "&Name:" → "Na&me:" reads the same
}


def visible_texts(root: QWidget) -> set[str]:
    texts: set[str] = set()
    for widget in [root, *root.findChildren(QWidget)]:
        texts.update({widget.windowTitle(), widget.toolTip(), widget.accessibleName(), widget.statusTip()})
        if isinstance(widget, QLabel | QAbstractButton | QGroupBox):
            texts.add(widget.text() if not isinstance(widget, QGroupBox) else widget.title())
        if isinstance(widget, QLineEdit):
            texts.add(widget.placeholderText())
        if isinstance(widget, QTabWidget):
            texts.update(widget.tabText(i) for i in range(widget.count()))
        model = widget.model() if isinstance(widget, QAbstractItemView) else None
        if isinstance(model, QAbstractTableModel):
            texts.update(
                str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount())
            )
        for action in widget.actions():
            texts.update({action.text(), action.statusTip(), action.toolTip()})
            if action.menu():
                texts.update(a.text() for a in action.menu().actions())
    return {t.replace("&", "") for t in texts if t}


def test_no_english_on_the_main_screens(window):
    seen = set()
    for index in range(window.stack.count()):
        window.show_view(index)
        seen |= visible_texts(window)
    editor = window.visits.editor
    for index in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(index)
        seen |= visible_texts(editor)
    untranslated = sorted(text for text in seen if text in ENGLISH)
    assert untranslated == []
    assert "Besuche" in seen
    assert "Besuchsprogramm" in seen
