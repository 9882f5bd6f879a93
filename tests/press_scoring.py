"""Score the press reader on the development set (tests/data/press/*.txt with *.json keys).

Run as a script: ``python tests/press_scoring.py [--verbose]`` prints quote recall and
precision, speaker accuracy (of the quotes found) and people recall, for the releases used while
writing the rules ("dev") and for those held out ("heldout" in the file name).
"""

import json
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

if __name__ == "__main__":  # run as a script from the checkout: its program, not an installed one
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from delegation_app.interchange.press_reader import read_press_release

DATA = Path(__file__).resolve().parent / "data" / "press"


def _norm(text: str | None) -> str:
    text = unicodedata.normalize("NFC", text or "").strip().strip(".,;:!?… ")
    return " ".join(text.split()).casefold()


@dataclass
class Score:
    quotes_expected: int = 0
    quotes_found: int = 0
    quotes_matched: int = 0
    speakers_right: int = 0
    people_expected: int = 0
    people_found: int = 0

    def add(self, other: "Score") -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @staticmethod
    def ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def quote_recall(self) -> float:
        return self.ratio(self.quotes_matched, self.quotes_expected)

    @property
    def quote_precision(self) -> float:
        return self.ratio(self.quotes_matched, self.quotes_found)

    @property
    def speaker_accuracy(self) -> float:
        return self.ratio(self.speakers_right, self.quotes_matched)

    @property
    def people_recall(self) -> float:
        return self.ratio(self.people_found, self.people_expected)

    def line(self, label: str) -> str:
        return (
            f"{label:<10} quotes R {self.quote_recall:6.1%} P {self.quote_precision:6.1%}  "
            f"speaker {self.speaker_accuracy:6.1%}  people R {self.people_recall:6.1%}"
        )


def score_one(got: dict, key: dict, report: list[str] | None = None) -> Score:
    score = Score(quotes_expected=len(key["quotes"]), quotes_found=len(got["quotes"]))
    remaining = list(got["quotes"])
    for expected in key["quotes"]:
        match = next((q for q in remaining if _norm(q["text"]) == _norm(expected["text"])), None)
        if match is None:
            if report is not None:
                report.append(f"  missed quote: {expected['text'][:70]}")
            continue
        remaining.remove(match)
        score.quotes_matched += 1
        if _norm(match["speaker"]) == _norm(expected["speaker"]):
            score.speakers_right += 1
        elif report is not None:
            report.append(
                f"  wrong speaker {match['speaker']!r} (expected {expected['speaker']!r}): "
                f"{expected['text'][:50]}"
            )
    if report is not None:
        report.extend(f"  extra quote: {q['text'][:70]}" for q in remaining)
    names = {_norm(p["name"]) for p in got["people"]}
    score.people_expected = len(key["people"])
    for person in key["people"]:
        if _norm(person["name"]) in names:
            score.people_found += 1
        elif report is not None:
            report.append(f"  missed person: {person['name']}")
    return score


def score_set(verbose: bool = False) -> dict[str, Score]:
    totals = {"dev": Score(), "heldout": Score()}
    for text_file in sorted(DATA.glob("*.txt")):
        key = json.loads(text_file.with_suffix(".json").read_text(encoding="utf-8"))
        got = read_press_release(text_file.read_text(encoding="utf-8")).as_json()
        report: list[str] = []
        score = score_one(got, key, report)
        totals["heldout" if "heldout" in text_file.name else "dev"].add(score)
        if verbose and report:
            print(text_file.name)
            print("\n".join(report))
    return totals


def main() -> int:
    totals = score_set(verbose="--verbose" in sys.argv)
    everything = Score()
    for label, score in totals.items():
        print(score.line(label))
        everything.add(score)
    print(everything.line("all"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
