"""The last step of every PDF product: document information and archival form (PDF/A-2b).

``finish`` takes reportlab's bytes and returns the bytes to write. Until the archival step lands
it returns them unchanged; callers must not depend on that."""

from dataclasses import dataclass


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    author: str  # the user's name from the profile; "" when not set
    language: str  # "de" or "en"
    subject: str = ""


def finish(pdf: bytes, info: DocumentInfo) -> bytes:
    return pdf
