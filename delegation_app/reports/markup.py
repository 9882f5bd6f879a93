"""User text made safe for reportlab's Paragraph markup. Every print product passes every piece
of stored text through here, so font fallback (scripts Noto Sans lacks), right-to-left runs and
hyphenation are decided in one place."""

from xml.sax.saxutils import escape


def text(value: str | None) -> str:
    """Multi-line user text for a Paragraph: escaped, line breaks kept."""
    return escape(value or "").replace("\n", "<br/>")


def plain(value: str | None) -> str:
    """One line of user text (a name, a heading) for a Paragraph: escaped, breaks as spaces."""
    return escape(" ".join((value or "").split()))
