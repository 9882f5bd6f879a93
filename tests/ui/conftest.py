import pytest

from delegation_app.services.demo import load_demo
from delegation_app.ui.application import build_main_window, create_application


@pytest.fixture
def demo_services(services):
    load_demo(services)
    return services


@pytest.fixture
def window(qtbot, demo_services, db_url):
    create_application("de")
    win, bus = build_main_window(demo_services, db_url)
    win._test_bus = bus  # keep the bus alive as long as the window
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win
