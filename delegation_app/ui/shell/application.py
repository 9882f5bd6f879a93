"""Start the GUI: QApplication, crash dialog, translations, fonts, database, main window."""

from PySide6.QtCore import QTimer

from delegation_app.collector import freeze_start_up_objects
from delegation_app.context import AppContext
from delegation_app.i18n import _
from delegation_app.logs import install_excepthook
from delegation_app.ui.common import session
from delegation_app.ui.common.change_bus import ChangeBus
from delegation_app.ui.common.live_refresh import LiveRefresh
from delegation_app.ui.shell import maintenance
from delegation_app.ui.shell.crash_dialog import show_crash_dialog
from delegation_app.ui.shell.main_window import MainWindow
from delegation_app.ui.shell.start_failure import open_or_explain
from delegation_app.ui.shell.start_prompts import StartPrompts
from delegation_app.ui.shell.start_window import StartWindow, create_application


def build_main_window(context: AppContext, **hooks) -> tuple[MainWindow, ChangeBus]:
    """``hooks``: prompts / backup_hooks / briefing replacements (tests answer instead of a user)."""
    bus = ChangeBus()
    context.database.add_listener(bus.on_commit)
    # The window's first reads (the visits, the first visit's page, the overdue count) share one
    # transaction: over a network each read of its own costs a ping, BEGIN and ROLLBACK.
    with context.services.one_read():
        window = MainWindow(context, bus, **hooks)
    feed = context.database.change_feed()
    if feed is not None:  # team mode: colleagues' saves show up without F5
        live = LiveRefresh(feed, bus, window.statusBar())  # the status bar keeps it
        window.destroyed.connect(feed.close)
        live.start()
    if context.database.read_only:  # seen at a glance, before a save is refused
        marker = _("read-only")
        window.setWindowTitle(f"{window.windowTitle()} – {marker}")
        window.database_status.setText(f"{window.database_status.text()} ({marker})")
    return window, bus


def start_window(start, opener, prompts: StartPrompts, **hooks):
    """Open the database (explaining a failure and offering ways out), then build the window.
    ``opener``: a ``startup.ContextOpener``. ``(window, bus)``, or None when the user chose to
    quit. The window is not shown yet."""
    context = open_or_explain(start, opener, prompts)
    if context is None:
        return None
    return build_main_window(context, prompts=prompts, **hooks)


def run(start, opener, shell: StartWindow | None = None, *, quit_when_ready: bool = False) -> int:
    """``shell``: the start window app.py painted before the database layer was imported.
    ``quit_when_ready``: close at the first idle moment after the window shows (the benchmark's
    way to time a start it cannot reach into, such as the frozen bundle's)."""
    app = create_application(start.language)
    install_excepthook(report=show_crash_dialog)
    if shell is not None and opener.will_update(start):
        shell.say(_("Updating the database to this program's version; this can take a moment…"))
    built = start_window(start, opener, StartPrompts())
    if built is None:
        return 1
    window, _bus = built
    session.install(app, window)
    window.show()
    if shell is not None:
        shell.close()  # the main window stands where it stood, so nothing jumps
    window.activateWindow()  # keyboard focus at once, also where no window manager gives it
    freeze_start_up_objects()
    if quit_when_ready:  # timed start only: no draft question, no daily check and backup
        QTimer.singleShot(0, app.quit)
    else:
        QTimer.singleShot(0, lambda: session.offer_draft(window))
        QTimer.singleShot(0, lambda: maintenance.start(window))
    try:
        return app.exec()
    finally:
        window.context.database.dispose()
