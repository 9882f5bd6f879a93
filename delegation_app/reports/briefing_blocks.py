"""The briefing as neutral blocks, rendered alike as PDF (reports/briefing.py) and as Word
(interchange/briefing_docx.py): both print the same sections with the same content by construction.

Every string is plain user-visible text (not markup): each renderer escapes and styles it itself.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Heading:
    level: int  # 0: the document's title, 1: a section, 2: a part of a section (a day, a speaker)
    text: str


@dataclass(frozen=True)
class Para:
    text: str  # may hold line breaks
    small: bool = False
    label: str = ""  # a bold lead-in: "Themen: …"


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Facts:
    """Key-value lines (the title block, a person's details)."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Cell:
    text: str
    strong: bool = False
    note: str = ""  # printed smaller below the text (a programme item's notes, a role)


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]  # relative column widths


@dataclass(frozen=True)
class Quote:
    text: str  # with its quotation marks
    source: str  # context · kind · approval · date


Block = Heading | Para | Bullets | Facts | Table | Quote


@dataclass(frozen=True)
class BriefingDocument:
    title: str  # "Briefing: <visit title>" – also the running header and the file's title
    subject: str
    author: str
    language: str
    marking: str | None  # the classification marking, top and bottom of every page
    edition: str | None  # "Fassung für Externe" on every page of the outside copy
    footer: str  # "Stand 20.02.2026 · Delegationsbesuche 1.0"
    page_of: str  # "Seite {page} von "
    blocks: tuple[Block, ...]
