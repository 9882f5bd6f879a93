"""What a non-editable install must carry: resources, migrations, entry points."""

import configparser
import subprocess
import sys
import zipfile
from importlib import resources
from pathlib import Path

import pytest

from delegation_app.resource_files import resource

ROOT = Path(__file__).resolve().parents[1]


def test_resources_are_reachable_through_the_package():
    fonts = resource("fonts")
    names = {entry.name for entry in fonts.iterdir()}
    assert {
        "NotoSans-Regular.ttf",
        "NotoSans-Bold.ttf",
        "NotoSans-Italic.ttf",
        "NotoSans-BoldItalic.ttf",
    } <= names
    assert "OFL.txt" in names
    assert fonts.joinpath("NotoSans-Regular.ttf").read_bytes()[:4] == b"\x00\x01\x00\x00"
    demo = resource("demo")
    assert demo.joinpath("hanau-bochum.json").is_file()
    migrations = resources.files("delegation_app.storage.migrations")
    assert migrations.joinpath("script.py.mako").is_file()
    assert migrations.joinpath("env.py").is_file()
    assert any(e.name.endswith(".py") for e in migrations.joinpath("versions").iterdir())


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = out.glob("delegation_app-*.whl")
    return built


def test_the_wheel_declares_one_entry_for_the_console_and_the_windowed_launcher(wheel):
    # Read from the wheel built from this checkout: an installed copy's metadata may be older.
    archive = zipfile.ZipFile(wheel)
    (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/entry_points.txt")]
    points = configparser.ConfigParser()
    points.read_string(archive.read(name).decode("utf-8"))
    assert points["console_scripts"]["delegation-app"] == "delegation_app.app:main"
    assert points["gui_scripts"]["delegation-app-gui"] == "delegation_app.app:main"


def test_the_wheel_carries_resources_and_migrations(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        "delegation_app/resources/fonts/NotoSans-Regular.ttf",
        "delegation_app/resources/fonts/NotoSans-BoldItalic.ttf",
        "delegation_app/resources/fonts/OFL.txt",
        "delegation_app/resources/demo/hanau-bochum.json",
        "delegation_app/resources/demo/press-release-hanau-bochum.txt",
        "delegation_app/resources/locale/de/LC_MESSAGES/delegation_app.mo",
        "delegation_app/resources/handbuch/index.html",  # the user guide (F1), German and English
        "delegation_app/resources/handbuch/images/visits.png",
        "delegation_app/resources/user-guide/index.html",
        "delegation_app/resources/user-guide/images/visits.png",
        "delegation_app/storage/migrations/env.py",
        "delegation_app/storage/migrations/script.py.mako",
        "delegation_app/storage/migrations/versions/0001_initial_schema.py",
    }
    assert expected <= names
    assert not any("tests/" in n or n.endswith(".sqlite") for n in names)
