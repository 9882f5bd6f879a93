"""The access report (Art. 15 GDPR) as an A4 letter: the office's letterhead, then everything held
about the person, section by section. A pure function from the read model to PDF bytes."""

import io
from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from delegation_app import __version__
from delegation_app.i18n import N_, Translator, translator
from delegation_app.i18n.formatting import format_date, format_date_range, format_system_time
from delegation_app.i18n.labels import label
from delegation_app.reports import styles as st
from delegation_app.reports.briefing import _render_lock
from delegation_app.reports.finish import DocumentInfo, finish
from delegation_app.reports.fonts import FAMILY, register_fonts
from delegation_app.reports.layout import BriefingDocTemplate, Furniture, Heading, PageCountingCanvas
from delegation_app.reports.markup import text
from delegation_app.reports.person_report_fields import action_label, field_label, part_label
from delegation_app.services.person_report import PersonDataReport

ROWS_PER_TABLE = 40
EMPTY = "—"


class _Builder:
    def __init__(self, report: PersonDataReport, lang: str) -> None:
        self.r, self.lang = report, lang
        self.t: Translator = translator(lang)
        self.story: list[Flowable] = []

    def heading(self, title: str) -> None:
        self.story.append(CondPageBreak(30 * mm))
        self.story.append(Heading(escape(title), st.H1, outline=title))

    def para(self, markup: str, style: ParagraphStyle = st.BODY) -> None:
        self.story.append(Paragraph(markup, style))

    def none(self) -> None:
        self.para(escape(self.t(N_("None stored."))), st.SMALL)

    def table(self, header: Sequence[str] | None, rows: list[list[str]], widths: list[float]) -> None:
        total = sum(widths)
        col_widths = [w / total * (st.A4_WIDTH - st.MARGIN_LEFT - st.MARGIN_RIGHT) for w in widths]
        head = [[Paragraph(escape(h), st.CELL_HEAD) for h in header]] if header else []
        for start in range(0, len(rows), ROWS_PER_TABLE):
            part = rows[start : start + ROWS_PER_TABLE]
            chunk = [[Paragraph(cell, st.CELL) for cell in row] for row in part]
            table = Table([*head, *chunk], colWidths=col_widths, repeatRows=1 if head else 0, splitInRow=1)
            style = [
                ("FONTNAME", (0, 0), (-1, -1), FAMILY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, st.RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
            if head:
                style += [
                    ("BACKGROUND", (0, 0), (-1, 0), st.SHADE),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.6, st.ACCENT),
                ]
            table.setStyle(TableStyle(style))
            self.story.append(table)
        self.story.append(Spacer(1, 2 * mm))

    # --- the letter -------------------------------------------------------------------------
    def letterhead(self) -> None:
        h = self.r.letterhead
        if h.office_name:
            self.para(f"<b>{text(h.office_name)}</b>")
        for line in h.office_lines:
            self.para(text(line), st.SMALL)
        sender = [x for x in (h.sender_name, h.sender_function, h.unit) if x]
        sender += [self.t(N_("Phone")) + f" {h.phone}"] if h.phone else []
        sender += [self.t(N_("Email")) + f" {h.email}"] if h.email else []
        if sender:
            self.story.append(Spacer(1, 3 * mm))
            self.para("<br/>".join(text(x) for x in sender), st.SMALL)
        self.story.append(Spacer(1, 6 * mm))

    def title(self) -> None:
        t, p = self.t, self.r.person
        title = t(N_("Access report (Art. 15 GDPR)"))
        self.story.append(Heading(escape(title), st.TITLE, outline=title))
        intro = t(
            N_(
                "This report lists all personal data about {name} that are stored in the program "
                "“Delegation visits” as of {date}, and where they came from."
            )
        ).format(name=p.display_name, date=format_date(self.r.created_on))
        self.para(text(intro))

    def record(self) -> None:
        t, p = self.t, self.r.person
        self.heading(t(N_("Person record")))
        yes, no = t(N_("Yes")), t(N_("No"))
        phones = "<br/>".join(escape(f"{label(ph.kind, self.lang)}: {ph.display}") for ph in p.phones)
        facts = [
            (field_label("title", t), text(p.title)),
            (field_label("first_name", t), text(p.first_name)),
            (field_label("last_name", t), text(p.last_name)),
            (field_label("family_name_first", t), escape(yes if p.family_name_first else no)),
            (field_label("salutation", t), text(p.salutation)),
            (field_label("function", t), text(p.function)),
            (field_label("department", t), text(p.department)),
            (field_label("organisation_id", t), text(p.organisation_name)),
            (field_label("email", t), text(p.email)),
            (t(N_("Phone numbers")), phones),
            (field_label("is_own_staff", t), escape(yes if p.is_own_staff else no)),
            (field_label("notes", t), text(p.notes)),
            (field_label("profile", t), text(p.profile)),
            (t(N_("Created")), escape(format_system_time(p.created_at, self.lang))),
            (t(N_("Last changed")), escape(format_system_time(p.updated_at, self.lang))),
        ]
        self.table(None, [[f"<b>{escape(k)}</b>", v or EMPTY] for k, v in facts], [32, 88])

    def source(self) -> None:
        t, p = self.t, self.r.person
        self.heading(t(N_("Where the data came from")))
        rows = [
            [f"<b>{escape(field_label('source', t))}</b>", escape(label(p.source, self.lang))],
            [f"<b>{escape(field_label('source_note', t))}</b>", text(p.source_note) or EMPTY],
            [f"<b>{escape(field_label('source_date', t))}</b>", escape(format_date(p.source_date)) or EMPTY],
        ]
        self.table(None, rows, [32, 88])

    def participations(self) -> None:
        t = self.t
        self.heading(t(N_("Participation in visits")))
        if not self.r.participations:
            return self.none()
        rows = [
            [
                f"<b>{text(v.title)}</b>",
                escape(format_date_range(v.starts_at, v.ends_at)),
                escape(", ".join((label(v.side, self.lang), label(v.role, self.lang)))),
                text(v.function_at_visit) or EMPTY,
                escape(label(v.attendance, self.lang)),
            ]
            for v in self.r.participations
        ]
        header = [t(N_("Visit")), t(N_("Date")), t(N_("Side and role")), t(N_("Function then")),
                  t(N_("Attendance"))]  # fmt: skip
        self.table(header, rows, [34, 18, 26, 24, 26])

    def quotes(self) -> None:
        t = self.t
        self.heading(t(N_("Quotes")))
        if not self.r.quotes:
            return self.none()
        for q in self.r.quotes:
            self.para(text(q.text), st.QUOTE)
            meta = [q.visit_title, label(q.kind, self.lang), label(q.approval_state, self.lang)]
            meta += [format_date(q.said_on)] if q.said_on else []
            self.para(escape(" · ".join(meta)), st.QUOTE_META)

    def contacts(self) -> None:
        t = self.t
        self.heading(t(N_("Contact entries")))
        if not self.r.contacts:
            return self.none()
        rows = []
        for c in self.r.contacts:
            details = [t(N_("with {names}")).format(names=", ".join(c.others))] if c.others else []
            details += [c.visit_title] if c.visit_title else []
            extra = f"<br/><font size=8>{text('; '.join(details))}</font>" if details else ""
            rows.append([escape(format_date(c.occurred_at)), escape(label(c.channel, self.lang)),
                         text(c.summary) + extra])  # fmt: skip
        self.table([t(N_("Date")), t(N_("Channel")), t(N_("Summary"))], rows, [18, 18, 84])

    def followups(self) -> None:
        t = self.t
        self.heading(t(N_("Follow-ups")))
        if not self.r.followups:
            return self.none()
        rows = [
            [
                text(f.title) + (f"<br/><font size=8>{text(f.notes)}</font>" if f.notes else ""),
                text(f.owner_name) or EMPTY,
                escape(format_date(f.due_on)) or EMPTY,
                escape(format_date(f.done_on)) or EMPTY,
            ]
            for f in self.r.followups
        ]
        self.table([t(N_("Follow-up")), t(N_("Owner")), t(N_("Due")), t(N_("Done"))], rows, [60, 28, 16, 16])

    def responsibilities(self) -> None:
        if not self.r.responsibilities:
            return
        t = self.t
        self.heading(t(N_("Further mentions")))
        what = {"agenda_item": N_("Responsible for the programme item"), "press_contact": N_("Press contact")}
        rows = [
            [escape(t(what[x.kind])), text(x.title if x.kind == "agenda_item" else ""), text(x.visit_title)]
            for x in self.r.responsibilities
        ]
        self.table([t(N_("Named as")), t(N_("Programme item")), t(N_("Visit"))], rows, [34, 40, 46])

    def history(self) -> None:
        t = self.t
        self.heading(t(N_("Change history of the record")))
        if not self.r.history:
            return self.none()
        rows = []
        for entry in self.r.history:
            changes = "<br/>".join(
                f"{escape(field_label(f.field, t))}: {text(f.old_text)} → {text(f.new_text)}"
                if entry.action == "update"
                else f"{escape(field_label(f.field, t))}: {text(f.new_text or f.old_text)}"
                for f in entry.fields
            )
            rows.append([escape(format_system_time(entry.at, self.lang)), text(entry.user_name),
                         escape(action_label(entry.action, t)), changes or EMPTY])  # fmt: skip
        self.table([t(N_("When")), t(N_("By")), t(N_("Change")), t(N_("Fields"))], rows, [20, 14, 17, 69])

    def recycled(self) -> None:
        t = self.t
        self.heading(t(N_("Recycle bin")))
        if not self.r.recycled:
            return self.none()
        rows = [
            [escape(format_system_time(m.deleted_at, self.lang)), text(m.title),
             escape(", ".join(part_label(x, t) for x in m.tables))]
            for m in self.r.recycled
        ]  # fmt: skip
        self.table([t(N_("Deleted on")), t(N_("Record")), t(N_("Holds"))], rows, [22, 58, 40])

    def build(self) -> list[Flowable]:
        for step in (self.letterhead, self.title, self.record, self.source, self.participations,
                     self.quotes, self.contacts, self.followups, self.responsibilities, self.history,
                     self.recycled):  # fmt: skip
            step()
        return self.story


def render_person_report(
    report: PersonDataReport, language: str = "de", *, deterministic: bool = False
) -> bytes:
    """Read model in, PDF bytes out; raises nothing for any stored text."""
    register_fonts()
    t = translator(language)
    name = report.person.display_name
    title = t(N_("Access report (Art. 15 GDPR)"))
    furniture = Furniture(
        header_title=f"{title}: {name}",
        marking=None,
        footer_left=t(N_("As of {date} · Delegation visits {version}")).format(
            date=format_date(report.created_on), version=__version__
        ),
        page_of=t(N_("Page {page} of ")),
    )
    buffer = io.BytesIO()
    with _render_lock:
        doc = BriefingDocTemplate(
            buffer, furniture, title=f"{title}: {name}", author=report.letterhead.sender_name,
            creator=t(N_("Delegation visits")) + f" {__version__}",
            lang="de-DE" if language == "de" else "en-GB", invariant=1 if deterministic else 0,
        )  # fmt: skip
        doc.build(_Builder(report, language).build(), canvasmaker=PageCountingCanvas)
    info = DocumentInfo(f"{title}: {name}", report.letterhead.sender_name, language)
    return finish(buffer.getvalue(), info)
