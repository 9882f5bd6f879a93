"""A4 page furniture: running header with the visit title, the classification marking at the
top and the bottom of every page, "Seite X von Y" in the footer, PDF bookmarks for every section
heading. Canvas strings go through ``draw_text`` (font fallback, right-to-left runs)."""

from dataclasses import dataclass
from typing import IO, Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from delegation_app.reports.fonts import FAMILY, face_name, register_fallback
from delegation_app.reports.hyphenation import hyphenating
from delegation_app.reports.script_runs import runs
from delegation_app.reports.shaping import shape_string
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
    marking: str | None  # printed at the top and the bottom of every page when set
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
        self.language = str(kwargs.get("lang") or "de")

    def build(self, flowables: list[Flowable], *args: Any, **kwargs: Any) -> None:
        with hyphenating(self.language):  # reportlab hyphenates while it lays the pages out
            super().build(flowables, *args, **kwargs)

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
        top = height - 12 * MM  # 12 mm from the top edge
        if f.marking:
            canvas.setFillColor(MARKING)
            draw_text(canvas, width / 2, top, f.marking, 10, bold=True, align="centre")
            # The bottom marking sits under the footer line, 8 mm from the bottom edge.
            draw_text(canvas, width / 2, 8 * MM, f.marking, 10, bold=True, align="centre")
            top -= 14
        canvas.setFillColorRGB(0.3, 0.3, 0.3)
        draw_text(canvas, left, top, fit(f.header_title, right - left, 8), 8)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(left, top - 4, right, top - 4)
        bottom = MARGIN_BOTTOM - 10
        canvas.line(left, bottom + 10, right, bottom + 10)
        draw_text(canvas, left, bottom, fit(f.footer_left, (right - left) * 0.6, 8), 8)
        canvas.setFont(FAMILY, 8)
        label = f.page_of.format(page=doc.page)
        total_width = canvas.stringWidth("000", FAMILY, 8)
        x = right - total_width - canvas.stringWidth(label, FAMILY, 8)
        canvas.drawString(x, bottom, label)
        canvas.translate(x + canvas.stringWidth(label, FAMILY, 8), bottom)
        canvas.doForm(TOTAL_FORM)
        canvas.restoreState()


MM = 2.834645669


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width ``draw_text`` gives ``text``."""
    return sum(
        _run_width(run.text, face_name(run.family, bold), size, run.right_to_left) for run in runs(text)
    )


def draw_text(
    canvas: Canvas, x: float, y: float, text: str, size: float, *, bold: bool = False, align: str = "left"
) -> float:
    """Draw one line of user text with the bundled fonts, each character in the first font that
    has it; a right-to-left run shaped by HarfBuzz. ``align``: "left", "centre" or "right" of
    ``x``. Returns the width drawn."""
    parts = []
    for run in runs(text):
        if run.fallback is not None:
            register_fallback(run.fallback)
        font = face_name(run.family, bold)
        if run.right_to_left:  # shaped in logical order: HarfBuzz puts the words right to left
            core = run.text.strip()
            lead = run.text[: len(run.text) - len(run.text.lstrip())]
            trail = run.text[len(run.text.rstrip()) :]
            for piece, shaped in ((lead, False), (core, True), (trail, False)):
                if piece:
                    value: Any = shape_string(_logical(piece), font, size) if shaped else piece
                    parts.append((font, value, _run_width(piece, font, size, shaped)))
        else:
            parts.append((font, run.text, _run_width(run.text, font, size, False)))
    total = sum(width for _f, _v, width in parts)
    start = {"left": x, "centre": x - total / 2, "right": x - total}[align]
    text_object = canvas.beginText(start, y)
    for font, value, _width in parts:
        text_object.setFont(font, size)
        text_object.textOut(value)
    canvas.drawText(text_object)
    return total


def _logical(run_text: str) -> str:
    """A right-to-left run back in reading order (script_runs reverses its words for paragraphs)."""
    stripped = run_text.strip()
    lead = run_text[: len(run_text) - len(run_text.lstrip())]
    trail = run_text[len(run_text.rstrip()) :]
    return lead + " ".join(reversed(stripped.split())) + trail if stripped else run_text


def _run_width(value: str, font: str, size: float, right_to_left: bool) -> float:
    if right_to_left:
        shaped = shape_string(_logical(value), font, size)
        return float(sum(d.x_advance for d in shaped.__shapeData__) * size / 1000)
    return float(stringWidth(value, font, size))


def fit(text: str, width: float, size: float) -> str:
    """Shorten a header line with an ellipsis so it never runs off the page."""
    if text_width(text, size) <= width:
        return text
    while text and text_width(text + "…", size) > width:
        text = text[:-1]
    return text + "…"
