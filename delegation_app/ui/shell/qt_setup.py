"""Application-wide Qt setup: bundled fonts and Qt's own translations."""

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon, QImage, QPixmap
from PySide6.QtWidgets import QApplication

from delegation_app.resource_files import resource

log = logging.getLogger(__name__)
FONT_FAMILY = "Noto Sans"


def register_fonts() -> list[str]:
    """Register the bundled TTFs so the program looks the same on every machine."""
    families: set[str] = set()
    for entry in sorted(resource("fonts").iterdir()):
        if entry.name.endswith(".ttf"):
            font_id = QFontDatabase.addApplicationFontFromData(entry.read_bytes())
            if font_id < 0:
                log.warning("could not load font %s", entry.name)
                continue
            families.update(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(families)


def apply_font(app: QApplication) -> None:
    if FONT_FAMILY in register_fonts():
        font = QFont(FONT_FAMILY)
        font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
        app.setFont(font)


def app_icon() -> QIcon:
    """The program's icon: an SVG, sharp at every display scale."""
    data = resource("icons", "app.svg").read_bytes()
    pixmaps = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        # PySide6's stubs want bytes for the format, but at run time only str is accepted.
        image = QImage.fromData(data, "SVG")  # type: ignore[arg-type]
        pixmaps.addPixmap(
            QPixmap.fromImage(
                image.scaled(
                    size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            )
        )
    return pixmaps


def install_qt_translations(app: QApplication, language: str) -> QTranslator | None:
    """Qt's own dialogs (buttons, file dialogs) in the chosen language: qtbase_de.qm from PySide6."""
    QLocale.setDefault(
        QLocale(
            QLocale.Language.German if language == "de" else QLocale.Language.English, QLocale.Country.Germany
        )
    )
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{language}", folder):
        app.installTranslator(translator)
        return translator
    if language != "en":
        log.warning("Qt translations for %s not found in %s", language, folder)
    return None
