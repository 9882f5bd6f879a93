"""Errors a user can cause. Each carries a message in the user's language; never a traceback.

domain/ imports nothing of the project, so an error cannot translate itself with delegation_app.i18n.
It keeps the English template (marked with ``N_`` for extraction) and its values, and translates when
``message`` is read, through a hook delegation_app.i18n installs at import. Reading late also means the
text follows a language switch. A property over a hook is the smallest change that keeps
``exc.message`` and ``str(exc)`` working at every call site.
"""

import re
from collections.abc import Callable, Mapping
from typing import Self

from delegation_app.domain.record_names import RecordName

# Values a driver or the system quotes in its text: PostgreSQL's "Key (email)=(a@b.de)", quoted
# strings, paths. They may be personal data; the log keeps the sentence around them.
_QUOTED = re.compile(r"=\([^)]*\)|'[^']*'|\"[^\"]*\"|„[^“]*“|“[^”]*”|(?:[A-Za-z]:)?[\\/][^\s:,;]+")


def scrubbed(text: str) -> str:
    return _QUOTED.sub("…", text)


def N_(message: str) -> str:
    """Marks a template for extraction (Babel's keyword ``N_``); translated when read."""
    return message


def _untranslated(message: str) -> str:
    return message


_translate: Callable[[str], str] = _untranslated


def install_translator(translate: Callable[[str], str]) -> None:
    """Called by delegation_app.i18n at import: from then on messages come out translated."""
    global _translate
    _translate = translate


class DomainError(Exception):
    """Base for every error the GUI and CLI show as a plain message.

    ``template`` is an English msgid (or an already translated text, which passes through unchanged);
    ``values`` fill its ``{placeholders}`` (a ``RecordName`` becomes its phrase in the language read).
    ``detail`` is the technical cause (the driver's or the system's English text) for the log and
    "Copy details"; it never goes into the sentence users read.
    """

    detail: str = ""

    def __init__(self, template: str, **values: object) -> None:
        super().__init__(template)
        self.template = template
        self.values = values

    @property
    def message(self) -> str:
        text = _translate(self.template)
        if not self.values:
            return text
        values = {k: v.phrase(_translate) if isinstance(v, RecordName) else v for k, v in self.values.items()}
        return text.format(**values)

    def __str__(self) -> str:
        return self.message

    def for_log(self) -> str:
        """The English template without its values and the detail without quoted values: the log
        holds no personal data (names, addresses, file names after a person), yet says what failed."""
        return f"{type(self).__name__}: {self.template} ({scrubbed(self.detail)})" if self.detail else (
            f"{type(self).__name__}: {self.template}"
        )

    def because(self, cause: object) -> Self:
        """Keeps the technical cause as ``detail``; returns the error, to be raised."""
        self.detail = " ".join(str(cause).split())
        return self


class ValidationError(DomainError):
    """Field-level problems; ``errors`` maps field name to message. Nothing was written."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        lines = "; ".join(f"{field}: {msg}" for field, msg in self.errors.items())
        self.details = lines
        super().__init__(N_("Please correct the marked fields."))

    @property
    def message(self) -> str:
        return super().message + " " + self.details


class NotFoundError(DomainError):
    def __init__(self, record: RecordName, record_id: object) -> None:
        self.record = record
        self.record_id = record_id  # for the log and the program, never for the sentence
        super().__init__(N_("{record} does not exist (any more)."), record=record)


class ConflictError(DomainError):
    """The record changed since it was loaded (optimistic locking); nothing was written."""

    def __init__(self, record: RecordName, record_id: int, current: Mapping[str, object] | None) -> None:
        self.record = record
        self.record_id = record_id
        self.current = dict(current) if current is not None else None
        if current is None:
            text = N_("{record} was deleted by someone else in the meantime.")
        else:
            text = N_(
                "{record} was changed by someone else in the meantime. "
                "Reload it to see the other version, or overwrite it with yours."
            )
        super().__init__(text, record=record)


class StillReferencedError(DomainError):
    """Deleting would affect other records; the caller must decide (detach, delete too, or cancel)."""

    def __init__(self, record: RecordName, record_id: int, references: Mapping[str, int]) -> None:
        self.record = record
        self.record_id = record_id
        self.references = dict(references)
        parts = "; ".join(f"{what}: {count}" for what, count in self.references.items())
        super().__init__(
            N_(
                "{record} is still used by other records ({parts}). Deleting it changes them too; "
                "please confirm."
            ),
            record=record,
            parts=parts,
        )


class InvalidFileError(DomainError):
    """An import file that cannot be read; nothing was written."""
