"""delegation_app: plan delegation visits, record contacts and print briefings."""


def __getattr__(name: str) -> str:
    """``__version__``, looked up when first asked for: importlib.metadata costs ~35 ms, which the
    window's first picture need not wait for (issue 21)."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("delegation-app")
    except PackageNotFoundError:  # running from a source tree without installation
        found = "0.0.0+unknown"
    globals()["__version__"] = found  # asked once
    return found
