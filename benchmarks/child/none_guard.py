"""Keep ``None`` alive under PySide6 6.12 on Python 3.11.

Measured here: every PySide6 call that returns nothing (``QLabel.setText``, ``QComboBox.addItem``)
drops one reference to ``None`` without having taken it. From Python 3.12 on ``None`` is
immortal and this is harmless; on 3.11 the program aborts ("none_dealloc: deallocating None")
once the count reaches zero — at start on the scale database, when the visit editor fills its
press-contact box with 100,000 people. The benchmark measures speed, so its Qt processes give
``None`` a reference count no run can use up; the program itself still needs a fix (README,
"Benchmarks").
"""

import ctypes
import sys

HEADROOM = 1 << 40


def keep_none_alive() -> bool:
    """True when the guard was needed (and applied)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    # ob_refcnt is the first field of every CPython object.
    ctypes.c_ssize_t.from_address(id(None)).value += HEADROOM
    return True
