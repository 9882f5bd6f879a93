"""Short garbage-collection pauses: at start, in the window, and at exit.

A full collection of Python's garbage collector looks at every object the program holds. The
start imports libraries and builds the window: about 100,000 objects, almost none of which will
ever be garbage. Collections during the start found nothing to free and cost the command line
50 ms; in the window a full collection took 70 ms, stalling the keystroke or scroll step that
happened to trigger it, at any size of the data; at exit the interpreter's last collections took
110 ms of a 0.7 s command. ``gc.freeze()`` moves the objects alive at a moment out of the
collector's sight: a full collection in the window then takes about 9 ms.
"""

import gc


def hold_during_start() -> None:
    """Before the start's imports: no collection until freeze_start_up_objects."""
    gc.disable()


def freeze_start_up_objects() -> None:
    """Once the window stands or the command's modules are loaded: what the start built is kept
    for the program's life, out of sight; collections go on for everything made after it. No
    collection first: it would cost those 70 ms at start to free a dozen objects (measured: 15)."""
    gc.freeze()
    gc.enable()


def freeze_before_exit() -> None:
    """After the work, before the interpreter ends: its last collections skip what is frozen."""
    gc.freeze()
