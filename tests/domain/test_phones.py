import pytest

from delegation_app.domain.phones import Phone, PhoneError, display, parse_phone


@pytest.mark.parametrize(
    ("typed", "e164", "extension", "national", "international"),
    [
        ("06181 3000-6069", "+4961813000", "6069", "06181 3000-6069", "+49 6181 3000-6069"),
        ("+49 6181 3000-6069", "+4961813000", "6069", "06181 3000-6069", "+49 6181 3000-6069"),
        ("06181 / 3000-6069", "+4961813000", "6069", "06181 3000-6069", "+49 6181 3000-6069"),
        ("06181 3000 DW 6069", "+4961813000", "6069", "06181 3000-6069", "+49 6181 3000-6069"),
        ("+49 (0)234 910-0", "+49234910", "0", "0234 910-0", "+49 234 910-0"),
        ("0171 1234567", "+491711234567", None, "0171 1234567", "+49 171 1234567"),
        # An old-style hyphen after the area code is not an extension: "0171" alone is no number.
        ("0171-1234567", "+491711234567", None, "0171 1234567", "+49 171 1234567"),
    ],
)
def test_extension_is_kept_apart_for_din_5008(typed, e164, extension, national, international):
    phone = parse_phone(typed)
    assert (phone.e164, phone.extension) == (e164, extension)
    assert phone.national() == national
    assert phone.international() == international


@pytest.mark.parametrize("typed", ["", "   ", "12", "abc", "0000 0000-0000", "+49"])
def test_nonsense_is_refused(typed):
    with pytest.raises(PhoneError):
        parse_phone(typed)


def test_foreign_numbers_display_internationally():
    assert display(parse_phone("+33 1 42 68 53 00")) == "+33 1 42 68 53 00"
    assert display(Phone("+4961813000", "6069")) == "06181 3000-6069"
