"""The floor of the start scenario: a bare PySide6 script that shows one empty QMainWindow."""

import sys

from first_idle import arm
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 760)
window.show()
arm()
sys.exit(app.exec())
