"""Probable duplicates of people and organisations, for the import preview, the press reader and
the merge view.

``find_person_duplicates(services, candidates)`` reads the people once (id, names, organisation,
email: a small indexed read) and checks every candidate against blocks of it: the people whose
last name sounds alike (Kölner Phonetik) or starts with the same three folded letters. Within a
block, names are grouped, so each distinct name pair is scored once. Scores: duplicate_keys.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlmodel import col

from delegation_app.domain.models import Organisation, Person
from delegation_app.services import duplicate_keys as keys
from delegation_app.services.people import display_name
from delegation_app.services.registry import Services

PREFIX = 3  # folded letters of the last name that form the second block
ORGANISATION_THRESHOLD = 85
MAX_MATCHES = 5


@dataclass(frozen=True)
class PersonCandidate:
    last_name: str
    first_name: str | None = None
    title: str | None = None
    organisation: str | None = None  # the organisation's name as the source writes it
    email: str | None = None
    organisation_id: int | None = None  # where the caller knows it already


@dataclass(frozen=True)
class Match:
    id: int
    name: str
    score: int  # 0-100; from duplicate_keys.THRESHOLD on "probably the same"


@dataclass(frozen=True)
class PersonRow:
    id: int
    title: str | None
    first_name: str | None
    last_name: str
    organisation_id: int | None
    email: str | None
    family_name_first: bool = False


@dataclass(frozen=True)
class OrganisationRow:
    id: int
    name: str


class OrganisationIndex:
    def __init__(self, rows: Iterable[OrganisationRow]) -> None:
        self.names: dict[int, str] = {}
        self.keys: dict[int, str] = {}
        self.by_word: dict[str, set[int]] = defaultdict(set)
        self._cache: dict[str, list[Match]] = {}
        for row in rows:
            self.add(row)

    def add(self, row: OrganisationRow) -> None:
        """One more organisation (an import creates them as it goes)."""
        key = keys.organisation_key(row.name)
        self.names[row.id], self.keys[row.id] = row.name, key
        for word in keys.distinctive_words(key):
            self.by_word[word].add(row.id)
            self.by_word["#" + keys.phonetic(word)].add(row.id)
        self._cache.clear()

    def matches(self, name: str | None) -> list[Match]:
        key = keys.organisation_key(name)
        if not key:
            return []
        if key not in self._cache:
            block: set[int] = set()
            for word in keys.distinctive_words(key):
                block |= self.by_word.get(word, set()) | self.by_word.get("#" + keys.phonetic(word), set())
            ids = sorted(block)
            # rapidfuzz scores the whole block in C: a city's block holds hundreds of organisations
            found = process.extract(
                key, [self.keys[i] for i in ids], scorer=fuzz.token_sort_ratio,
                score_cutoff=ORGANISATION_THRESHOLD, limit=None,
            )  # fmt: skip
            good = [Match(ids[at], self.names[ids[at]], round(score)) for _key, score, at in found]
            self._cache[key] = sorted(good, key=lambda m: (-m.score, m.id))
        return self._cache[key]


class PersonIndex:
    """People grouped by folded last name, then folded first name; blocks by sound and prefix."""

    def __init__(self, rows: Iterable[PersonRow], organisations: OrganisationIndex) -> None:
        self.organisations = organisations
        # last name → first name → organisation id → people
        self.groups: dict[str, dict[str, dict[int | None, list[PersonRow]]]] = defaultdict(
            lambda: defaultdict(lambda: defaultdict(list))
        )
        self.by_sound: dict[str, set[str]] = defaultdict(set)
        self.by_prefix: dict[str, set[str]] = defaultdict(set)
        self.by_email: dict[str, list[PersonRow]] = defaultdict(list)
        for row in rows:
            first, last = keys.split_name(row.first_name, row.last_name)
            self.groups[last][first][row.organisation_id].append(row)
            if row.email:
                self.by_email[row.email.casefold()].append(row)
        for last in self.groups:
            self.by_sound[keys.phonetic(last)].add(last)
            self.by_prefix[last[:PREFIX]].add(last)

    def _penalty(self, row: PersonRow, same: set[int] | None, exact: bool) -> float:
        if same is None or row.organisation_id is None:
            # Only the same name is probable without knowing the organisation: a sound-alike
            # ("Möller" for "Müller") needs the same organisation to count.
            return keys.UNKNOWN_ORGANISATION if exact else keys.OTHER_ORGANISATION
        return keys.SAME_ORGANISATION if row.organisation_id in same else keys.OTHER_ORGANISATION

    def matches(self, candidate: PersonCandidate) -> list[Match]:
        first, last = keys.split_name(candidate.first_name, candidate.last_name)
        if not last:
            return []
        same: set[int] | None = None
        if candidate.organisation_id is not None:
            same = {candidate.organisation_id}
        elif candidate.organisation:
            same = {m.id for m in self.organisations.matches(candidate.organisation)}
        scores: dict[int, Match] = {}
        lasts = self.by_sound.get(keys.phonetic(last), set()) | self.by_prefix.get(last[:PREFIX], set())
        for other_last in lasts:
            last_score = keys.name_similarity(last, other_last)
            if keys.LAST_WEIGHT * last_score + (1 - keys.LAST_WEIGHT) * 100 < keys.THRESHOLD:
                continue
            for other_first, by_organisation in self.groups[other_last].items():
                first_score = keys.first_name_similarity(first, other_first)
                best = keys.person_score(last_score, first_score, 0)
                if best < keys.THRESHOLD:
                    continue
                exact = best >= keys.EXACT
                if exact:  # the same name counts anywhere (less for another organisation)
                    rows: Iterable[PersonRow] = (r for group in by_organisation.values() for r in group)
                else:  # a sound-alike only at the same organisation: look there alone
                    rows = (r for org_id in same or () for r in by_organisation.get(org_id, ()))
                for row in rows:
                    score = keys.person_score(last_score, first_score, self._penalty(row, same, exact))
                    if score >= keys.THRESHOLD:
                        scores[row.id] = Match(row.id, _name(row), score)
        if candidate.email:
            for row in self.by_email.get(candidate.email.casefold(), []):
                scores[row.id] = Match(row.id, _name(row), 100)
        return sorted(scores.values(), key=lambda m: (-m.score, m.id))[:MAX_MATCHES]


def _name(row: PersonRow) -> str:
    return display_name(row.title, row.first_name, row.last_name, row.family_name_first)


def read_organisations(services: Services) -> OrganisationIndex:
    with services.db.read() as session:
        rows = session.execute(select(col(Organisation.id), col(Organisation.name))).all()
    return OrganisationIndex(OrganisationRow(org_id, name) for org_id, name in rows)


def read_people(services: Services, organisations: OrganisationIndex | None = None) -> PersonIndex:
    """Everyone, as the few columns the check needs (100,000 people: about half a second)."""
    organisations = organisations or read_organisations(services)
    columns = (
        col(Person.id), col(Person.title), col(Person.first_name), col(Person.last_name),
        col(Person.organisation_id), col(Person.email), col(Person.family_name_first),
    )  # fmt: skip
    with services.db.read() as session:
        rows = session.execute(select(*columns)).all()
    return PersonIndex((PersonRow(*row) for row in rows), organisations)


def find_person_duplicates(
    services: Services,
    candidates: Sequence[PersonCandidate],
    progress: Callable[[int], None] | None = None,
    index: PersonIndex | None = None,
) -> list[list[Match]]:
    """For each candidate the people it probably duplicates, best first (at most MAX_MATCHES)."""
    index = index or read_people(services)
    found = []
    for number, candidate in enumerate(candidates):
        found.append(index.matches(candidate))
        if progress is not None and number % 100 == 0:
            progress(number)
    return found


def find_organisation_duplicates(
    services: Services, names: Sequence[str], index: OrganisationIndex | None = None
) -> list[list[Match]]:
    """For each organisation name the stored organisations it probably is, best first."""
    index = index or read_organisations(services)
    return [index.matches(name)[:MAX_MATCHES] for name in names]
