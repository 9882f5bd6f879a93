"""Runs the installer built on Linux (``dist/delegation-app-setup-*-linux-check.exe``) under Wine:
silent install, then the installed files, the Start-menu shortcut and the uninstall entry in
HKCU are checked; silent uninstall, then that they are gone. The bundle inside is Linux's, so the
program itself is not started here (the Windows workflow does that). Used by .ci/run.

    python packaging/check_installer_wine.py [INSTALLER]
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEY = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\delegation-app"
SHORTCUT = "AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Delegationsbesuche.lnk"
INSTALL = "AppData/Local/Programs/delegation-app"


def wine(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["wine", *args], env=env, capture_output=True, text=True, timeout=600)


def main(argv: list[str]) -> int:
    installer = Path(argv[0]) if argv else max((ROOT / "dist").glob("delegation-app-setup-*.exe"))
    failures = []

    def check(ok: bool, what: str) -> None:
        print(f"[{'ok' if ok else 'FAILED'}] {what}", flush=True)
        if not ok:
            failures.append(what)

    with tempfile.TemporaryDirectory(prefix="wine-") as prefix:
        env = dict(os.environ, WINEPREFIX=prefix, WINEDEBUG="-all", WINEDLLOVERRIDES="mscoree,mshtml=")
        installed = wine(env, str(installer), "/S")
        check(installed.returncode == 0, f"silent install of {installer.name} (exit {installed.returncode})")
        user = next((Path(prefix) / "drive_c" / "users").glob(f"*/{INSTALL}"), None)
        home = user.parents[3] if user else Path(prefix)
        check(
            user is not None and (user / "uninstall.exe").is_file(),
            f"program and uninstaller in %LOCALAPPDATA%\\Programs ({user})",
        )
        check(
            user is not None and (user / "_internal" / "delegation_app" / "resources" / "fonts").is_dir(),
            "resources installed",
        )
        check((home / SHORTCUT).is_file(), "Start-menu shortcut “Delegationsbesuche”")
        entry = wine(env, "reg", "query", KEY)
        check(
            "DisplayName" in entry.stdout and "QuietUninstallString" in entry.stdout,
            "uninstall entry under HKCU",
        )
        if user is not None:
            windows_path = "C:\\users\\" + home.name + "\\" + INSTALL.replace("/", "\\")
            # _?= runs the uninstaller in place and waits for it (it leaves only itself behind)
            removed = wine(env, str(user / "uninstall.exe"), "/S", f"_?={windows_path}")
            check(removed.returncode == 0, "silent uninstall")
            check(not (user / "_internal").exists(), "program files removed")
        check(not (home / SHORTCUT).exists(), "shortcut removed")
        check(wine(env, "reg", "query", KEY).returncode != 0, "uninstall entry removed")
    print("installer check passed" if not failures else f"installer check failed: {len(failures)}")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
