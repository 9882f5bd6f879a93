"""A record of one write, as the audit trail and the GUI's refresh signal see it."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

# "erase" and "anonymise" mark an erasure (Art. 17) in the trail; they carry no values of the person.
# "merge" marks both records of a merge (services/merging.py); it carries only the other one's id.
Action = Literal["create", "update", "delete", "erase", "anonymise", "merge"]


@dataclass(frozen=True)
class Change:
    action: Action
    table: str
    record_id: Any
    old: Mapping[str, Any] | None = None
    new: Mapping[str, Any] | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)
