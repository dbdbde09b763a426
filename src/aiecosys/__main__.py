"""``python -m aiecosys``: the command line."""

from aiecosys._cli import main

main()
