"""Every input on the main screens has an accessible name and (where it has a label) a buddy."""

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractItemView, QCheckBox)


def inside_combo_box(widget: QWidget) -> bool:
    """A combo box's own line edit and popup list are parts of it, named through it."""
    parent = widget.parent()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parent()
    return False


def inputs_of(root: QWidget):
    for widget in root.findChildren(QWidget):
        if (
            isinstance(widget, INPUTS)
            and not isinstance(widget, QHeaderView)
            and not inside_combo_box(widget)
        ):
            yield widget


def test_inputs_have_accessible_names(window):
    unnamed = []
    for index in range(window.stack.count()):
        window.show_view(index)
        for widget in inputs_of(window):
            text = widget.text() if isinstance(widget, QCheckBox) else ""
            if not (widget.accessibleName() or text):
                unnamed.append(
                    f"{type(widget).__name__} {widget.objectName()} in {type(widget.parent()).__name__}"
                )
    assert unnamed == []


def test_form_labels_point_at_their_fields(window):
    editor = window.visits.editor
    labels = [label for label in editor.findChildren(QLabel) if "&" in label.text()]
    assert len(labels) > 20
    assert [label.text() for label in labels if label.buddy() is None] == []
