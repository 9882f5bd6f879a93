"""The host programme for the guests: one section per day with its date, times, places and the
person to call. Nothing internal (the programme items' notes stay in the briefing)."""

from datetime import date, datetime
from itertools import groupby
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph

from delegation_app.i18n import N_, translator
from delegation_app.i18n.formatting import format_date, format_time_range
from delegation_app.reports import sheet_document as doc
from delegation_app.reports import styles as st
from delegation_app.reports.markup import name, plain, text
from delegation_app.services.views import AgendaItemView
from delegation_app.services.visit_sheets import VisitSheets

TITLE = N_("Visit programme")
WEEKDAYS = (N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
            N_("Saturday"), N_("Sunday"))  # fmt: skip


def day_heading(day: date | None, lang: str) -> str:
    """ "Dienstag, 24.02.2026" / "Tuesday, 24 Feb 2026"."""
    t = translator(lang)
    if day is None:
        return t(N_("Further programme items"))
    return f"{t(WEEKDAYS[day.weekday()])}, {format_date(day, lang)}"


def _day(item: AgendaItemView) -> date | None:
    return item.starts_at.date() if item.starts_at else None


def _story(data: VisitSheets, lang: str) -> list[Flowable]:
    t = translator(lang)
    kind = t(TITLE)
    story: list[Flowable] = [*doc.title_block(kind, data.visit, lang)]
    if not data.agenda:
        story.append(Paragraph(escape(t(N_("No programme items yet."))), st.BODY))
        return story
    # Timed items by day in time order, then the ones without a time in the visit's order.
    ordered = sorted(
        data.agenda, key=lambda a: (a.starts_at is None, a.starts_at or datetime.min, a.position)
    )
    days = [(day, list(items)) for day, items in groupby(ordered, key=_day)]
    header = [t(N_("Time")), t(N_("Programme item")), t(N_("Place")), t(N_("Contact person"))]
    for day, items in days:
        title = day_heading(day, lang)
        story += doc.heading(escape(title), title)
        rows = []
        for item in items:
            contact = data.contacts.get(item.responsible_person_id or -1)
            who = ""
            if contact is not None:
                who = name(contact.name) + (f"<br/>{plain(contact.phone)}" if contact.phone else "")
            elif item.responsible_person_name:
                who = name(item.responsible_person_name)
            rows.append(
                [
                    escape(format_time_range(item.starts_at, item.ends_at, lang)),
                    f"<b>{text(item.title)}</b>",
                    text(item.place),
                    who,
                ]
            )
        story += doc.table(header, rows, [27, 49, 35, 33])  # "09:30–10:00 Uhr" on one line
    return story


def render_programme(data: VisitSheets, lang: str = "de", *, deterministic: bool = False) -> bytes:
    t = translator(lang)
    return doc.render_flowing(
        lambda: _story(data, lang),
        t(TITLE),
        data.visit,
        lang=lang,
        author=data.issued_by,
        issued_on_text=format_date(data.issued_on, lang),
        deterministic=deterministic,
    )
