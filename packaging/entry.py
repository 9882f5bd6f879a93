"""The frozen program's entry (both executables): the same main() as ``python -m delegation_app``."""

import sys

from delegation_app.app import main

if __name__ == "__main__":
    sys.exit(main())
