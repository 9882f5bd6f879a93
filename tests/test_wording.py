"""The glossary (docs/glossary.md) held against what users read: the German catalogue, the English
source strings, the README and the demo visit's briefing as printed, in both languages.

The word lists below are the glossary's "Not" column; each allowance says why the word is right there.
Count messages without plural forms are caught by tests/test_i18n.py.
"""

import io
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from delegation_app.domain.enums import Attendance, ParticipantRole, ParticipantSide, VisitDirection
from delegation_app.i18n.labels import label
from delegation_app.reports.briefing import render_briefing
from delegation_app.reports.options import BriefingOptions
from delegation_app.services.briefing import collect_briefing
from delegation_app.services.demo import load_demo

from i18n_scan import PACKAGE_DIR, german_catalog, marked_messages
from pdf_tools import flat, pdftotext

# The checkout's README (the tests run from it; the package may be installed elsewhere).
README = Path(__file__).resolve().parents[1] / "README.md"
GUIDES = {"de": Path(__file__).resolve().parents[1] / "resources" / "handbuch" / "index.html",
          "en": Path(__file__).resolve().parents[1] / "resources" / "user-guide" / "index.html"}  # fmt: skip

# German words the glossary rules out, matched as whole words (case matters: "Punkt" is not
# "Programmpunkt", "Kontakt" is not "Kontakteintrag" or "Pressekontakt").
GERMAN_NOT = {
    r"Tagesordnung\w*": "Besuchsprogramm, Programmpunkt (Tagesordnung is for council meetings)",
    r"Punkte?": "Programmpunkt (a bare Punkt also reads as a paste in 'Punkt einfügen')",
    r"Sprecher\w*": "Redner/-in (role), Zitierte Person (who said a quote)",
    r"zurückhol\w*|zurückgeholt|zurückspiel\w*|zurückgespielt": "wiederherstellen",
    r"einsetz\w*|eingesetzt": "wiederherstellen (a backup is restored, not put in)",
    r"Teilnehmer\w*": "Teilnehmende",
    r"Bestätigt": "Zugesagt for attendance",
    r"Pressemeldung\w*": "Pressemitteilung",
    r"Nachverfolgung\w*|Aufgabe\w*": "Wiedervorlage",
    r"Kontaktprotokoll\w*": "Kontakteinträge",
    r"Kontakte?": "Kontakteintrag, Ansprechperson or Kontaktdaten, whichever is meant",
    r"Institution\w*": "Organisation",
    r"[Aa]usgestellt|[Aa]usstell\w*": "Erstellt am … von …, Stand: …",
    r"Exemplar\w*": "Fassung für Externe",
    r"Wir reisen|Wir empfangen": "Delegationsreise / Empfang einer Delegation",
    r"Richtung": "Art des Besuchs",
    r"delegation_app": "Delegationsbesuche, the program's name",
    r"Delegationsleiter\w*": "Delegationsleitung",
    r"Verlauf\w*": "Änderungsverlauf; a person's contact history is the Kontaktchronik",
    r"Termin\w*": "Besuch",
    r"Version": "Fassung (of a record)",
    r"Zur Freigabe gesendet": "zur Freigabe vorgelegt",
    r"VS\s*[–-]\s+NUR|VS\s+[–-]\s*NUR": "VS-NUR FÜR DEN DIENSTGEBRAUCH (the VSA's spelling)",
    r"\w+/in(nen)?": "Duden's /-in (Redner/-in)",
    r"HH:MM": "hh:mm (MM is the month in TT.MM.JJJJ)",
    r"könnten nicht": "konnten nicht (it did fail)",
}
ENGLISH_NOT = {
    r"Issued": "created on … by …, as of …",
    r"We travel|We host": "delegation trip / hosting a delegation",
    r"Goes with it": "deleted along with it",
    r"stayed out|put in place|Undo last mark": "plain English: not restored, restored, undo last change",
    r"delegation_app": "Delegation visits, the program's name",
    r"VS\s*[–-]\s+NUR|VS\s+[–-]\s*NUR": "VS-NUR FÜR DEN DIENSTGEBRAUCH (the VSA's spelling)",
}
# Phrases taken out before the words are matched, because there the word is right.
ALLOWED_PHRASES = (
    "Online-Termin",  # the glossary's own word for an online visit
    "Version des Programms",  # the program's version, not a record's Fassung
    "Version dieses Programms",
    "liest Version",  # "dieses Programm liest Version {supported}": the export format's version
    "neueren Version",  # README quotes "… von einer neueren Version …" (the program's)
)
# (context, msgid) whose German may use a word the list rules out elsewhere.
ALLOWED_ENTRIES = {
    ("visit status", "Confirmed"): "a confirmed visit is Bestätigt; only attendance says Zugesagt",
}
# Texts another part of the [wording] work (the "messages" branch: domain/errors.py,
# ui/common/prompts.py, ui/shell/start_failure.py, storage/failures.py) rewrites. Listed so this test
# can land first; an entry that is gone or fixed fails below, so the list empties itself on merge.
PENDING_ELSEWHERE: dict[str, str] = {}
# German texts that may start with a small letter: they are never a sentence or label of their own.
LOWER_CASE_OK = {
    # Inside "Verbunden: PostgreSQL {version}, {secured}." (Datei → Datenbank wählen …)
    "encrypted (TLS)": "mid-sentence",
    "not encrypted": "mid-sentence",
    # A state shown as a value in a list cell or after a middle dot, as German lists write it.
    "done on {date}": "a value",
    "due on {date}": "a value",
    "due today": "a value",
    "open": "a value",
    "overdue": "a value",
    "owner: {name}": "after a middle dot",
    "with {names}": "in parentheses after a contact entry",
    "no date": "a value in place of a date",
    "[removed]": "in place of a removed mention, inside the sentence that had it",
    "hh:mm": "a placeholder: the time's format, as DIN 5008 writes it",
    "read-only": "after the window title's dash",
    "current": "a value after the colon of `team check`'s schema line",
    "older: run team upgrade": "a value after the colon of `team check`'s schema line",
    "newer than this program: update the program": "a value after the colon of `team check`'s schema line",
    "none yet: run team init": "a value after the colon of `team check`'s schema line",
    "yes": "a value: `TLS: ja`",
    "no": "a value: `TLS: nein`",
    "postgresql://ADMIN@HOST:PORT/DATABASE, no password": "an address: its scheme is lower case",
    "met once, last on {date}": "after a person's name",
    "sent on {day}": "after a middle dot (the quote's approval state)",
    "paraphrase": "in parentheses after a quote in the press pack",
    "Thank you for the visit “{visit}” on {day}.": "a letter's first line after the salutation's comma",
    "Thank you for the visit “{visit}”.": "a letter's first line after the salutation's comma",
    "and {count} more": "the end of a list of names, after a semicolon",
    # The choice that means nothing, in parentheses or dashes as German lists write it.
    "(no visit)": "a null choice",
    "(nobody)": "a null choice",
    "(none)": "a null choice",
    "(not set)": "a null choice",
    "— none —": "a null choice",
    # argparse writes "Fehler: argument --today: …" before these.
    "not a date (YYYY-MM-DD): {value}": "after argparse's prefix",
    "unknown section; choose from {names}": "after argparse's prefix",
}
SENTENCE_START_SIE = re.compile(r"(?:^|[.:;?!]\s+)Sie\b")


def _pattern(words: dict[str, str]) -> re.Pattern:
    return re.compile("|".join(rf"(?<![\w-])(?:{w})(?!\w)" for w in words))


GERMAN_WORDS, ENGLISH_WORDS = _pattern(GERMAN_NOT), _pattern(ENGLISH_NOT)


def ruled_out(pattern: re.Pattern, text: str) -> list[str]:
    for phrase in ALLOWED_PHRASES:
        text = text.replace(phrase, "")
    return [match.group(0) for match in pattern.finditer(text)]


def _forms(value) -> tuple[str, ...]:
    return value if isinstance(value, tuple) else (value,)


def _singular(message) -> str:
    return message.id[0] if isinstance(message.id, tuple) else message.id


GERMAN = [m for m in german_catalog() if m.id]


def test_the_german_catalogue_uses_the_glossarys_words():
    found = {
        (m.context, _singular(m)): words
        for m in GERMAN
        if (m.context, _singular(m)) not in ALLOWED_ENTRIES and _singular(m) not in PENDING_ELSEWHERE
        for words in [sorted({w for form in _forms(m.string) for w in ruled_out(GERMAN_WORDS, form)})]
        if words
    }
    assert found == {}


def test_the_english_sources_use_the_glossarys_words():
    found = {
        source: words
        for _context, message in marked_messages()
        for source in _forms(message)
        for words in [ruled_out(ENGLISH_WORDS, source)]
        if words
    }
    assert found == {}


def test_no_code_spells_the_classification_with_a_dash():
    """The briefing renderer prints the marking itself, outside the catalogue."""
    spaced = re.compile(r"VS\s*[–-]\s+NUR|VS\s+[–-]\s*NUR")
    found = [
        str(path.relative_to(PACKAGE_DIR))
        for path in PACKAGE_DIR.rglob("*.py")
        if spaced.search(path.read_text("utf-8"))
    ]
    assert found == []


def _starts_small(text: str) -> bool:
    text = text.lstrip("&„‚")  # a mnemonic, or the quotation marks around a name
    if text.startswith(("{", "--")):  # a placeholder (what it holds decides) or a command-line option
        return False
    letter = next((c for c in text if c.isalpha()), "")
    return letter.islower()


def test_german_sentences_and_labels_start_with_a_capital():
    small = [
        _singular(m)
        for m in GERMAN
        if _singular(m) not in LOWER_CASE_OK and any(_starts_small(form) for form in _forms(m.string))
    ]
    assert small == []


def test_no_sentence_starts_with_a_sie_that_reads_as_you():
    """ "Sie wurden aufbewahrt." reads as "you were kept": name the thing instead."""
    found = [
        _singular(m)
        for m in GERMAN
        if _singular(m) not in PENDING_ELSEWHERE
        and any(SENTENCE_START_SIE.search(form) for form in _forms(m.string))
    ]
    assert found == []


def test_the_allowances_are_still_needed():
    """An allowance for a text that no longer exists, or no longer needs it, is taken out."""
    ids = {_singular(m): m for m in GERMAN}
    assert set(LOWER_CASE_OK) <= set(ids)
    assert {k for k in LOWER_CASE_OK if not any(_starts_small(f) for f in _forms(ids[k].string))} == set()
    for msgid, word in PENDING_ELSEWHERE.items():
        assert msgid in ids, f"{msgid!r} is gone: take it out of PENDING_ELSEWHERE"
        assert word in ids[msgid].string, f"{msgid!r} is fixed: take it out of PENDING_ELSEWHERE"
    assert {key for key in ALLOWED_ENTRIES if key[1] not in ids} == set()


def test_one_english_word_two_german_ones():
    assert label(Attendance.CONFIRMED, "de") == "Zugesagt"
    assert label(Attendance.CONFIRMED, "en") == "Confirmed"
    assert label(ParticipantSide.HOST, "de") == "Gastgeberseite"
    assert label(ParticipantRole.HOST, "de") == "Gastgeber/-in"  # a person, so with /-in
    assert [label(d, "de") for d in VisitDirection] == [
        "Delegationsreise",
        "Empfang einer Delegation",
        "Online-Termin",
    ]
    assert [label(d, "en") for d in VisitDirection] == ["Delegation trip", "Hosting a delegation", "Online"]


def _readme_prose() -> str:
    """What a reader reads: commands and file names in code spans and blocks are not wording."""
    text = re.sub(r"```.*?```", " ", README.read_text("utf-8"), flags=re.DOTALL)
    return re.sub(r"`[^`]*`", " ", text)


def test_the_readme_uses_the_glossarys_words():
    prose = _readme_prose()
    assert ruled_out(GERMAN_WORDS, prose) == []
    assert ruled_out(ENGLISH_WORDS, prose) == []


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_user_guide_uses_the_glossarys_words(language):
    prose = re.sub(r"<[^>]*>", " ", GUIDES[language].read_text("utf-8"))  # the text, not the markup
    assert ruled_out(GERMAN_WORDS if language == "de" else ENGLISH_WORDS, prose) == []


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_demo_briefing_uses_the_glossarys_words(services, language):
    data = collect_briefing(
        services, load_demo(services), today=date(2026, 2, 20), issued_by="Organisationsbüro"
    )
    pdf = render_briefing(data, BriefingOptions(language=language, deterministic=True))
    text = flat(pdftotext(pdf))
    assert ruled_out(GERMAN_WORDS, text) == []
    assert ruled_out(ENGLISH_WORDS, text) == []
    assert ("Erstellt am" if language == "de" else "Created on") in text
    footer = {"de": "Stand: 20.02.2026 · Delegationsbesuche", "en": "As of 20 Feb 2026 · Delegation visits"}
    assert footer[language] in text
    # The document properties a PDF viewer shows name the program as the window does.
    program = "Delegationsbesuche" if language == "de" else "Delegation visits"
    assert PdfReader(io.BytesIO(pdf)).metadata.creator.startswith(program)


UI_DIR = PACKAGE_DIR / "ui"
# What reads as somebody's data in an empty field: a digit (a date, a phone number), an address.
DATA_LIKE = re.compile(r"\d|@|://|www\.")


def _ui_calls():
    import ast

    for path in sorted(UI_DIR.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call):
                yield path.relative_to(PACKAGE_DIR), node


def _name_of(func) -> str:
    return getattr(func, "attr", "") or getattr(func, "id", "")


def _placeholders():
    """(where, argument) of every placeholder text the windows set."""
    for where, call in _ui_calls():
        if _name_of(call.func) == "setPlaceholderText" and call.args:
            yield where, call.args[0]
        for keyword in call.keywords:
            if keyword.arg == "placeholderText":
                yield where, keyword.value


def test_placeholders_are_hints_not_data():
    """An empty field showing "31.03.2026" or "name@stadt.de" reads as filled in (issue 12, item 8):
    a placeholder is a translated hint ("TT.MM.JJJJ", "Mit Vorwahl") or a name given to a chooser."""
    import ast

    german = {_singular(m): m.string for m in GERMAN}
    literal, data_like = [], []
    for where, argument in _placeholders():
        if isinstance(argument, ast.Constant):
            literal.append(f"{where}:{argument.lineno} {argument.value!r}")
        elif (
            isinstance(argument, ast.Call)
            and _name_of(argument.func) == "_"
            and isinstance(argument.args[0], ast.Constant)
        ):
            msgid = argument.args[0].value
            if DATA_LIKE.search(msgid) or DATA_LIKE.search(german.get(msgid, "")):
                data_like.append(f"{where}:{argument.lineno} {msgid!r}")
    assert literal == []
    assert data_like == []


def test_questions_have_buttons_that_say_what_they_do():
    """Yes/No and the static QMessageBox.question/warning (whose buttons are generic) appear nowhere:
    every question goes through ui/common/prompts.py, whose buttons name the action."""
    generic = []
    for where, call in _ui_calls():
        name = _name_of(call.func)
        owner = getattr(call.func, "value", None)
        if name in {"question", "warning", "critical"} and _name_of(owner) == "QMessageBox":
            generic.append(f"{where}:{call.lineno} QMessageBox.{name}")
    for path in sorted(UI_DIR.rglob("*.py")):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if re.search(r"StandardButton\.(Yes|No|YesToAll|NoToAll)\b", line):
                generic.append(f"{path.relative_to(PACKAGE_DIR)}:{number}")
    assert generic == []

