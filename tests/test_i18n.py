import re
from datetime import date, datetime

import pytest

from delegation_app import i18n
from delegation_app.domain import enums
from delegation_app.i18n.catalog_de import MESSAGES
from delegation_app.i18n.formatting import (
    format_date,
    format_date_range,
    format_datetime,
    format_time,
    format_time_range,
)
from delegation_app.i18n.labels import label

from i18n_scan import marked_strings

PLACEHOLDER = re.compile(r"{(\w*)[^}]*}")


def test_every_marked_string_has_a_german_translation():
    missing = {text: places for text, places in marked_strings().items() if text not in MESSAGES}
    assert missing == {}


def test_the_catalog_holds_no_stale_entries():
    unused = set(MESSAGES) - set(marked_strings())
    assert unused == set()


@pytest.mark.parametrize("source", sorted(MESSAGES))
def test_translations_keep_placeholders_and_mnemonics(source):
    german = MESSAGES[source]
    assert german.strip()
    assert set(PLACEHOLDER.findall(german)) == set(PLACEHOLDER.findall(source))
    assert source.count("&") == german.count("&")


def test_every_enum_member_has_a_label_in_both_languages():
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
                assert label(member) == MESSAGES[english]


def test_switching_language():
    i18n.set_language("en")
    assert i18n._("Visits") == "Visits"
    i18n.set_language("de")
    assert i18n._("Visits") == "Besuche"
    with pytest.raises(ValueError, match="unsupported"):
        i18n.set_language("fr")


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
