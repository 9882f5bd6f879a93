"""Builds the program for the platform it runs on: ``dist/delegation-app/`` (PyInstaller, folder
mode) and, with ``--installer`` where ``makensis`` is found, the per-user installer
``dist/delegation-app-setup-VERSION.exe`` (on Linux ``…-linux-check.exe``: it wraps Linux
binaries and only checks the NSIS script; never publish it).

    python packaging/build.py [--installer]

Run from a fresh clone with any Python 3.11+: outside a virtual environment that has the program
installed, it makes one in ``build/venv`` with the ``build`` extra (PyInstaller pinned) and
continues there. Inside one, it installs the pinned PyInstaller when it is missing.
"""

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
WORK = ROOT / "build"
BUNDLE = DIST / "delegation-app"


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def pinned_pyinstaller() -> str:
    return next(r for r in project()["optional-dependencies"]["build"] if r.startswith("pyinstaller"))


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_environment(argv: list[str]) -> None:
    """Continue in an environment that has the program and PyInstaller (re-running this script)."""
    has_program = importlib.util.find_spec("delegation_app") is not None and _installed()
    if sys.prefix == sys.base_prefix or not has_program:
        venv = WORK / "venv"
        if not venv_python(venv).exists():
            print(f"== a build environment in {venv}", flush=True)
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv_python(venv)), "-m", "pip", "install", "-q", f"{ROOT}[build]"], check=True)
        raise SystemExit(subprocess.run([str(venv_python(venv)), __file__, *argv]).returncode)
    if importlib.util.find_spec("PyInstaller") is None:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", pinned_pyinstaller()], check=True)


def _installed() -> bool:
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        distribution("delegation-app")
    except PackageNotFoundError:
        return False
    return True


def version() -> str:
    return project()["version"]


def write_version_info(target: Path) -> Path:
    """The executable's Windows version resource (Explorer → Properties → Details)."""
    numbers = [int(part) for part in version().split(".")[:3] if part.isdigit()]
    four = tuple([*numbers, 0, 0, 0, 0][:4])
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={four}, prodvers={four}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040704b0', [
      StringStruct('CompanyName', 'delegation_app team'),
      StringStruct('FileDescription', 'Delegationsbesuche'),
      StringStruct('FileVersion', '{version()}'),
      StringStruct('InternalName', 'delegation-app'),
      StringStruct('OriginalFilename', 'delegation-app.exe'),
      StringStruct('ProductName', 'Delegationsbesuche'),
      StringStruct('ProductVersion', '{version()}')])]),
    VarFileInfo([VarStruct('Translation', [0x0407, 1200])])
  ]
)
"""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def build_bundle() -> Path:
    env = dict(os.environ, DELEGATION_APP_VERSION_FILE=str(write_version_info(WORK / "version_info.txt")))
    spec = ROOT / "packaging" / "delegation-app.spec"
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
               "--distpath", str(DIST), "--workpath", str(WORK / "pyinstaller"), str(spec)]  # fmt: skip
    print("== PyInstaller", flush=True)
    subprocess.run(command, check=True, env=env, cwd=ROOT)
    return BUNDLE


def installer_name() -> str:
    suffix = "" if sys.platform == "win32" else "-linux-check"
    return f"delegation-app-setup-{version()}{suffix}.exe"


def build_installer() -> Path:
    makensis = shutil.which("makensis")
    if makensis is None:
        raise SystemExit("makensis not found: install NSIS (Windows) or the nsis package (Debian)")
    target = DIST / installer_name()
    fast = [] if sys.platform == "win32" else ["-DFAST"]  # only a check of the script off Windows
    icon = ROOT / "resources" / "icons" / "app.ico"
    defines = [f"-DVERSION={version()}", f"-DSOURCE_DIR={BUNDLE}", f"-DOUTFILE={target}", f"-DICON={icon}"]
    command = [makensis, "-V2", *fast, *defines, str(ROOT / "packaging" / "installer.nsi")]
    print("== NSIS", flush=True)
    subprocess.run(command, check=True, cwd=ROOT)
    return target


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--installer", action="store_true", help="also build the NSIS installer")
    parser.add_argument("--no-bundle", action="store_true", help="reuse dist/delegation-app (installer only)")
    args = parser.parse_args(argv)
    if not args.no_bundle:
        ensure_environment(argv)
        build_bundle()
    print(f"bundle: {BUNDLE}")
    if args.installer:
        print(f"installer: {build_installer()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
