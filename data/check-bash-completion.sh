#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-bash-completion.sh: the data test for the bash completion. It must
# parse (bash -n), its command list must be the one `steward help` prints,
# and completing a command name and a WORKSPACE argument must work.
#
# Usage: check-bash-completion.sh COMPLETION-FILE PATH-TO-STEWARD
# Exits 77 (skipped) after the syntax check when steward is not built.

set -eu

completion=$1
steward=$(realpath -m "$2")

bash -n "$completion"

if [ ! -x "$steward" ]; then
  echo "SKIP: no $steward (built without the UI?)"
  exit 77
fi

# `steward help` lists a command a line: two spaces, the name, two spaces.
wanted=$(LC_ALL=C.UTF-8 LANGUAGE=C "$steward" help | sed -n 's/^  \([a-z][a-z-]*\)  .*/\1/p' | sort | xargs)
listed=$(sed -n 's/^ *local commands="\(.*\)"$/\1/p' "$completion" | xargs -n1 | sort | xargs)
if [ -z "$wanted" ] || [ "$wanted" != "$listed" ]; then
  echo "FAIL: the completion lists \"$listed\", steward help \"$wanted\""
  exit 1
fi

# Complete as bash would, in a home of its own with one workspace.
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export XDG_DATA_HOME=$home
"$steward" new "Acme Widgets" --me "Ann Example" >/dev/null

# shellcheck source=/dev/null
. "$completion"

complete_words() {
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMPREPLY=()
  _steward
  echo "${COMPREPLY[*]}"
}

check() {
  local want=$1 got
  shift
  got=$(complete_words "$@")
  if [ "$got" != "$want" ]; then
    echo "FAIL: completing \"$*\" gives \"$got\", not \"$want\""
    exit 1
  fi
}

cd "$home"
check "check" "$steward" ch
check "acme-widgets" "$steward" check ""
check "acme-widgets" "$steward" attach --to T-001 a
check "--to --note --help" "$steward" attach acme-widgets --
check "--me" "$steward" new Acme --m
check "items" "$steward" help it
check "--period --note --replace --help" "$steward" measure acme-widgets --
check "acme-widgets" "$steward" measure --period 2027-03 a
check "kpis" "$steward" kp
check "soa" "$steward" so
check "--mismatches --approve --help" "$steward" soa acme-widgets --
check "acme-widgets" "$steward" soa --mismatches a
# KPI references come from `steward kpis` of the workspace named before.
"$steward" sample >/dev/null
check "K-001 K-002 K-003 K-004 K-005" "$steward" measure sample K-
check "K-003" "$steward" measure --note "nightly" sample K-003
echo "PASS: $wanted"
