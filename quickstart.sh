#!/usr/bin/env bash
# Sets up suivi on a fresh machine and runs its main job on the embedded defaults:
# a virtual environment, every dependency (with the Debian packages the tests drive), the
# bundled sample corpus ingested into SQLite, the portal on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/debian-packages.sh
python=$(command -v python3.11 || command -v python3)
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[dev]'
exec .venv/bin/suivi demo "$@"
