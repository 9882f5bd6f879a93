"""Name badges for the common 90 × 54 mm inserts: ten per A4 sheet (2 × 5, centred), cut marks
outside the boxes; the name large, function and organisation small, a colour bar with the side
in words. People who declined get no badge."""

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from delegation_app.i18n import N_, translator
from delegation_app.reports import markup
from delegation_app.reports import sheet_document as doc
from delegation_app.reports.fitted_text import fitted
from delegation_app.reports.fonts import BOLD, FAMILY
from delegation_app.services.visit_sheets import SheetPerson, VisitSheets

TITLE = N_("Name badges")
WIDTH, HEIGHT = 90 * mm, 54 * mm
COLUMNS, ROWS = 2, 5
PER_SHEET = COLUMNS * ROWS
PAD = 5 * mm
BAR = 8 * mm  # the side's colour bar along the bottom edge
CUT_GAP, CUT_LENGTH = 2 * mm, 5 * mm  # cut marks start this far outside the boxes
OUTLINE = colors.HexColor("#c8c8c8")

NAME = ParagraphStyle("badge-name", fontName=BOLD, alignment=TA_CENTER)
DETAIL = ParagraphStyle(
    "badge-detail", fontName=FAMILY, alignment=TA_CENTER, textColor=colors.HexColor("#333333")
)
SIDE = ParagraphStyle(
    "badge-side", fontName=BOLD, fontSize=9, leading=10, textColor=colors.white, alignment=TA_LEFT
)


def grid_origin() -> tuple[float, float]:
    """The lower left corner of the 2 × 5 grid, centred on the sheet."""
    page_width, page_height = A4
    return (page_width - COLUMNS * WIDTH) / 2, (page_height - ROWS * HEIGHT) / 2


def box_corner(index: int) -> tuple[float, float]:
    """The lower left corner of the ``index``-th box of a sheet, rows from the top."""
    left, bottom = grid_origin()
    column, row = index % COLUMNS, index // COLUMNS
    return left + column * WIDTH, bottom + (ROWS - 1 - row) * HEIGHT


def _draw_badge(canvas: Canvas, entry: SheetPerson, x: float, y: float, lang: str) -> None:
    t = translator(lang)
    side = entry.participation.side
    canvas.saveState()
    canvas.setStrokeColor(OUTLINE)
    canvas.setLineWidth(0.25)
    canvas.rect(x, y, WIDTH, HEIGHT, stroke=1, fill=0)
    canvas.setFillColor(doc.SIDE_COLOURS[side])
    canvas.rect(x, y, WIDTH, BAR, stroke=0, fill=1)
    canvas.restoreState()
    word = Paragraph(escape(t(doc.SIDE_WORDS[side]).upper()), SIDE)
    _w, word_height = word.wrap(WIDTH - 2 * PAD, BAR)
    word.drawOn(canvas, x + PAD, y + (BAR - word_height) / 2 + 0.6)
    inner = WIDTH - 2 * PAD
    details = "<br/>".join(markup.plain(v) for v in (entry.function, entry.organisation) if v)
    detail_height = 0.0
    if details:
        detail = fitted(details, DETAIL, inner, 11 * mm, largest=9, smallest=6.5)
        _w, detail_height = detail.wrap(inner, 11 * mm)
        detail.drawOn(canvas, x + PAD, y + BAR + 3 * mm)
    name_room = HEIGHT - BAR - 3 * mm - detail_height - 2 * mm - PAD
    name = fitted(  # never hyphenated
        markup.name(entry.person.display_name),
        NAME,
        inner,
        name_room,
        largest=22,
        smallest=9,
        one_line_down_to=15,
    )
    _w, name_height = name.wrap(inner, name_room)
    top = y + HEIGHT - PAD
    name.drawOn(canvas, x + PAD, top - max(name_height, 0) - max(0.0, (name_room - name_height) / 2))


def _draw_cut_marks(canvas: Canvas) -> None:
    left, bottom = grid_origin()
    right, top = left + COLUMNS * WIDTH, bottom + ROWS * HEIGHT
    canvas.saveState()
    canvas.setStrokeColor(colors.black)
    canvas.setLineWidth(0.3)
    for column in range(COLUMNS + 1):
        x = left + column * WIDTH
        canvas.line(x, top + CUT_GAP, x, top + CUT_GAP + CUT_LENGTH)
        canvas.line(x, bottom - CUT_GAP, x, bottom - CUT_GAP - CUT_LENGTH)
    for row in range(ROWS + 1):
        y = bottom + row * HEIGHT
        canvas.line(left - CUT_GAP, y, left - CUT_GAP - CUT_LENGTH, y)
        canvas.line(right + CUT_GAP, y, right + CUT_GAP + CUT_LENGTH, y)
    canvas.restoreState()


def render_badges(data: VisitSheets, lang: str = "de", *, deterministic: bool = False) -> bytes:
    people = data.attending
    t = translator(lang)
    mark = doc.marking(data.visit, lang)

    def draw(canvas: Canvas) -> None:
        if not people:
            canvas.setFont(FAMILY, 11)
            canvas.drawString(25 * mm, A4[1] - 30 * mm, t(N_("No participants yet.")))
            doc.draw_marking(canvas, mark, *A4)
            canvas.showPage()
        for start in range(0, len(people), PER_SHEET):
            for index, entry in enumerate(people[start : start + PER_SHEET]):
                _draw_badge(canvas, entry, *box_corner(index), lang)
            _draw_cut_marks(canvas)
            doc.draw_marking(canvas, mark, *A4)
            canvas.showPage()

    return doc.render_drawn(
        draw, t(TITLE), data.visit, lang=lang, author=data.issued_by, deterministic=deterministic, pagesize=A4
    )
