"""Place cards folded along the middle into a tent: the name on both halves, the upper half turned
by 180°, so the name reads upright from both sides of the table. Two cards per A4 sheet with cut
and fold marks, or one card filling an A4 sheet in landscape. People who declined get none."""

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
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

TITLE = N_("Place cards")
MARK_GAP, MARK_LENGTH = 2 * mm, 5 * mm

NAME = ParagraphStyle("card-name", fontName=BOLD, alignment=TA_CENTER)
DETAIL = ParagraphStyle(
    "card-detail", fontName=FAMILY, alignment=TA_CENTER, textColor=colors.HexColor("#333333")
)


@dataclass(frozen=True)
class CardLayout:
    page: tuple[float, float]
    width: float  # of the unfolded card
    face: float  # height of one half
    corners: tuple[tuple[float, float], ...]  # lower left corner of each card on a sheet
    largest: float  # the name's largest size

    @property
    def per_sheet(self) -> int:
        return len(self.corners)


_TWO_FACE = 65 * mm
_TWO_GAP = (A4[1] - 4 * _TWO_FACE) / 3  # margin, gap and margin alike: room for the marks
TWO_PER_SHEET = CardLayout(
    page=A4,
    width=190 * mm,
    face=_TWO_FACE,
    corners=((10 * mm, 2 * _TWO_GAP + 2 * _TWO_FACE), (10 * mm, _TWO_GAP)),
    largest=40,
)
ONE_PER_SHEET = CardLayout(
    page=landscape(A4), width=277 * mm, face=95 * mm, corners=((10 * mm, 10 * mm),), largest=60
)
LAYOUTS = {"two": TWO_PER_SHEET, "one": ONE_PER_SHEET}


def _face(canvas: Canvas, name: Paragraph, detail: Paragraph | None, width: float, face: float) -> None:
    """One half, drawn upright with its lower left corner at the origin."""
    inner = width - 20 * mm
    _w, name_height = name.wrap(inner, face)
    detail_height = detail.wrap(inner, face)[1] if detail is not None else 0.0
    gap = 3 * mm if detail is not None else 0.0
    block = name_height + gap + detail_height
    bottom = (face - block) / 2
    if detail is not None:
        detail.drawOn(canvas, 10 * mm, bottom)
    name.drawOn(canvas, 10 * mm, bottom + detail_height + gap)


def _card(canvas: Canvas, entry: SheetPerson, x: float, y: float, layout: CardLayout) -> None:
    inner = layout.width - 20 * mm
    name = fitted(
        markup.name(entry.person.display_name),  # never hyphenated
        NAME,
        inner,
        layout.face * 0.5,
        largest=layout.largest,
        smallest=14,
        one_line_down_to=layout.largest * 0.6,
    )
    detail_text = markup.plain(entry.organisation)
    detail = (
        fitted(detail_text, DETAIL, inner, layout.face * 0.2, largest=14, smallest=8) if detail_text else None
    )
    canvas.saveState()
    canvas.translate(x, y)
    _face(canvas, name, detail, layout.width, layout.face)  # the lower half: upright on the sheet
    canvas.restoreState()
    canvas.saveState()
    canvas.translate(x + layout.width, y + 2 * layout.face)
    canvas.rotate(180)  # the upper half: upside down on the sheet, upright once folded
    _face(canvas, name, detail, layout.width, layout.face)
    canvas.restoreState()


def _marks(canvas: Canvas, x: float, y: float, layout: CardLayout) -> None:
    """Cut marks at the corners and fold marks (dashed) at both ends of the middle, all outside."""
    right, top, fold = x + layout.width, y + 2 * layout.face, y + layout.face
    canvas.saveState()
    canvas.setStrokeColor(colors.black)
    canvas.setLineWidth(0.3)
    for corner_x in (x, right):
        for edge_y, sign in ((y, -1), (top, 1)):
            canvas.line(
                corner_x, edge_y + sign * MARK_GAP, corner_x, edge_y + sign * (MARK_GAP + MARK_LENGTH)
            )
    for edge_y in (y, top):
        canvas.line(x - MARK_GAP, edge_y, x - MARK_GAP - MARK_LENGTH, edge_y)
        canvas.line(right + MARK_GAP, edge_y, right + MARK_GAP + MARK_LENGTH, edge_y)
    canvas.setDash(1.5, 1.5)
    canvas.line(x - MARK_GAP, fold, x - MARK_GAP - MARK_LENGTH, fold)
    canvas.line(right + MARK_GAP, fold, right + MARK_GAP + MARK_LENGTH, fold)
    canvas.restoreState()


def render_place_cards(
    data: VisitSheets, lang: str = "de", *, deterministic: bool = False, layout: str = "two"
) -> bytes:
    chosen = LAYOUTS[layout]
    people = data.attending
    t = translator(lang)
    mark = doc.marking(data.visit, lang)
    width, height = chosen.page

    def draw(canvas: Canvas) -> None:
        if not people:
            canvas.setFont(FAMILY, 11)
            canvas.drawString(25 * mm, height - 30 * mm, t(N_("No participants yet.")))
            doc.draw_marking(canvas, mark, width, height)
            canvas.showPage()
        for start in range(0, len(people), chosen.per_sheet):
            for corner, entry in zip(chosen.corners, people[start : start + chosen.per_sheet], strict=False):
                _card(canvas, entry, *corner, chosen)
                _marks(canvas, *corner, chosen)
            doc.draw_marking(canvas, mark, width, height)
            canvas.showPage()

    return doc.render_drawn(
        draw,
        t(TITLE),
        data.visit,
        lang=lang,
        author=data.issued_by,
        deterministic=deterministic,
        pagesize=chosen.page,
    )
