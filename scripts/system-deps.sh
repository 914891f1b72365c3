#!/usr/bin/env bash
# Install the Debian packages the test suite needs, when they are missing:
# chromium (browser tests, driven by Playwright) and postgresql (store tests).
# Needs root or sudo; without either it says what to install and goes on
# (the tests that need a missing program skip with that reason).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then need+=(postgresql); fi
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
  echo "system-deps: please install: ${need[*]} (apt-get install ${need[*]}); related tests will skip" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "system-deps: installed ${need[*]}"
