#!/usr/bin/env bash
# Installs what is missing, builds Vitrine (Release) and starts the desktop program.
# Extra arguments go to vitrine, e.g. tools/start.sh --data-dir /tmp/vitrine-data
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build/release
echo "Built: build/release/bin/vitrine, vitrine-cli and vitrine-imaging-worker"
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "No display: not starting the window. Try: build/release/bin/vitrine-cli help"
  exit 0
fi
exec build/release/bin/vitrine "$@"
