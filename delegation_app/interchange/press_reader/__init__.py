"""Reading a pasted German press release into proposals (visit, people, quotes): rule-based,
pure Python, no database and no Qt. See docs/architecture.md ("Press reader")."""

from delegation_app.interchange.press_reader.proposals import (
    Evidence,
    PersonProposal,
    PressReading,
    QuoteProposal,
    VisitProposal,
)
from delegation_app.interchange.press_reader.reader import read_press_release

__all__ = [
    "Evidence",
    "PersonProposal",
    "PressReading",
    "QuoteProposal",
    "VisitProposal",
    "read_press_release",
]
