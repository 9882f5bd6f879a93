"""The keys that mean the same in every view (README, "Tastatur"):

- Ctrl+Tab / Ctrl+Shift+Tab and Ctrl+PgDown / Ctrl+PgUp switch the editor's tabs from anywhere in
  the view, its list included (``tab_switch_keys``). Qt's tab widget handles only Ctrl+Tab, and
  only when no child (a table, a text field) took the key first.
- Down or Return in a search box go into the list of results (``lead_into_results``).
- Return in a list opens the selected row, Del deletes it: wired by each view to its own actions.
- Ctrl+S saves the current view's editor (the main window's Save action), Esc cancels editing.
"""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QScrollArea, QTabWidget, QToolButton, QWidget

NEXT_TAB_KEYS = ("Ctrl+Tab", "Ctrl+PgDown")
PREVIOUS_TAB_KEYS = ("Ctrl+Shift+Tab", "Ctrl+PgUp")  # Qt matches Shift+Tab's Backtab too
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def shortcut(
    key: str | QKeySequence | QKeySequence.StandardKey | Qt.Key,
    owner: QWidget,
    slot: Callable[[], object],
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
) -> QShortcut:
    """A key for ``slot`` in ``context``. PySide6 ignores the context given to QShortcut's
    constructor together with a slot (every such key became window-wide, and two lists shown at
    once then made Del ambiguous, so neither fired): the context is set on its own here."""
    made = QShortcut(QKeySequence(key), owner, context=context)
    # Through a lambda: connected directly, an overloaded Qt slot such as setFocus may be matched
    # to its overload with arguments and never run.
    made.activated.connect(lambda: slot())
    return made


def view_shortcut(
    owner: QWidget, key: str | QKeySequence | QKeySequence.StandardKey, slot: Callable[[], object]
) -> QShortcut:
    """A key that works wherever the focus is inside ``owner`` (and ``owner`` is shown)."""
    return shortcut(key, owner, slot, Qt.ShortcutContext.WidgetWithChildrenShortcut)


def switch_tab(tabs: QTabWidget, step: int) -> None:
    """The next (step 1) or previous (-1) enabled tab, round the end."""
    count = tabs.count()
    index = tabs.currentIndex()
    for _ in range(count):
        index = (index + step) % count
        if tabs.isTabEnabled(index):
            tabs.setCurrentIndex(index)
            return


def tab_switch_keys(owner: QWidget, tabs: QTabWidget) -> None:
    """Ctrl+Tab, Ctrl+PgDown (next) and Ctrl+Shift+Tab, Ctrl+PgUp (previous) anywhere in ``owner``."""
    for key in NEXT_TAB_KEYS:
        view_shortcut(owner, key, lambda: switch_tab(tabs, 1))
    for key in PREVIOUS_TAB_KEYS:
        view_shortcut(owner, key, lambda: switch_tab(tabs, -1))
    tab_bar_in_focus_order(tabs)


def tab_bar_in_focus_order(tabs: QTabWidget) -> None:
    """The tab bar takes the focus once (arrow keys choose the tab); its scroll arrows, which the
    mouse needs only, never do. Nor does the tab widget itself: it hands the focus to its tab bar
    anyway, and a screen reader met it as a focusable object without a name."""
    policy = tabs.tabBar().focusPolicy()
    tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Qt passes this on to its focus proxy, the tab bar:
    tabs.tabBar().setFocusPolicy(policy)  # which keeps its own
    for arrow in tabs.tabBar().findChildren(QToolButton):
        arrow.setFocusPolicy(Qt.FocusPolicy.NoFocus)


def without_focus(scroll: QScrollArea) -> QScrollArea:
    """A scroll area is a frame, not a region of its own: the fields inside it take the focus
    (and it scrolls to them), the unnamed area itself never does."""
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return scroll


class _LeadIntoResults(QObject):
    def __init__(
        self, search: QLineEdit, results: QAbstractItemView, search_now: Callable[[], object] | None
    ) -> None:
        super().__init__(search)
        self.results, self.search_now = results, search_now

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            if plain and (event.key() == Qt.Key.Key_Down or event.key() in ENTER_KEYS):
                return self._enter_results()
        return False

    def _enter_results(self) -> bool:
        if self.search_now is not None:
            self.search_now()  # the pause after typing may not have ended: the list for the text
        results, model = self.results, self.results.model()
        if model is None or model.rowCount() == 0:
            return False
        if not results.currentIndex().isValid():
            results.setCurrentIndex(model.index(0, 0))
        results.setFocus(Qt.FocusReason.TabFocusReason)
        return True


def lead_into_results(
    search: QLineEdit, results: QAbstractItemView, search_now: Callable[[], object] | None = None
) -> None:
    """Down or Return in ``search`` moves the focus into ``results`` (the first row, unless one is
    selected already); there Return opens the row and the arrow keys choose. ``search_now`` runs a
    search still waiting for the pause after typing."""
    search.installEventFilter(_LeadIntoResults(search, results, search_now))
