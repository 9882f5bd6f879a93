"""The one thing pyproject.toml cannot say: the top-level ``resources/`` folder (the design card's layout)
travels inside the wheel as ``delegation_app/resources/``, where delegation_app.resource_files finds it."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["delegation_app", "delegation_app.*"]), "delegation_app.resources"],
    package_dir={"delegation_app.resources": "resources"},
)
