import sys

from delegation_app.app import main

sys.exit(main())
