"""What the visit's hand-outs share: the page furniture, the title block, side names and
colours, tables cut into page-sized chunks, and the one lock every document renders under."""

import io
import threading
from collections.abc import Callable
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from delegation_app import __version__
from delegation_app.domain.enums import Classification, ParticipantSide
from delegation_app.i18n import N_, translator
from delegation_app.i18n.formatting import format_date_range
from delegation_app.i18n.labels import label
from delegation_app.reports import styles as st
from delegation_app.reports.finish import DocumentInfo, finish
from delegation_app.reports.fonts import BOLD, FAMILY, register_fonts
from delegation_app.reports.layout import BriefingDocTemplate, Furniture, Heading, PageCountingCanvas
from delegation_app.reports.markup import plain
from delegation_app.services.views import VisitView

# reportlab's TTFont objects keep per-document subset state: one document at a time, all products.
RENDER_LOCK = threading.Lock()
ROWS_PER_TABLE = 40  # one huge Table lays out superlinearly; page-sized chunks do not
TEXT_WIDTH = st.A4_WIDTH - st.MARGIN_LEFT - st.MARGIN_RIGHT

SIDE_TITLES = {
    ParticipantSide.DELEGATION: N_("Delegation"),
    ParticipantSide.HOST: N_("Host side"),
    ParticipantSide.GUEST: N_("Further guests"),
}
# The side as a badge names it, in one word.
SIDE_WORDS = {
    ParticipantSide.DELEGATION: N_("Delegation"),
    ParticipantSide.HOST: N_("Host"),
    ParticipantSide.GUEST: N_("Guest"),
}
SIDE_COLOURS = {
    ParticipantSide.DELEGATION: colors.HexColor("#1f4e79"),  # the briefing's accent
    ParticipantSide.HOST: colors.HexColor("#8b1a1a"),
    ParticipantSide.GUEST: colors.HexColor("#2e6b30"),
}


def marking(visit: VisitView, lang: str) -> str | None:
    return {
        Classification.NONE: None,
        Classification.INTERNAL: label(Classification.INTERNAL, lang).upper(),
        Classification.VS_NFD: "VS-NUR FÜR DEN DIENSTGEBRAUCH",  # the official German wording, always
    }[visit.classification]


def document_title(kind: str, visit: VisitView) -> str:
    """ "Besuchsprogramm: Delegation aus Lublin" (kind already translated)."""
    return f"{kind}: {visit.title}"


def info(kind: str, visit: VisitView, author: str, lang: str) -> DocumentInfo:
    return DocumentInfo(title=document_title(kind, visit), author=author, language=lang)


def render_flowing(
    story: Callable[[], list[Flowable]],
    kind: str,
    visit: VisitView,
    *,
    lang: str,
    author: str,
    issued_on_text: str,
    deterministic: bool,
) -> bytes:
    """An A4 document with the running header, the marking and "Seite X von Y", finished."""
    register_fonts()
    t = translator(lang)
    title = document_title(kind, visit)
    furniture = Furniture(
        header_title=title,
        marking=marking(visit, lang),
        footer_left=t(N_("As of {date} · Delegation visits {version}")).format(
            date=issued_on_text, version=__version__
        ),
        page_of=t(N_("Page {page} of ")),
    )
    buffer = io.BytesIO()
    with RENDER_LOCK:
        doc = BriefingDocTemplate(
            buffer,
            furniture,
            title=title,
            author=author,
            creator=t(N_("Delegation visits")) + f" {__version__}",
            lang="de-DE" if lang == "de" else "en-GB",
            invariant=1 if deterministic else 0,
        )
        doc.build(story(), canvasmaker=PageCountingCanvas)
    return finish(buffer.getvalue(), info(kind, visit, author, lang))


def render_drawn(
    draw: Callable[[Canvas], None],
    kind: str,
    visit: VisitView,
    *,
    lang: str,
    author: str,
    deterministic: bool,
    pagesize: tuple[float, float],
) -> bytes:
    """A document drawn page by page (badges, place cards): no running text, finished the same way."""
    register_fonts()
    t = translator(lang)
    buffer = io.BytesIO()
    with RENDER_LOCK:
        canvas = Canvas(
            buffer,
            pagesize=pagesize,
            invariant=1 if deterministic else 0,
            lang="de-DE" if lang == "de" else "en-GB",
        )
        canvas.setTitle(document_title(kind, visit))
        canvas.setAuthor(author)
        canvas.setCreator(t(N_("Delegation visits")) + f" {__version__}")
        draw(canvas)
        canvas.save()
    return finish(buffer.getvalue(), info(kind, visit, author, lang))


def draw_marking(canvas: Canvas, text: str | None, width: float, height: float) -> None:
    """The classification marking at the top and the bottom edge of a drawn page."""
    if not text:
        return
    canvas.saveState()
    canvas.setFillColor(st.MARKING)
    canvas.setFont(BOLD, 8)
    canvas.drawCentredString(width / 2, height - 6 * mm, text)
    canvas.drawCentredString(width / 2, 3.5 * mm, text)
    canvas.restoreState()


def title_block(kind: str, visit: VisitView, lang: str) -> list[Flowable]:
    """The visit's title as the first bookmark, under it what the hand-out is and when and where."""
    facts = [kind, format_date_range(visit.starts_at, visit.ends_at, lang)]
    facts += [visit.place or "", visit.host_organisation_name or "", visit.guest_organisation_name or ""]
    line = " · ".join(plain(f) for f in facts if f and f.strip())
    return [
        Heading(plain(visit.title), st.TITLE, outline=visit.title),
        Paragraph(line, st.BODY),
        Spacer(1, 3 * mm),
    ]


def heading(title_markup: str, outline: str) -> list[Flowable]:
    """A section heading with room for a few lines below it, bookmarked."""
    return [CondPageBreak(30 * mm), Heading(title_markup, st.H1, outline=outline)]


def table(
    header: list[str], rows: list[list[str]], widths: list[float], *, row_height: float | None = None
) -> list[Flowable]:
    """Rows as markup strings; page-sized tables, header repeated; ``row_height`` for tall rows."""
    head = [Paragraph(escape(h), st.CELL_HEAD) for h in header]
    total = sum(widths)
    col_widths = [w / total * TEXT_WIDTH for w in widths]
    out: list[Flowable] = []
    for start in range(0, len(rows), ROWS_PER_TABLE):
        chunk = [[Paragraph(cell, st.CELL) for cell in row] for row in rows[start : start + ROWS_PER_TABLE]]
        heights = None if row_height is None else [None] + [row_height] * len(chunk)
        grid = Table([head, *chunk], colWidths=col_widths, rowHeights=heights, repeatRows=1, splitInRow=1)
        grid.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FAMILY),
                    ("VALIGN", (0, 0), (-1, -1), "TOP" if row_height is None else "MIDDLE"),
                    ("BACKGROUND", (0, 0), (-1, 0), st.SHADE),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.6, st.ACCENT),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.25, st.RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        out.append(grid)
    out.append(Spacer(1, 2 * mm))
    return out
