"""Allow ``python -m suivi``."""

from suivi.cli import main

main()
