"""Full garbage collections wait while the worker runs and while an import preview is open:
each one walked the whole heap with the GIL held and froze the window for up to 390 ms."""

import gc

from test_people_import_dialog import open_preview

from delegation_app.ui.common import full_collections


def test_held_off_until_the_last_hold_ends():
    before = gc.get_threshold()
    with full_collections.held_off():
        held = gc.get_threshold()
        with full_collections.held_off():
            assert gc.get_threshold() == held
        assert gc.get_threshold() == held
    assert held[:2] == before[:2]
    assert held[2] > 1_000_000
    assert gc.get_threshold() == before


def test_the_import_preview_holds_them_off_until_it_is_closed(qtbot, services, db_url, prompts, tmp_path):
    before = gc.get_threshold()
    _win, dialog, _mueller = open_preview(qtbot, services, db_url, prompts, tmp_path)
    assert gc.get_threshold()[2] > 1_000_000
    dialog.reject()
    assert gc.get_threshold() == before


def test_a_preview_destroyed_unfinished_lets_them_run_again(qtbot, services, db_url, prompts, tmp_path):
    before = gc.get_threshold()
    _win, dialog, _mueller = open_preview(qtbot, services, db_url, prompts, tmp_path)
    dialog.hide()
    dialog.deleteLater()
    qtbot.waitUntil(lambda: gc.get_threshold() == before)
