"""The one rule for writing out a person's name (domain.person_names)."""

import pytest

from delegation_app.domain.person_names import compose_name, is_cjk_name, list_name


@pytest.mark.parametrize(
    ("title", "first", "last", "family_first", "expected"),
    [
        ("Dr.", "Anna", "Schmidt", False, "Dr. Anna Schmidt"),
        (None, None, "Kopietz", False, "Kopietz"),
        (None, "小明", "王", True, "王小明"),  # CJK: no space
        ("Dr.", "小明", "王", True, "Dr. 王小明"),  # the title still first
        (None, "Viktor", "Orbán", True, "Orbán Viktor"),  # other scripts: a space
        (None, "Thị Lan", "Nguyễn", True, "Nguyễn Thị Lan"),
        (None, "정은", "김", True, "김정은"),  # Hangul
        (None, "小明", "王", False, "小明 王"),  # not set: given name first, as typed
        (None, None, "王", True, "王"),  # one name alone
        (None, "Wang", "王", True, "王 Wang"),  # mixed scripts keep the space
    ],
)
def test_compose_name(title, first, last, family_first, expected):
    assert compose_name(title, first, last, family_first) == expected


def test_the_list_name_keeps_the_family_name_in_front():
    assert list_name("Dr.", "Anna", "Schmidt", False) == "Schmidt, Dr. Anna"
    assert list_name(None, "小明", "王", True) == "王小明"
    assert list_name("Dr.", "Viktor", "Orbán", True) == "Orbán Viktor, Dr."
    assert list_name(None, None, "Kopietz", False) == "Kopietz"


def test_cjk_names():
    assert all(is_cjk_name(name) for name in ("王小明", "さくら", "김정은", "王 小明"))
    assert not any(is_cjk_name(name) for name in ("Orbán", "", "王 X"))
