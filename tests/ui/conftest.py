from datetime import datetime

import pytest

from delegation_app.services.demo import load_demo
from delegation_app.ui.common import date_fields

from ui_support import FakePrompts, open_window


@pytest.fixture(autouse=True)
def real_clock():
    """A window built with a fixed day sets the date fields' clock; the next test starts from now."""
    yield
    date_fields.use_clock(datetime.now)


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
