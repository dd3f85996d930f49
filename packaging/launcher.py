"""Entry script for the bundle: the same `main` as the installed `frontline-archive` command."""

import sys

from desktop_app.app import main

sys.exit(main())
