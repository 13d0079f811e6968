"""``python -m suivi.evaluation GOLD.jsonl PRED.jsonl``: the scorer on the command line."""

import sys

from suivi.evaluation import main

sys.exit(main())
