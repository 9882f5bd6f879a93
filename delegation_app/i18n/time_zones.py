"""The time zones a visit can be in, by the names people use ("Central European Time (Berlin,
Warsaw, Paris)"), not by IANA ids. The id is what is stored and exported; the list is curated to
the places a city's partners live in, so nobody has to know that Kyiv keeps Athens' time.

A zone stored before (or imported) that is not in the list is still shown, by its city.
"""

from delegation_app.i18n import N_, _

# (IANA id, name shown): Europe first, from west to east, then the rest of the world.
ZONES: list[tuple[str, str]] = [
    ("Europe/London", N_("Western European Time (London, Lisbon, Dublin)")),
    ("Europe/Berlin", N_("Central European Time (Berlin, Warsaw, Paris)")),
    ("Europe/Athens", N_("Eastern European Time (Athens, Kyiv, Bucharest)")),
    ("Europe/Istanbul", N_("Turkey (Istanbul, Ankara)")),
    ("Europe/Minsk", N_("Belarus (Minsk)")),
    ("Europe/Moscow", N_("Moscow")),
    ("Asia/Tbilisi", N_("Georgia (Tbilisi)")),
    ("Asia/Jerusalem", N_("Israel (Jerusalem, Tel Aviv)")),
    ("Asia/Dubai", N_("Gulf States (Dubai, Abu Dhabi)")),
    ("Asia/Kolkata", N_("India (New Delhi, Mumbai)")),
    ("Asia/Shanghai", N_("China (Beijing, Shanghai)")),
    ("Asia/Seoul", N_("South Korea (Seoul)")),
    ("Asia/Tokyo", N_("Japan (Tokyo)")),
    ("Australia/Sydney", N_("Eastern Australia (Sydney, Canberra)")),
    ("Africa/Lagos", N_("West Africa (Lagos, Kinshasa)")),
    ("Africa/Johannesburg", N_("South Africa (Johannesburg, Pretoria)")),
    ("Africa/Nairobi", N_("East Africa (Nairobi, Addis Ababa)")),
    ("America/New_York", N_("US East Coast (New York, Washington)")),
    ("America/Chicago", N_("US Central (Chicago)")),
    ("America/Los_Angeles", N_("US West Coast (Los Angeles, San Francisco)")),
    ("America/Sao_Paulo", N_("Brazil (São Paulo, Brasília)")),
    ("UTC", N_("Coordinated Universal Time (UTC)")),
]
_NAMES = dict(ZONES)


def zone_name(zone_id: str) -> str:
    """The zone as users read it in the current language; one outside the list by its city."""
    if zone_id in _NAMES:
        return _(_NAMES[zone_id])
    return zone_id.rsplit("/", 1)[-1].replace("_", " ")


def zone_choices(current: str | None = None) -> list[tuple[str, str]]:
    """(name shown, IANA id) for a choice box; ``current`` is added where the list lacks it."""
    choices = [(_(name), zone_id) for zone_id, name in ZONES]
    if current and current not in _NAMES:
        choices.append((zone_name(current), current))
    return choices
