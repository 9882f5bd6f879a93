"""Phone numbers: stored as E.164 plus a separate extension (Durchwahl), shown per DIN 5008.

E.164 alone ("+4961813000 6069" → "+4961813006069") loses where the extension starts, so
``06181 3000-6069`` could no longer be printed; hence two fields.
"""

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

# phonenumbers (~20 ms of imports, its metadata) is imported by each function when a number is
# read or shown: the window's start shows none (issue 21).
if TYPE_CHECKING:
    import phonenumbers

DEFAULT_REGION = "DE"
_EXTENSION_MARKERS = re.compile(r"\s*(?:-|–|\bdw\.?|\bdurchwahl|\bx|\bext\.?)\s*(\d{1,6})\s*$", re.IGNORECASE)


class PhoneError(ValueError):
    pass


@dataclass(frozen=True)
class Phone:
    e164: str
    extension: str | None = None

    def national(self) -> str:
        import phonenumbers  # on use

        return _with_extension(self, phonenumbers.PhoneNumberFormat.NATIONAL)

    def international(self) -> str:
        import phonenumbers  # on use

        return _with_extension(self, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def _with_extension(phone: Phone, fmt: int) -> str:
    import phonenumbers  # on use

    number = phonenumbers.parse(phone.e164, None)
    text = phonenumbers.format_number(number, fmt)
    return f"{text}-{phone.extension}" if phone.extension else text


def _parse_plain(raw: str, region: str) -> "phonenumbers.PhoneNumber | None":
    import phonenumbers  # on use

    cleaned = raw.replace("/", " ").replace("(0)", " ")
    try:
        number = phonenumbers.parse(cleaned, region)
    except phonenumbers.NumberParseException:
        return None
    if number.extension or not phonenumbers.is_possible_number(number):
        return None
    return number if phonenumbers.is_valid_number(number) else None


def parse_phone(raw: str, region: str = DEFAULT_REGION) -> Phone:
    """Parse what a user typed: ``06181 3000-6069``, ``+49 6181 3000-6069``, ``0171 1234567``.

    A trailing ``-1234`` (or ``DW 1234``, ``x1234``) is taken as extension when the part before
    it is a valid number by itself; otherwise the whole string is one number (``0171-1234567``).
    """
    import phonenumbers  # on use

    text = " ".join(raw.split())
    if not text:
        raise PhoneError("empty")
    match = _EXTENSION_MARKERS.search(text)
    if match:
        base = _parse_plain(text[: match.start()], region)
        if base is not None:
            e164 = phonenumbers.format_number(base, phonenumbers.PhoneNumberFormat.E164)
            return Phone(e164, match.group(1))
    whole = _parse_plain(text, region)
    if whole is None:
        raise PhoneError(text)
    return Phone(phonenumbers.format_number(whole, phonenumbers.PhoneNumberFormat.E164), None)


def display(phone: Phone, home_region: str = DEFAULT_REGION) -> str:
    """National form for numbers of the home country, international form for all others."""
    import phonenumbers  # on use

    number = phonenumbers.parse(phone.e164, None)
    home = phonenumbers.region_code_for_number(number) == home_region
    return phone.national() if home else phone.international()


def is_e164(text: str) -> bool:
    """True for a number exactly as parse_phone stores it; display() can show only those."""
    import phonenumbers  # on use

    try:
        number = phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) == text
