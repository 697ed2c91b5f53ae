"""``python -m nianbao_gui``: the command line, or the window when no command is given."""

import sys

from .cli import main

sys.exit(main())
