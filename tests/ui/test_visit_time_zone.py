"""A visit's time zone is chosen from named zones, with the keyboard; the IANA id is what is
stored, and a zone stored before that is not in the list is still shown."""

import pytest
from PySide6.QtCore import Qt

from delegation_app import i18n
from delegation_app.i18n.time_zones import ZONES, zone_choices
from delegation_app.services.visits import VisitInput

import factories

TITLE = "Hanauer Delegation in Bochum: Stadt- und Smart-City-Strategie"


def test_the_zone_is_chosen_with_the_keyboard_saved_and_shown_again(qtbot, window, demo_services):
    editor = window.visits.editor
    combo = editor.form.timezone
    assert not combo.isEditable()  # no IANA id to type
    assert combo.currentText() == "Mitteleuropäische Zeit (Berlin, Warschau, Paris)"
    combo.setFocus()
    qtbot.keyClicks(combo, "Japan")  # type-ahead, as in any choice box
    assert combo.currentText() == "Japan (Tokio)"
    qtbot.keyClick(editor.form.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    visit_id = editor.visit.id
    assert demo_services.visits.get(visit_id).timezone == "Asia/Tokyo"
    editor.load(None)
    editor.load(visit_id)
    assert editor.form.timezone.currentText() == "Japan (Tokio)"
    assert editor.state.text() == ""  # showing it is no change


def test_a_zone_outside_the_list_is_shown_and_kept(qtbot, window, demo_services):
    visit = factories.visit(demo_services, "Besuch aus Kathmandu", timezone="Asia/Kathmandu")
    editor = window.visits.editor
    editor.load(visit.id)
    assert editor.form.timezone.currentText() == "Kathmandu"
    assert editor.form.timezone.currentData() == "Asia/Kathmandu"
    editor.form.title.setText("Gegenbesuch aus Kathmandu")
    assert editor.save()
    assert demo_services.visits.get(visit.id).timezone == "Asia/Kathmandu"  # untouched


def test_the_names_are_german_and_english_and_each_id_is_a_real_zone():
    from zoneinfo import ZoneInfo

    assert len(ZONES) >= 20
    for zone_id, _name in ZONES:
        ZoneInfo(zone_id)
    german = {zone_id: name for name, zone_id in zone_choices()}
    assert german["Europe/Athens"] == "Osteuropäische Zeit (Athen, Kiew, Bukarest)"
    assert german["Europe/London"] == "Westeuropäische Zeit (London, Lissabon, Dublin)"
    assert german["Europe/Moscow"] == "Moskau"
    i18n.set_language("en")
    english = {zone_id: name for name, zone_id in zone_choices()}
    assert english["Europe/Berlin"] == "Central European Time (Berlin, Warsaw, Paris)"
    assert all("/" not in name for name in english.values())  # never an IANA id


@pytest.mark.parametrize(("lang", "sentence"), [
    ("de", "Diese Zeitzone ist unbekannt. Bitte wählen Sie eine aus der Liste."),
    ("en", "This time zone is unknown. Please choose one from the list."),
])  # fmt: skip
def test_the_service_still_refuses_an_unknown_zone_in_a_sentence(services, lang, sentence):
    from delegation_app.domain.errors import ValidationError

    i18n.set_language(lang)
    with pytest.raises(ValidationError) as refused:
        services.visits.create(VisitInput(title="Besuch", timezone="Mars/Olympus"))
    assert refused.value.errors == {"timezone": sentence}
