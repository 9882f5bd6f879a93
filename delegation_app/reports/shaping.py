"""Right-to-left words shaped by HarfBuzz, nothing else.

reportlab 5 shapes every word of a paragraph whose style has ``shaping=1``, and such a
paragraph loses reportlab's fast path for one-font text (measured: the 60-person briefing took
0.3 s longer). So a paragraph is given a shaping copy of its style only when it holds a run in
a right-to-left font (``_break_lines``).

Shaping Latin text with Noto Sans turns "ffi" into a ligature glyph whose text is the ligature
character, so "official" would no longer be found in the PDF's text; and reportlab's default
features include discretionary ligatures, which put vowel marks on "محمد". So only words set in
a right-to-left fallback font are shaped, without discretionary ligatures. HarfBuzz returns a
right-to-left word's glyphs in visual order; the order of the words of a right-to-left run is
markup's job (``script_runs``), as reportlab's paragraphs do not reorder words of mixed-font text.
"""

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph

from delegation_app.reports.fonts import RIGHT_TO_LEFT_FONTS

FEATURES = {"kern": True, "liga": True}
_original = ttfonts.shapeFragWord


def shape_right_to_left(word: Any, features: Any = None, force: bool = False) -> Any:
    if isinstance(word, ttfonts.ShapedFragWord):
        return word
    frags = word[1:]
    rtl = [getattr(frag, "fontName", None) in RIGHT_TO_LEFT_FONTS for frag, _text in frags]
    if not any(rtl):
        return word
    if all(rtl) and len({frag.fontName for frag, _text in frags}) == 1:
        return _original(word, features=FEATURES, force=force)
    # "(תל" or "Kairo/القاهرة": HarfBuzz shapes with one font, so each right-to-left piece alone.
    pieces: list[Any] = []
    width = 0.0
    shaped: Any = None
    for (frag, piece), right_to_left in zip(frags, rtl, strict=True):
        if right_to_left and piece:
            shaped = _original([_width(frag, piece), (frag, piece)], features=FEATURES, force=True)
            pieces.extend(shaped[1:])
            width += shaped[0]
        else:
            pieces.append((frag, piece))
            width += _width(frag, piece)
    # The word's own class says whether a space follows it (reportlab's _HSFrag).
    return ttfonts.makeShapedFragWord(word)([width, *pieces]) if shaped is not None else word


def _width(frag: Any, piece: str) -> float:
    if hasattr(frag, "cbDefn"):
        return float(getattr(frag, "width", 0))
    return float(stringWidth(piece, frag.fontName, frag.fontSize))


def shape_string(value: str, font_name: str, font_size: float) -> Any:
    """A right-to-left run for the canvas, in logical order; HarfBuzz orders its glyphs."""
    word = [0, (_Frag(font_name, font_size), value)]
    return ttfonts.shapeFragWord(word, features=FEATURES, force=True)[1][1]


class _Frag:
    def __init__(self, font_name: str, font_size: float) -> None:
        self.fontName, self.fontSize = font_name, font_size


_original_break_lines = paragraph.Paragraph.breakLines


def _break_lines(self: Any, width: Any) -> Any:
    if not self.style.shaping and _holds_right_to_left(self.frags):
        self.style = _shaping_style(self.style)
    too_wide = _too_wide_for_nobr(self.frags, width)
    for frag in too_wide:  # hyphenated by the patterns rather than cut at the column's edge
        frag.nobr = False
    try:
        return _original_break_lines(self, width)
    finally:
        for frag in too_wide:
            frag.nobr = True


def _too_wide_for_nobr(frags: Any, width: Any) -> list[Any]:
    """The ``<nobr>`` pieces (names, markup.name) holding a word wider than a whole line.

    reportlab cuts such a word where the line ends, without a hyphen ("Stadtverordnetenvorste" /
    "her"); hyphenating it at a syllable is the lesser evil. Every other name stays whole."""
    line = min(width) if isinstance(width, list | tuple) else width
    found = []
    for frag in frags:
        if isinstance(frag, list) or not getattr(frag, "nobr", False) or hasattr(frag, "cbDefn"):
            continue
        if any(stringWidth(word, frag.fontName, frag.fontSize) > line for word in frag.text.split()):
            found.append(frag)
    return found


def _holds_right_to_left(frags: Any) -> bool:
    for frag in frags:
        if isinstance(frag, list):  # a split paragraph keeps frag words: [width, (frag, text), …]
            if any(getattr(f, "fontName", None) in RIGHT_TO_LEFT_FONTS for f, _t in frag[1:]):
                return True
        elif getattr(frag, "fontName", None) in RIGHT_TO_LEFT_FONTS:
            return True
    return False


_shaping_styles: dict[int, tuple[ParagraphStyle, ParagraphStyle]] = {}


def _shaping_style(style: ParagraphStyle) -> ParagraphStyle:
    known = _shaping_styles.get(id(style))
    if known is None or known[0] is not style:
        known = (style, ParagraphStyle(f"{style.name}-shaped", parent=style, shaping=1))
        _shaping_styles[id(style)] = known
    return known[1]


def install() -> None:
    """Idempotent; reportlab's paragraph module looks the names up at each call."""
    paragraph.shapeFragWord = shape_right_to_left
    paragraph.Paragraph.breakLines = _break_lines
