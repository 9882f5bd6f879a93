"""The stored texts a print product shows, named as users know them, for the report of characters
no bundled font can print (reports/coverage.py). A product lists exactly what it prints."""

from collections.abc import Iterable, Iterator

from delegation_app.i18n import N_, translator
from delegation_app.reports.coverage import TextField
from delegation_app.services.briefing import BriefingData
from delegation_app.services.views import AgendaItemView, PersonView, VisitView
from delegation_app.services.visit_sheets import SheetPerson, VisitSheets


class _Namer:
    def __init__(self, lang: str) -> None:
        self.t = translator(lang)

    def visit(self, visit: VisitView, pairs: Iterable[tuple[str, str | None]]) -> Iterator[TextField]:
        record = self.t(N_("Visit “{title}”")).format(title=visit.title)
        yield from self._fields(record, [(N_("Title"), visit.title), *pairs])

    def person(
        self, person: PersonView, function: str | None, organisation: str | None
    ) -> Iterator[TextField]:
        record = self.t(N_("Person {name}")).format(name=person.display_name)
        pairs = [
            (N_("Title"), person.title),
            (N_("First name"), person.first_name),
            (N_("Last name"), person.last_name),
            (N_("Function"), function),
            (N_("Organisation"), organisation),
        ]
        yield from self._fields(record, pairs)

    def agenda(self, item: AgendaItemView, notes: bool) -> Iterator[TextField]:
        record = self.t(N_("Programme item “{title}”")).format(title=item.title)
        pairs = [
            (N_("Title"), item.title),
            (N_("Place"), item.place),
            (N_("Responsible"), item.responsible_person_name),
        ]
        yield from self._fields(record, [*pairs, *([(N_("Notes"), item.notes)] if notes else [])])

    def _fields(self, record: str, pairs: Iterable[tuple[str, str | None]]) -> Iterator[TextField]:
        for field, value in pairs:
            if value:
                yield TextField(record, self.t(field), value)


def _visit_heading(visit: VisitView) -> list[tuple[str, str | None]]:
    return [
        (N_("Place"), visit.place),
        (N_("Host"), visit.host_organisation_name),
        (N_("Guest"), visit.guest_organisation_name),
    ]


def sheet_texts(data: VisitSheets, lang: str, *, programme: bool, people: bool) -> list[TextField]:
    """The hand-outs: the visit's heading, and the programme or the people (or both)."""
    names = _Namer(lang)
    fields = list(names.visit(data.visit, _visit_heading(data.visit)))
    if programme:
        for item in data.agenda:
            fields += names.agenda(item, notes=False)
    if people:
        entry: SheetPerson
        for entry in data.people:
            fields += names.person(entry.person, entry.function, entry.organisation)
    return fields


def briefing_texts(data: BriefingData, lang: str) -> list[TextField]:
    """Everything the briefing may print (a section left out is listed all the same)."""
    names = _Namer(lang)
    v = data.visit
    pairs = [
        *_visit_heading(v),
        (N_("Address"), v.address),
        (N_("Purpose"), v.purpose),
        (N_("Topics"), v.topics),
        (N_("Summary"), v.summary),
        (N_("Notes"), v.notes),
        (N_("Lessons learned"), v.lessons_learned),
        (N_("Sources"), v.sources),
    ]
    fields = list(names.visit(v, pairs))
    for item in data.agenda:
        fields += names.agenda(item, notes=True)
    for entry in (*data.delegation, *data.hosts):
        fields += names.person(entry.person, entry.participation.function, entry.person.organisation_name)
    t = names.t
    for quote in data.quotes:
        record = t(N_("Quote of {name}")).format(name=quote.speaker_display)
        fields += names._fields(
            record,
            [
                (N_("Quote"), quote.text),
                (N_("Quoted person"), quote.speaker_display),
                (N_("Context"), quote.context),
            ],
        )
    for followup in data.open_followups:
        record = t(N_("Follow-up “{title}”")).format(title=followup.title)
        fields += names._fields(record, [(N_("Title"), followup.title), (N_("Owner"), followup.owner_name)])
    return fields
