"""A4 page furniture: running header with the visit title and the classification marking,
"Seite X von Y" in the footer, PDF bookmarks for every section heading."""

from dataclasses import dataclass
from typing import IO

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from delegation_app.reports.fonts import BOLD, FAMILY
from delegation_app.reports.styles import (
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MARKING,
    RULE,
)

TOTAL_FORM = "page_total"


@dataclass(frozen=True)
class Furniture:
    header_title: str
    marking: str | None  # printed at the top of every page when set
    footer_left: str
    page_of: str  # "Seite {page} von " – the total is a form drawn once at the end


class Heading(Paragraph):
    """A section heading that becomes a PDF bookmark."""

    def __init__(self, text: str, style: ParagraphStyle, outline: str, level: int = 0) -> None:
        super().__init__(text, style)
        self.outline = outline
        self.level = level


class PageCountingCanvas(Canvas):
    """Draws the page total into one form XObject after the last page, so every page's
    "Seite X von Y" is right without laying the document out twice."""

    def save(self) -> None:
        total = self.getPageNumber() - 1 if not self._code else self.getPageNumber()
        self.beginForm(TOTAL_FORM)
        self.setFont(FAMILY, 8)
        self.drawString(0, 0, str(max(total, 1)))
        self.endForm()
        super().save()


class BriefingDocTemplate(BaseDocTemplate):
    def __init__(self, target: IO[bytes], furniture: Furniture, **kwargs: object) -> None:
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            **kwargs,
        )
        self.furniture = furniture
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._draw_furniture)])
        self._bookmarks = 0

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Heading):
            self._bookmarks += 1
            key = f"section-{self._bookmarks}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.outline, key, level=flowable.level, closed=False)

    def _draw_furniture(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        f = self.furniture
        width, height = A4
        left, right = MARGIN_LEFT, width - MARGIN_RIGHT
        canvas.saveState()
        top = height - 12 * 2.834645669  # 12 mm from the top edge
        if f.marking:
            canvas.setFillColor(MARKING)
            canvas.setFont(BOLD, 10)
            canvas.drawCentredString(width / 2, top, f.marking)
            top -= 14
        canvas.setFillColorRGB(0.3, 0.3, 0.3)
        canvas.setFont(FAMILY, 8)
        canvas.drawString(left, top, _fit(canvas, f.header_title, right - left))
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(left, top - 4, right, top - 4)
        bottom = MARGIN_BOTTOM - 10
        canvas.line(left, bottom + 10, right, bottom + 10)
        canvas.drawString(left, bottom, _fit(canvas, f.footer_left, (right - left) * 0.6))
        label = f.page_of.format(page=doc.page)
        total_width = canvas.stringWidth("000", FAMILY, 8)
        x = right - total_width - canvas.stringWidth(label, FAMILY, 8)
        canvas.drawString(x, bottom, label)
        canvas.translate(x + canvas.stringWidth(label, FAMILY, 8), bottom)
        canvas.doForm(TOTAL_FORM)
        canvas.restoreState()


def _fit(canvas: Canvas, text: str, width: float) -> str:
    """Shorten a header line with an ellipsis so it never runs off the page."""
    if canvas.stringWidth(text, FAMILY, 8) <= width:
        return text
    while text and canvas.stringWidth(text + "…", FAMILY, 8) > width:
        text = text[:-1]
    return text + "…"
