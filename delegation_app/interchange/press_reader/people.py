"""The people of a release: mentions merged into one proposal per person, the function and the
organisation taken from the title before the name or the apposition after it, surname-only
mentions ("Kopietz") and role nouns ("die Oberbürgermeisterin") resolved to the person named
earlier."""

import re

from delegation_app.interchange.press_reader.lexicon import FUNCTION_JOINERS, is_function_word
from delegation_app.interchange.press_reader.mentions import Mention
from delegation_app.interchange.press_reader.organisations import city_of_genitive, organisation_in
from delegation_app.interchange.press_reader.proposals import Evidence, PersonProposal


def split_apposition(apposition: str) -> tuple[str | None, str | None]:
    """("Chief Digital Officer bei der Stabsstelle Digitalisierung der Stadt Bochum") →
    ("Chief Digital Officer", "Stadt Bochum");
    ("Bochums Stadtdirektor") → ("Stadtdirektor", "Stadt Bochum")."""
    words = apposition.split()
    organisation = organisation_in(apposition)
    if words and city_of_genitive(words[0]) and len(words) > 1 and is_function_word(words[1]):
        return " ".join(words[1:]), organisation or f"Stadt {city_of_genitive(words[0])}"
    if words and words[0].lower() in {"der", "die", "des"}:
        words = words[1:]
    if organisation:
        cut = re.split(
            r"\s+(?:bei|im|in|von|vom|der|des|für)\s+(?:der|dem|den|des)?\s*(?="
            + re.escape(organisation.split()[0])
            + ")",
            " ".join(words),
            maxsplit=1,
        )
        function = cut[0].strip()
        function = re.sub(r"\s+(?:bei|im|in|von|vom|der|des|für)(?:\s+(?:der|dem|den|des))?$", "", function)
        bei = re.split(r"\s+bei\s+", function, maxsplit=1)
        return bei[0] or None, organisation
    function_words = []
    for word in words:
        if word[:1].isupper() or word.lower() in FUNCTION_JOINERS or word[:1].isdigit():
            function_words.append(word)
        else:
            break
    return " ".join(function_words) or None, None


class PeopleRegistry:
    def __init__(self) -> None:
        self.people: list[PersonProposal] = []

    def known_last_names(self) -> set[str]:
        return {p.last_name for p in self.people}

    def find(self, mention: Mention) -> PersonProposal | None:
        first = mention.first_name
        for person in self.people:
            if person.last_name != mention.last_name:
                continue
            if first is None or person.first_name is None or person.first_name == first:
                return person
        return None

    def add(self, mention: Mention, evidence: Evidence) -> PersonProposal:
        person = self.find(mention)
        function, organisation = (None, None)
        if mention.apposition:
            function, organisation = split_apposition(mention.apposition)
        function = mention.function or function
        if person is None:
            person = PersonProposal(
                mention.first_name,
                mention.last_name,
                mention.title,
                function,
                organisation,
                mention.gender,
                evidence=evidence,
            )
            self.people.append(person)
            return person
        if person.first_name is None and mention.first_name:
            person.first_name = mention.first_name
        person.title = person.title or mention.title
        person.function = person.function or function
        person.organisation = person.organisation or organisation
        person.gender = person.gender or mention.gender
        return person

    def by_role(self, role: str) -> PersonProposal | None:
        """The person whose function is the role noun ("die Oberbürgermeisterin"), the last one named."""
        low = role.lower()
        for person in reversed(self.people):
            if person.function and (person.function.lower() == low or person.function.lower().endswith(low)):
                return person
        stem = low[:-2] if low.endswith("in") else low
        for person in reversed(self.people):
            if person.function and person.function.lower().startswith(stem):
                return person
        return None
