from delegation_app.domain.sortkey import fold, name_sort_key


def test_din_5007_dictionary_order():
    names = ["Zander", "Özdemir", "Oz", "Müller", "Mueller", "Muller", "Łukasz", "Straße", "Ostermann"]
    ordered = sorted(names, key=name_sort_key)
    # Ö sorts with O (not after Z), ß as ss, Ł with L; "Mueller" is spelled with e and sorts so.
    assert ordered.index("Özdemir") < ordered.index("Zander")
    assert ordered.index("Ostermann") < ordered.index("Oz") < ordered.index("Özdemir")
    assert ordered[0] == "Łukasz"
    assert ordered.index("Mueller") < ordered.index("Müller")
    assert name_sort_key("Straße") == name_sort_key("Strasse")


def test_last_name_groups_before_first_name():
    people = [("Kuhne", "Anna"), ("Kuhn", "Dominik"), ("Kuhn", "Anton")]
    ordered = sorted(people, key=lambda p: name_sort_key(*p))
    assert ordered == [("Kuhn", "Anton"), ("Kuhn", "Dominik"), ("Kuhne", "Anna")]


def test_fold_handles_missing_and_accented_text():
    assert fold(None) == ""
    assert fold("  Václav   Dvořák ") == "vaclav dvorak"
    assert fold("Şadi Özdemir") == "sadi ozdemir"
    assert fold("Ayşegül Gökçen") == "aysegul gokcen"
