"""The visit a release tells of: title (the headline, else "<Guest> Delegation in <Place>"),
date (the first "am 24.02.2026" / "am 3. März 2026"), place, host and guest."""

import re
from datetime import date

from delegation_app.interchange.press_reader.lexicon import MONTHS
from delegation_app.interchange.press_reader.organisations import city_of_adjective
from delegation_app.interchange.press_reader.proposals import Evidence, PersonProposal, VisitProposal
from delegation_app.interchange.press_reader.sentences import Sentence

_MONTH_NAMES = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})?\b")
_WORD_DATE = re.compile(rf"\b(\d{{1,2}})\.\s?({_MONTH_NAMES})\s?(\d{{4}})?", re.IGNORECASE)
_PLACE = (
    r"[A-ZÄÖÜŁŚŻĆ][\w\-]+(?:\s(?:am|an\sder|im)\s"
    r"(?!Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Wochenende|Abend|Morgen|Vormittag|Nachmittag)"
    r"[A-ZÄÖÜ][\w\-]+)?"
)
_GUEST_PATTERNS = [
    re.compile(rf"Delegation\s+(?:aus|der\s+Stadt|der\s+Partnerstadt|aus\s+der\s+Partnerstadt)\s+({_PLACE})"),
    re.compile(
        rf"(?:Gäste|Besuch|Besucher(?:innen)?|Vertreter(?:innen)?)\s+aus\s+(?:der\s+Partnerstadt\s+)?({_PLACE})"
    ),
]
_GUEST_ADJECTIVE = re.compile(r"\b([A-ZÄÖÜ][\wäöüß]+er)\s+(?:Delegation|Gäste|Besuchergruppe|Abordnung)")
_HOST_PATTERNS = [
    re.compile(rf"(?:informierte|informierten|informiert)\s+sich\s+(?:\w+\s+){{0,3}}in\s+({_PLACE})"),
    re.compile(
        rf"(?:besuchte|besuchten|besucht|bereiste|bereisten|reiste|reisten)\s+(?:\w+\s+){{0,3}}?(?:nach\s+)?({_PLACE})"
    ),
    re.compile(rf"(?:zu\s+Gast\s+in|Besuch\s+in|Station\s+in|Rathaus\s+(?:von|in))\s+({_PLACE})"),
    re.compile(rf"Delegation\s+(?:\w+\s+){{0,4}}in\s+({_PLACE})"),
]
_DATELINE = re.compile(rf"^\s*({_PLACE})\s*(?:\(|,|\.|–|-)")
_NOT_PLACES = {
    "Die",
    "Der",
    "Das",
    "Eine",
    "Ein",
    "Zukunft",
    "Gespräch",
    "Gesprächen",
    "Kürze",
    "Form",
    "Rahmen",
    "Sachen",
    "Bezug",
    "Zeiten",
    "Richtung",
}


def _dateline(text: str) -> re.Match[str] | None:
    """ "Hanau, 24.02.2026 –" at the start of the release or of one of its first lines."""
    lines = [line for line in text.strip().split("\n") if line.strip()][:3]
    for line in lines:
        match = _DATELINE.match(line)
        # "Hanau, 24.02.2026 –", "Hanau (dpa) –", or a place alone before a full stop: "Köln. Am …"
        rest = line[match.end(1) :] if match else ""
        if match and re.match(r"\s*(?:\.\s|(?:,|\(|–|-)\s*(?:\d|den\b|[A-ZÄÖÜ][a-zäöü]+,?\s+\d))", rest):
            return match
    return None


def _iso(day: int, month: int, year: int | None) -> str | None:
    if year is None:
        return None
    if year < 100:
        year += 2000
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> str | None:
    """The first date the release states with "am"/"vom"/"von" (the visit's), else None."""
    years = [int(y) for y in re.findall(r"\b(20\d\d)\b", text)]
    default_year = years[0] if years else None
    candidates = []
    for match in _NUMERIC_DATE.finditer(text):
        year = int(match.group(3)) if match.group(3) else default_year
        candidates.append((match.start(), _iso(int(match.group(1)), int(match.group(2)), year)))
    for match in _WORD_DATE.finditer(text):
        year = int(match.group(3)) if match.group(3) else default_year
        candidates.append((match.start(), _iso(int(match.group(1)), MONTHS[match.group(2).lower()], year)))
    candidates.sort()
    for start, value in candidates:
        lead = text[max(0, start - 25) : start].lower()
        if value and re.search(
            r"\b(am|vom|von|ab|bis|zum)\s+(?:(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag),?\s*(?:den\s+)?)?$",
            lead,
        ):
            return value
    return None


# A draft's first line ("ENTWURF – bitte prüfen und ergänzen", our own print press-draft) is no headline.
_DRAFT_MARK = re.compile(r"^(ENTWURF|DRAFT)\b")


def _headline(text: str) -> str | None:
    lines = [line.strip() for line in text.strip().split("\n")]
    while lines and _DRAFT_MARK.match(lines[0]):
        lines = lines[1:]
        while lines and not lines[0]:
            lines = lines[1:]
    if len(lines) < 2 or not lines[0]:
        return None
    first = lines[0]
    if (len(first) <= 160 and not first.endswith((".", ":"))) or (len(first) <= 120 and lines[1] == ""):
        return first
    return None


def _place(patterns: list[re.Pattern[str]], text: str) -> str | None:
    for pattern in patterns:
        for match in pattern.finditer(text):
            place = match.group(1)
            if place not in _NOT_PLACES:
                return place
    return None


def propose_visit(text: str, sentences: list[Sentence]) -> VisitProposal:
    guest_city = _place(_GUEST_PATTERNS, text)
    if guest_city is None:
        for match in _GUEST_ADJECTIVE.finditer(text):
            guest_city = city_of_adjective(match.group(1))
            if guest_city:
                break
    host_city = _place(_HOST_PATTERNS, text)
    if host_city == guest_city:
        host_city = None
    dateline = _dateline(text)
    if (
        host_city is None
        and dateline
        and dateline.group(1) != guest_city
        and dateline.group(1) not in _NOT_PLACES
    ):
        host_city = dateline.group(1)
    title = _headline(text)
    if title is None:
        if guest_city and host_city:
            title = f"Delegation aus {guest_city} in {host_city}"
        else:
            first = sentences[0].text if sentences else text.strip()
            title = first if len(first) <= 90 else first[:87].rsplit(" ", 1)[0] + " …"
    evidence = Evidence(sentences[0].start, sentences[0].end, sentences[0].text) if sentences else None
    return VisitProposal(
        title=title,
        starts_on=find_date(text),
        place=host_city,
        host=f"Stadt {host_city}" if host_city else None,
        guest=f"Stadt {guest_city}" if guest_city else None,
        evidence=evidence,
    )


def assign_sides(sentences: list[Sentence], people: list[PersonProposal], visit: VisitProposal) -> None:
    """Delegation when the person's organisation is the guest's or the sentence that first names
    them speaks of the delegation; host when the organisation is in the host city."""
    guest_city = visit.guest.split(" ", 1)[1] if visit.guest else None
    host_city = visit.host.split(" ", 1)[1] if visit.host else None
    for person in people:
        organisation = person.organisation or ""
        sentence = person.evidence.sentence if person.evidence else ""
        if guest_city and guest_city in organisation:
            person.side = "delegation"
        elif host_city and host_city in organisation:
            person.side = "host"
        elif "Delegation" in sentence and not organisation:
            person.side = "delegation"
            person.organisation = visit.guest
        elif host_city and organisation == "":
            person.side = None
