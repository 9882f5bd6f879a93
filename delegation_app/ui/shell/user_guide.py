"""F1 / Help → User guide: the guide in the language of the window, open at the part about what is shown.

The guide is HTML with PNG screenshots in ``resources/handbuch/`` (German) and ``resources/user-guide/``
(English), shipped in the wheel; ``docs/make_screenshots.py`` remakes the pictures from the program.
It is shown in a window of the program's own (a QTextBrowser), not the system browser: it works the
same without a browser, on a locked-down office PC, and a link into the page ("#programme") keeps its
anchor, which a file URL handed to Windows' shell loses.

Both guides use the same anchors (``TOPICS``), so the program names a part without knowing the language.
It lives in the shell: finding what is on screen means looking into the views side by side.
"""

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QMainWindow, QTextBrowser, QVBoxLayout, QWidget

from delegation_app.i18n import _, current_language
from delegation_app.resource_files import resource
from delegation_app.ui.visits.visits_view import VisitsView

GUIDE_FOLDERS = {"de": "handbuch", "en": "user-guide"}
# The anchors every guide has, one per task; tests/ui/test_user_guide.py holds both guides to them.
TOPICS = (
    "start", "visit", "programme", "participants", "quotes", "briefing", "contacts", "quick-log",
    "followups", "people", "organisations", "search", "recycle-bin", "history", "backups",
    "preferences", "keys",
)  # fmt: skip


def guide_file(language: str) -> Path:
    """The guide's first page in ``language`` (English for a language without a guide of its own)."""
    return resource(GUIDE_FOLDERS.get(language, GUIDE_FOLDERS["en"]), "index.html")


class UserGuideWindow(QWidget):
    """The guide in a window of its own beside the main window (not modal: one reads and tries)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("user_guide")
        self.setWindowTitle(_("User guide – Delegation visits"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("user_guide_text")
        self.browser.setAccessibleName(_("User guide"))
        self.browser.setOpenExternalLinks(True)  # a web address opens in the system's browser
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(980, 680)

    def show_topic(self, topic: str) -> None:
        url = QUrl.fromLocalFile(str(guide_file(current_language())))
        url.setFragment(topic)
        self.browser.setSource(url)
        self.browser.scrollToAnchor(topic)  # also when the page was already shown
        self.show()
        self.raise_()
        self.activateWindow()


class UserGuide(QObject):
    """The Help menu's entry and F1; opens the guide at the part about the view or tab shown."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.guide_window: UserGuideWindow | None = None
        f1 = QKeySequence(QKeySequence.StandardKey.HelpContents)
        self.action = QAction(_("&User guide"), window, shortcut=f1)
        self.action.setStatusTip(_("How to work with the program, step by step"))
        self.action.triggered.connect(self.open)

    def topic(self) -> str:
        """The anchor about what is on screen: the view, and in a visit the tab shown."""
        # on use: the views other than the visits' are imported when first shown (main_window.py)
        from delegation_app.ui.followups.followups_view import FollowUpsView
        from delegation_app.ui.organisations.organisations_view import OrganisationsView
        from delegation_app.ui.people.people_view import PeopleView

        stack = getattr(self.window, "stack", None)
        shown = stack.currentWidget() if stack is not None else None
        if isinstance(shown, VisitsView):
            editor = shown.editor
            page = editor.tabs.currentWidget()
            pages = {
                editor.agenda: "programme",
                editor.participants: "participants",
                editor.quotes: "quotes",
                editor.contacts: "contacts",
                editor.preview: "briefing",
            }
            return pages.get(page, "visit")
        for kind, topic in (
            (PeopleView, "people"),
            (OrganisationsView, "organisations"),
            (FollowUpsView, "followups"),
        ):
            if isinstance(shown, kind):
                return topic
        return "start"

    def open(self) -> None:
        if self.guide_window is None:
            self.guide_window = UserGuideWindow(self.window)
        self.guide_window.show_topic(self.topic())
