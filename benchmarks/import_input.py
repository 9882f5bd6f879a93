"""The input of the ``import_people`` scenario: a German Excel CSV of ROWS people against the scale
database, a fifth of them people already stored (as Outlook or a guest list spells them: "ue" for
"ü", "Nachname, Vorname" swapped, a title in front), the rest new, some with errors."""

import csv
import io
import random
import sqlite3
from pathlib import Path

from scale_names import GERMAN_FIRST, GERMAN_LAST, POLISH_FIRST, POLISH_LAST, TURKISH_FIRST, TURKISH_LAST

ROWS = 10_000
HEADERS = ["Titel", "Vorname", "Nachname", "Funktion", "Organisation", "E-Mail", "Telefon", "Mobil", "Datum"]


def _spelled(text: str) -> str:
    return text.replace("ü", "ue").replace("ö", "oe").replace("ä", "ae").replace("ß", "ss")


def make_csv(db_path: Path, out: Path, rows: int = ROWS, seed: int = 14) -> Path:
    rnd = random.Random(seed)
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        people = conn.execute(
            "SELECT p.title, p.first_name, p.last_name, o.name FROM person p"
            " LEFT JOIN organisation o ON o.id = p.organisation_id ORDER BY p.id LIMIT 20000"
        ).fetchall()
        organisations = [name for (name,) in conn.execute("SELECT name FROM organisation ORDER BY id")]
    finally:
        conn.close()
    firsts = GERMAN_FIRST + POLISH_FIRST + TURKISH_FIRST
    lasts = GERMAN_LAST + POLISH_LAST + TURKISH_LAST
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS)
    for number in range(rows):
        kind = number % 5
        if kind == 0 and people:  # a person already stored, spelled differently
            title, first, last, org = rnd.choice(people)
            first, last = _spelled(first or ""), _spelled(last)
            writer.writerow([title or "", first, last, "", org or "", "", "", "", "24.02.2026"])
            continue
        first, last = rnd.choice(firsts), rnd.choice(lasts) + rnd.choice(("", "-Neu", "mann", "ski"))
        org = rnd.choice(organisations) if rnd.random() < 0.9 else f"Neue Organisation {number % 300}"
        email = f"{_spelled(first).lower()}.{number}@example.org" if number % 97 else "kein-at-zeichen"
        phone = f"0234 {rnd.randint(1000000, 9999999)}" if number % 89 else "0234 abc"
        writer.writerow(["", first, last, "Referent/in", org, email, phone, "", "24.02.2026"])
    out.write_bytes(buffer.getvalue().encode("cp1252", errors="replace"))
    return out
