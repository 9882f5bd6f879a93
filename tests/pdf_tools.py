import io
import re
import shutil
import subprocess

from pypdf import PdfReader


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Whitespace folded: line breaks of the layout must not hide a name or a quote."""
    return re.sub(r"\s+", " ", text)


def found(needle: str, text: str) -> bool:
    """``needle`` in ``text`` as a reader sees it: whitespace may differ, and a word may be
    hyphenated at a line end (the hyphen and the break then stand between two letters). Names
    are never hyphenated: look for them with ``in`` on ``flat(text)``."""
    parts = []
    for char in " ".join(needle.split()):
        if char == " ":
            parts.append(r"\s+")
        elif char.isalpha():
            parts.append(re.escape(char) + r"(?:-\s+)?")
        else:
            parts.append(re.escape(char))
    return re.search("".join(parts), text) is not None


def pdftotext(pdf: bytes) -> str:
    assert shutil.which("pdftotext"), "poppler-utils are needed (.ci/run installs them)"
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def font_names(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            names.add(str(ref.get_object()["/BaseFont"]))
        xobjects = page.get("/Resources", {}).get("/XObject", {})
        for ref in xobjects.values():
            for font in ref.get_object().get("/Resources", {}).get("/Font", {}).values():
                names.add(str(font.get_object()["/BaseFont"]))
    return names


def qpdf_check(pdf: bytes, tmp_path) -> None:
    assert shutil.which("qpdf"), "qpdf is needed (.ci/run installs it)"
    path = tmp_path / "check.pdf"
    path.write_bytes(pdf)
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
