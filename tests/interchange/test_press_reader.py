"""The press reader: its parts (quote marks, sentences, lexicon) and its quality on the
development set (floors below the measured figures, so a rule change that loses ground fails)."""

import json
from pathlib import Path

import pytest

from delegation_app.interchange.press_reader import read_press_release
from delegation_app.interchange.press_reader.first_names import first_name_gender
from delegation_app.interchange.press_reader.lexicon import SPEECH_VERBS, function_gender, is_function_word
from delegation_app.interchange.press_reader.quote_marks import find_quotes
from delegation_app.interchange.press_reader.sentences import split_sentences
from press_scoring import score_set

SEED = Path(__file__).resolve().parents[2] / "resources" / "demo" / "press-release-hanau-bochum.txt"
DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "hanau-bochum.json"


def _inner(text: str) -> list[str]:
    return [span.inner(text) for span in find_quotes(text)]


def test_every_quote_mark_style_and_nesting():
    text = "„Das ‚Haus‘ steht“, »eins«, «zwei», \"drei 'x' vier\", “fünf”, ‚sechs‘, ›sieben‹ und geht’s."
    assert _inner(text) == ["Das ‚Haus‘ steht", "eins", "zwei", "drei 'x' vier", "fünf", "sechs", "sieben"]


def test_an_unclosed_mark_does_not_swallow_the_next_paragraph():
    text = "Er sagte „offen.\n\nNeuer Absatz „zu“."
    assert _inner(text) == ["zu"]


def test_apostrophes_are_not_quotes():
    assert _inner("Hans’ Idee und geht’s und O'Brien.") == []


@pytest.mark.parametrize(
    "text",
    [
        "OB Dr. Meier kam am 24.02.2026 nach Bochum, z. B. mit Prof. Dr. Klaus Weber u. a. am 3. März.",
        "Am 3. März 2026 sprach Stadtrat Müller ca. eine Stunde.",
    ],
)
def test_abbreviations_and_dates_do_not_end_sentences(text):
    assert len(split_sentences(text, find_quotes(text))) == 1


def test_a_quote_ending_with_a_full_stop_ends_its_sentence_unless_attribution_follows():
    text = "„Wir kommen.“ „Gern.“, sagte sie. Dann ging es los."
    assert [s.text for s in split_sentences(text, find_quotes(text))] == [
        "„Wir kommen.“",
        "„Gern.“, sagte sie.",
        "Dann ging es los.",
    ]


def test_lexicon_knows_speech_verbs_in_their_tenses():
    for form in (
        "sagte",
        "sagt",
        "betonte",
        "erklärt",
        "ergänzte",
        "unterstrich",
        "hob",
        "erläuterte",
        "gesagt",
    ):
        assert form in SPEECH_VERBS
    assert "Haus" not in SPEECH_VERBS


def test_lexicon_knows_functions_and_their_gender():
    assert is_function_word("Stadträtin")
    assert function_gender("Stadträtin") == "f"
    assert is_function_word("Oberbürgermeister")
    assert function_gender("Oberbürgermeister") == "m"
    assert is_function_word("Digitalisierungsbeauftragte")
    assert is_function_word("Amtsleiterin")
    assert not is_function_word("Zitat")
    assert not is_function_word("Format")
    assert first_name_gender("Isabelle") == "f"
    assert first_name_gender("Łukasz") == "m"


def test_speaker_after_before_pronoun_and_role():
    text = (
        "Oberbürgermeisterin Dr. Anna Berg empfing Stadtrat Kemal Şahin. „Wir lernen viel“, sagte sie. "
        "Şahin erklärte: „Der Besuch lohnt sich.“ „Danke für alles“, betonte die Oberbürgermeisterin."
    )
    reading = read_press_release(text)
    assert [(q.text, q.speaker.name if q.speaker else None) for q in reading.quotes] == [
        ("Wir lernen viel", "Anna Berg"),
        ("Der Besuch lohnt sich.", "Kemal Şahin"),
        ("Danke für alles", "Anna Berg"),
    ]
    berg = reading.people[0]
    assert (berg.title, berg.function, berg.gender) == ("Dr.", "Oberbürgermeisterin", "f")


def test_mottos_and_names_in_quote_marks_are_not_quotes():
    text = "Unter dem Motto „Gemeinsam stark“ stellte die Stadt das Projekt „Smart City Bochum“ vor."
    assert read_press_release(text).quotes == []


def test_each_proposal_names_the_sentence_it_came_from():
    text = SEED.read_text(encoding="utf-8")
    reading = read_press_release(text)
    for quote in reading.quotes:
        assert quote.evidence is not None
        assert text[quote.evidence.start : quote.evidence.end] == quote.evidence.sentence
        assert quote.evidence.start <= quote.start < quote.end <= quote.evidence.end


def test_the_seed_gives_the_demo_people_and_the_six_quotes():
    reading = read_press_release(SEED.read_text(encoding="utf-8")).as_json()
    demo = json.loads(DEMO.read_text(encoding="utf-8"))
    expected = {
        " ".join(p for p in (person["first_name"], person["last_name"]) if p) for person in demo["people"]
    }
    assert {p["name"] for p in reading["people"]} == expected
    assert "Kopietz" in expected
    speakers = {p["key"]: " ".join(x for x in (p["first_name"], p["last_name"]) if x) for p in demo["people"]}
    verbatim = [
        (q["text"].strip("„“"), speakers[q["speaker"]]) for q in demo["quotes"] if q["kind"] == "verbatim"
    ]
    assert [(q["text"], q["speaker"]) for q in reading["quotes"]] == verbatim
    assert len(verbatim) == 6
    assert {o["name"] for o in reading["organisations"]} == {
        "Stadt Hanau",
        "Stadt Bochum",
        "Stadtwerke Bochum Holding",
    }
    assert reading["visit"]["place"] == "Bochum"


def test_quality_floors_on_the_development_set():
    totals = score_set()
    for label, score in totals.items():
        assert score.quote_recall >= 0.9, label
        assert score.quote_precision >= 0.9, label
        assert score.speaker_accuracy >= 0.85, label
        assert score.people_recall >= 0.85, label
    assert sum(s.quotes_expected for s in totals.values()) >= 30
