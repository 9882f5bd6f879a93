"""A piece of text at the largest size that fits a box: names on badges and place cards shrink
until every word fits the width and all lines the height; they are never cut."""

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

FLOOR = 3.0  # below this nothing is legible; a word that still does not fit overflows instead
STEP = 0.5


def _at(
    markup: str, style: ParagraphStyle, size: float, width: float, height: float
) -> tuple[Paragraph, float, int]:
    paragraph = Paragraph(
        markup, ParagraphStyle(f"{style.name}-{size}", parent=style, fontSize=size, leading=size * 1.18)
    )
    _w, used = paragraph.wrap(width, height * 20)
    lines = len(paragraph.blPara.lines)
    return paragraph, used, lines


def fitted(
    markup: str,
    style: ParagraphStyle,
    width: float,
    height: float,
    *,
    largest: float,
    smallest: float,
    one_line_down_to: float | None = None,
) -> Paragraph:
    """The paragraph at the largest size where no word is wider than ``width`` and the lines
    together are no taller than ``height``. Down to ``one_line_down_to`` a size only counts when
    the text stays on one line (a name reads better a little smaller on one line than broken in
    two). Below ``smallest`` it only shrinks further while a word is still too wide: a long name
    may then take more lines, never lose letters."""
    if one_line_down_to is not None:
        size = largest
        while size >= one_line_down_to:
            paragraph, used, lines = _at(markup, style, size, width, height)
            if lines <= 1 and used <= height and paragraph.minWidth() <= width:
                return paragraph
            size -= STEP
    size = largest
    while True:
        paragraph, used, _lines = _at(markup, style, size, width, height)
        words_fit = paragraph.minWidth() <= width
        if (words_fit and (used <= height or size <= smallest)) or size <= FLOOR:
            return paragraph
        size -= STEP
