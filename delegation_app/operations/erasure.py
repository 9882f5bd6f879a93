"""Erasing or anonymising people (Art. 17 DSGVO), one transaction each call; then the database
file is rewritten so that the erased text is in none of its bytes (SQLite)."""

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from delegation_app.services import erasure
from delegation_app.services.erasure import ErasureSummary, MentionKey
from delegation_app.services.registry import Services


@dataclass(frozen=True)
class ErasureOutcome:
    summaries: tuple[ErasureSummary, ...]
    file_rewritten: bool  # False: another program had the file open; its -wal empties later


def erase_person(
    services: Services,
    person_id: int,
    *,
    anonymise: bool,
    mentions: Collection[MentionKey] | None = None,
    reason: str = "",
) -> ErasureOutcome:
    """``mentions``: the keys of the mentions the user chose to redact (None: all found)."""
    with services.db.write():
        summaries = erasure.erase_people(
            services, [person_id], anonymise=anonymise, mentions=mentions, reason=reason
        )
    return ErasureOutcome(tuple(summaries), erasure.scrub_database(services))


def anonymise_people(services: Services, person_ids: Sequence[int], *, reason: str = "") -> ErasureOutcome:
    """Several people at once (retention): every mention of each is redacted."""
    with services.db.write():
        summaries = erasure.erase_people(services, person_ids, anonymise=True, reason=reason)
    return ErasureOutcome(tuple(summaries), erasure.scrub_database(services))
