"""The command line's exit codes, in a module of their own.

Both the command line (cli.py) and its parser (cli_parser.py) need them; kept here so that
neither imports the other at module level.
"""

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_FINDINGS = 3
