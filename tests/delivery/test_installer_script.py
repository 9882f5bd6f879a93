"""The NSIS script compiles (a syntax and packaging check; .ci/run also builds it around the real
bundle and installs it under Wine). makensis is Debian's nsis package: CI installs it."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "installer.nsi"

needs_makensis = pytest.mark.skipif(
    shutil.which("makensis") is None and os.environ.get("CI") != "true",
    reason="makensis (Debian's nsis) is not installed; CI installs it",
)


@needs_makensis
def test_the_installer_script_compiles_around_a_bundle(tmp_path):
    bundle = tmp_path / "delegation-app"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "delegation-app.exe").write_bytes(b"MZ")
    (bundle / "delegation-app-gui.exe").write_bytes(b"MZ")
    (bundle / "_internal" / "library.bin").write_bytes(b"x" * 1000)
    target = tmp_path / "setup.exe"
    built = subprocess.run(
        [
            "makensis",
            "-V2",
            "-DFAST",
            "-DVERSION=1.2.3",
            f"-DSOURCE_DIR={bundle}",
            f"-DOUTFILE={target}",
            f"-DICON={ROOT / 'resources' / 'icons' / 'app.ico'}",
            str(SCRIPT),
        ],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    assert target.read_bytes()[:2] == b"MZ"  # a Windows executable


def test_the_installer_is_per_user_and_keeps_the_users_data():
    script = SCRIPT.read_text(encoding="utf-8")
    assert "RequestExecutionLevel user" in script
    assert "Target amd64-unicode" in script
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP_ID}"' in script
    assert "HKLM" not in script  # nothing machine-wide: no administrator rights needed
    uninstall = script.split('Section "Uninstall"')[1]
    # the data folder (%LOCALAPPDATA%\delegation-app) is a sibling of Programs\, never named here
    assert "$LOCALAPPDATA\\${APP_ID}" not in script
    assert 'RMDir /r "$INSTDIR"' not in uninstall
    assert 'MUI_LANGUAGE "German"' in script
    assert 'MUI_LANGUAGE "English"' in script
