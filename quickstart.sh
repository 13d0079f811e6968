#!/usr/bin/env bash
# Sets up suivi on a fresh machine and runs its main job on the embedded defaults:
# a virtual environment, every dependency, the bundled sample corpus ingested into SQLite.
set -euo pipefail
cd "$(dirname "$0")"
python=$(command -v python3.11 || command -v python3)
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[dev]'
exec .venv/bin/suivi demo "$@"
