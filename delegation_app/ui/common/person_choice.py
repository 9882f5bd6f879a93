"""Choosing a person by typing, and creating one in place: "„Łukasz Żółkiewski“ neu anlegen…"
opens a small dialog with the typed name split into first and last name (the last word is the
last name; the user can change the split), the person's organisation (chosen, or created, the
same way) and function; the new person is then chosen."""

import re
from collections.abc import Callable, Collection, Sequence

from PySide6.QtWidgets import QLineEdit, QWidget

from delegation_app.domain.sortkey import fold
from delegation_app.i18n import _
from delegation_app.operations.records import RecordKind
from delegation_app.services.people import PersonInput
from delegation_app.services.registry import Services
from delegation_app.services.views import PersonView
from delegation_app.ui.common.new_record_dialog import Creating, NewRecordDialog
from delegation_app.ui.common.organisation_choice import organisation_chooser
from delegation_app.ui.common.person_text import describe
from delegation_app.ui.common.record_chooser import PersonChooser

MATCHES = 20  # as many as a popup under a field can sensibly show
_WORD = re.compile(r"[^\W_]+")

# Lower-case words that belong to the last name: "Ursula von der Leyen", "Vincent van Gogh".
NAME_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "le", "la", "zu", "ten", "ter"}
)


def split_name(text: str) -> tuple[str, str]:
    """(first name, last name) of a typed name: "Łukasz Żółkiewski" → ("Łukasz", "Żółkiewski"),
    "Schmidt, Anna" → ("Anna", "Schmidt"), "Ursula von der Leyen" → ("Ursula", "von der Leyen")."""
    last, comma, first = text.partition(",")
    if comma:
        return " ".join(first.split()), " ".join(last.split())
    words = text.split()
    if len(words) < 2:
        return "", " ".join(words)
    start = len(words) - 1
    while start > 1 and words[start - 1] in NAME_PARTICLES:
        start -= 1
    return " ".join(words[:start]), " ".join(words[start:])


class NewPersonDialog(NewRecordDialog):
    def __init__(self, creating: Creating, typed: str, parent: QWidget | None = None) -> None:
        super().__init__(creating, RecordKind.PERSON, _("New person"), parent)
        add = self.form.add
        self.first_name = add("first_name", _("F&irst name:"), QLineEdit(self))
        self.last_name = add("last_name", _("&Last name:"), QLineEdit(self))
        self.organisation = add(
            "organisation_id",
            _("Or&ganisation:"),
            organisation_chooser(creating.services, self, creating=creating),
        )
        self.function = add("function", _("Fu&nction:"), QLineEdit(self))
        first, last = split_name(typed)
        self.first_name.setText(first)
        self.last_name.setText(last)
        self.last_name.setMinimumWidth(self.last_name.fontMetrics().averageCharWidth() * 40)
        self._data = self.to_input
        # Names as typed are usually right; the organisation is what gets forgotten.
        empty = next((f for f in (self.first_name, self.last_name) if not f.text()), None)
        (empty or self.organisation).setFocus()

    def to_input(self) -> PersonInput:
        return PersonInput(
            first_name=self.first_name.text().strip() or None,
            last_name=self.last_name.text().strip(),
            organisation_id=self.organisation.current_id(),
            function=self.function.text().strip() or None,
        )


def words_start(typed: str, listed: str) -> bool:
    """Every word typed starts a word of ``listed``, accents and case ignored: the people
    search's rule, for a short list matched without asking the database."""
    words = _WORD.findall(fold(listed))
    return all(any(word.startswith(part) for word in words) for part in _WORD.findall(fold(typed)))


def person_chooser(
    services: Services,
    parent: QWidget | None = None,
    *,
    creating: Creating | None = None,
    placeholder: str | None = None,
    exclude: Callable[[], Collection[int]] = frozenset,
    first: Callable[[], Sequence[int]] | None = None,
) -> PersonChooser:
    """``creating``: offer to create a person who is not there yet; ``exclude``: ids not offered
    (the visit's participants when adding one); ``first``: ids listed before everybody else, in
    this order (the visit's participants for a speaker: the one meant is usually among them),
    all of them on Down in the empty field."""

    def ahead(text: str, excluded: set[int]) -> list[PersonView]:
        ids = [person_id for person_id in (first() if first else ()) if person_id not in excluded]
        found = {person.id: person for person in services.people.get_many(ids)} if ids else {}
        listed = (found[person_id] for person_id in ids if person_id in found)
        return [person for person in listed if words_start(text, describe(person))]

    def search(text: str) -> list[PersonView]:
        excluded = set(exclude())
        listed = ahead(text, excluded)
        if not text.strip():
            return listed  # Down in the empty field: the short list alone
        excluded.update(person.id for person in listed)
        rest = [p for p in services.people.list(text, limit=MATCHES) if p.id not in excluded]
        return (listed + rest)[:MATCHES]

    def create(typed: str) -> None:
        if creating is None:
            return
        dialog = NewPersonDialog(creating, typed, chooser)
        dialog.created.connect(lambda person: chooser.choose(person.id, person.display_name))
        chooser.open_dialog(dialog)

    chooser = PersonChooser(
        search,
        lambda person_id: services.people.get(person_id).display_name,
        parent,
        placeholder=_("— none —") if placeholder is None else placeholder,
        create=create if creating is not None else None,
        browse=first is not None,
    )
    if first is not None:
        chooser.setToolTip(_("Type part of a name; the Down arrow lists the visit’s participants"))
    return chooser
