"""How messages name a record: "The visit “Delegation from Lublin”", or "This visit" when no
name is at hand — never by its internal number.

Each kind has its own whole phrase (in the nominative, to open a sentence) rather than an article
plus a noun: German articles follow the noun's gender (der Besuch, die Person, das Zitat), so only
a phrase per kind translates right. The phrases stay English templates here (domain/ imports
nothing of the project) and are translated when a message is read, as DomainError does.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field


def N_(message: str) -> str:
    """Marks a template for extraction (Babel's keyword ``N_``); translated when read."""
    return message


# kind (the table name) -> (phrase with the record's name, phrase without it)
PHRASES: dict[str, tuple[str, str]] = {
    "visit": (N_("The visit “{title}”"), N_("This visit")),
    "person": (N_("The person “{name}”"), N_("This person")),
    "organisation": (N_("The organisation “{name}”"), N_("This organisation")),
    "participation": (
        N_("The participation of {person} in the visit “{visit}”"),
        N_("This participation"),
    ),
    "agenda_item": (N_("The programme item “{title}”"), N_("This programme item")),
    "quote": (N_("The quote by {speaker}"), N_("This quote")),
    "contact_entry": (N_("The contact entry of {date}"), N_("This contact entry")),
    "follow_up": (N_("The follow-up “{title}”"), N_("This follow-up")),
    "recycled_record": (N_("The entry “{title}” in the recycle bin"), N_("This entry in the recycle bin")),
    "audit_entry": (N_("This entry in the change history"), N_("This entry in the change history")),
}
ANY_RECORD = N_("This record")


@dataclass(frozen=True)
class RecordName:
    """A record as messages name it: its kind (the table name) and, where known, the values its
    kind's phrase needs (a visit's ``title``, a person's ``name`` …)."""

    kind: str
    values: Mapping[str, str] = field(default_factory=dict)

    def phrase(self, translate: Callable[[str], str]) -> str:
        named, unnamed = PHRASES.get(self.kind, (ANY_RECORD, ANY_RECORD))
        if self.values and all(self.values.values()):
            try:
                return translate(named).format(**self.values)
            except KeyError:  # values for another phrase: the kind alone still reads right
                pass
        return translate(unnamed)
