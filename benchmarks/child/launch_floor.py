"""The floor of the start scenario: a bare PySide6 script that shows one empty QMainWindow."""

import sys

from first_idle import arm
from none_guard import keep_none_alive
from PySide6.QtWidgets import QApplication, QMainWindow

keep_none_alive()  # as in launch_app.py: same conditions for the floor
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 760)
window.show()
arm()
sys.exit(app.exec())
