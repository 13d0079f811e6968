#!/usr/bin/env bash
# The system packages the test suite drives for real: Debian's chromium (browser tests,
# through Playwright; nothing is downloaded by Playwright itself) and postgresql (the
# store's PostgreSQL tests). Installed only when missing; needs apt-get and root.
set -euo pipefail
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium chromium-driver"
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$missing postgresql"
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" != 0 ]; then
  echo "suivi: the tests also need these Debian packages:$missing (install them as root)" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq $missing >/dev/null
