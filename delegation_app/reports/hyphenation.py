"""Hyphenation of body text by the document's language (pyphen's German or British English
patterns), handed to reportlab as the styles' ``hyphenationLang`` callable.

reportlab asks the callable while it breaks lines, i.e. during ``doc.build``; the document
template sets the language for that time (renders run one at a time under the render lock).
Names are never hyphenated: ``markup.name`` wraps them in ``<nobr>``, which reportlab honours.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from itertools import chain

import pyphen

from delegation_app.reports.hyphenation_patterns import hyphenator

PATTERNS = {"de": "de_DE", "en": "en_GB"}
_language = ["de"]


@cache
def _dictionary(language: str) -> pyphen.Pyphen:
    return hyphenator(PATTERNS.get(language, "de_DE"))  # parsed as looked up: a cold start stays quick


def hyphenate(word: str) -> Iterator[tuple[str, str]]:
    """(head, tail) splits of ``word``, longest head first, as reportlab expects them; a compound
    with its own hyphens ("Hohenzollern-Sigmaringen") breaks there first (reportlab takes the
    first split that fits), at a syllable only when no such part fits."""
    own = [(word[: i + 1], word[i + 1 :]) for i in range(len(word) - 2, 0, -1) if word[i] == "-"]
    pairs: Iterator[tuple[str, str]] = _dictionary(_language[-1]).iterate(word)
    return chain(own, pairs)


@contextmanager
def hyphenating(language: str) -> Iterator[None]:
    """``language``: "de" or "en" (a tag like "de-DE" is cut to its language)."""
    _language.append(language[:2].lower())
    try:
        yield
    finally:
        _language.pop()
