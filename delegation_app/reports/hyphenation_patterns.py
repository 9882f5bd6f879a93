"""pyphen's hyphenation patterns, parsed on demand.

pyphen parses all of a ``hyph_*.dic`` (78,000 German patterns, one regex match and a tuple per
pattern) on first use: about 1.3 s of every cold ``print briefing``. Hyphenating a document
looks up a few hundred substrings, so ``LazyPatterns`` indexes the raw lines by their letters
(one regular expression over the whole file, some 40 ms) and parses a pattern when it is first
asked for. The result is the same table pyphen builds (tests compare them entry by entry); the
rare lines with a nonstandard alternative (``/``) or a hex escape (``^^``) are parsed eagerly
by pyphen's own rules.
"""

import re
from collections import Counter
from pathlib import Path

import pyphen

_DIGITS = re.compile("[0-9]+")
_Entry = tuple[int, tuple[int, ...]]


def _parse(line: str) -> tuple[str, _Entry | None]:
    """(letters, (offset, values)) of one pattern line as pyphen's HyphDict stores it; None for a
    pattern of zeros only (pyphen drops those)."""
    line = pyphen.parse_hex(lambda match: chr(int(match.group(1), 16)), line)
    factory: object = int
    if "/" in line and "=" in line:
        line, alternative = line.split("/", 1)
        factory = pyphen.AlternativeParser(line, alternative)
    tags, values = zip(*[(string, factory(i or "0")) for i, string in pyphen.parse(line)], strict=True)  # type: ignore[operator]
    key = "".join(tags)
    if max(values) == 0:
        return key, None
    start, end = 0, len(values)
    while not values[start]:
        start += 1
    while not values[end - 1]:
        end -= 1
    return key, (start, tuple(values[start:end]))


class LazyPatterns:
    """The part of a dict ``HyphDict.positions`` uses (``get``), filled as it is asked."""

    def __init__(self, path: Path) -> None:
        with path.open("rb") as stream:
            encoding = stream.readline().decode().strip()
        if encoding.lower() == "microsoft-cp1251":
            encoding = "cp1251"
        lines = [line.strip() for line in path.read_text(encoding).split("\n")[1:]]
        lines = [line for line in lines if line and not line.startswith(pyphen.ignored)]
        keys = _DIGITS.sub("", "\n".join(lines)).split("\n")
        self._raw = dict(zip(keys, lines, strict=True))
        self._parsed: dict[str, _Entry | None] = {}
        special = [i for i, line in enumerate(lines) if "/" in line or "^^" in line]
        if special or len(self._raw) < len(lines):
            self._parse_eagerly(lines, keys, special)
        self.maxlen = max(map(len, [*self._raw, *self._parsed]))

    def _parse_eagerly(self, lines: list[str], keys: list[str], special: list[int]) -> None:
        """Lines pyphen's rules must decide in file order: the special ones, and a pattern given
        twice (the later one wins unless it is zeros only)."""
        for index in special:  # their digit-less text is not their key
            self._raw.pop(keys[index], None)
        twice = {key for key, count in Counter(keys).items() if count > 1}
        for index in sorted({*special, *(i for i, key in enumerate(keys) if key in twice)}):
            key, entry = _parse(lines[index])
            self._raw.pop(key, None)
            if entry is not None or key not in self._parsed:
                self._parsed[key] = entry

    def get(self, key: str) -> _Entry | None:
        try:
            return self._parsed[key]
        except KeyError:
            pass
        raw = self._raw.get(key)
        entry = None if raw is None else _parse(raw)[1]
        self._parsed[key] = entry
        return entry

    def letters(self) -> set[str]:
        """Every pattern's letters (its key)."""
        return set(self._raw) | set(self._parsed)


def hyphenator(language: str) -> pyphen.Pyphen:
    """A ``pyphen.Pyphen`` for ``language`` ("de_DE", "en_GB") over lazily parsed patterns."""
    path = pyphen.LANGUAGES[pyphen.language_fallback(language)]
    if path not in pyphen.hdcache:
        table = pyphen.HyphDict.__new__(pyphen.HyphDict)  # HyphDict.__init__ would parse it all
        patterns = LazyPatterns(path)
        table.patterns = patterns
        table.cache = {}
        table.maxlen = patterns.maxlen
        pyphen.hdcache[path] = table
    return pyphen.Pyphen(lang=language)
