"""The bundled Noto Sans family, registered once; no base-14 font ever reaches a PDF.

reportlab falls back to Helvetica wherever a font is not named (canvas default, table cells),
so the canvas default is switched to our family as well.
"""

import threading

from reportlab import rl_config
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
_lock = threading.Lock()


def register_fonts() -> None:
    with _lock:
        if FAMILY in pdfmetrics.getRegisteredFontNames():
            return
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
        # All four styles, or <b> in a paragraph silently renders regular.
        pdfmetrics.registerFontFamily(FAMILY, normal=FAMILY, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
        rl_config.canvas_basefontname = FAMILY
