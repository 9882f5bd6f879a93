"""Python's full garbage collections held off while a large preview (the people import's) is open.

A full collection walks every object the program holds, with the GIL held: the GUI thread waits
for it. A worker that builds large structures (the duplicate check's index of 100,000 people, the
10,000 rows of an import's preview, the import's audit trail) triggers one each time the heap has
grown by a quarter, and each walks the whole heap: the people import froze the window for
250–390 ms at a time, five or six times (2 cores under load). While held off, the young
generations are still collected as usual (they walk only what is new: a millisecond) and
everything without a reference cycle is freed at once as always; the full collection put off
runs once, after the last hold ends, over what is still alive then.
"""

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_NEVER = 1_000_000_000  # young collections between two full ones: none while held
_lock = threading.Lock()
_holds = 0
_threshold = 10


def hold() -> None:
    """No automatic full collection until as many ``release()`` calls as ``hold()`` calls."""
    global _holds, _threshold
    with _lock:
        if _holds == 0:
            young, middle, _threshold = gc.get_threshold()
            gc.set_threshold(young, middle, _NEVER)
        _holds += 1


def release() -> None:
    global _holds
    with _lock:
        _holds -= 1
        if _holds == 0:
            young, middle, _never = gc.get_threshold()
            gc.set_threshold(young, middle, _threshold)


@contextmanager
def held_off() -> Iterator[None]:
    hold()
    try:
        yield
    finally:
        release()
