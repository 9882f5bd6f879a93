"""One function per user action that writes: the use cases, for the window and the command line.

Each action owns its transaction (one ``db.write()`` around all of it, so it is all or nothing and
the change listeners hear of it once, after the commit) and returns plain read models. Reads that
are not part of an action stay on the services. No Qt here, and nothing from ``ui``.
"""
