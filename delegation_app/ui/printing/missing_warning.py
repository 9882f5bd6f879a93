"""The warning after a print product was written with characters no bundled font has: which
record and field, so the user can check the spelling or print that name by hand."""

from PySide6.QtWidgets import QMessageBox, QWidget

from delegation_app.i18n import _
from delegation_app.reports.coverage import Missing

SHOWN = 10  # lines in the box itself; all of them behind "Show details"


def missing_text(missing: list[Missing]) -> str:
    """One line per field: "Person Wang Xiaoming, Nachname: no font for 😀 (U+1F600); …"."""
    from delegation_app.reports.coverage import describe

    return "\n".join(describe(m) for m in missing)


def warn_missing(parent: QWidget, title: str, missing: list[Missing]) -> QMessageBox | None:
    """Opens the warning (not modal for the event loop: open(), not exec()); None when nothing is missing."""
    if not missing:
        return None
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        title,
        _("The file is written, but some characters are missing in it: no font can print them."),
        parent=parent,
    )
    box.setInformativeText(missing_text(missing[:SHOWN]))
    if len(missing) > SHOWN:
        box.setDetailedText(missing_text(missing))
    box.open()
    return box
