"""Short garbage-collection pauses in the window.

A full collection of Python's garbage collector looks at every object the program holds. After
the window has started, that is about 100,000 objects of the imported libraries, the Qt wrappers
and the window itself, almost none of which will ever be garbage, and a full collection took
70 ms on the benchmark's machine: the keystroke or scroll step that happened to trigger one
stalled the window that long, at any size of the data. ``gc.freeze()`` moves the objects alive at
that moment out of the collector's sight; a full collection then takes about 9 ms.
"""

import gc


def freeze_start_up_objects() -> None:
    """Once the window stands: what the start built is kept for the program's life. No collection
    first: it would cost those 70 ms at start to free a dozen objects (measured: 15)."""
    gc.freeze()
