"""``read_press_release(text)``: the proposals for one pasted press release (pure Python, no
database, no Qt)."""

from delegation_app.interchange.press_reader.attribution import (
    Cue,
    cue_in,
    is_speech_word,
    looks_like_term,
    role_gender,
    speech_after,
)
from delegation_app.interchange.press_reader.mentions import find_mentions
from delegation_app.interchange.press_reader.people import PeopleRegistry
from delegation_app.interchange.press_reader.proposals import (
    Evidence,
    PersonProposal,
    PressReading,
    QuoteProposal,
)
from delegation_app.interchange.press_reader.quote_marks import find_quotes
from delegation_app.interchange.press_reader.sentences import Sentence, split_sentences
from delegation_app.interchange.press_reader.tokens import Token, tokenize
from delegation_app.interchange.press_reader.visit_facts import assign_sides, propose_visit


class _Context:
    """What the reader remembers while it walks the sentences: who was named last, who spoke last."""

    def __init__(self, registry: PeopleRegistry) -> None:
        self.registry = registry
        self.named: list[PersonProposal] = []
        self.last_speaker: PersonProposal | None = None
        self.named_last: PersonProposal | None = None

    def resolve(self, cue: Cue | None) -> PersonProposal | None:
        if cue is None:
            return None
        if cue.kind == "person":
            return cue.value  # type: ignore[return-value]
        if cue.kind == "pronoun":
            for candidate in reversed(self.named):
                if candidate.gender in (cue.value, None):  # a gender we do not know does not contradict
                    return candidate
            return self.last_speaker
        person = self.registry.by_role(str(cue.value))
        if person is not None:
            return person
        gender = role_gender(str(cue.value))
        for candidate in reversed(self.named):
            if candidate.gender == gender:
                return candidate
        return None


def read_press_release(text: str) -> PressReading:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    quotes = find_quotes(text)
    sentences = split_sentences(text, quotes)
    registry = PeopleRegistry()
    tokens_of = [tokenize(text, s.start, s.end, quotes) for s in sentences]
    # Pass 1: full names with their cues; pass 2 (below, per sentence): surnames of pass 1.
    for sentence, tokens in zip(sentences, tokens_of, strict=True):
        for mention in find_mentions(tokens, set()):
            registry.add(mention, Evidence(sentence.start, sentence.end, sentence.text))
    context = _Context(registry)
    proposals: list[QuoteProposal] = []
    previous_quote_sentence = -10
    for number, (sentence, tokens) in enumerate(zip(sentences, tokens_of, strict=True)):
        persons_at: dict[int, PersonProposal] = {}
        for mention in find_mentions(tokens, registry.known_last_names()):
            person = registry.add(mention, Evidence(sentence.start, sentence.end, sentence.text))
            persons_at[mention.start] = person
        quote_indexes = [i for i, t in enumerate(tokens) if t.is_quote]
        for position in quote_indexes:
            proposal = _attribute(
                text, sentence, tokens, position, persons_at, context, number - previous_quote_sentence <= 1
            )
            if proposal is not None:
                proposals.append(proposal)
                previous_quote_sentence = number
                if proposal.speaker is not None:
                    context.last_speaker = proposal.speaker
        for start in sorted(persons_at):
            person = persons_at[start]
            if person in context.named:
                context.named.remove(person)
            context.named.append(person)
    visit = propose_visit(text, sentences)
    organisations = _organisations(text, visit, registry)
    assign_sides(sentences, registry.people, visit)
    return PressReading(visit, organisations, registry.people, proposals)


def _attribute(
    text: str,
    sentence: Sentence,
    tokens: list[Token],
    position: int,
    persons_at: dict[int, PersonProposal],
    context: _Context,
    follows_quote: bool,
) -> QuoteProposal | None:
    quote = tokens[position]
    inner = text[quote.start + 1 : quote.end - 1].strip()
    before = tokens[:position]
    after = tokens[position + 1 :]
    clause_before = _clause_before(before)
    speaker: PersonProposal | None = None
    attributed = False
    if speech_after(after, inner):
        attributed = True
        speaker = context.resolve(cue_in(_until_quote(after), persons_at))
    elif clause_before and clause_before[-1].text == ":":
        attributed = True
        speaker = context.resolve(cue_in(clause_before, persons_at))
        if speaker is None and follows_quote:
            speaker = context.last_speaker  # "Dabei gehe es nicht nur um Technik: „…“"
    elif _stands_alone(before, after) and follows_quote and context.last_speaker is not None:
        attributed = True  # a sentence of its own: the speaker before goes on
        speaker = context.last_speaker
    if not attributed:
        outside = [t for t in tokens if not t.is_quote]
        if any(is_speech_word(t.word) and not t.capital for t in outside) and not looks_like_term(
            inner, before
        ):
            attributed = True
            speaker = context.resolve(cue_in(outside, persons_at))
    if not attributed and (len(inner.split()) <= 4 or looks_like_term(inner, before)):
        return None
    if (
        attributed
        and looks_like_term(inner, before)
        and not speech_after(after, inner)
        and not (clause_before and clause_before[-1].text == ":")
    ):
        return None
    return QuoteProposal(
        inner, speaker, quote.start, quote.end, Evidence(sentence.start, sentence.end, sentence.text)
    )


def _stands_alone(before: list[Token], after: list[Token]) -> bool:
    return all(t.is_quote for t in before) and all(t.text in ".!?" for t in after)


def _clause_before(before: list[Token]) -> list[Token]:
    """The words before a quotation back to the previous quotation."""
    for index in range(len(before) - 1, -1, -1):
        if before[index].is_quote:
            return before[index + 1 :]
    return before


def _until_quote(after: list[Token]) -> list[Token]:
    for index, token in enumerate(after):
        if token.is_quote:
            return after[:index]
    return after


def _organisations(text: str, visit, registry: PeopleRegistry) -> list[str]:
    from delegation_app.interchange.press_reader.organisations import organisations_in

    names: list[str] = []
    for name in [
        visit.guest,
        visit.host,
        *organisations_in(text),
        *[p.organisation for p in registry.people],
    ]:
        if name and name not in names:
            names.append(name)
    return names
