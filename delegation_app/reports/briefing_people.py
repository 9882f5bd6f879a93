"""The briefing's participants, one table per side, and the short profiles of the people met."""

import unicodedata
from collections.abc import Callable

import phonenumbers

from delegation_app.domain.enums import Attendance, ParticipantRole
from delegation_app.i18n import N_, translator
from delegation_app.i18n.labels import label
from delegation_app.reports.briefing_blocks import Block, Cell, Heading, Para, Table
from delegation_app.reports.options import BriefingOptions
from delegation_app.services.briefing import BriefingData, BriefingPerson
from delegation_app.services.views import PersonView, PhoneView

# Roles a reader needs to know; "member" and "host" say no more than the table's side does.
NOTABLE_ROLES = frozenset(ParticipantRole) - {ParticipantRole.MEMBER, ParticipantRole.HOST}
SHORT_SALUTATION_WORDS = 3  # "Frau", "Herr Botschafter": before the name; a letter's opening: below


def _ideographic(value: str) -> bool:
    return any(unicodedata.name(ch, "").startswith(("CJK", "HANGUL")) for ch in value)


def person_name(person: PersonView) -> str:
    """The name as printed: "Dr. Anna Schmidt"; family-name-first names in their order, 王小明."""
    if not person.family_name_first:
        return person.display_name
    family, given = person.last_name, person.first_name or ""
    joined = family + given if _ideographic(family + given) else " ".join(filter(None, (family, given)))
    return " ".join(filter(None, (person.title, joined)))


class PeopleSections:
    def __init__(
        self, data: BriefingData, options: BriefingOptions, free: Callable[[str | None], str]
    ) -> None:
        self.data, self.options, self.free = data, options, free
        self.t = translator(options.language)
        self.lang = options.language
        # People's numbers and addresses stay in the office: the outside copy leaves them out.
        self.contact = options.private_details and not options.external

    def phone(self, phone: PhoneView) -> str:
        """DIN 5008 in German; in English every number international ("+49 6181 3000-6069")."""
        if self.lang == "de":
            return phone.display
        try:
            number = phonenumbers.format_number(
                phonenumbers.parse(phone.e164), phonenumbers.PhoneNumberFormat.INTERNATIONAL
            )
        except phonenumbers.NumberParseException:
            number = phone.e164
        return f"{number}-{phone.extension}" if phone.extension else number

    def _name_cell(self, person: PersonView) -> Cell:
        name, note = person_name(person), ""
        salutation = (person.salutation or "").strip()
        if salutation and len(salutation.split()) <= SHORT_SALUTATION_WORDS:
            name = f"{salutation} {name}"
        elif salutation:
            note = salutation
        if person.notes and not self.options.external:
            note = "\n".join(filter(None, (note, person.notes)))
        return Cell(name, strong=True, note=note)

    def _row(self, entry: BriefingPerson, contact: bool) -> tuple[Cell, ...]:
        p, person = entry.participation, entry.person
        role = label(p.role, self.lang) if p.role in NOTABLE_ROLES else ""
        row = [
            self._name_cell(person),
            Cell(p.function or "", note=role),
            Cell(person.organisation_name or ""),
            Cell(label(p.attendance, self.lang)),
        ]
        if contact:
            lines = [self.phone(ph) for ph in person.phones] + ([person.email] if person.email else [])
            row.append(Cell("\n".join(lines)))
        return tuple(row)

    def side(self, title: str, entries: tuple[BriefingPerson, ...]) -> list[Block]:
        """One side's table; who declined in a short list below it."""
        if not entries:
            return []
        t = self.t
        coming = [e for e in entries if e.participation.attendance != Attendance.DECLINED]
        declined = [e for e in entries if e.participation.attendance == Attendance.DECLINED]
        blocks: list[Block] = [Heading(1, title)]
        if coming:
            header = [t(N_("Name")), t(N_("Function")), t(N_("Organisation")), t(N_("Attendance"))]
            widths: list[float] = [42, 40, 42, 41]  # mm of the 165 between the margins
            # A contact column only where there is something to put in it.
            contact = self.contact and any(e.person.phones or e.person.email for e in coming)
            if contact:  # room for an email address on one line
                header, widths = [*header, t(N_("Contact details"))], [29, 37, 26, 31, 42]
            rows = tuple(self._row(e, contact) for e in coming)
            blocks.append(Table(tuple(header), rows, tuple(widths)))
        if declined:
            names = [
                ", ".join(filter(None, (person_name(e.person), e.participation.function))) for e in declined
            ]
            blocks.append(Para("; ".join(names), small=True, label=t(N_("Declined"))))
        return blocks

    def profiles(self) -> list[Block]:
        """Short profiles of everyone taking part who has one."""
        everyone = (*self.data.delegation, *self.data.hosts, *self.data.guests)
        met = [
            e
            for e in everyone
            if e.person.profile
            and e.person.profile.strip()
            and e.participation.attendance != Attendance.DECLINED
        ]
        if not met:
            return []
        blocks: list[Block] = [Heading(1, self.t(N_("Short profiles")))]
        for entry in met:
            person = entry.person
            blocks.append(Heading(2, person_name(person)))
            about = ", ".join(filter(None, (entry.participation.function, person.organisation_name)))
            if about:
                blocks.append(Para(about, small=True))
            blocks.append(Para(self.free(person.profile)))
        return blocks
