"""Every stored text the briefing prints, named by record and field as the user knows them, for
``coverage.missing_characters``. Other products copy this shape for their own read models."""

from delegation_app.i18n import N_, translator
from delegation_app.reports.coverage import TextField
from delegation_app.services.briefing import BriefingData
from delegation_app.services.views import PersonView

VISIT_FIELDS = (
    ("title", N_("Title")),
    ("host_organisation_name", N_("Host")),
    ("guest_organisation_name", N_("Guest")),
    ("place", N_("Place")),
    ("address", N_("Address")),
    ("purpose", N_("Purpose")),
    ("topics", N_("Topics")),
    ("summary", N_("Summary")),
    ("notes", N_("Notes")),
    ("lessons_learned", N_("Lessons learned")),
    ("sources", N_("Sources")),
)
PERSON_FIELDS = (
    ("title", N_("Title")),
    ("first_name", N_("First name")),
    ("last_name", N_("Last name")),
    ("function", N_("Function")),
    ("organisation_name", N_("Organisation")),
    ("email", N_("Email")),
)


def briefing_text_fields(data: BriefingData, language: str = "de") -> list[TextField]:
    t = translator(language)
    fields: list[TextField] = []

    def add(record: str, label: str, value: str | None) -> None:
        if value:
            fields.append(TextField(record, t(label), value))

    visit = data.visit
    record = t(N_("Visit “{title}”")).format(title=visit.title)
    for attribute, label in VISIT_FIELDS:
        add(record, label, getattr(visit, attribute))
    people: list[PersonView] = [entry.person for entry in (*data.delegation, *data.hosts)]
    if data.press_contact is not None:
        people.append(data.press_contact)
    seen: set[int] = set()
    for person in people:
        if person.id in seen:
            continue
        seen.add(person.id)
        record = t(N_("Person {name}")).format(name=person.display_name)
        for attribute, label in PERSON_FIELDS:
            add(record, label, getattr(person, attribute))
    for entry in (*data.delegation, *data.hosts):
        record = t(N_("Person {name}")).format(name=entry.person.display_name)
        if entry.participation.function != entry.person.function:
            add(record, N_("Function at the visit"), entry.participation.function)
    for item in data.agenda:
        record = t(N_("Programme item “{title}”")).format(title=item.title)
        add(record, N_("Title"), item.title)
        add(record, N_("Place"), item.place)
        add(record, N_("Notes"), item.notes)
    for quote in data.quotes:
        record = t(N_("Quote of {speaker}")).format(speaker=quote.speaker_display)
        add(record, N_("Quoted person"), quote.speaker_label)
        add(record, N_("Text"), quote.text)
        add(record, N_("Context"), quote.context)
    for followup in data.open_followups:
        record = t(N_("Follow-up “{title}”")).format(title=followup.title)
        add(record, N_("Title"), followup.title)
    return fields
