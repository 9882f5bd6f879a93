"""PySide6's look at every module imported after it, made cheap for the start.

For its ``from __feature__ import …`` switches (PYSIDE-2029), PySide6 asks of every module
imported after Qt whether its source mentions "PySide6", through ``inspect.getsource``. The
start paints its first window before it imports the database layer (start_window.py), so the
hundreds of SQLAlchemy, SQLModel and pydantic modules all come after Qt: that question cost
about a tenth of a second of a one-second start. The same answer read from the file's bytes
costs a few milliseconds. The program uses no ``__feature__`` switch; the answer stays exact.
"""

import sys
from collections.abc import Callable
from types import ModuleType

FEATURE_MODULE = "shibokensupport.feature"  # PySide6's own name for its __feature__ support


def cheap_scan(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    """``original``'s answer for a module, from the raw bytes of its ``.py`` file where it has one."""

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)  # built in, compiled, or in a zip: PySide's own way
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    uses_pyside.pyside_own = original  # type: ignore[attr-defined]
    return uses_pyside


def cheapen_import_scan() -> None:
    """Install ``cheap_scan`` in PySide6, once; nothing happens where PySide6 has no such scan."""
    feature = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, "_mod_uses_pyside", None)
    if callable(original) and not hasattr(original, "pyside_own"):
        feature._mod_uses_pyside = cheap_scan(original)  # type: ignore[union-attr]
