"""The program as a screen reader meets it: through AT-SPI on a virtual X screen (BITV 2.0 /
EN 301 549, WCAG 2.1 AA). One start of the program on the demo database; the driver
(tests/accessibility/atspi_driver.py, on the system Python where Debian's pyatspi lives) walks the
views, the visit editor and the main dialogs and writes what it found; the tests read that.

Needs Xvfb, dbus-run-session, at-spi2-core and python3-pyatspi (.ci/run installs them). Without
them the tests skip on a developer's machine and fail in CI, where a skip would hide a gap.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DRIVER = Path(__file__).parent / "accessibility" / "atspi_driver.py"
BUS_LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
SYSTEM_PYTHON = "/usr/bin/python3"


def missing_tools() -> list[str]:
    missing = [tool for tool in ("Xvfb", "dbus-run-session") if shutil.which(tool) is None]
    if not BUS_LAUNCHER.exists():
        missing.append("at-spi2-core")
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False)
    if probe.returncode != 0:
        missing.append("python3-pyatspi")
    return missing


def start_virtual_screen() -> tuple[subprocess.Popen, str]:
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as fh:
        display = fh.readline().strip()  # written once the server accepts clients
    return xvfb, f":{display}"


@pytest.fixture(scope="module")
def audit(tmp_path_factory):
    missing = missing_tools()
    if missing:
        message = "the accessibility stack needs " + ", ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    home = tmp_path_factory.mktemp("atspi-home")
    out = home / "audit.json"
    xvfb, display = start_virtual_screen()
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "LANG": "de_DE.UTF-8",
    }
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    script = (
        f"{BUS_LAUNCHER} --launch-immediately >/dev/null 2>&1 & "
        f'exec {SYSTEM_PYTHON} "{DRIVER}" "{out}" -- "{sys.executable}" -m delegation_app --demo --lang de'
    )
    try:
        run = subprocess.run(
            ["dbus-run-session", "--", "sh", "-c", script],
            env=env,
            capture_output=True,
            text=True,
            timeout=240,
            check=False,
        )
    finally:
        xvfb.terminate()
        xvfb.wait(10)
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(out.read_text("utf-8"))
    assert result["errors"] == []
    return result


def label(focus: dict | None) -> str:
    return "(focus did not move)" if focus is None else f"{focus['role']}:{focus['name']}"


SCREENS = {"1": "Besuche", "2": "Personen", "3": "Organisationen", "4": "Wiedervorlagen"}
SEARCH_BOXES = {"1": "text:Besuche suchen", "2": "text:Personen suchen", "3": "text:Organisationen suchen"}


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_every_focusable_object_on_a_view_has_a_name(audit, screen):
    assert audit["screens"][screen]["unnamed_focusable"] == []


@pytest.mark.parametrize("dialog", ["Einstellungen…", "Papierkorb…", "Änderungsverlauf…"])
def test_every_focusable_object_in_the_main_dialogs_has_a_name(audit, dialog):
    assert audit["dialogs"][dialog].get("error") is None
    assert audit["dialogs"][dialog]["unnamed_focusable"] == []


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_tab_visits_navigation_search_and_table_and_leaves_the_table(audit, screen):
    tabs = [label(focus) for focus in audit["screens"][screen]["tab"]]
    assert "(focus did not move)" not in tabs
    assert "list:Navigation" in tabs
    assert any(t.startswith("table:") for t in tabs)
    if screen in SEARCH_BOXES:
        assert SEARCH_BOXES[screen] in tabs, tabs
    # A table is one stop: Tab never walks its cells (WCAG 2.1.2, no keyboard trap).
    assert not [t for t in tabs if t.startswith("table cell:")], tabs


def test_tab_from_the_visit_editor_title_goes_round_once_through_every_region(audit):
    start = label(audit["editor_start"])
    assert start == "text:Titel"
    tabs = [label(focus) for focus in audit["editor_tab"]]
    assert "(focus did not move)" not in tabs
    assert start in tabs, tabs  # the cycle closes: back at the title within 40 presses
    cycle = tabs[: tabs.index(start)]
    assert len(cycle) == len(set(cycle)), cycle  # each region once
    assert "push button:Speichern" in cycle
    assert "list:Navigation" in cycle
    assert not [t for t in cycle if t.startswith("table cell:") or t.endswith(":")], cycle


def test_the_quick_log_names_everything_and_its_saved_message_is_announced(audit):
    found = audit["quick_log"]
    assert found.get("error") is None, found
    assert found["unnamed_focusable"] == []
    assert any(a["text"] == "Kontakteintrag gespeichert." for a in found["announced"]), found
    assert found["closed"]


def test_the_overdue_notice_is_announced_at_start(audit):
    texts = [a["text"] for a in audit["start_announcements"]]
    assert any("überfällig" in text for text in texts), texts


def test_an_impossible_date_in_the_focused_field_is_announced(audit):
    found = audit["date_error"]
    assert found.get("error") is None
    assert any("31.02.2026" in a["text"] or "gibt es nicht" in a["text"] for a in found["announced"]), found
    assert found["focused"]
    assert found["description"].startswith("Fehler:"), found  # read with the field when it is reached again


# Qt 6.11's AT-SPI bridge maps no QAccessible state to STATE_INVALID_ENTRY (every state bit was
# tried), and Qt's own line-edit object, which carries the text, reports only LABELLED_BY and
# CONTROLLER_FOR; a Python replacement would lose the text interface. Strict: this turns red the
# day Qt can do it, and the fields then get both (ui/common/accessibility.py).
@pytest.mark.xfail(strict=True, reason="Qt 6.11 exposes neither the invalid-entry state nor DESCRIBED_BY")
def test_the_field_in_error_is_marked_invalid_and_related_to_its_message(audit):
    found = audit["date_error"]
    assert found["invalid"]
    described = [
        target
        for relation in found["relations"]
        if "DESCRIBED_BY" in relation["type"] or "ERROR_MESSAGE" in relation["type"]
        for target in relation["targets"]
    ]
    assert described, found["relations"]
