"""What the scale database holds (issue 7), shared by the generator and the benchmark."""

SEED = 7  # the number: the same file every time

COUNTS = {
    "person": 100_000,
    "organisation": 5_000,
    "visit": 10_000,
    "participation": 300_000,
    "quote": 200_000,
    "contact_entry": 300_000,
    "follow_up": 100_000,
}
AGENDA_ITEMS_PER_VISIT = 2  # on average; the issue names no total

# The one visit the editor and briefing scenarios open; found by its title.
BIG_VISIT_TITLE = "Benchmark: Großer Delegationsbesuch aus Kraków"
BIG_VISIT = {"participation": 60, "agenda_item": 40, "quote": 150}

# The smallest database the generator makes, whatever the scale: the big visit must fit in it.
MINIMUM = {
    "person": 100,
    "organisation": 5,
    "visit": 5,
    "participation": 80,
    "quote": 170,
    "contact_entry": 20,
    "follow_up": 10,
}


def scaled_counts(scale: float) -> dict[str, int]:
    return {name: max(MINIMUM[name], round(count * scale)) for name, count in COUNTS.items()}


SMALL_SCALE = 0.001  # the smoke test's database (make_scale_db.py --small)
SMALL_COUNTS = scaled_counts(SMALL_SCALE)
