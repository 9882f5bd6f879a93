"""The rows of the scale database, generated from one seeded RNG (same seed, same rows).

Rows are dicts for SQLAlchemy Core executemany, with explicit ids so that children can refer to
their parents without reading anything back. Columns the services compute are filled the same
way here: sort keys from ``domain.sortkey``, version 1, UTC timestamps.
"""

import random
from collections.abc import Iterator
from datetime import date, datetime, timedelta

import scale_names as n
from scale_spec import AGENDA_ITEMS_PER_VISIT, BIG_VISIT, BIG_VISIT_TITLE

from delegation_app.domain import enums as e
from delegation_app.domain.sortkey import fold, name_sort_key, person_list_keys

FIRST_DAY = datetime(1995, 1, 1)
DAYS = (datetime(2027, 12, 31) - FIRST_DAY).days


def spread(rng: random.Random, total: int, parts: int, low: int, high: int) -> list[int]:
    """``parts`` random counts in [low, high] adjusted to add up to exactly ``total``."""
    counts = [rng.randint(low, high) for _ in range(parts)]
    diff = total - sum(counts)
    while diff:
        i = rng.randrange(parts)
        step = 1 if diff > 0 else -1
        if counts[i] + step >= 0:
            counts[i] += step
            diff -= step
    return counts


class Generator:
    def __init__(self, rng: random.Random, counts: dict[str, int], now: datetime) -> None:
        self.rng, self.counts, self.now = rng, counts, now
        self.big_visit_id = max(1, counts["visit"] // 2)  # in the middle, like any other visit
        self.visit_days: dict[int, datetime] = {}
        self.visit_people: dict[int, list[int]] = {}
        self.agenda_ids: dict[int, list[int]] = {}
        self.staff: list[int] = []
        self.org_ids = range(1, counts["organisation"] + 1)
        self.person_ids = range(1, counts["person"] + 1)

    # --- helpers -----------------------------------------------------------------------------
    def _stamp(self) -> dict:
        created = self.now - timedelta(days=self.rng.randrange(3650), minutes=self.rng.randrange(1440))
        return {"version": 1, "created_at": created, "updated_at": created}

    def _day(self) -> datetime:
        return FIRST_DAY + timedelta(days=self.rng.randrange(DAYS))

    def _words(self, pattern: str) -> str:
        rng = self.rng
        first, last, _w = rng.choice(n.ORIGINS)
        city, _country = rng.choice(n.CITIES)
        return pattern.format(
            city=city, topic=rng.choice(n.TOPICS), street=rng.choice(n.STREETS),
            name=f"{rng.choice(first)} {rng.choice(last)}", last=rng.choice(last),
        )  # fmt: skip

    def _with_big(self, others: list[int], big: int) -> list[int]:
        """Per-visit counts: ``others`` for every visit but the big one, ``big`` for that."""
        at = self.big_visit_id - 1
        return [*others[:at], big, *others[at:]]

    # --- tables --------------------------------------------------------------------------------
    def organisations(self) -> Iterator[dict]:
        rng = self.rng
        for org_id in self.org_ids:
            pattern, kind = rng.choice(n.ORG_PATTERNS)
            city, country = rng.choice(n.CITIES)
            name = self._words(pattern.replace("{city}", city))
            yield {
                "id": org_id, **self._stamp(), "name": name, "kind": kind, "city": city, "country": country,
                "website": f"https://www.{fold(city).replace(' ', '-')}.example/{org_id}",
                "notes": None, "sort_key": name_sort_key(name),
            }  # fmt: skip

    def people(self) -> Iterator[dict]:
        rng = self.rng
        origins = [o for o in n.ORIGINS for _ in range(o[2])]
        for person_id in self.person_ids:
            firsts, lasts, _w = rng.choice(origins)
            first, last = rng.choice(firsts), rng.choice(lasts)
            own = rng.random() < 0.1
            if own:
                self.staff.append(person_id)
            email = None
            if rng.random() < 0.7:
                email = f"{fold(first)}.{fold(last)}{person_id}@example.org".replace(" ", "-")
            row = {
                "id": person_id, **self._stamp(), "title": rng.choice(n.TITLES), "first_name": first,
                "last_name": last, "salutation": None, "function": rng.choice(n.FUNCTIONS),
                "department": rng.choice(n.DEPARTMENTS),
                "organisation_id": rng.choice(self.org_ids) if rng.random() < 0.9 else None,
                "email": email, "notes": "Visitenkarte beim Empfang erhalten" if rng.random() < 0.1 else None,
                "is_own_staff": own, "source": rng.choice(list(e.DataSource)).value, "source_note": None,
                "source_date": None, "sort_key": name_sort_key(last, first),
            }  # fmt: skip
            # The phone's key is set by make_scale_db once the phones are written.
            yield row | person_list_keys(row["function"], email, None)

    def phones(self) -> Iterator[dict]:
        rng = self.rng
        prefixes = ("+4961813", "+49234", "+48123", "+90232")
        phone_id = 0
        for person_id in self.person_ids:
            if rng.random() < 0.7:
                phone_id += 1
                number = rng.choice(prefixes) + str(rng.randrange(1_000_000, 9_999_999))
                yield {"id": phone_id, "person_id": person_id, "position": 0, "kind": "office",
                       "e164": number, "extension": None}  # fmt: skip

    def visits(self) -> Iterator[dict]:
        rng = self.rng
        for visit_id in range(1, self.counts["visit"] + 1):
            big = visit_id == self.big_visit_id
            start = datetime(2026, 11, 23, 9, 30) if big else self._day().replace(hour=rng.choice((8, 9, 10)))
            self.visit_days[visit_id] = start
            past = start < self.now
            statuses = ("done", "done", "done", "cancelled") if past else ("idea", "planned", "confirmed")
            status = "confirmed" if big else rng.choice(statuses)
            city, _country = rng.choice(n.CITIES)
            topics = ", ".join(rng.sample(n.TOPICS, 2))
            yield {
                "id": visit_id, **self._stamp(),
                "title": BIG_VISIT_TITLE if big else self._words(rng.choice(n.VISIT_PATTERNS)),
                "direction": rng.choice(list(e.VisitDirection)).value, "status": status,
                "host_organisation_id": rng.choice(self.org_ids),
                "guest_organisation_id": rng.choice(self.org_ids),
                "place": city, "address": f"{rng.choice(n.STREETS)} {rng.randint(1, 120)}, {city}",
                "starts_at": start, "ends_at": start + timedelta(days=rng.randint(0, 3), hours=8),
                "timezone": "Europe/Berlin",
                "purpose": f"Austausch zu {topics}" if big or rng.random() < 0.5 else None,
                "topics": topics,
                "summary": self._words("Gute Gespräche in {city} über {topic}.") if past else None,
                "lessons_learned": None, "notes": None, "press_contact_id": None,
                "classification": "none", "sources": None,
            }  # fmt: skip

    def participations(self) -> Iterator[dict]:
        rng = self.rng
        visits = self.counts["visit"]
        others = spread(rng, self.counts["participation"] - BIG_VISIT["participation"], visits - 1, 5, 55)
        counts = self._with_big(others, BIG_VISIT["participation"])
        part_id = 0
        roles = [r.value for r in e.ParticipantRole]
        for visit_id, count in enumerate(counts, start=1):
            people = rng.sample(self.person_ids, count)
            self.visit_people[visit_id] = people
            for position, person_id in enumerate(people):
                part_id += 1
                head = position == 0
                yield {
                    "id": part_id, **self._stamp(), "visit_id": visit_id, "person_id": person_id,
                    "side": "delegation" if head or rng.random() < 0.5 else rng.choice(("host", "guest")),
                    "role": "head_of_delegation" if head else rng.choice(roles[1:]),
                    "attendance": rng.choice(list(e.Attendance)).value, "position": position,
                    "function_at_visit": None,
                }  # fmt: skip

    def agenda_items(self) -> Iterator[dict]:
        rng = self.rng
        item_id = 0
        for visit_id, start in self.visit_days.items():
            count = BIG_VISIT["agenda_item"] if visit_id == self.big_visit_id else rng.randint(
                0, 2 * AGENDA_ITEMS_PER_VISIT
            )
            ids = self.agenda_ids[visit_id] = []
            for position in range(count):
                item_id += 1
                ids.append(item_id)
                begins = start + timedelta(days=position // 8, minutes=60 * (position % 8))
                people = self.visit_people.get(visit_id) or [None]
                yield {
                    "id": item_id, **self._stamp(), "visit_id": visit_id, "position": position,
                    "starts_at": begins, "ends_at": begins + timedelta(minutes=50),
                    "title": self._words(rng.choice(n.AGENDA_PHRASES)), "place": rng.choice(n.STREETS),
                    "responsible_person_id": rng.choice(people), "notes": None,
                }  # fmt: skip

    def quotes(self) -> Iterator[dict]:
        rng = self.rng
        visits = self.counts["visit"]
        others = spread(rng, self.counts["quote"] - BIG_VISIT["quote"], visits - 1, 0, 40)
        counts = self._with_big(others, BIG_VISIT["quote"])
        quote_id = 0
        kinds, states = [k.value for k in e.QuoteKind], [s.value for s in e.ApprovalState]
        for visit_id, count in enumerate(counts, start=1):
            people, agenda = self.visit_people.get(visit_id) or [None], self.agenda_ids.get(visit_id)
            for position in range(count):
                quote_id += 1
                speaker = rng.choice(people) if rng.random() < 0.9 else None
                yield {
                    "id": quote_id, **self._stamp(), "visit_id": visit_id, "position": position,
                    "text": self._words(rng.choice(n.QUOTE_PHRASES)), "speaker_person_id": speaker,
                    "speaker_label": None if speaker else self._words("{name}"),
                    "agenda_item_id": rng.choice(agenda) if agenda and rng.random() < 0.5 else None,
                    "context": None, "said_on": self.visit_days[visit_id].date(), "language": "de",
                    "kind": rng.choice(kinds), "approval_state": rng.choice(states), "approved_by": None,
                    "approved_at": None,
                }  # fmt: skip

    def contact_entries(self) -> Iterator[dict]:
        rng = self.rng
        channels = [c.value for c in e.ContactChannel]
        visits = self.counts["visit"]
        for entry_id in range(1, self.counts["contact_entry"] + 1):
            yield {
                "id": entry_id, **self._stamp(),
                "occurred_at": self._day().replace(hour=rng.randint(8, 17), minute=rng.choice((0, 30))),
                "channel": rng.choice(channels),
                "visit_id": rng.randint(1, visits) if rng.random() < 0.4 else None,
                "summary": self._words(rng.choice(n.CONTACT_PHRASES)), "logged_by": "benchmark",
            }  # fmt: skip

    def contact_entry_people(self) -> Iterator[dict]:
        rng = self.rng
        for entry_id in range(1, self.counts["contact_entry"] + 1):
            for person_id in rng.sample(self.person_ids, rng.randint(1, 3)):
                yield {"contact_entry_id": entry_id, "person_id": person_id}

    def followups(self) -> Iterator[dict]:
        rng = self.rng
        owners = self.staff or list(self.person_ids)
        today = self.now.date()
        for followup_id in range(1, self.counts["follow_up"] + 1):
            due: date | None = self._day().date() if rng.random() < 0.9 else None
            done = None
            if due and due < today and rng.random() < 0.8:
                done = due + timedelta(days=rng.randint(-5, 20))
            yield {
                "id": followup_id, **self._stamp(), "title": self._words(rng.choice(n.FOLLOWUP_PHRASES)),
                "owner_person_id": rng.choice(owners), "due_on": due, "done_on": done,
                "person_id": rng.choice(self.person_ids) if rng.random() < 0.6 else None,
                "visit_id": rng.randint(1, self.counts["visit"]) if rng.random() < 0.5 else None,
                "contact_entry_id": (
                    rng.randint(1, self.counts["contact_entry"]) if rng.random() < 0.2 else None
                ),
                "notes": None,
            }  # fmt: skip
