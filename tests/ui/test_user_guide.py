"""The user guide: in German and English, every picture it shows is there, and F1 opens it in the
language of the window at the part about what is shown."""

import re
from html.parser import HTMLParser

import pytest
from PySide6.QtCore import Qt

from delegation_app import i18n
from delegation_app.ui.shell.user_guide import GUIDE_FOLDERS, TOPICS, guide_file


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.anchors: set[str] = set()
        self.images: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        values = dict(attrs)
        self.anchors |= {v for k, v in attrs if k in ("name", "id") and v}
        if tag == "img":
            self.images.append(values["src"])
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])


def read(language: str) -> _Page:
    page = _Page()
    page.feed(guide_file(language).read_text("utf-8"))
    return page


@pytest.mark.parametrize("language", sorted(GUIDE_FOLDERS))
def test_the_guide_has_every_topic_and_every_picture_it_shows(language):
    page = read(language)
    folder = guide_file(language).parent
    assert set(TOPICS) <= page.anchors
    assert [src for src in page.images if not (folder / src).is_file()] == []
    assert [link for link in page.links if link.startswith("#") and link[1:] not in page.anchors] == []
    pictures = {p.relative_to(folder).as_posix() for p in (folder / "images").glob("*.png")}
    assert pictures == set(page.images)  # none left over from an older guide, none missing
    assert sum((folder / src).stat().st_size for src in pictures) < 600_000  # small enough to ship


def test_both_guides_show_the_same_pictures():
    assert sorted(read("de").images) == sorted(read("en").images)


def test_f1_opens_the_german_guide_at_the_part_about_the_view_shown(qtbot, window):
    qtbot.keyClick(window.visits.table, Qt.Key.Key_F1)
    guide = window.user_guide.guide_window
    qtbot.waitUntil(lambda: guide is not None and guide.isVisible())
    assert guide.browser.source().toLocalFile() == str(guide_file("de"))
    assert guide.browser.source().fragment() == "visit"
    assert "Einen Besuch anlegen" in guide.browser.toPlainText()
    assert guide.windowTitle() == "Handbuch – Delegationsbesuche"
    editor = window.visits.editor
    editor.tabs.setCurrentWidget(editor.agenda)
    qtbot.keyClick(editor.tabs, Qt.Key.Key_F1)
    assert guide.browser.source().fragment() == "programme"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.visits.table, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.followups.table, Qt.Key.Key_F1)
    assert guide.browser.source().fragment() == "followups"


def test_the_help_menu_opens_the_guide_in_english_in_an_english_window(qtbot, window):
    i18n.set_language("en")
    (entry,) = [a for a in window.menuBar().actions()[-1].menu().actions() if a is window.user_guide.action]
    entry.trigger()
    guide = window.user_guide.guide_window
    qtbot.waitUntil(guide.isVisible)
    assert guide.browser.source().toLocalFile() == str(guide_file("en"))
    assert "Creating a visit" in guide.browser.toPlainText()
    assert re.search(r"user-guide[/\\]index\.html$", guide.browser.source().toLocalFile())


def plain_text(language: str) -> str:
    """The guide as a reader sees it: tags gone, lines joined."""
    return " ".join(re.sub(r"<[^>]+>", "", guide_file(language).read_text("utf-8")).split())


@pytest.mark.parametrize("language", sorted(GUIDE_FOLDERS))
def test_the_guide_quotes_the_program_as_it_speaks(language):
    """What the guide tells the reader to look for is what the window shows in that language: the
    chooser's create row, the message for an impossible date, the names of buttons and tabs."""
    from datetime import date

    from delegation_app.i18n.date_input import DateInputError, parse_date

    i18n.set_language(language)
    _ = i18n._
    text = plain_text(language)
    try:
        parse_date("31.02.2026", date(2026, 1, 1))
    except DateInputError as error:
        impossible = str(error)
    quoted = [
        _("“{text}” – create new …").format(text="Stadt Lublin"),
        _("“{text}” – create new …").format(text="Łukasz Żółkiewski"),
        impossible,
        _("&Create PDF…").replace("&", ""),
        _("Write access report (Art. 15)…"),
        _("Delete for good (Art. 17)…"),
        _("Check re&tention…").replace("&", ""),
        _("People and visits"),
        _("Contact history"),
    ]
    # The guide writes "…" after a space in German, as the menus do; compare without that space.
    assert [q for q in quoted if q.replace(" …", "…") not in text.replace(" …", "…")] == []
    # Every mention of the create row has its shape („…“ neu anlegen …), none an older one („… neu anlegen“).
    after_name = _("“{text}” – create new …").split("{text}")[1].rstrip(" …")  # "“ neu anlegen"
    words = after_name[1:].strip()  # "neu anlegen", without the closing quote
    assert text.count(words) == text.count(after_name)
