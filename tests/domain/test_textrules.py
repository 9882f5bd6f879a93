"""The character rules agree with the Unicode database for every code point."""

import sys
import unicodedata

from delegation_app.domain.textrules import ALLOWED_CONTROLS, has_forbidden_control, has_lone_surrogate


def test_the_rules_match_the_unicode_categories_for_every_code_point():
    for code_point in range(sys.maxunicode + 1):
        char = chr(code_point)
        category = unicodedata.category(char)
        assert has_lone_surrogate(char) == (category == "Cs"), hex(code_point)
        forbidden = category == "Cc" and char not in ALLOWED_CONTROLS
        assert has_forbidden_control(char) == forbidden, hex(code_point)


def test_a_forbidden_character_is_found_anywhere_in_long_text():
    text = "Grüße " * 20_000
    assert not has_forbidden_control(text)
    assert not has_lone_surrogate(text)
    assert has_forbidden_control(text + "\x00")
    assert has_lone_surrogate("\udfff" + text)
