"""Paragraph styles of the briefing: A4, Noto Sans, quiet and readable."""

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from delegation_app.reports import shaping
from delegation_app.reports.fonts import BOLD, FAMILY, ITALIC
from delegation_app.reports.hyphenation import hyphenate

MARGIN_LEFT = 25 * mm  # DIN 5008 left margin
MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 28 * mm  # room for the running header (and the classification marking)
MARGIN_BOTTOM = 20 * mm
ACCENT = colors.HexColor("#1f4e79")
RULE = colors.HexColor("#9aa7b4")
SHADE = colors.HexColor("#e8eef4")
MARKING = colors.HexColor("#a00000")

# Every style derives from BODY: hyphenation by the document's language, long words split at
# their own hyphens and web addresses at their slashes. A paragraph with right-to-left text gets a
# shaping copy of its style (shaping.py).
BODY = ParagraphStyle(
    "body",
    fontName=FAMILY,
    fontSize=10,
    leading=13.5,
    alignment=TA_LEFT,
    spaceAfter=4,
    hyphenationLang=hyphenate,
    embeddedHyphenation=2,  # 2: a word wider than a line is hyphenated on a line of its own, not cut
    uriWasteReduce=0.3,
)
shaping.install()
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8.5, leading=11, spaceAfter=0)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=9, leading=11.5, spaceAfter=0)
CELL_HEAD = ParagraphStyle("cell_head", parent=CELL, fontName=BOLD)
TITLE = ParagraphStyle(
    "title", parent=BODY, fontName=BOLD, fontSize=18, leading=22, textColor=ACCENT, spaceAfter=8
)
H1 = ParagraphStyle(
    "h1",
    parent=BODY,
    fontName=BOLD,
    fontSize=13,
    leading=16,
    textColor=ACCENT,
    spaceBefore=12,
    spaceAfter=6,
)
H2 = ParagraphStyle(
    "h2", parent=BODY, fontName=BOLD, fontSize=10.5, leading=14, spaceBefore=6, spaceAfter=2, keepWithNext=1
)
QUOTE = ParagraphStyle("quote", parent=BODY, fontName=ITALIC, leftIndent=6 * mm, spaceAfter=1)
QUOTE_META = ParagraphStyle(
    "quote_meta", parent=SMALL, leftIndent=6 * mm, textColor=colors.HexColor("#555555"), spaceAfter=6
)

A4_WIDTH = 210 * mm
