"""Errors a user can cause. Each carries a message in the user's language; never a traceback.

domain/ imports nothing of the project, so an error cannot translate itself with delegation_app.i18n.
It keeps the English template (marked with ``N_`` for extraction) and its values, and translates when
``message`` is read, through a hook delegation_app.i18n installs at import. Reading late also means the
text follows a language switch. A property over a hook is the smallest change that keeps
``exc.message`` and ``str(exc)`` working at every call site.
"""

from collections.abc import Callable, Mapping


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
    ``values`` fill its ``{placeholders}``.
    """

    def __init__(self, template: str, **values: object) -> None:
        super().__init__(template)
        self.template = template
        self.values = values

    @property
    def message(self) -> str:
        text = _translate(self.template)
        return text.format(**self.values) if self.values else text

    def __str__(self) -> str:
        return self.message


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
    def __init__(self, entity: str, record_id: object) -> None:
        self.entity = entity
        self.record_id = record_id
        super().__init__(N_("{entity} {id} does not exist (any more)."), entity=entity, id=record_id)


class ConflictError(DomainError):
    """The record changed since it was loaded (optimistic locking); nothing was written."""

    def __init__(self, entity: str, record_id: int, current: Mapping[str, object] | None) -> None:
        self.entity = entity
        self.record_id = record_id
        self.current = dict(current) if current is not None else None
        if current is None:
            text = N_("{entity} {id} was deleted by someone else in the meantime.")
        else:
            text = N_(
                "{entity} {id} was changed by someone else in the meantime. "
                "Reload it to see the other version, or overwrite it with yours."
            )
        super().__init__(text, entity=entity, id=record_id)


class StillReferencedError(DomainError):
    """Deleting would affect other records; the caller must decide (detach, delete too, or cancel)."""

    def __init__(self, entity: str, record_id: int, references: Mapping[str, int]) -> None:
        self.entity = entity
        self.record_id = record_id
        self.references = dict(references)
        parts = "; ".join(f"{what}: {count}" for what, count in self.references.items())
        super().__init__(
            N_("Deleting {entity} {id} also changes other records ({parts}). Please confirm."),
            entity=entity,
            id=record_id,
            parts=parts,
        )


class InvalidFileError(DomainError):
    """An import file that cannot be read; nothing was written."""
