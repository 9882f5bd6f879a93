"""Errors a user can cause. Each carries a message in the user's language; never a traceback."""

from collections.abc import Mapping

from delegation_app.i18n import _


class DomainError(Exception):
    """Base for every error the GUI and CLI show as a plain message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(DomainError):
    """Field-level problems; ``errors`` maps field name to message. Nothing was written."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        lines = "; ".join(f"{field}: {msg}" for field, msg in self.errors.items())
        super().__init__(_("Please correct the marked fields.") + " " + lines)


class NotFoundError(DomainError):
    def __init__(self, entity: str, record_id: object) -> None:
        self.entity = entity
        self.record_id = record_id
        super().__init__(_("{entity} {id} does not exist (any more).").format(entity=entity, id=record_id))


class ConflictError(DomainError):
    """The record changed since it was loaded (optimistic locking); nothing was written."""

    def __init__(self, entity: str, record_id: int, current: Mapping[str, object] | None) -> None:
        self.entity = entity
        self.record_id = record_id
        self.current = dict(current) if current is not None else None
        if current is None:
            text = _("{entity} {id} was deleted by someone else in the meantime.")
        else:
            text = _(
                "{entity} {id} was changed by someone else in the meantime. "
                "Reload it to see the other version, or overwrite it with yours."
            )
        super().__init__(text.format(entity=entity, id=record_id))


class StillReferencedError(DomainError):
    """Deleting would affect other records; the caller must decide (detach, delete too, or cancel)."""

    def __init__(self, entity: str, record_id: int, references: Mapping[str, int]) -> None:
        self.entity = entity
        self.record_id = record_id
        self.references = dict(references)
        parts = "; ".join(f"{what}: {count}" for what, count in self.references.items())
        super().__init__(
            _("Deleting {entity} {id} also changes other records ({parts}). Please confirm.").format(
                entity=entity, id=record_id, parts=parts
            )
        )


class InvalidFileError(DomainError):
    """An import file that cannot be read; nothing was written."""
