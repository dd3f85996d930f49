"""`python -m desktop_app`: the same program as the `frontline-archive` command."""

import sys

from desktop_app.app import main

sys.exit(main())
