"""One translation mechanism for GUI, PDF and CLI, without Qt.

Source strings are English and marked with ``_()`` (translate now) or ``N_()`` (mark only,
translate when shown). German lives in ``catalog_de.py``; a test checks that every marked
string has a German entry, so both languages stay complete.
"""

from delegation_app.i18n.catalog_de import MESSAGES as _DE

SUPPORTED = ("de", "en")
DEFAULT_LANGUAGE = "de"

_catalogs: dict[str, dict[str, str]] = {"de": _DE, "en": {}}
_current = DEFAULT_LANGUAGE


def set_language(lang: str) -> None:
    global _current
    if lang not in SUPPORTED:
        raise ValueError(f"unsupported language {lang!r}; choose one of {', '.join(SUPPORTED)}")
    _current = lang


def current_language() -> str:
    return _current


def _(message: str) -> str:
    return _catalogs[_current].get(message, message)


def translator(lang: str | None = None):
    """A ``_`` for one language, independent of the program's current one (PDF in English while
    the window is German; a worker thread must not switch the language under the GUI's feet)."""
    if lang is None:
        lang = _current
    if lang not in SUPPORTED:
        raise ValueError(f"unsupported language {lang!r}; choose one of {', '.join(SUPPORTED)}")
    catalog = _catalogs[lang]
    return lambda message: catalog.get(message, message)


def N_(message: str) -> str:
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    key = singular if n == 1 else plural
    return _catalogs[_current].get(key, key)
