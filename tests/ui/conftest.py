import pytest

from delegation_app.services.demo import load_demo

from ui_support import FakePrompts, open_window


@pytest.fixture
def prompts():
    return FakePrompts()


@pytest.fixture
def demo_services(services):
    load_demo(services)
    return services


@pytest.fixture
def window(qtbot, demo_services, db_url, prompts):
    return open_window(qtbot, demo_services, db_url, prompts)
