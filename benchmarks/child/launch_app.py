"""The program's real start (``delegation-app-gui --db PATH``), reporting the first idle moment.

``--visit-views``: afterwards show every view of the main window once (the memory scenario).
The only change to the real path: creating the QApplication also arms the reporter. The window
code (and with it the database layer) is imported where the real start imports it: after the
start window is painted, so the imports happen in the program's own order.
"""

import sys

from first_idle import arm
from PySide6.QtWidgets import QApplication

from delegation_app import app as composition


def visit_every_view(window) -> None:
    for index in range(window.stack.count()):
        window.show_view(index)
        QApplication.processEvents()
    window.show_view(0)
    QApplication.processEvents()


def main() -> int:
    args = sys.argv[1:]
    then = visit_every_view if "--visit-views" in args else None
    args = [a for a in args if a != "--visit-views"]
    real_run_gui = composition.run_gui

    def run_gui_armed(start, opener, shell=None):
        from delegation_app.ui.shell import application

        real_create = application.create_application

        def create_and_arm(language: str):
            app = real_create(language)
            arm(then)
            return app

        application.create_application = create_and_arm
        return real_run_gui(start, opener, shell)

    composition.run_gui = run_gui_armed
    return composition.main(args)


sys.exit(main())
