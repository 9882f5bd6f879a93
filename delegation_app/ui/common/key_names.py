"""Shortcuts named in tooltips and hints the way the user's keyboard names them.

Every view that mentions a key uses this; it sits in ui/common so that no view has to import
another view's module for it.
"""

from PySide6.QtGui import QKeySequence


def native(key: str) -> str:
    """A key as the user's keyboard names it ("Strg+Umschalt+A" in German)."""
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
