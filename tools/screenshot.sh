#!/bin/bash
# Regenerates the README's picture of the main window (docs/screenshots/main-window.png)
# from the demo workspace. Run it after changing the window:  tools/screenshot.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${VITRINE_BUILD_DIR:-$root/build}
cmake --build "$build" --target vitrine vitrine-imaging-worker
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export XDG_CONFIG_HOME=$scratch/config # default settings: window size, thumbnail size
out=$root/docs/screenshots/main-window.png
mkdir -p "$(dirname "$out")"
run=("$build/bin/vitrine" --data-dir "$scratch/data" --demo --screenshot "$out")
if command -v xvfb-run >/dev/null; then
    xvfb-run -a -s "-screen 0 1440x900x24" "${run[@]}"
else
    QT_QPA_PLATFORM=offscreen "${run[@]}"
fi
echo "wrote $out"
