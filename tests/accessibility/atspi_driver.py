"""Drives the running program through the real accessibility stack (AT-SPI over D-Bus), the way
a screen reader sees it, and writes what it found as JSON for tests/test_accessibility_stack.py.

Runs on the system Python, where Debian's python3-pyatspi lives (it is not on PyPI):

    python3 atspi_driver.py OUT.json -- PROGRAM ARGS…

It registers its listeners first, then starts the program, so the announcement made at start is
heard. Keys are sent through the AT-SPI registry (XTest), focus is followed through focus events,
and every wait ends on an event or a state, with a timeout as the only limit.
"""

import json
import subprocess
import sys
import time
from collections.abc import Callable

import pyatspi
from gi.repository import GLib

TAB, ESCAPE, RETURN = 0xFF09, 0xFF1B, 0xFF0D
CONTROL_MASK, SHIFT_MASK = 1 << 2, 1 << 0
TIMEOUT = 15.0
# Roles that are containers a screen reader passes through; a focusable one of these without a
# name is the "unnamed object takes focus" the audit found (scroll areas, fillers).
focus_log: list[dict] = []
announcements: list[dict] = []


def pump(seconds: float = 0.0) -> None:
    """Lets D-Bus deliver events for a moment (or just what is pending)."""
    context = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while True:
        while context.pending():
            context.iteration(False)
        if time.monotonic() >= end:
            return
        time.sleep(0.01)


def wait_for(check: Callable[[], object], timeout: float = TIMEOUT) -> object:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        pump()
        found = check()
        if found:
            return found
        time.sleep(0.02)
    return None


def describe(acc) -> dict:
    try:
        return {"role": acc.getRoleName(), "name": acc.name or "", "path": path_of(acc)}
    except Exception as exc:  # an object that died while we looked
        return {"role": "?", "name": "", "path": str(exc)}


def path_of(acc) -> str:
    parts = []
    node = acc
    for _ in range(40):
        if node is None or node.getRoleName() in ("application", "frame"):
            break
        parts.append(f"{node.getRoleName()}:{node.name or ''}")
        node = node.parent
    return " < ".join(parts)


def on_focus(event) -> None:
    if event.detail1 == 1:
        focus_log.append(describe(event.source))


def on_announcement(event) -> None:
    announcements.append({"text": str(event.any_data), "source": describe(event.source)})


def key(keysym: int, modifiers: int = 0) -> None:
    if modifiers:
        pyatspi.Registry.generateKeyboardEvent(modifiers, None, pyatspi.KEY_LOCKMODIFIERS)
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    if modifiers:
        pyatspi.Registry.generateKeyboardEvent(modifiers, None, pyatspi.KEY_UNLOCKMODIFIERS)


def type_text(text: str) -> None:
    pyatspi.Registry.generateKeyboardEvent(0, text, pyatspi.KEY_STRING)


def press_and_wait_focus(keysym: int, modifiers: int = 0) -> dict | None:
    before = len(focus_log)
    key(keysym, modifiers)
    return wait_for(lambda: focus_log[before:] and focus_log[-1], timeout=3.0)


def find_app():
    desktop = pyatspi.Registry.getDesktop(0)
    return next((a for a in desktop if a is not None and a.name == "delegation-app"), None)


def main_frame(app):
    frames = [c for c in app if c is not None and c.getRoleName() == "frame"]
    active = (f for f in frames if f.getState().contains(pyatspi.STATE_ACTIVE))
    return next(active, frames[0] if frames else None)


def focusable_objects(root) -> list:
    found = []

    def walk(acc, depth=0):
        if acc is None or depth > 60:
            return
        try:
            states = acc.getState()
        except Exception:
            return
        if not states.contains(pyatspi.STATE_SHOWING):
            return
        if states.contains(pyatspi.STATE_FOCUSABLE):
            found.append(acc)
        # Rows and cells of a table are reached through the table, not Tab; names of cells are
        # checked as the Table interface exposes them.
        if acc.getRoleName() in ("table", "tree table", "list", "tree", "combo box", "page tab list"):
            return
        for child in acc:
            walk(child, depth + 1)

    walk(root)
    return found


def unnamed_focusable(root) -> list[dict]:
    return [describe(acc) for acc in focusable_objects(root) if not (acc.name or "").strip()]


def tab_cycle(presses: int) -> list[dict]:
    """The focus after each Tab (None where focus did not move within the wait)."""
    seen = []
    for _ in range(presses):
        seen.append(press_and_wait_focus(TAB))
    return seen


def find(root, role: str, name: str):
    def match(acc):
        return acc is not None and acc.getRoleName() == role and (acc.name or "") == name

    return pyatspi.findDescendant(root, match)


def grab_focus(acc) -> dict | None:
    before = len(focus_log)
    acc.queryComponent().grabFocus()
    return wait_for(lambda: focus_log[before:] and focus_log[-1], timeout=3.0)


def menu_item(frame, label: str):
    """A menu entry by its text without the mnemonic's ampersand (menus need not be open)."""

    def plain(text: str) -> str:
        return text.replace("&", "").replace("…", "").strip()

    def match(acc):
        return acc is not None and acc.getRoleName() == "menu item" and plain(acc.name or "") == plain(label)

    return pyatspi.findDescendant(frame, match)


def open_dialog(app, frame, label: str):
    """Opens a dialog through its menu entry (the Action interface, as a screen reader can)."""
    item = menu_item(frame, label)
    if item is None:
        items = pyatspi.findAllDescendants(frame, lambda a: a is not None and a.getRoleName() == "menu item")
        print("menu items:", [i.name for i in items], file=sys.stderr)
        return None
    count = app.childCount
    item.queryAction().doAction(0)

    def opened():
        windows = [c for c in app if c is not None and c.getRoleName() in ("dialog", "frame")]
        active = [w for w in windows if w.getState().contains(pyatspi.STATE_ACTIVE)]
        return next((w for w in active if w != frame), None) if app.childCount >= count else None

    return wait_for(opened, timeout=10)


def check_dialogs(app, frame, labels: list[str]) -> dict:
    found = {}
    for label in labels:
        dialog = open_dialog(app, frame, label)
        if dialog is None:
            found[label] = {"error": "not opened"}
            continue
        pump(0.3)
        found[label] = {"title": dialog.name, "unnamed_focusable": unnamed_focusable(dialog)}
        key(ESCAPE)
        wait_for(lambda: main_frame(app) == frame and frame.getState().contains(pyatspi.STATE_ACTIVE), 5)
    return found


def date_error(frame, field_name: str, text: str) -> dict:
    """Types an impossible date into a focused field and saves with Strg+S: what is announced, and
    the field's state and relations afterwards."""
    field = find(frame, "text", field_name)
    if field is None:
        return {"error": f"no field {field_name!r}"}
    grab_focus(field)
    before = len(announcements)
    key(ord("a"), CONTROL_MASK)
    type_text(text)
    # Typed keys arrive one by one: Strg+S must not overtake the last of them (it saved "31.02.20").
    wait_for(lambda: field.queryText().getText(0, -1) == text, timeout=5)
    key(ord("s"), CONTROL_MASK)
    wait_for(lambda: announcements[before:], timeout=5)
    pump(0.3)
    states = field.getState()
    relations = [
        {
            "type": str(r.getRelationType()),
            "targets": [describe(r.getTarget(i)) for i in range(r.getNTargets())],
        }
        for r in field.getRelationSet()
    ]
    result = {
        "announced": announcements[before:],
        "invalid": states.contains(pyatspi.STATE_INVALID_ENTRY),
        "focused": states.contains(pyatspi.STATE_FOCUSED),
        "relations": relations,
        "description": field.description or "",
        "text": field.queryText().getText(0, -1),
    }
    key(ord("z"), CONTROL_MASK)  # undo the typing, so the program can close without a question
    return result


def active_dialog(app, frame):
    windows = [c for c in app if c is not None and c.getRoleName() in ("dialog", "frame")]
    return next((w for w in windows if w != frame and w.getState().contains(pyatspi.STATE_ACTIVE)), None)


def quick_log(app, frame) -> dict:
    """The quick log (its menu entry, Strg+L), a person and a summary typed, Strg+Enter: its names,
    and what is announced once the entry is saved (the status bar's "Kontakteintrag gespeichert.")."""
    dialog = open_dialog(app, frame, "Kontakteintrag erfassen…")
    if dialog is None:
        return {"error": "the quick log did not open"}
    pump(0.3)
    found: dict = {"title": dialog.name, "unnamed_focusable": unnamed_focusable(dialog)}
    summary = find(dialog, "text", "Zusammenfassung")
    if summary is None:
        found["error"] = "no summary field"
        key(ESCAPE)
        return found
    found["first_focus"] = focus_log[-1] if focus_log else None  # the person search
    type_text("Hemsley")
    key(RETURN)  # the one match is added to the people met
    pump(0.5)
    grab_focus(summary)
    before = len(announcements)
    type_text("Telefonat zur Anreise")
    key(RETURN, CONTROL_MASK)
    wait_for(lambda: any("gespeichert" in a["text"] for a in announcements[before:]), timeout=10)
    found["announced"] = announcements[before:]
    found["closed"] = bool(wait_for(lambda: active_dialog(app, frame) is None, timeout=5))
    return found


def run(program: list[str]) -> dict:
    result: dict = {"errors": []}
    pyatspi.Registry.registerEventListener(on_focus, "object:state-changed:focused")
    pyatspi.Registry.registerEventListener(on_announcement, "object:announcement")
    process = subprocess.Popen(program)
    try:
        app = wait_for(find_app, timeout=60)
        if app is None:
            result["errors"].append("the program did not appear on the accessibility bus")
            return result
        frame = wait_for(lambda: main_frame(app) if main_frame(app) and focus_log else None, timeout=30)
        result["start_announcements"] = list(announcements)
        screens = {}
        for index in range(1, 5):  # Strg+1 … Strg+4: the views of the navigation
            press_and_wait_focus(ord(str(index)), CONTROL_MASK)
            pump(0.3)
            frame = main_frame(app)
            screens[str(index)] = {
                "focus": focus_log[-1] if focus_log else None,
                "unnamed_focusable": unnamed_focusable(frame),
                "tab": tab_cycle(40),
            }
        result["screens"] = screens
        press_and_wait_focus(ord("1"), CONTROL_MASK)
        frame = main_frame(app)
        title = find(frame, "text", "Titel")
        if title is None:
            result["errors"].append("the visit editor's title field was not found")
        else:
            result["editor_start"] = grab_focus(title)
            result["editor_tab"] = tab_cycle(40)
        result["date_error"] = date_error(frame, "Von (Datum)", "31.02.2026")
        result["dialogs"] = check_dialogs(app, frame, ["Einstellungen…", "Papierkorb…", "Änderungsverlauf…"])
        result["quick_log"] = quick_log(app, frame)
        result["announcements"] = list(announcements)
        return result
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


def main() -> int:
    out, separator, *program = sys.argv[1:]
    assert separator == "--", "usage: atspi_driver.py OUT.json -- PROGRAM ARGS…"
    result = run(program)
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(result, fh, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
