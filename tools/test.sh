#!/usr/bin/env bash
# Installs what is missing, then builds and runs the whole test suite twice: a normal
# build with warnings as errors, and an AddressSanitizer + UndefinedBehaviorSanitizer build.
# VITRINE_TEST_SANITIZE=0 skips the sanitizer pass (quicker local runs).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
jobs=$(nproc)
# ccache hits across clones and build folders: hash paths relative to the checkout.
export CCACHE_BASEDIR=$PWD CCACHE_NOHASHDIR=true

run_suite() { # build-dir, extra cmake arguments...
  local dir=$1; shift
  cmake -S . -B "$dir" -G Ninja -DVITRINE_WERROR=ON "$@"
  cmake --build "$dir" -j "$jobs"
  ctest --test-dir "$dir" --output-on-failure -j "$jobs" --no-tests=error
}

echo "== tests (Debug, warnings as errors)"
run_suite build/test -DCMAKE_BUILD_TYPE=Debug
if [ "${VITRINE_TEST_SANITIZE:-1}" != 0 ]; then
  echo "== tests under AddressSanitizer + UndefinedBehaviorSanitizer"
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  export LSAN_OPTIONS=suppressions=$PWD/tools/lsan.supp
  run_suite build/asan -DCMAKE_BUILD_TYPE=Debug -DVITRINE_SANITIZE=ON
fi
