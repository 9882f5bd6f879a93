import sys

from delegation_app.cli import main

sys.exit(main())
