"""The start's cheaper answer to PySide6's "does this module use PySide6?" is PySide's own answer."""

import importlib
import sys

import PySide6.QtCore  # PySide6's import hook and its feature module are in place

from delegation_app.ui.shell.pyside_scan import FEATURE_MODULE, cheapen_import_scan


def _import_fresh(tmp_path, monkeypatch, name: str, text: str):
    (tmp_path / f"{name}.py").write_text(text, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, name, raising=False)
    __import__(name)  # the import statement's way, through PySide6's hook (import_module bypasses it)
    return sys.modules[name]


def test_modules_imported_afterwards_are_told_apart_as_pyside_tells_them(tmp_path, monkeypatch):
    feature = sys.modules[FEATURE_MODULE]
    # PySide's own scan (an earlier start in this process may have replaced it already)
    original = getattr(feature._mod_uses_pyside, "pyside_own", feature._mod_uses_pyside)
    monkeypatch.setattr(feature, "_mod_uses_pyside", original)
    cheapen_import_scan()
    scan = feature._mod_uses_pyside
    cheapen_import_scan()  # a second QApplication set-up changes nothing
    assert feature._mod_uses_pyside is scan
    assert scan is not original

    qt = _import_fresh(tmp_path, monkeypatch, "bench_uses_qt", "from PySide6 import QtCore\nX = 1\n")
    plain = _import_fresh(tmp_path, monkeypatch, "bench_plain", "# Grüße: no Qt here\nX = 2\n")
    assert feature.pyside_feature_dict[qt.__name__] == 0  # switchable: it uses PySide6
    assert feature.pyside_feature_dict[plain.__name__] == -1  # ignored by PySide's switching
    for module in (qt, plain, sys, importlib, PySide6.QtCore, sys.modules["delegation_app.domain.models"]):
        assert scan(module) == original(module), module.__name__
