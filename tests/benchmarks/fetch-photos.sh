#!/usr/bin/env bash
# Puts real multi-megapixel JPEG photographs (8–22 MP) from Debian's wallpaper packages into
# DIR, for the import benchmark. Nothing is installed: the packages are only downloaded and
# unpacked. Usage: fetch-photos.sh DIR
set -euo pipefail
dir=$1
mkdir -p "$dir"
if [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
for package in lomiri-wallpapers-16.04 lomiri-wallpapers-20.04 ukui-wallpapers plasma-workspace-wallpapers; do
  apt-get download -qq "$package" 2>/dev/null || echo "fetch-photos: could not download $package" >&2
done
for deb in *.deb; do dpkg -x "$deb" unpacked; done
# Keep photographs of 8 to 22 megapixels (identify is not required: the JPEG SOF holds the size).
/usr/bin/python3 - "$dir" <<'PY'
import os, shutil, sys
from PIL import Image
target = sys.argv[1]
seen = set()
for root, _, files in os.walk('unpacked'):
    for name in sorted(files):
        if not name.lower().endswith(('.jpg', '.jpeg')):
            continue
        path = os.path.join(root, name)
        try:
            with Image.open(path) as image:
                megapixels = image.size[0] * image.size[1] / 1e6
        except Exception:
            continue
        size = os.path.getsize(path)
        if 8 <= megapixels <= 22 and size not in seen:
            seen.add(size)
            shutil.copy(path, os.path.join(target, f"{len(seen):03d}-{name}"))
print(f"fetch-photos: {len(seen)} photos in {target}")
PY
