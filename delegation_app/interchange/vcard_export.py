"""People as vCard 3.0 (RFC 2426) for Outlook, Thunderbird and phones: UTF-8, CRLF, lines folded at
75 octets without splitting a character. Name, function, organisation, email and phones only: the
personal notes stay inside the program.

Outlook imports only the first card of a file, hence also one file per person
(``Nachname_Vorname.vcf``)."""

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import vobject

from delegation_app.domain.enums import PhoneKind
from delegation_app.domain.phones import Phone
from delegation_app.files.output import OutputRefused, OutputWriter
from delegation_app.i18n import N_
from delegation_app.services.views import PersonView

FOLD_OCTETS = 75  # RFC 2426 2.6: "lines SHOULD NOT be longer than 75 octets"

# The TYPE parameters Outlook and Thunderbird map to their business / mobile / fax fields.
TEL_TYPES = {
    PhoneKind.OFFICE: ["WORK", "VOICE"],
    PhoneKind.MOBILE: ["CELL", "VOICE"],
    PhoneKind.FAX: ["WORK", "FAX"],
    PhoneKind.OTHER: ["VOICE"],
}

# What Windows forbids in a file name, control characters, and white space (the name has none).
_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f\s]+')
# Names Windows keeps for devices, also with an extension ("CON.vcf").
_DEVICE_NAMES = {"con", "prn", "aux", "nul", *(f"{port}{i}" for port in ("com", "lpt") for i in range(1, 10))}


def card(person: PersonView) -> vobject.base.Component:
    """One person's vCard (vobject escapes the commas and semicolons in the values)."""
    vcard = vobject.vCard()
    vcard.add("n").value = vobject.vcard.Name(
        family=person.last_name, given=person.first_name or "", prefix=person.title or ""
    )
    vcard.add("fn").value = person.display_name
    if person.organisation_name:
        units = [person.organisation_name, *([person.department] if person.department else [])]
        vcard.add("org").value = units
    if person.function:
        vcard.add("title").value = person.function
    if person.email:
        email = vcard.add("email")
        email.value = person.email
        email.type_paramlist = ["INTERNET", "WORK"]
    for phone in person.phones:
        tel = vcard.add("tel")
        tel.value = Phone(phone.e164, phone.extension).international()  # "+49 6181 3000-6069"
        tel.type_paramlist = TEL_TYPES[phone.kind]
    return vcard


def fold(line: str) -> str:
    """One content line folded at 75 octets (CRLF and a space), never inside a UTF-8 sequence."""
    pieces, current, size = [], "", 0
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > FOLD_OCTETS:
            pieces.append(current)
            current, size = " ", 1  # the continuation's leading space counts
        current += char
        size += octets
    pieces.append(current)
    return "\r\n".join(pieces)


def vcard_text(people: Iterable[PersonView]) -> str:
    """The cards one after the other, each line ended by CRLF."""
    lines: list[str] = []
    for person in people:
        # vobject folds by characters, so a line of 74 Chinese characters would be 222 octets:
        # it writes unfolded lines here and fold() cuts them by octets.
        text = card(person).serialize(lineLength=10**9)
        lines += [fold(line) for line in text.split("\r\n") if line]
    return "".join(line + "\r\n" for line in lines)


def write_vcards(output: OutputWriter, people: Sequence[PersonView], path: Path) -> Path:
    return output.write(path, vcard_text(people).encode("utf-8"))


def file_stem(person: PersonView) -> str:
    """``Müller_Jürgen``: last and first name, nothing Windows refuses in a file name."""
    words = [person.last_name, person.first_name or ""]
    parts = [_NOT_IN_FILE_NAMES.sub("_", word).strip("._") for word in words]
    stem = "_".join(part for part in parts if part)[:100].rstrip("._ ") or "Kontakt"
    return f"{stem}_" if stem.casefold() in _DEVICE_NAMES else stem


def file_names(people: Sequence[PersonView]) -> list[str]:
    """One name per person; a second "Müller_Jürgen" becomes ``Müller_Jürgen_2.vcf``. Compared
    case-folded, as Windows file names are."""
    taken: set[str] = set()
    names = []
    for person in people:
        stem, number = file_stem(person), 1
        name = f"{stem}.vcf"
        while name.casefold() in taken:
            number += 1
            name = f"{stem}_{number}.vcf"
        taken.add(name.casefold())
        names.append(name)
    return names


def write_vcard_files(output: OutputWriter, people: Sequence[PersonView], folder: Path) -> list[Path]:
    """One file per person in ``folder`` (which must exist); a file of an earlier export of the
    same person is replaced."""
    if not str(folder).strip():
        raise OutputRefused(N_("Please give a folder for the contact files."))
    if not Path(folder).is_dir():
        raise OutputRefused(N_("The folder “{folder}” does not exist."), folder=folder)
    names = file_names(people)
    for name in names:  # every target is checked before the first is written
        output.check(Path(folder) / name)
    return [
        output.write(Path(folder) / name, vcard_text([person]).encode("utf-8"))
        for person, name in zip(people, names, strict=True)
    ]
