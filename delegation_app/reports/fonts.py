"""The bundled fonts: Noto Sans for Latin, Greek, Cyrillic and Vietnamese, then fallbacks for the
scripts it lacks (Arabic, Hebrew, symbols, CJK). No base-14 font ever reaches a PDF.

reportlab falls back to Helvetica wherever a font is not named (canvas default, table cells), so
the canvas default is switched to our family as well. The fallback fonts are read only when a
text needs them (Droid Sans Fallback alone is 4 MB): a German-only visit never loads them.
"""

import threading
from dataclasses import dataclass
from functools import cache

from reportlab import rl_config
from reportlab.lib import fonts as rl_fonts
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from delegation_app.resource_files import resource

FAMILY = "NotoSans"
BOLD = "NotoSans-Bold"
ITALIC = "NotoSans-Italic"
BOLD_ITALIC = "NotoSans-BoldItalic"
_FILES = {
    FAMILY: "NotoSans-Regular.ttf",
    BOLD: "NotoSans-Bold.ttf",
    ITALIC: "NotoSans-Italic.ttf",
    BOLD_ITALIC: "NotoSans-BoldItalic.ttf",
}


@dataclass(frozen=True)
class Fallback:
    """A font for what Noto Sans lacks. ``tag`` is the name markup uses in ``<font name=…>``:
    it keeps the surrounding bold/italic (see ``_register_tag``)."""

    family: str
    regular: str  # file name in resources/fonts
    bold: str | None  # None: the script has no bold face, regular stands in
    right_to_left: bool = False

    @property
    def tag(self) -> str:
        return f"fallback-{self.family.lower()}"

    @property
    def bold_name(self) -> str:
        return f"{self.family}-Bold" if self.bold else self.family


# In the order they are asked for a character after Noto Sans.
FALLBACKS = (
    Fallback("NotoSansArabic", "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf", right_to_left=True),
    Fallback("NotoSansHebrew", "NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf", right_to_left=True),
    Fallback("NotoSansSymbols2", "NotoSansSymbols2-Regular.ttf", None),
    Fallback("DroidSansFallback", "DroidSansFallbackFull.ttf", None),  # Chinese, Japanese, Korean
)
RIGHT_TO_LEFT_FONTS = frozenset(
    name for f in FALLBACKS if f.right_to_left for name in (f.family, f.bold_name)
)
_lock = threading.Lock()


def register_fonts() -> None:
    """Noto Sans, its four styles as a family; the fallbacks come when a text needs them."""
    with _lock:
        if FAMILY in pdfmetrics.getRegisteredFontNames():
            return
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
        # All four styles, or <b> in a paragraph silently renders regular.
        pdfmetrics.registerFontFamily(FAMILY, normal=FAMILY, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
        rl_config.canvas_basefontname = FAMILY


def register_fallback(fallback: Fallback) -> None:
    """Its faces and family (bold falls back to regular where the script has none)."""
    with _lock:
        if fallback.family in pdfmetrics.getRegisteredFontNames():
            return
        regular = TTFont(fallback.family, str(resource("fonts", fallback.regular)))
        pdfmetrics.registerFont(regular)
        if fallback.bold:
            pdfmetrics.registerFont(TTFont(fallback.bold_name, str(resource("fonts", fallback.bold))))
        bold = fallback.bold_name
        pdfmetrics.registerFontFamily(
            fallback.family, normal=fallback.family, bold=bold, italic=fallback.family, boldItalic=bold
        )
        _register_tag(fallback)


def _register_tag(fallback: Fallback) -> None:
    """``<font name="fallback-…">`` keeps the surrounding bold and italic.

    reportlab's paragraph parser resets bold and italic to what the named font implies, so a run
    of Arabic inside ``<b>`` or in a bold heading would print regular. Its attribute handling adds
    a ``("relative", n)`` value to the current one; mapping our tag name to relative zeros makes
    the family's bold or italic face be chosen as for the text around it.
    tests/reports/test_script_fallback.py checks this still holds after a reportlab update."""
    relative_zero = ("relative", 0)
    rl_fonts._ps2tt_map[fallback.tag] = (fallback.family.lower(), relative_zero, relative_zero)


def face_name(family: str, bold: bool) -> str:
    """The registered face for a canvas drawing (no italic there)."""
    if family == FAMILY:
        return BOLD if bold else FAMILY
    fallback = next(f for f in FALLBACKS if f.family == family)
    return fallback.bold_name if bold else fallback.family


@cache
def noto_sans_characters() -> frozenset[int]:
    register_fonts()
    return _characters(FAMILY)


@cache
def fallback_characters(fallback: Fallback) -> frozenset[int]:
    register_fallback(fallback)
    return _characters(fallback.family)


def _characters(name: str) -> frozenset[int]:
    font = pdfmetrics.getFont(name)
    return frozenset(code for code, glyph in font.face.charToGlyph.items() if glyph)
