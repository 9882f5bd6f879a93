"""The press pack of a visit as an A4 PDF: a fact box (who, when, where, topics), the summary,
the quotes approved for publication in their approved wording with speaker, function and
organisation, and the press contact. A pure function from the read model to PDF bytes: what is
not approved is not in the read model's ``quotes`` and so cannot reach the page."""

import io
from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from delegation_app import __version__
from delegation_app.i18n import N_, translator
from delegation_app.i18n.formatting import format_date, format_date_range
from delegation_app.reports import styles as st
from delegation_app.reports.briefing import _render_lock
from delegation_app.reports.finish import DocumentInfo, finish
from delegation_app.reports.fonts import FAMILY, register_fonts
from delegation_app.reports.layout import BriefingDocTemplate, Furniture, Heading, PageCountingCanvas
from delegation_app.reports.markup import name, plain, text
from delegation_app.services.press_material import PressMaterial, PressQuote
from delegation_app.services.views import ParticipationView


def who_line(people: Sequence[ParticipationView]) -> str:
    """„Isabelle Hemsley (Stadträtin), Martin Bieberle“ as Paragraph markup."""
    parts = []
    for p in people:
        part = name(p.person_name)
        if p.function:
            part += f" ({plain(p.function)})"
        parts.append(part)
    return ", ".join(parts)


def speaker_line(q: PressQuote) -> str:
    return ", ".join([name(q.speaker)] + [plain(x) for x in (q.function, q.organisation) if x])


class _Builder:
    def __init__(self, m: PressMaterial, lang: str) -> None:
        self.m, self.lang, self.t = m, lang, translator(lang)
        self.story: list[Flowable] = []

    def heading(self, title: str) -> None:
        self.story.append(Heading(escape(title), st.H1, outline=title))

    def facts(self) -> None:
        t, v = self.t, self.m.visit
        self.story.append(Paragraph(plain(v.title), st.TITLE))
        rows: list[tuple[str, str]] = []
        organisations = [x for x in (v.guest_organisation_name, v.host_organisation_name) if x]
        if self.m.delegation:
            rows.append((t(N_("Delegation")), who_line(self.m.delegation)))
        if self.m.hosts or self.m.guests:
            rows.append((t(N_("Host side")), who_line((*self.m.hosts, *self.m.guests))))
        if organisations:
            rows.append((t(N_("Organisations")), " · ".join(plain(o) for o in organisations)))
        when = format_date_range(v.starts_at, v.ends_at, self.lang)
        if when:
            rows.append((t(N_("When")), escape(when)))
        where = ", ".join(x for x in (v.place, (v.address or "").replace("\n", ", ")) if x)
        if where:
            rows.append((t(N_("Where")), plain(where)))
        if v.topics:
            rows.append((t(N_("Topics")), plain(v.topics)))
        width = st.A4_WIDTH - st.MARGIN_LEFT - st.MARGIN_RIGHT
        cells = [[Paragraph(escape(k), st.CELL_HEAD), Paragraph(val, st.CELL)] for k, val in rows]
        if not cells:
            return
        table = Table(cells, colWidths=[32 * mm, width - 32 * mm])
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FAMILY),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, -1), st.SHADE),
                    ("BOX", (0, 0), (-1, -1), 0.6, st.ACCENT),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        self.story += [table, Spacer(1, 4 * mm)]

    def summary(self) -> None:
        if self.m.visit.summary:
            self.heading(self.t(N_("Summary")))
            self.story.append(Paragraph(text(self.m.visit.summary), st.BODY))

    def quotes(self) -> None:
        if not self.m.quotes:
            return
        t = self.t
        self.heading(t(N_("Quotes")))
        for q in self.m.quotes:
            words = text(q.words)
            paraphrase = escape(t(N_("paraphrase")))
            marked = f"„{words}“" if q.verbatim else f"{words} ({paraphrase})"
            said = [Paragraph(marked, st.QUOTE), Paragraph(speaker_line(q), st.QUOTE_META)]
            self.story.append(KeepTogether(said))  # never a quote on one page, its speaker on the next

    def contact(self) -> None:
        person = self.m.press_contact
        if person is None:
            return
        t = self.t
        self.heading(t(N_("Press contact")))
        lines = [f"<b>{name(person.display_name)}</b>"]
        lines += [plain(x) for x in (person.function, person.organisation_name) if x]
        lines += [escape(t(N_("Phone"))) + f" {plain(ph.display)}" for ph in person.phones]
        lines += [escape(t(N_("Email"))) + f" {plain(person.email)}"] if person.email else []
        self.story.append(Paragraph("<br/>".join(lines), st.BODY))

    def build(self) -> list[Flowable]:
        for step in (self.facts, self.summary, self.quotes, self.contact):
            step()
        return self.story


def render_press_pack(
    material: PressMaterial, language: str = "de", *, issued_by: str = "", deterministic: bool = False
) -> bytes:
    """Read model in, PDF bytes out; raises nothing for any stored text."""
    register_fonts()
    t = translator(language)
    title = t(N_("Press pack")) + f": {material.visit.title}"
    furniture = Furniture(
        header_title=title,
        marking=None,
        footer_left=t(N_("As of {date} · Delegation visits {version}")).format(
            date=format_date(material.today, language), version=__version__
        ),
        page_of=t(N_("Page {page} of ")),
    )
    buffer = io.BytesIO()
    with _render_lock:
        doc = BriefingDocTemplate(
            buffer, furniture, title=title, author=issued_by,
            creator=t(N_("Delegation visits")) + f" {__version__}",
            lang="de-DE" if language == "de" else "en-GB", invariant=1 if deterministic else 0,
        )  # fmt: skip
        doc.build(_Builder(material, language).build(), canvasmaker=PageCountingCanvas)
    return finish(buffer.getvalue(), DocumentInfo(title, issued_by, language))
