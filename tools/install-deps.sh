#!/usr/bin/env bash
# Installs every Debian 12 package Vitrine needs to build, test and benchmark.
# Idempotent: packages already present are skipped by apt-get.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config
  # Qt 6 (6.4 on Debian 12)
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6sql6-sqlite qt6-image-formats-plugins libqt6svg6
  # metadata, credentials, JPEG
  libexiv2-dev exiv2 qtkeychain-qt6-dev libjpeg62-turbo-dev libssl-dev
  # vitrine-server: HTTP (docs/server.md says why cpp-httplib)
  libcpp-httplib-dev
  # vitrine-server on PostgreSQL (Qt's QPSQL driver); the tests start their own cluster
  postgresql libqt6sql6-psql
  # tests: GUI offscreen/Xvfb, keychain session, sanitizers, sqlite shell
  xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools sqlite3 file
  # benchmark references
  python3-pil libvips-tools libjpeg-turbo-progs time
  # server benchmark references (Debian 12's nginx has the WebDAV module built in)
  nginx curl
)

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
