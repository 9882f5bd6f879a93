"""Arbitrary text for the hostile-input tests, and the documented rule for what a service keeps.

The rule (services/validation.py, domain/textrules.py): Windows line ends become "\\n"; text with a
lone surrogate or a control character other than line break and tab is refused, wherever it
stands; the rest is stripped, and single-line fields collapse every run of whitespace (line breaks
included) to one space; text of only whitespace and invisible format characters counts as empty;
the length limit applies to what is left.
"""

import unicodedata

from hypothesis import strategies as st

REFUSED = object()

# Characters that have broken programs like this one: NUL and friends, the bidi overrides and
# marks, line and paragraph separators, BOM, zero-width space, lone surrogates, noncharacters.
TRICKY = (
    "\x00", "\x01", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\x7f", "\x85",
    "\u200b", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\u2028", "\u2029",
    "\ufeff", "\ud800", "\udfff", "\ufffe", "\uffff", "\U0010ffff", "\U000e0041",
    " ", "\u00a0", "\u3000", "a", "ß", "Ü", "ı", "\u0301", "😀", "<", "&", "„", "“",
)  # fmt: skip

ANY_CHAR = st.one_of(
    st.characters(),  # every category except surrogates
    st.characters(categories=["Cc", "Cf", "Cs", "Zl", "Zp", "Co", "Cn"]),
    st.sampled_from(TRICKY),
)


def hostile_text(max_length: int) -> st.SearchStrategy:
    """Short arbitrary text, tricky mixtures, and text right at and just past the limit."""
    at_limit = st.builds(
        lambda fill, length, pad, inner: pad + inner + fill * (length - len(inner)) + pad,
        st.sampled_from(["x", "ä", "😀", "\u200f"]),
        st.sampled_from([max_length - 1, max_length, max_length + 1]),
        st.sampled_from(["", " ", "\n", "\t "]),
        st.sampled_from(["", "\x00", "\ud800", "a\nb", "\u202e"]),
    )
    return st.one_of(
        st.none(),
        st.text(ANY_CHAR, max_size=40),
        st.text(st.sampled_from(TRICKY), max_size=12),
        at_limit,
    )


def stored_text(value, *, max_length: int, required: bool = False, multiline: bool = False):
    """What a service must store for ``value``: the text, None (empty optional field), or REFUSED."""
    if value is None:
        return REFUSED if required else None
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    for char in text:
        category = unicodedata.category(char)
        if category == "Cs" or (category == "Cc" and char not in "\n\t"):
            return REFUSED
    text = text.strip()
    if not multiline:
        text = " ".join(text.split())
    if all(c.isspace() or unicodedata.category(c) == "Cf" for c in text):
        return REFUSED if required else None
    return REFUSED if len(text) > max_length else text
