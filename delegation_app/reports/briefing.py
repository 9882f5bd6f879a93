"""The briefing: an A4 dossier of one visit, its blocks (reports/briefing_document.py) as a PDF."""

import io
import threading

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from delegation_app import __version__
from delegation_app.i18n import N_, translator
from delegation_app.reports import briefing_blocks as b
from delegation_app.reports import styles as st
from delegation_app.reports.briefing_document import briefing_document
from delegation_app.reports.finish import DocumentInfo, finish
from delegation_app.reports.fonts import FAMILY, register_fonts
from delegation_app.reports.layout import BriefingDocTemplate, Furniture, Heading, PageCountingCanvas
from delegation_app.reports.markup import plain, text
from delegation_app.reports.options import BriefingOptions
from delegation_app.services.briefing import BriefingData

# reportlab's TTFont objects keep per-document subset state: one document at a time.
_render_lock = threading.Lock()
ROWS_PER_TABLE = 40  # one huge Table lays out superlinearly; page-sized chunks do not
# Rows split across pages only where one may not fit on a page: reportlab's split of an ordinary
# row at a page's foot can leave an empty row piece and a lone header on the next page.
LONG_CELL = 1500  # characters
CONTENT_WIDTH = st.A4_WIDTH - st.MARGIN_LEFT - st.MARGIN_RIGHT

# Bullets hang: the mark in the margin of the text, wrapped lines aligned with the first.
BULLET = ParagraphStyle(
    "bullet", parent=st.BODY, leftIndent=5 * mm, bulletIndent=1 * mm, bulletFontName=FAMILY, spaceAfter=2
)
LEAD = ParagraphStyle("lead", parent=st.BODY, fontName=st.CELL_HEAD.fontName, keepWithNext=1, spaceAfter=2)
H2 = ParagraphStyle("h2_section", parent=st.H2, keepWithNext=0)


def _cell(cell: b.Cell, style: ParagraphStyle = st.CELL) -> Paragraph:
    markup = f"<b>{text(cell.text)}</b>" if cell.strong else text(cell.text)
    if cell.note:
        markup += f"<br/><font size=8>{text(cell.note)}</font>"
    return Paragraph(markup, style)


def _table(block: b.Table) -> list[Flowable]:
    """Split into page-sized tables, the header repeated on each page."""
    head = [Paragraph(plain(h), st.CELL_HEAD) for h in block.header]
    total = sum(block.widths)
    col_widths = [w / total * CONTENT_WIDTH for w in block.widths]
    out: list[Flowable] = []
    for start in range(0, len(block.rows), ROWS_PER_TABLE):
        rows = block.rows[start : start + ROWS_PER_TABLE]
        long_cells = any(len(c.text) + len(c.note) > LONG_CELL for row in rows for c in row)
        chunk = [[_cell(c) for c in row] for row in rows]
        table = Table([head, *chunk], colWidths=col_widths, repeatRows=1, splitInRow=int(long_cells))
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
        out.append(table)
    return [*out, Spacer(1, 2 * mm)]


def _facts(block: b.Facts) -> list[Flowable]:
    rows = [[Paragraph(plain(k), st.CELL_HEAD), Paragraph(text(v), st.CELL)] for k, v in block.rows]
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
    return [table, Spacer(1, 2 * mm)]


def _quote(block: b.Quote) -> list[Flowable]:
    quoted = [Paragraph(text(block.text), st.QUOTE)]
    if block.source:
        quoted.append(Paragraph(text(block.source), st.QUOTE_META))
    return quoted


def _para(block: b.Para) -> list[Flowable]:
    if block.label and not block.text:
        return [Paragraph(plain(block.label), LEAD)]
    markup = text(block.text)
    if block.label:
        markup = f"<b>{plain(block.label)}:</b> {markup}"
    return [Paragraph(markup, st.SMALL if block.small else st.BODY)]


def _heading(block: b.Heading) -> list[Flowable]:
    if block.level == 0:
        return [Heading(plain(block.text), st.TITLE, outline=block.text)]
    if block.level == 1:
        # Not keepWithNext: that would push a long table whole onto the next page. A heading
        # only needs room for itself and a few lines below it.
        return [CondPageBreak(30 * mm), Heading(plain(block.text), st.H1, outline=block.text)]
    return [CondPageBreak(22 * mm), Heading(plain(block.text), H2, outline=block.text, level=1)]


def story(blocks: tuple[b.Block, ...]) -> list[Flowable]:
    out: list[Flowable] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if isinstance(block, b.Heading) and block.level == 2 and index + 1 < len(blocks):
            following = blocks[index + 1]
            if isinstance(following, b.Quote):  # a speaker's name stays with their first quote
                out.append(KeepTogether([*_heading(block)[1:], *_quote(following)]))
                index += 2
                continue
        if isinstance(block, b.Heading):
            out += _heading(block)
        elif isinstance(block, b.Para):
            out += _para(block)
        elif isinstance(block, b.Bullets):
            out += [Paragraph(text(item), BULLET, bulletText="•") for item in block.items]
        elif isinstance(block, b.Facts):
            out += _facts(block)
        elif isinstance(block, b.Table):
            out += _table(block)
        else:
            out.append(KeepTogether(_quote(block)))  # a quote stays with its source line
        index += 1
    return out


def render_briefing(data: BriefingData, options: BriefingOptions | None = None) -> bytes:
    """A pure function: read model in, PDF bytes out. Raises nothing for any stored text."""
    options = options or BriefingOptions()
    register_fonts()
    t = translator(options.language)
    document = briefing_document(data, options)
    header = f"{document.edition} · {document.title}" if document.edition else document.title
    furniture = Furniture(
        header_title=header,  # the edition first: a long title is cut at the end
        marking=document.marking,
        footer_left=document.footer,
        page_of=document.page_of,
    )
    language = "de-DE" if options.language == "de" else "en-GB"
    buffer = io.BytesIO()
    with _render_lock:
        doc = BriefingDocTemplate(
            buffer,
            furniture,
            title=document.title,
            author=document.author,
            subject=document.subject,
            creator=t(N_("Delegation visits")) + f" {__version__}",  # shown in the viewer's properties
            lang=language,
            invariant=1 if options.deterministic else 0,
        )
        # doc.build consumes its story: build a fresh one for every document.
        doc.build(story(document.blocks), canvasmaker=PageCountingCanvas)
    info = DocumentInfo(document.title, document.author, options.language, document.subject)
    return finish(buffer.getvalue(), info)
