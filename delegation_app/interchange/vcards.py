"""vCards (.vcf, 3.0 and 4.0, one or many cards) read with vobject into the table shape of
tables.py, under headers columns.py knows, so cards and lists take the same way in."""

from typing import Any

import vobject

from delegation_app.interchange.tables import RawTable

HEADERS = [
    "Titel", "Vorname", "Nachname", "Anzeigename", "Funktion", "Abteilung", "Organisation",
    "E-Mail", "Telefon", "Mobil", "Notizen",
]  # fmt: skip


def _types(line: Any) -> set[str]:
    """TYPE=WORK,CELL / TYPE=work;TYPE=voice / TYPE="work,cell" (4.0) as one lower-case set."""
    found: set[str] = set()
    for value in line.params.get("TYPE", []):
        found.update(part.strip().strip('"').casefold() for part in value.split(","))
    return found


def _text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return " ".join(str(v) for v in value if v)
    return str(value or "").strip()


def _phone(value: Any) -> str:
    text = _text(value)
    return text[4:] if text.casefold().startswith("tel:") else text


def _pick(lines: list[Any], wanted: str) -> str:
    """The value of the line typed ``wanted``, else of the first line."""
    for line in lines:
        if wanted in _types(line):
            return _text(line.value)
    return _text(lines[0].value) if lines else ""


def _card_row(card: Any) -> list[str]:
    contents = card.contents
    title = first = last = ""
    if "n" in contents:
        name = contents["n"][0].value
        if isinstance(name, str):  # a card whose N vobject could not split
            parts = (name.split(";") + [""] * 5)[:5]
            last, first, prefix = parts[0], parts[1], parts[3]
        else:
            last, first, prefix = _text(name.family), _text(name.given), _text(name.prefix)
        title = prefix
    full = _text(contents["fn"][0].value) if "fn" in contents else ""
    organisation = department = ""
    if "org" in contents:
        org = contents["org"][0].value
        parts = org if isinstance(org, list) else str(org).split(";")
        organisation = parts[0].strip() if parts else ""
        department = ", ".join(p.strip() for p in parts[1:] if p.strip())
    function = _text(contents["title"][0].value) if "title" in contents else ""
    if not function and "role" in contents:
        function = _text(contents["role"][0].value)
    emails = contents.get("email", [])
    email = _pick(emails, "work") if emails else ""
    office = mobile = ""
    for line in contents.get("tel", []):
        kinds = _types(line)
        if "cell" in kinds and not mobile:
            mobile = _phone(line.value)
        elif "fax" not in kinds and not office and ("work" in kinds or not kinds or "voice" in kinds):
            office = _phone(line.value)
    notes = _text(contents["note"][0].value) if "note" in contents else ""
    return [title, first, last, full, function, department, organisation, email, office, mobile, notes]


def read_vcards(text: str) -> RawTable:
    rows = [_card_row(card) for card in vobject.readComponents(text) if card.name.upper() == "VCARD"]
    return RawTable(list(HEADERS), rows)
