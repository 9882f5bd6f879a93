"""The participant list (by side, with attendance; who declined apart) and the sign-in sheet (by
side, a tall signature column; who declined is not on it)."""

from collections.abc import Callable
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from delegation_app.i18n import N_, translator
from delegation_app.i18n.formatting import format_date
from delegation_app.i18n.labels import label
from delegation_app.reports import sheet_document as doc
from delegation_app.reports import styles as st
from delegation_app.reports.markup import name, plain
from delegation_app.services.visit_sheets import SIDE_ORDER, SheetPerson, VisitSheets

PARTICIPANTS_TITLE = N_("List of participants")
SIGN_IN_TITLE = N_("Sign-in sheet")
SIGNATURE_ROW = 13 * mm  # room for a signature by hand


def _name(entry: SheetPerson) -> str:
    return f"<b>{name(entry.person.display_name)}</b>"  # never hyphenated


def _participants_story(data: VisitSheets, lang: str) -> list[Flowable]:
    t = translator(lang)
    story = doc.title_block(t(PARTICIPANTS_TITLE), data.visit, lang)
    header = [t(N_("Name")), t(N_("Function")), t(N_("Organisation")), t(N_("Attendance"))]
    for side in SIDE_ORDER:
        people = data.side(side)
        if not people:
            continue
        title = t(doc.SIDE_TITLES[side])
        story += doc.heading(escape(title), title)
        rows = [
            [
                _name(p),
                plain(p.function),
                plain(p.organisation),
                escape(label(p.participation.attendance, lang)),
            ]
            for p in people
        ]
        story += doc.table(header, rows, [40, 36, 44, 22])
    if data.declined:
        title = t(N_("Declined"))
        story += doc.heading(escape(title), title)
        rows = [
            [
                _name(p),
                plain(p.function),
                plain(p.organisation),
                escape(t(doc.SIDE_WORDS[p.participation.side])),
            ]
            for p in data.declined
        ]
        story += doc.table([*header[:3], t(N_("Side"))], rows, [40, 36, 44, 22])
    if not data.people:
        story.append(Paragraph(escape(t(N_("No participants yet."))), st.BODY))
    return story


def _sign_in_story(data: VisitSheets, lang: str) -> list[Flowable]:
    t = translator(lang)
    story = doc.title_block(t(SIGN_IN_TITLE), data.visit, lang)
    header = ["", t(N_("Name")), t(N_("Function and organisation")), t(N_("Signature"))]
    for side in SIDE_ORDER:
        people = data.side(side)
        if not people:
            continue
        title = t(doc.SIDE_TITLES[side])
        story += doc.heading(escape(title), title)
        rows = [
            [
                str(number),
                _name(p),
                "<br/>".join(plain(x) for x in (p.function, p.organisation) if x),
                "",
            ]
            for number, p in enumerate(people, start=1)
        ]
        story += doc.table(header, rows, [6, 40, 50, 48], row_height=SIGNATURE_ROW)
    if not data.attending:
        story.append(Paragraph(escape(t(N_("No participants yet."))), st.BODY))
    return story


def _render(
    data: VisitSheets,
    title: str,
    story: Callable[[VisitSheets, str], list[Flowable]],
    lang: str,
    deterministic: bool,
) -> bytes:
    return doc.render_flowing(
        lambda: story(data, lang),
        translator(lang)(title),
        data.visit,
        lang=lang,
        author=data.issued_by,
        issued_on_text=format_date(data.issued_on, lang),
        deterministic=deterministic,
    )


def render_participants(data: VisitSheets, lang: str = "de", *, deterministic: bool = False) -> bytes:
    return _render(data, PARTICIPANTS_TITLE, _participants_story, lang, deterministic)


def render_sign_in(data: VisitSheets, lang: str = "de", *, deterministic: bool = False) -> bytes:
    return _render(data, SIGN_IN_TITLE, _sign_in_story, lang, deterministic)
