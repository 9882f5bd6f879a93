"""The lazily parsed hyphenation patterns are pyphen's own table, entry by entry, and a cold
document parses only the patterns its words look up."""

import pyphen
import pytest

from delegation_app.reports.hyphenation_patterns import LazyPatterns, hyphenator

WORDS = (
    "Städtepartnerschaften", "Protokollangelegenheiten", "Öffentlichkeitsarbeit", "Oberbürgermeisterin",
    "Besuchsprogramm", "relationship", "accommodation", "interpreters", "Schifffahrt", "Zucker",
)  # fmt: skip


@pytest.mark.parametrize("language", ["de_DE", "en_GB"])
def test_the_lazy_table_is_pyphens_table(language):
    path = pyphen.LANGUAGES[language]
    lazy = LazyPatterns(path)
    eager = pyphen.HyphDict(path)
    parsed = {key: lazy.get(key) for key in lazy.letters()}
    assert {k: v for k, v in parsed.items() if v is not None} == {
        key: (start, tuple(values)) for key, (start, values) in eager.patterns.items()
    }
    assert lazy.maxlen == eager.maxlen


@pytest.mark.parametrize("language", ["de_DE", "en_GB"])
def test_words_break_where_pyphen_breaks_them(language):
    eager = pyphen.Pyphen(filename=pyphen.LANGUAGES[language], cache=False)
    lazy = hyphenator(language)
    for word in WORDS:
        assert list(lazy.iterate(word)) == list(eager.iterate(word)), word


def test_a_word_parses_only_the_patterns_it_looks_up():
    lazy = LazyPatterns(pyphen.LANGUAGES["de_DE"])
    table = pyphen.HyphDict.__new__(pyphen.HyphDict)
    table.patterns, table.cache, table.maxlen = lazy, {}, lazy.maxlen
    assert table.positions("Städtepartnerschaften")
    assert len(lazy._parsed) < 2_000 < 60_000 < len(lazy.letters())  # a few hundred of 66,000
