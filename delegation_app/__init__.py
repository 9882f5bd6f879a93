"""delegation_app: plan delegation visits, record contacts and print briefings."""


def __getattr__(name: str) -> str:
    """``__version__``, read from the installed package's metadata only when asked: importing
    importlib.metadata costs 30 ms of every start, also of the commands that never show it."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("delegation-app")
    except PackageNotFoundError:  # running from a source tree without installation
        return "0.0.0+unknown"
