"""User text made safe for reportlab's Paragraph markup. Every print product passes every piece
of stored text through here, so font fallback (scripts Noto Sans lacks), right-to-left runs and
hyphenation are decided in one place.

``text`` for running text (hyphenated by the style's language), ``plain`` for one line (a
heading, an organisation), ``name`` for a person's name: never hyphenated.
"""

from xml.sax.saxutils import escape

from delegation_app.reports.script_runs import runs


def text(value: str | None) -> str:
    """Multi-line user text for a Paragraph: escaped, fonts chosen per character, breaks kept."""
    return "<br/>".join(_fonts(line) for line in (value or "").split("\n"))


def plain(value: str | None) -> str:
    """One line of user text (a heading, a title) for a Paragraph: breaks as spaces."""
    return _fonts(" ".join((value or "").split()))


def name(value: str | None) -> str:
    """A person's name: one line, never hyphenated (reportlab's ``<nobr>``). It still wraps at
    its spaces, and a single name part wider than the column is cut as a last resort."""
    markup = plain(value)
    return f"<nobr>{markup}</nobr>" if markup else ""


def _fonts(line: str) -> str:
    parts = []
    for run in runs(line):
        if run.fallback is None:
            parts.append(escape(run.text))
        else:
            parts.append(f'<font name="{run.fallback.tag}">{escape(run.text)}</font>')
    return "".join(parts)
