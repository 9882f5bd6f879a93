"""Where the files that are not Python live, from a checkout and from an installed wheel alike.

In the repository they sit in ``resources/`` beside the package (the design card's layout); the wheel
and the frozen build carry them as ``delegation_app/resources/`` (see ``setup.py``). Every reader of a
font, icon, catalogue or the demo data goes through :func:`resource`, so neither place is spelled twice.
"""

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def resource_root() -> Path:
    inside = _PACKAGE / "resources"  # installed wheel, PyInstaller bundle
    if inside.is_dir():
        return inside
    beside = _PACKAGE.parent / "resources"  # checkout, editable install
    if (beside / "fonts").is_dir():
        return beside
    raise FileNotFoundError(f"the program's resources are missing (looked in {inside} and {beside})")


def resource(*parts: str) -> Path:
    """A file or folder below ``resources/``: ``resource("fonts", "OFL.txt")``."""
    return resource_root().joinpath(*parts)
