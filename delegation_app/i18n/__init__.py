"""One translation mechanism for GUI, PDF and CLI, without Qt.

Source strings are English and marked with ``_()`` (translate now), ``N_()`` (mark only, translate
when shown), ``ngettext()`` for counts, ``pgettext()`` / ``npgettext()`` for one English word with two
meanings. German lives in the gettext catalogue ``resources/locale/de/LC_MESSAGES/delegation_app.po``
and its compiled ``.mo``; tests/test_i18n.py keeps catalogue and code in step.
"""

import gettext
from functools import cache

from delegation_app.domain import errors as _domain_errors
from delegation_app.resource_files import resource

SUPPORTED = ("de", "en")
DEFAULT_LANGUAGE = "de"
DOMAIN = "delegation_app"

_current = DEFAULT_LANGUAGE


class Translator:
    """The translation functions for one language. Callable like ``_`` so ``t = translator(lang)``
    and ``t("Host")`` keep working; counts go through ``t.ngettext``."""

    def __init__(self, catalog: gettext.NullTranslations) -> None:
        self._catalog = catalog

    def __call__(self, message: str) -> str:
        return self._catalog.gettext(message)

    def gettext(self, message: str) -> str:
        return self._catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._catalog.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return self._catalog.pgettext(context, message)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        return self._catalog.npgettext(context, singular, plural, n)


def _check(lang: str) -> None:
    if lang not in SUPPORTED:
        raise ValueError(f"unsupported language {lang!r}; choose one of {', '.join(SUPPORTED)}")


@cache
def _translator_for(lang: str) -> Translator:
    # English is the source language: msgid/msgid_plural already hold its singular and plural and
    # NullTranslations picks between them with English's rule (n != 1), so no en catalogue is needed.
    if lang == "en":
        return Translator(gettext.NullTranslations())
    with resource("locale", lang, "LC_MESSAGES", f"{DOMAIN}.mo").open("rb") as mo:
        return Translator(gettext.GNUTranslations(mo))


def set_language(lang: str) -> None:
    global _current
    _check(lang)
    _current = lang


def current_language() -> str:
    return _current


def translator(lang: str | None = None) -> Translator:
    """The functions for one language, independent of the program's current one (PDF in English
    while the window is German; a worker thread must not switch the language under the GUI's feet)."""
    if lang is None:
        lang = _current
    _check(lang)
    return _translator_for(lang)


def _(message: str) -> str:
    return _translator_for(_current).gettext(message)


def N_(message: str) -> str:
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translator_for(_current).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _translator_for(_current).pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return _translator_for(_current).npgettext(context, singular, plural, n)


# domain/ imports nothing of the project, so its errors cannot call ``_`` themselves: they keep the
# English template and ask this hook when ``message`` is read, in the language current then.
_domain_errors.install_translator(_)
