"""Colours that keep their contrast on the user's palette.

The program's few colours (a visit's status, an overdue date, an error under a field, a flagged
agenda row) are chosen for a light background. Windows' high-contrast themes and dark palettes
give a dark one, where dark red text is not readable: there the same hue is made light (text) or
dark (a background behind the palette's light text). Asked when painting, so a palette changed
while the program runs is followed too.
"""

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication


def dark_palette() -> bool:
    app = QApplication.instance()
    palette = app.palette() if isinstance(app, QApplication) else QPalette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def readable(colour: QColor) -> QColor:
    """A text colour made for a light background, readable on the palette in use."""
    if not dark_palette():
        return colour
    return QColor.fromHslF(max(colour.hslHueF(), 0.0), colour.hslSaturationF(), 0.78, colour.alphaF())


def behind_text(colour: QColor) -> QColor:
    """A light background colour, dark where the palette's text is light."""
    if not dark_palette():
        return colour
    return QColor.fromHslF(max(colour.hslHueF(), 0.0), colour.hslSaturationF(), 0.25, colour.alphaF())
