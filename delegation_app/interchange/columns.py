"""Which column of a contact list holds what: the headers Outlook, Thunderbird and Excel lists
write, recognised without regard to case, spaces and punctuation; the rest the user chooses."""

import re
from collections.abc import Sequence
from enum import StrEnum

from delegation_app.i18n import N_, _


class Field(StrEnum):
    """What an imported column is read as (None: left out)."""

    SALUTATION = "salutation"
    TITLE = "title"
    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    FULL_NAME = "full_name"  # only used when there is no last name column
    FUNCTION = "function"
    DEPARTMENT = "department"
    ORGANISATION = "organisation"
    EMAIL = "email"
    PHONE = "phone"
    MOBILE = "mobile"
    NOTES = "notes"
    SOURCE_DATE = "source_date"


FIELD_LABELS = {
    Field.SALUTATION: N_("Salutation"),
    Field.TITLE: N_("Title"),
    Field.FIRST_NAME: N_("First name"),
    Field.LAST_NAME: N_("Last name"),
    Field.FULL_NAME: N_("Full name"),
    Field.FUNCTION: N_("Function"),
    Field.DEPARTMENT: N_("Department"),
    Field.ORGANISATION: N_("Organisation"),
    Field.EMAIL: N_("Email"),
    Field.PHONE: N_("Phone"),
    Field.MOBILE: N_("Mobile"),
    Field.NOTES: N_("Notes"),
    Field.SOURCE_DATE: N_("Date of the source"),
}


def field_label(field: Field | None) -> str:
    return _(FIELD_LABELS[field]) if field is not None else _("(leave out)")


# Outlook (German and English CSV export), Thunderbird (German and English), simple Excel lists.
_KNOWN = {
    Field.SALUTATION: ("Anrede", "Salutation"),
    Field.TITLE: ("Titel", "Title", "Akademischer Titel"),
    Field.FIRST_NAME: ("Vorname", "First Name", "Given Name", "Firstname"),
    Field.LAST_NAME: ("Nachname", "Last Name", "Surname", "Family Name", "Name", "Lastname"),
    Field.FULL_NAME: ("Anzeigename", "Display Name", "Vollständiger Name", "Full Name"),
    Field.FUNCTION: ("Position", "Job Title", "Arbeitstitel", "Funktion", "Function", "Berufsbezeichnung"),
    Field.DEPARTMENT: ("Abteilung", "Department"),
    Field.ORGANISATION: (
        "Firma", "Company", "Organisation", "Organization", "Institution", "Behörde", "Unternehmen",
    ),
    Field.EMAIL: (
        "E-Mail-Adresse", "E-mail Address", "E-Mail", "Email", "Mail", "Primäre E-Mail-Adresse",
        "Primary Email", "Email Address",
    ),
    Field.PHONE: (
        "Telefon geschäftlich", "Business Phone", "Tel. dienstlich", "Work Phone", "Telefon", "Phone",
        "Telefonnummer", "Tel.",
    ),
    Field.MOBILE: (
        "Mobiltelefon", "Mobile Phone", "Mobil-Tel.-Nr.", "Mobile Number", "Mobil", "Mobile", "Handy",
    ),
    Field.NOTES: ("Notizen", "Notes", "Bemerkungen", "Anmerkungen", "Hinweise"),
    Field.SOURCE_DATE: ("Datum", "Date", "Erfasst am"),
}  # fmt: skip


def header_key(header: str) -> str:
    """ "E-Mail-Adresse", "e-mail adresse" and "E_MAIL_ADRESSE" alike."""
    return re.sub(r"[\W_]+", "", header.casefold())


KNOWN_HEADERS: dict[str, Field] = {header_key(h): f for f, headers in _KNOWN.items() for h in headers}


def guess_mapping(headers: Sequence[str]) -> list[Field | None]:
    """The field of each column; a field taken by an earlier column is not given twice
    (Outlook writes "E-Mail-Adresse" before "E-Mail 2-Adresse")."""
    taken: set[Field] = set()
    mapping: list[Field | None] = []
    for header in headers:
        field = KNOWN_HEADERS.get(header_key(header))
        if field in taken:
            field = None
        if field is not None:
            taken.add(field)
        mapping.append(field)
    return mapping


def names_someone(mapping: Sequence[Field | None]) -> bool:
    """A mapping that can give each row a last name (directly or from the full name)."""
    return Field.LAST_NAME in mapping or Field.FULL_NAME in mapping
