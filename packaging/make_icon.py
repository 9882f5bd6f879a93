"""Makes resources/icons/app.ico (16–256 px, for the executable, the installer and the shortcuts)
from resources/icons/app.svg. Run it after changing the SVG; the .ico is kept in the repository so
a build needs neither Qt's SVG renderer nor this script.

    python packaging/make_icon.py
"""

import io
import os
import sys
from pathlib import Path

SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
ROOT = Path(__file__).resolve().parent.parent


def render_png(svg: bytes, size: int) -> bytes:
    """One size drawn from the vector (not a scaled bitmap: small sizes stay crisp)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(QByteArray(svg)).render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])
    svg = (ROOT / "resources" / "icons" / "app.svg").read_bytes()
    images = [Image.open(io.BytesIO(render_png(svg, size))).convert("RGBA") for size in SIZES]
    target = ROOT / "resources" / "icons" / "app.ico"
    images[-1].save(target, format="ICO", sizes=[(s, s) for s in SIZES], append_images=images[:-1])
    print(f"{target} ({', '.join(str(s) for s in SIZES)} px)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
