"""Where the main window opens: fitted to the screen's free area on the first start there, then as
the user left it on that screen.

A fixed first size (1280 × 760) cut off the status bar on a 1366 × 768 screen, and a 1920 × 1080
screen at 150 % is a 1280 × 720 desktop: so the first size comes from the screen's available
geometry (without taskbar), and the place is remembered per screen (a laptop docked to a large
monitor keeps a place on each).
"""

from PySide6.QtCore import QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QMainWindow

# A screen larger than this gets a window of this size, centred; a smaller one the whole free area.
COMFORTABLE = QSize(1600, 1000)


def first_geometry(available: QRect) -> tuple[QRect, bool]:
    """The window's first geometry on a screen whose free area is ``available``, and whether it is
    maximized (then the window manager adds the frame inside the free area)."""
    if available.width() <= COMFORTABLE.width() or available.height() <= COMFORTABLE.height():
        return QRect(available), True
    rect = QRect(QPoint(0, 0), COMFORTABLE)
    rect.moveCenter(available.center())
    return rect, False


def screen_key(screen: QScreen | None) -> str:
    """The settings group of one screen: its name and size (a replaced monitor starts afresh)."""
    if screen is None:
        return "main_window/screen"
    size = screen.size()
    name = "".join(c if c.isalnum() or c in "-_." else "_" for c in screen.name()) or "screen"
    return f"main_window/{name}-{size.width()}x{size.height()}"


def _screen_of(window: QMainWindow) -> QScreen | None:
    return window.screen() or QGuiApplication.primaryScreen()


def restore_place(window: QMainWindow) -> bytes | None:
    """Put the window where it was on this screen, or fit it to the screen on the first start there.
    Returns the splitter state saved with the place (None on a first start)."""
    screen = _screen_of(window)
    settings = QSettings()
    key = screen_key(screen)
    geometry = settings.value(f"{key}/geometry")
    if geometry is not None and window.restoreGeometry(geometry):
        splitter = settings.value(f"{key}/splitter")
        return bytes(splitter) if splitter is not None else None
    if screen is not None:
        rect, maximized = first_geometry(screen.availableGeometry())
        window.setGeometry(rect)  # also the size without a window manager that maximizes
        if maximized:
            window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    return None


def save_place(window: QMainWindow, splitter: bytes) -> None:
    settings = QSettings()
    key = screen_key(_screen_of(window))
    settings.setValue(f"{key}/geometry", window.saveGeometry())
    settings.setValue(f"{key}/splitter", splitter)
