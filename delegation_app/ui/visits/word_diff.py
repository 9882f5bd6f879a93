"""The approved wording against the captured one, word by word (difflib), as rich text:
removed words struck through, added ones underlined, so the difference shows without colour too."""

import difflib
from html import escape


def word_diff_html(captured: str, approved: str) -> str:
    old, new = captured.split(), approved.split()
    parts = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape(" ".join(old[a1:a2])))
            continue
        if op in ("delete", "replace"):
            parts.append(f'<s style="color:#a00000">{escape(" ".join(old[a1:a2]))}</s>')
        if op in ("insert", "replace"):
            parts.append(f'<u style="color:#1f6e1f">{escape(" ".join(new[b1:b2]))}</u>')
    return " ".join(parts)
