"""The briefing: an A4 dossier of one visit, rendered from a BriefingData read model to bytes."""

import io
import threading
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from delegation_app import __version__
from delegation_app.domain.enums import Classification, QuoteKind
from delegation_app.i18n import N_, translator
from delegation_app.i18n.formatting import format_date, format_date_range, format_time_range
from delegation_app.i18n.labels import label
from delegation_app.reports import styles as st
from delegation_app.reports.finish import DocumentInfo, finish
from delegation_app.reports.fonts import FAMILY, register_fonts
from delegation_app.reports.layout import BriefingDocTemplate, Furniture, Heading, PageCountingCanvas
from delegation_app.reports.markup import name, plain, text
from delegation_app.reports.options import BriefingOptions, Section
from delegation_app.services.briefing import BriefingData, BriefingPerson
from delegation_app.services.views import QuoteView

# reportlab's TTFont objects keep per-document subset state: one document at a time.
_render_lock = threading.Lock()
ROWS_PER_TABLE = 40  # one huge Table lays out superlinearly; page-sized chunks do not




class _Builder:
    def __init__(self, data: BriefingData, options: BriefingOptions) -> None:
        self.data, self.options = data, options
        self.t = translator(options.language)
        self.lang = options.language
        self.story: list[Flowable] = []

    def heading(self, title: str) -> None:
        # Not keepWithNext: that would push a long table whole onto the next page. A heading
        # only needs room for itself and a few lines below it.
        self.story.append(CondPageBreak(30 * mm))
        self.story.append(Heading(escape(title), st.H1, outline=title))

    def para(self, markup: str, style: ParagraphStyle = st.BODY) -> None:
        self.story.append(Paragraph(markup, style))

    def table(self, header: list[str], rows: list[list[str]], widths: list[float]) -> None:
        """Rows as markup strings; split into page-sized tables, header repeated on each page."""
        head = [Paragraph(escape(h), st.CELL_HEAD) for h in header]
        total = sum(widths)
        col_widths = [w / total * (st.A4_WIDTH - st.MARGIN_LEFT - st.MARGIN_RIGHT) for w in widths]
        for start in range(0, len(rows), ROWS_PER_TABLE):
            chunk = [
                [Paragraph(cell, st.CELL) for cell in row] for row in rows[start : start + ROWS_PER_TABLE]
            ]
            table = Table([head, *chunk], colWidths=col_widths, repeatRows=1, splitInRow=1)
            table.setStyle(
                TableStyle(
                    [
                        ("FONTNAME", (0, 0), (-1, -1), FAMILY),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("BACKGROUND", (0, 0), (-1, 0), st.SHADE),
                        ("LINEBELOW", (0, 0), (-1, 0), 0.6, st.ACCENT),
                        ("LINEBELOW", (0, 1), (-1, -1), 0.25, st.RULE),
                        ("TOPPADDING", (0, 0), (-1, -1), 3),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                    ]
                )
            )
            self.story.append(table)
        self.story.append(Spacer(1, 2 * mm))

    # --- sections ---------------------------------------------------------------------------
    def title_block(self) -> None:
        t, v = self.t, self.data.visit
        self.story.append(Heading(plain(v.title), st.TITLE, outline=v.title))
        when = format_date_range(v.starts_at, v.ends_at, self.lang)
        if v.starts_at and v.ends_at and v.starts_at.date() == v.ends_at.date():
            when += ", " + format_time_range(v.starts_at, v.ends_at, self.lang)
        facts = [
            (t(N_("Host")), v.host_organisation_name),
            (t(N_("Guest")), v.guest_organisation_name),
            (t(N_("Place")), ", ".join(filter(None, [v.place, (v.address or "").replace("\n", ", ")]))),
            (t(N_("Date")), when),
            (t(N_("Status")), label(v.status, self.lang)),
            (t(N_("Kind of visit")), label(v.direction, self.lang)),
        ]
        if v.classification != Classification.NONE:
            facts.append((t(N_("Classification")), label(v.classification, self.lang)))
        day = format_date(self.data.issued_on, self.lang)
        name, function = self.data.issued_by, self.data.issuer_function
        if name and function:
            issued = t(N_("{date} by {name}, {function}")).format(date=day, name=name, function=function)
        elif name:
            issued = t(N_("{date} by {name}")).format(date=day, name=name)
        else:
            issued = day
        facts.append((t(N_("Created on")), issued))
        rows = [
            [Paragraph(escape(k), st.CELL_HEAD), Paragraph(text(val), st.CELL)] for k, val in facts if val
        ]
        table = Table(rows, colWidths=[32 * mm, None], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FAMILY),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        self.story.append(table)

    def overview(self) -> None:
        t, v = self.t, self.data.visit
        if not (v.purpose or v.summary or v.topics):
            return
        self.heading(t(N_("Purpose and summary")))
        if v.purpose:
            self.para(text(v.purpose))
        if v.topics:
            self.para("<b>" + escape(t(N_("Topics"))) + f":</b> {text(v.topics)}")
        if v.summary:
            self.para(text(v.summary))

    def agenda(self) -> None:
        t = self.t
        if not self.data.agenda:
            return
        self.heading(t(N_("Programme")))
        rows = [
            [
                escape(format_time_range(a.starts_at, a.ends_at, self.lang)),
                text(a.title) + (f"<br/><font size=8>{text(a.notes)}</font>" if a.notes else ""),
                text(a.place),
                name(a.responsible_person_name),
            ]
            for a in self.data.agenda
        ]
        self.table(
            [t(N_("Time")), t(N_("Programme item")), t(N_("Place")), t(N_("Responsible"))],
            rows,
            [32, 54, 28, 30],
        )

    def _person_rows(self, people: tuple[BriefingPerson, ...], contact: bool) -> list[list[str]]:
        rows = []
        for entry in people:
            p, person = entry.participation, entry.person
            row = [
                f"<b>{name(person.display_name)}</b>",
                text(p.function),
                text(person.organisation_name),
                escape(label(p.role, self.lang)),
            ]
            if contact:
                lines = [plain(ph.display) for ph in person.phones] + (
                    [text(person.email)] if person.email else []
                )
                row.append("<br/>".join(lines))
            rows.append(row)
        return rows

    def people(self, title: str, people: tuple[BriefingPerson, ...], contact: bool) -> None:
        if not people:
            return
        t = self.t
        self.heading(title)
        header = [t(N_("Name")), t(N_("Function")), t(N_("Organisation")), t(N_("Role"))]
        widths: list[float] = [32, 30, 30, 28]
        # A contact column only where there is something to put in it.
        contact = contact and any(e.person.phones or e.person.email for e in people)
        if contact:  # room for an email address on one line, and for "Geschäftsführerin"
            header, widths = [*header, t(N_("Contact details"))], [28, 30, 24, 22, 44]
        self.table(header, self._person_rows(people, contact), widths)

    def quotes(self) -> None:
        t = self.t
        if not self.data.quotes:
            return
        self.heading(t(N_("Quotes")))
        groups: dict[str, list[QuoteView]] = {}
        for q in self.data.quotes:
            groups.setdefault(q.speaker_display, []).append(q)
        functions = {
            e.person.display_name: e.participation.function for e in (*self.data.delegation, *self.data.hosts)
        }
        for speaker, quotes in groups.items():
            who = name(speaker) + (f", {plain(functions[speaker])}" if functions.get(speaker) else "")
            speaker_line = Paragraph(who, st.H2)
            for index, q in enumerate(quotes):
                meta = [label(q.approval_state, self.lang)]
                if q.kind == QuoteKind.PARAPHRASE:
                    meta.insert(0, label(q.kind, self.lang))
                if q.context:
                    meta.insert(0, q.context)
                if q.said_on:
                    meta.append(format_date(q.said_on, self.lang))
                block = [
                    Paragraph(self._quoted(q), st.QUOTE),
                    Paragraph(plain(" · ".join(meta)), st.QUOTE_META),
                ]
                # A quote stays with its source line, the speaker's name with the first quote;
                # a quote longer than a page may still split.
                self.story.append(KeepTogether([speaker_line, *block] if index == 0 else block))

    def _quoted(self, quote: QuoteView) -> str:
        body = quote.text.strip()
        if quote.kind == QuoteKind.PARAPHRASE or body[:1] in "„“\"«»‚'":
            return text(body)
        opening, closing = ("„", "“") if self.lang == "de" else ("“", "”")
        return text(f"{opening}{body}{closing}")

    def notes(self) -> None:
        t, v = self.t, self.data.visit
        if v.notes:
            self.heading(t(N_("Notes")))
            self.para(text(v.notes))
        if v.lessons_learned:
            self.heading(t(N_("Lessons learned")))
            for line in filter(str.strip, v.lessons_learned.splitlines()):
                self.para(f"• {text(line)}")

    def followups(self) -> None:
        t = self.t
        if not self.data.open_followups:
            return
        self.heading(t(N_("Open follow-ups")))
        rows = [
            [text(f.title), name(f.owner_name), escape(format_date(f.due_on, self.lang))]
            for f in self.data.open_followups
        ]
        self.table([t(N_("Follow-up")), t(N_("Owner")), t(N_("Due"))], rows, [60, 30, 18])

    def press(self) -> None:
        t, person = self.t, self.data.press_contact
        if person is None:
            return
        self.heading(t(N_("Press contact")))
        lines = [f"<b>{name(person.display_name)}</b>"]
        lines += [text(x) for x in (person.function, person.organisation_name) if x]
        if self.options.private_details:
            phone = escape(t(N_("Phone")))
            lines += [f"{phone} {plain(ph.display)}" for ph in person.phones]
            lines += [escape(t(N_("Email"))) + f" {text(person.email)}"] if person.email else []
        self.para("<br/>".join(lines))

    def sources(self) -> None:
        lines = [line.strip() for line in (self.data.visit.sources or "").splitlines() if line.strip()]
        if not lines:
            return
        self.heading(self.t(N_("Sources")))
        for line in lines:
            self.para(text(line), st.SMALL)

    def build(self) -> list[Flowable]:
        s, t = self.options.sections, self.t
        self.title_block()
        steps = [
            (Section.OVERVIEW, self.overview),
            (Section.AGENDA, self.agenda),
            (Section.DELEGATION, lambda: self.people(t(N_("Delegation")), self.data.delegation, False)),
            (
                Section.HOSTS,
                lambda: self.people(
                    t(N_("Host side and guests")), self.data.hosts, self.options.private_details
                ),
            ),
            (Section.QUOTES, self.quotes),
            (Section.NOTES, self.notes),
            (Section.FOLLOWUPS, self.followups),
            (Section.PRESS, self.press),
            (Section.SOURCES, self.sources),
        ]
        for section, step in steps:
            if section in s:
                step()
        return self.story


def render_briefing(data: BriefingData, options: BriefingOptions | None = None) -> bytes:
    """A pure function: read model in, PDF bytes out. Raises nothing for any stored text."""
    options = options or BriefingOptions()
    register_fonts()
    t = translator(options.language)
    visit = data.visit
    marking = {
        Classification.NONE: None,
        Classification.INTERNAL: label(Classification.INTERNAL, options.language).upper(),
        Classification.VS_NFD: "VS-NUR FÜR DEN DIENSTGEBRAUCH",  # the official German wording, always
    }[visit.classification]
    furniture = Furniture(
        header_title=t(N_("Briefing")) + f": {visit.title}",
        marking=marking,
        footer_left=t(N_("As of {date} · Delegation visits {version}")).format(
            date=format_date(data.issued_on, options.language), version=__version__
        ),
        page_of=t(N_("Page {page} of ")),
    )
    buffer = io.BytesIO()
    with _render_lock:
        doc = BriefingDocTemplate(
            buffer,
            furniture,
            title=t(N_("Briefing")) + f": {visit.title}",
            author=data.issued_by,
            subject=t(N_("Briefing for the visit")),
            creator=t(N_("Delegation visits")) + f" {__version__}",  # shown in the viewer's properties
            lang="de-DE" if options.language == "de" else "en-GB",
            invariant=1 if options.deterministic else 0,
        )
        # doc.build consumes its story: build a fresh one for every document.
        doc.build(_Builder(data, options).build(), canvasmaker=PageCountingCanvas)
    title = t(N_("Briefing")) + f": {visit.title}"
    subject = t(N_("Briefing for the visit"))
    return finish(buffer.getvalue(), DocumentInfo(title, data.issued_by, options.language, subject))
