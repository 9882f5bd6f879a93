import sys

from delegation_app import logs


def test_uncaught_exceptions_are_logged_and_reported(user_dirs, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    path = logs.configure_logging()
    reported = []
    logs.install_excepthook(report=reported.append)
    try:
        raise RuntimeError("Straße <Anlage 3> kaputt")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert len(reported) == 1
    assert "RuntimeError: Straße <Anlage 3> kaputt" in reported[0]
    assert "Traceback" in reported[0]
    assert path is not None
    assert path.is_relative_to(user_dirs)
    assert "Straße <Anlage 3> kaputt" in path.read_text("utf-8")


def test_configuring_twice_does_not_duplicate_handlers():
    import logging

    logs.configure_logging()
    before = len(logging.getLogger().handlers)
    logs.configure_logging()
    assert len(logging.getLogger().handlers) == before
