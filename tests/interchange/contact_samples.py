"""Contact files as Outlook, Thunderbird and Excel write them, built from their documented formats."""

import vobject

OUTLOOK_DE_HEADERS = [
    "Anrede", "Vorname", "Weitere Vornamen", "Nachname", "Suffix", "Firma", "Abteilung", "Position",
    "Straße geschäftlich", "Ort geschäftlich", "Postleitzahl geschäftlich", "Land/Region geschäftlich",
    "Telefon geschäftlich", "Telefon geschäftlich 2", "Mobiltelefon", "Fax geschäftlich", "Notizen",
    "E-Mail-Adresse", "E-Mail-Typ", "E-Mail: Angezeigter Name", "E-Mail 2: Adresse", "Geburtstag",
]  # fmt: skip
OUTLOOK_EN_HEADERS = [
    "Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company", "Department", "Job Title",
    "Business Street", "Business City", "Business Postal Code", "Business Country/Region",
    "Business Phone", "Business Phone 2", "Mobile Phone", "Business Fax", "Notes",
    "E-mail Address", "E-mail Type", "E-mail Display Name", "E-mail 2 Address", "Birthday",
]  # fmt: skip
THUNDERBIRD_DE_HEADERS = [
    "Vorname", "Nachname", "Anzeigename", "Spitzname", "Primäre E-Mail-Adresse",
    "Sekundäre E-Mail-Adresse", "Messenger-Name", "Tel. dienstlich", "Tel. privat", "Fax-Nummer",
    "Pager-Nummer", "Mobil-Tel.-Nr.", "Privat: Adresse", "Privat: Ort", "Dienstlich: Adresse",
    "Dienstlich: Ort", "Arbeitstitel", "Abteilung", "Organisation", "Webseite 1", "Notizen",
]  # fmt: skip
THUNDERBIRD_EN_HEADERS = [
    "First Name", "Last Name", "Display Name", "Nickname", "Primary Email", "Secondary Email",
    "Screen Name", "Work Phone", "Home Phone", "Fax Number", "Pager Number", "Mobile Number",
    "Home Address", "Home City", "Work Address", "Work City", "Job Title", "Department",
    "Organization", "Web Page 1", "Notes",
]  # fmt: skip


def outlook_row(title, first, last, company, position, email, phone, mobile) -> list[str]:
    row = [""] * len(OUTLOOK_DE_HEADERS)
    row[0], row[1], row[3], row[5], row[7] = title, first, last, company, position
    row[12], row[14], row[17], row[18] = phone, mobile, email, "SMTP"
    row[19] = f"{first} {last} ({email})"
    row[21] = "0.0.00"  # Outlook writes this for "no birthday"
    return row


def thunderbird_row(first, last, email, work_phone, mobile, job, organisation) -> list[str]:
    row = [""] * len(THUNDERBIRD_DE_HEADERS)
    row[0], row[1], row[2], row[4] = first, last, f"{first} {last}", email
    row[7], row[11], row[16], row[18] = work_phone, mobile, job, organisation
    return row


def outlook_csv(headers, rows) -> str:
    """Outlook's CSV export: comma-separated, every field quoted, CRLF."""

    def quoted(cells):
        return ",".join('"' + cell.replace('"', '""') + '"' for cell in cells)

    return "\r\n".join([quoted(headers), *(quoted(r) for r in rows)]) + "\r\n"


def excel_csv(headers, rows) -> str:
    """German Excel's "CSV (Trennzeichen-getrennt)": semicolons, quotes only where needed."""

    def cell(text):
        return f'"{text}"' if ";" in text or '"' in text else text

    return "\r\n".join(";".join(cell(c) for c in r) for r in [headers, *rows]) + "\r\n"


def vcard3(title, first, last, organisation, department, function, email, phone, mobile) -> str:
    """A card as vobject writes version 3.0 (FN, N, ORG, TITLE, EMAIL;TYPE=WORK, TEL;TYPE=WORK/CELL)."""
    card = vobject.vCard()
    card.add("n").value = vobject.vcard.Name(family=last, given=first, prefix=title)
    card.add("fn").value = " ".join(p for p in (title, first, last) if p)
    card.add("org").value = [organisation, department] if department else [organisation]
    card.add("title").value = function
    mail = card.add("email")
    mail.value, mail.type_param = email, "WORK"
    for number, kind in ((phone, "WORK"), (mobile, "CELL")):
        if number:
            tel = card.add("tel")
            tel.value, tel.type_param = number, kind
    return card.serialize()


VCARD4 = (
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna Nowak\r\nN:Nowak;Anna;;;\r\nORG:Urząd Miasta Lublin;Biuro\r\n"
    "TITLE:Referentin\r\nEMAIL;TYPE=work:anna.nowak@lublin.eu\r\n"
    'TEL;VALUE=uri;TYPE="work,voice":tel:+48-81-466-1000\r\nTEL;VALUE=uri;TYPE=cell:tel:+48-600-100-200\r\n'
    "END:VCARD\r\n"
)
