"""The Windows workflow cannot run on these Linux machines; it is checked against GitHub's published
workflow schema (offline, check-jsonschema's built-in copy) and for the steps the issue asks for."""

import os
import subprocess
import sys
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"


def load() -> dict:
    return YAML(typ="safe").load(WORKFLOW.read_text(encoding="utf-8"))


def test_the_workflow_is_valid_against_githubs_schema():
    checked = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            str(WORKFLOW),
        ],
        capture_output=True,
        text=True,
        env=dict(os.environ, NO_COLOR="1"),
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_it_builds_installs_self_tests_and_uninstalls_on_a_windows_runner():
    job = load()["jobs"]["installer"]
    assert job["runs-on"].startswith("windows-")
    runs = [step.get("run", "") for step in job["steps"]]
    text = "\n".join(runs)
    assert "python packaging/build.py" in text
    assert "--installer" in text
    # the bundle's and the installed program's self-test, each failing the job on a non-zero exit
    self_tests = [r for r in runs if "--self-test" in r]
    assert len(self_tests) == 2
    assert any("dist\\delegation-app\\delegation-app.exe" in r for r in self_tests)
    assert any("LOCALAPPDATA\\Programs\\delegation-app\\delegation-app.exe" in r for r in self_tests)
    assert all("LASTEXITCODE" in r for r in self_tests)
    assert any("/S" in r and "setup" in r for r in runs)  # silent install
    assert any("uninstall.exe" in r and "/S" in r for r in runs)  # silent uninstall
    uploads = [s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/upload-artifact")]
    assert uploads
    assert "setup" in uploads[0]["with"]["path"]


def test_signing_is_optional_and_takes_the_certificate_from_secrets():
    job = load()["jobs"]["installer"]
    signing = [s for s in job["steps"] if "signtool" in s.get("run", "")]
    assert len(signing) == 2  # the executables, then the installer
    assert all(s["if"] == "env.SIGNING_CERT != ''" for s in signing)
    assert "secrets.WINDOWS_SIGNING_CERT" in job["env"]["SIGNING_CERT"]
