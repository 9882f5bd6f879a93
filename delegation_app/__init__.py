"""delegation_app: plan delegation visits, record contacts and print briefings."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("delegation-app")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+unknown"
