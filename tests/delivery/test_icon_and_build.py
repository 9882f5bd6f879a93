"""The icon the executable, the installer and the shortcuts show, and the build script's names."""

import importlib.util
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]


def build_module():
    spec = importlib.util.spec_from_file_location("build", ROOT / "packaging" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_icon_has_every_size_windows_asks_for():
    with Image.open(ROOT / "resources" / "icons" / "app.ico") as icon:
        sizes = {size for size, _ in icon.info["sizes"]}
        assert {16, 24, 32, 48, 256} <= sizes
        icon.size = (16, 16)
        icon.load()
        # drawn for 16 px, not a blank: the dark blue tile of the SVG
        assert icon.convert("RGB").getpixel((8, 2)) == (31, 78, 121)


def test_the_installer_built_off_windows_says_it_is_only_a_check():
    build = build_module()
    name = build.installer_name()
    assert name.startswith(f"delegation-app-setup-{build.version()}")
    assert name.endswith("-linux-check.exe") == (sys.platform != "win32")


def test_the_version_resource_names_the_program_and_version(tmp_path):
    build = build_module()
    text = build.write_version_info(tmp_path / "v.txt").read_text(encoding="utf-8")
    assert f"StringStruct('ProductVersion', '{build.version()}')" in text
    assert "Delegationsbesuche" in text
    assert build.pinned_pyinstaller().startswith("pyinstaller==")


def test_what_the_migration_scripts_import_of_ours_goes_into_the_bundle():
    """Alembic reads the migration scripts as files, so the bundle's analysis never sees their
    imports: a module of ours only they import (storage/search_rebuild.py) was missing from the
    frozen program, and opening a database failed there. The spec lists each one."""
    import ast

    spec = (ROOT / "packaging" / "delegation-app.spec").read_text("utf-8")
    hidden = ast.literal_eval(spec.split("hiddenimports=")[1].split("]")[0] + "]")
    ours = set()
    for script in (ROOT / "delegation_app" / "storage" / "migrations" / "versions").glob("*.py"):
        for node in ast.walk(ast.parse(script.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("delegation_app"):
                ours.add(node.module)
    assert "delegation_app.storage.search_rebuild" in ours
    assert ours <= set(hidden)
