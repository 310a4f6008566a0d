#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Soak: the crash test for longer than make check runs it.
#   tests/soak-crash.sh [RUNS] [BUILD_DIR]
# Prints the counts (runs, kills, refusals, corruptions, leftovers) and
# exits non-zero on any refusal, corruption or leftover.
set -eu
runs=${1:-1000}
build=${2:-_build}
exec /usr/bin/python3 "$(dirname "$0")/test-crash.py" "$build/ui/steward" --runs "$runs"
