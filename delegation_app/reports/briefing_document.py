"""The briefing's content as blocks (reports/briefing_blocks.py), built once from the read model:
the PDF and the Word file render the same list, so they hold the same sections and content.

The outside copy is decided here too: approved quotes only, no internal sections, people's
phone numbers and e-mail addresses left out, and those inside free text masked.
"""

from collections.abc import Callable

from delegation_app import __version__
from delegation_app.domain.enums import ApprovalState, Classification, QuoteKind
from delegation_app.i18n import N_, translator
from delegation_app.i18n.formatting import format_date, format_date_range, format_time_range
from delegation_app.i18n.labels import label
from delegation_app.reports.briefing_blocks import (
    Block,
    BriefingDocument,
    Bullets,
    Cell,
    Facts,
    Heading,
    Para,
    Quote,
    Table,
)
from delegation_app.reports.briefing_history import history_blocks
from delegation_app.reports.briefing_people import PeopleSections, person_name
from delegation_app.reports.briefing_programme import programme_blocks
from delegation_app.reports.masking import mask_contacts
from delegation_app.reports.options import BriefingOptions, Section
from delegation_app.services.briefing import BriefingData
from delegation_app.services.views import QuoteView

VS_NFD = "VS-NUR FÜR DEN DIENSTGEBRAUCH"  # the official German wording, in every language
BULLET_MARKS = ("- ", "• ", "* ", "– ")


def briefing_document(data: BriefingData, options: BriefingOptions) -> BriefingDocument:
    t = translator(options.language)
    visit = data.visit
    marking = {
        Classification.NONE: None,
        Classification.INTERNAL: label(Classification.INTERNAL, options.language).upper(),
        Classification.VS_NFD: VS_NFD,
    }[visit.classification]
    edition = t(N_("Version for external readers")) if options.external else None
    title = t(N_("Briefing")) + f": {visit.title}"
    return BriefingDocument(
        title=title,
        subject=t(N_("Briefing for the visit")),
        author=data.issued_by,
        language=options.language,
        marking=marking,
        edition=edition,
        footer=t(N_("As of {date} · Delegation visits {version}")).format(
            date=format_date(data.issued_on, options.language), version=__version__
        ),
        page_of=t(N_("Page {page} of ")),
        blocks=tuple(_Builder(data, options).build()),
    )


def text_blocks(value: str) -> list[Block]:
    """Free text as paragraphs, its runs of "- …" lines as bullet lists."""
    blocks: list[Block] = []
    paragraph: list[str] = []
    items: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(Para("\n".join(paragraph)))
            paragraph.clear()
        if items:
            blocks.append(Bullets(tuple(items)))
            items.clear()

    for line in value.splitlines():
        stripped = line.strip()
        marked = next((m for m in BULLET_MARKS if stripped.startswith(m)), None)
        if marked:
            if paragraph:
                flush()
            items.append(stripped[len(marked) :].strip())
        elif not stripped:
            flush()
        else:
            if items:
                flush()
            paragraph.append(stripped)
    flush()
    return blocks


class _Builder:
    def __init__(self, data: BriefingData, options: BriefingOptions) -> None:
        self.data, self.options = data, options
        self.t = translator(options.language)
        self.lang = options.language
        self.blocks: list[Block] = []
        # Everything typed freely passes here: the outside copy masks numbers and addresses in it.
        self.free: Callable[[str | None], str] = (
            mask_contacts if options.external else (lambda value: value or "")
        )

    def heading(self, title: str, level: int = 1) -> None:
        self.blocks.append(Heading(level, title))

    def section_text(self, title: str, value: str | None) -> None:
        if value and value.strip():
            self.heading(title)
            self.blocks.extend(text_blocks(self.free(value)))

    # --- sections ---------------------------------------------------------------------------
    def title_block(self) -> None:
        t, v = self.t, self.data.visit
        self.heading(self.free(v.title), 0)
        when = format_date_range(v.starts_at, v.ends_at, self.lang)
        if v.starts_at and v.ends_at and v.starts_at.date() == v.ends_at.date():
            when += ", " + format_time_range(v.starts_at, v.ends_at, self.lang)
        facts = [
            (t(N_("Host")), v.host_organisation_name or ""),
            (t(N_("Guest")), v.guest_organisation_name or ""),
            (
                t(N_("Place")),
                self.free(", ".join(filter(None, [v.place, (v.address or "").replace("\n", ", ")]))),
            ),
            (t(N_("Date")), when),
            (t(N_("Status")), label(v.status, self.lang)),
            (t(N_("Kind of visit")), label(v.direction, self.lang)),
        ]
        if v.classification != Classification.NONE:
            facts.append((t(N_("Classification")), label(v.classification, self.lang)))
        if self.options.external:
            facts.append((t(N_("Copy")), t(N_("Version for external readers"))))
        day = format_date(self.data.issued_on, self.lang)
        name, function = self.data.issued_by, self.data.issuer_function
        if name and function:
            issued = t(N_("{date} by {name}, {function}")).format(date=day, name=name, function=function)
        elif name:
            issued = t(N_("{date} by {name}")).format(date=day, name=name)
        else:
            issued = day
        facts.append((t(N_("Created on")), issued))
        self.blocks.append(Facts(tuple((k, val) for k, val in facts if val)))

    def overview(self) -> None:
        t, v = self.t, self.data.visit
        if not (v.purpose or v.summary or v.topics):
            return
        self.heading(t(N_("Purpose and summary")))
        if v.purpose:
            self.blocks.append(Para(self.free(v.purpose)))
        if v.topics:
            self.blocks.append(Para(self.free(v.topics), label=t(N_("Topics"))))
        if v.summary:
            self.blocks.append(Para(self.free(v.summary)))

    def agenda(self) -> None:
        if self.data.agenda:
            self.heading(self.t(N_("Programme")))
            self.blocks.extend(programme_blocks(self.data.agenda, self.lang, self.free))

    def quotes(self) -> None:
        t = self.t
        quotes = [
            q
            for q in self.data.quotes
            if not self.options.external or q.approval_state == ApprovalState.APPROVED
        ]
        if not quotes:
            return
        self.heading(t(N_("Quotes")))
        groups: dict[str, list[QuoteView]] = {}
        for q in quotes:
            groups.setdefault(q.speaker_display, []).append(q)
        everyone = (*self.data.delegation, *self.data.hosts, *self.data.guests)
        functions = {e.person.display_name: e.participation.function for e in everyone}
        for speaker, said in groups.items():
            function = functions.get(speaker)
            self.heading(speaker + (f", {function}" if function else ""), 2)
            for q in said:
                meta = [] if self.options.external else [label(q.approval_state, self.lang)]
                if q.kind == QuoteKind.PARAPHRASE:
                    meta.insert(0, label(q.kind, self.lang))
                if q.context:
                    meta.insert(0, self.free(q.context))
                if q.said_on:
                    meta.append(format_date(q.said_on, self.lang))
                self.blocks.append(Quote(self._quoted(q), " · ".join(meta)))

    def _quoted(self, quote: QuoteView) -> str:
        body = self.free(quote.text.strip())
        if quote.kind == QuoteKind.PARAPHRASE or body[:1] in "„“\"«»‚'":
            return body
        opening, closing = ("„", "“") if self.lang == "de" else ("“", "”")
        return f"{opening}{body}{closing}"

    def notes(self) -> None:
        t, v = self.t, self.data.visit
        self.section_text(t(N_("Notes")), v.notes)
        lessons = [line.strip() for line in (v.lessons_learned or "").splitlines() if line.strip()]
        if lessons:
            self.heading(t(N_("Lessons learned")))
            self.blocks.append(Bullets(tuple(lessons)))

    def followups(self) -> None:
        t = self.t
        if not self.data.open_followups:
            return
        self.heading(t(N_("Open follow-ups")))
        rows = tuple(
            (Cell(f.title), Cell(f.owner_name or ""), Cell(format_date(f.due_on, self.lang)))
            for f in self.data.open_followups
        )
        self.blocks.append(Table((t(N_("Follow-up")), t(N_("Owner")), t(N_("Due"))), rows, (60, 30, 18)))

    def history(self) -> None:
        self.blocks.extend(history_blocks(self.data.history, self.lang))

    def press(self) -> None:
        t, person = self.t, self.data.press_contact
        if person is None:
            return
        self.heading(t(N_("Press contact")))
        rows = [(t(N_("Name")), person_name(person))]
        rows += [(t(N_("Function")), person.function)] if person.function else []
        rows += [(t(N_("Organisation")), person.organisation_name)] if person.organisation_name else []
        if self.options.private_details:
            people = PeopleSections(self.data, self.options, self.free)
            rows += [(t(N_("Phone")), people.phone(ph)) for ph in person.phones]
            rows += [(t(N_("Email")), person.email)] if person.email else []
        self.blocks.append(Facts(tuple(rows)))

    def sources(self) -> None:
        lines = [line.strip() for line in (self.data.visit.sources or "").splitlines() if line.strip()]
        if lines:
            self.heading(self.t(N_("Sources")))
            self.blocks.extend(Para(self.free(line), small=True) for line in lines)

    def build(self) -> list[Block]:
        t, v, o = self.t, self.data.visit, self.options
        people = PeopleSections(self.data, o, self.free)
        add = self.blocks.extend
        self.title_block()
        steps = [
            (Section.OVERVIEW, self.overview),
            (Section.AGENDA, self.agenda),
            (Section.DELEGATION, lambda: add(people.side(t(N_("Delegation")), self.data.delegation))),
            (Section.HOSTS, lambda: add(people.side(t(N_("Host side")), self.data.hosts))),
            (Section.GUESTS, lambda: add(people.side(t(N_("Further guests")), self.data.guests))),
            (Section.PROFILES, lambda: add(people.profiles())),
            (Section.TALKING_POINTS, lambda: self.section_text(t(N_("Talking points")), v.talking_points)),
            (Section.PROTOCOL, lambda: self.section_text(t(N_("Protocol notes")), v.protocol_notes)),
            (Section.LOGISTICS, lambda: self.section_text(t(N_("Logistics")), v.logistics)),
            (Section.QUOTES, self.quotes),
            (Section.NOTES, self.notes),
            (Section.FOLLOWUPS, self.followups),
            (Section.HISTORY, self.history),
            (Section.PRESS, self.press),
            (Section.SOURCES, self.sources),
        ]
        for section, step in steps:
            if o.includes(section):
                step()
        return self.blocks
