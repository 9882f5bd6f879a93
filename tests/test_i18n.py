"""The German gettext catalogue against the code: complete, current, compiled, and counts in plurals."""

import ast
import re
from datetime import date, datetime
from io import BytesIO

import pytest
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from delegation_app import i18n
from delegation_app.domain import enums
from delegation_app.i18n.formatting import (
    format_date,
    format_date_range,
    format_datetime,
    format_time,
    format_time_range,
)
from delegation_app.i18n.labels import label
from delegation_app.resource_files import resource

from i18n_scan import MO_PATH, german_catalog, key, marked_messages, marker_calls, source_files

PLACEHOLDER = re.compile(r"{(\w*)[^}]*}")
# A placeholder with one of these names holds a number of things, so its sentence needs plural forms.
COUNT_LIKE = re.compile(r"{(n|count|counts?_\w+|number|total|days|max|min|people|visits|records|entries)\b")
# Numbers that are not counts: "Follow-up {number}" names the row's position (the 3rd follow-up),
# it does not count follow-ups.
NOT_COUNTS = {
    "Follow-up {number}: title",
    "Follow-up {number}: owner",
    "Follow-up {number}: due on",
}


def translated(catalog):
    return {key(m): m for m in catalog if m.id}


def test_every_marked_string_has_a_german_translation():
    german = translated(german_catalog())
    missing = {k: places for k, places in marked_messages().items() if k not in german}
    assert missing == {}


def test_the_catalog_holds_no_stale_entries():
    unused = set(translated(german_catalog())) - set(marked_messages())
    assert unused == set()


def test_no_german_entry_is_fuzzy_or_empty():
    catalog = german_catalog()
    assert not catalog.fuzzy
    assert catalog.plural_forms == "nplurals=2; plural=(n != 1);"
    bad = [m.id for m in catalog if m.id and (m.fuzzy or not all(s.strip() for s in _forms(m.string)))]
    assert bad == []


def test_the_template_lists_what_the_code_marks():
    with resource("locale", "delegation_app.pot").open("rb") as pot:
        template = {key(m) for m in read_po(pot) if m.id}
    assert template == set(marked_messages())


def test_the_compiled_catalogue_matches_the_po():
    compiled = BytesIO()
    write_mo(compiled, german_catalog())
    compiled.seek(0)
    with MO_PATH.open("rb") as committed:
        assert _entries(read_mo(committed)) == _entries(read_mo(compiled)), (
            "the .mo is stale: run pybabel compile -d resources/locale -D delegation_app"
        )


def _entries(catalog):
    # read_mo gives plural ids and forms as lists, read_po as tuples
    return {(m.context, _as_tuple(m.id)): _as_tuple(m.string) for m in catalog if m.id}


def _as_tuple(value):
    return tuple(value) if isinstance(value, list | tuple) else value


def _forms(string):
    return string if isinstance(string, tuple) else (string,)


@pytest.mark.parametrize("message", [m for m in german_catalog() if m.id], ids=lambda m: str(m.id)[:60])
def test_translations_keep_placeholders_and_mnemonics(message):
    if isinstance(message.id, tuple):
        singular, plural = message.id
        one, many = message.string
        # The singular may say the number in words ("met once" / "einmal getroffen").
        assert set(PLACEHOLDER.findall(one)) <= set(PLACEHOLDER.findall(singular + plural))
        assert set(PLACEHOLDER.findall(many)) == set(PLACEHOLDER.findall(plural))
        sources, germans = (singular, plural), (one, many)
    else:
        assert set(PLACEHOLDER.findall(message.string)) == set(PLACEHOLDER.findall(message.id))
        sources, germans = (message.id,), (message.string,)
    for source, german in zip(sources, germans, strict=True):
        assert source.count("&") == german.count("&")


def test_no_marked_string_hides_in_an_f_string():
    """Babel's extractor (on Python 3.11) does not look inside f-strings: a string marked there is
    never in the catalogue and stays English."""
    hidden = [
        f"{path}:{call.lineno}"
        for path, tree in source_files()
        for node in ast.walk(tree)
        if isinstance(node, ast.JoinedStr)
        for call in marker_calls(node)
        if any(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in call.args)
    ]
    assert hidden == []


def test_every_count_message_has_plural_forms():
    without_plural = [
        f"{path}:{call.lineno}: {text}"
        for path, tree in source_files()
        for call in marker_calls(tree)
        if call.func.id in {"_", "N_", "pgettext"}
        for arg in call.args
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
        for text in [arg.value]
        if COUNT_LIKE.search(text) and text not in NOT_COUNTS
    ]
    assert without_plural == []


def test_every_enum_member_has_a_label_in_both_languages():
    # One English word may have several German ones, told apart by gettext context ("Confirmed":
    # Bestätigt for a visit, Zugesagt for attendance): the label must be one of the catalogue's.
    german: dict[str, set[str]] = {}
    for message in german_catalog():
        if message.id:
            german.setdefault(message.id, set()).add(message.string)
    for enum_cls in (getattr(enums, name) for name in dir(enums)):
        if (
            isinstance(enum_cls, type)
            and issubclass(enum_cls, enums.StrEnum)
            and enum_cls is not enums.StrEnum
        ):
            for member in enum_cls:
                i18n.set_language("en")
                english = label(member)
                i18n.set_language("de")
                assert label(member) in german[english]
                assert label(member, "en") == english


def test_switching_language():
    i18n.set_language("en")
    assert i18n._("Visits") == "Visits"
    assert i18n.current_language() == "en"
    i18n.set_language("de")
    assert i18n._("Visits") == "Besuche"
    with pytest.raises(ValueError, match="unsupported"):
        i18n.set_language("fr")


def test_a_translator_speaks_its_own_language_whatever_the_current_one():
    english, german = i18n.translator("en"), i18n.translator("de")
    assert german("Visits") == german.gettext("Visits") == "Besuche"
    assert english("Visits") == "Visits"
    assert german.ngettext("{count} entry", "{count} entries", 1) == "{count} Eintrag"
    assert german.ngettext("{count} entry", "{count} entries", 2) == "{count} Einträge"
    assert english.ngettext("{count} entry", "{count} entries", 0) == "{count} entries"
    # No context entries yet: an unknown context falls back to the English source, as gettext does.
    assert german.pgettext("visit status", "Unknown word") == "Unknown word"
    assert english.npgettext("ctx", "{n} thing", "{n} things", 2) == "{n} things"
    assert i18n.translator() is german
    with pytest.raises(ValueError, match="unsupported"):
        i18n.translator("fr")


def test_module_functions_follow_the_current_language():
    assert i18n.ngettext("{count} visit", "{count} visits", 1) == "{count} Besuch"
    assert i18n.pgettext("ctx", "Visits") == "Visits"  # the context is part of the key
    assert i18n.npgettext("ctx", "{count} visit", "{count} visits", 2) == "{count} visits"
    i18n.set_language("en")
    assert i18n.ngettext("{count} visit", "{count} visits", 1) == "{count} visit"


def test_german_date_and_time_conventions():
    moment = datetime(2026, 2, 24, 14, 30)
    assert format_date(moment) == "24.02.2026"
    assert format_time(moment) == "14:30 Uhr"
    assert format_datetime(moment) == "24.02.2026, 14:30 Uhr"
    assert format_date_range(date(2026, 2, 24), date(2026, 2, 25)) == "24.02.2026 – 25.02.2026"
    assert format_date_range(moment, datetime(2026, 2, 24, 18, 0)) == "24.02.2026"
    assert format_time_range(moment, datetime(2026, 2, 24, 16, 0)) == "14:30–16:00 Uhr"
    i18n.set_language("en")
    assert format_time(moment) == "14:30"
    assert format_time_range(moment, None) == "14:30"


@pytest.mark.parametrize(
    ("singular", "plural", "one", "two"),
    [
        (
            "Restored the backup of {date} ({count} record). The state before is kept in {path}.",
            "Restored the backup of {date} ({count} records). The state before is kept in {path}.",
            "({count} Datensatz) ist wiederhergestellt",
            "({count} Datensätze) ist wiederhergestellt",
        ),
        (
            "The update of the database failed ({count} broken reference); nothing was changed.",
            "The update of the database failed ({count} broken references); nothing was changed.",
            "({count} fehlerhafter Verweis)",
            "({count} fehlerhafte Verweise)",
        ),
    ],
)
def test_counts_built_inline_have_both_german_forms(singular, plural, one, two):
    """The CLI's restore line and the failed update's message are built inside larger commands."""
    german, english = i18n.translator("de"), i18n.translator("en")
    assert one in german.ngettext(singular, plural, 1)
    assert two in german.ngettext(singular, plural, 2)
    assert english.ngettext(singular, plural, 1) == singular
    assert english.ngettext(singular, plural, 2) == plural


def test_domain_errors_translate_when_the_message_is_read():
    from delegation_app.domain.errors import NotFoundError, ValidationError
    from delegation_app.domain.record_names import RecordName

    gone = NotFoundError(RecordName("visit"), 7)
    assert gone.message == str(gone) == "Dieser Besuch ist nicht (mehr) vorhanden."
    invalid = ValidationError({"title": "Dieses Feld muss ausgefüllt werden."})
    assert invalid.message == (
        "Bitte korrigieren Sie die markierten Felder. title: Dieses Feld muss ausgefüllt werden."
    )
    i18n.set_language("en")
    assert gone.message == "This visit does not exist (any more)."
    assert invalid.message.startswith("Please correct the marked fields. title: ")
