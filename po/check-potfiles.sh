#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Keeps po/POTFILES.in honest: every source file with translatable strings
# must be listed (or its strings never reach translators), and every listed
# file must exist (or xgettext fails when the template is regenerated).
#
# Usage: check-potfiles.sh [--fix] [SOURCE_ROOT]
#   --fix  rewrite POTFILES.in: keep its comment header, drop entries that
#          no longer exist, add every file with strings, sort.
set -u

fix=0
if [ "${1:-}" = "--fix" ]; then
  fix=1
  shift
fi
root=${1:-$(dirname "$0")/..}
cd "$root" || exit 1

potfiles=po/POTFILES.in
if [ ! -f "$potfiles" ]; then
  echo "FAIL: $potfiles is missing" >&2
  exit 1
fi

status=0
listed=$(mktemp)
trap 'rm -f "$listed"' EXIT

# Entries without comments, blank lines or surrounding spaces.
sed -e 's/#.*//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$potfiles" \
  | grep -v '^$' | sort -u > "$listed"

while IFS= read -r f; do
  if [ ! -f "$f" ]; then
    echo "FAIL: $potfiles names $f, which does not exist" >&2
    status=1
  fi
done < "$listed"

# A gettext call is one of the glib macros or functions below, not preceded
# by an identifier character (so g_autoptr( or foo_( do not count).
c_pattern='(^|[^[:alnum:]_])(_|N_|C_|NC_|Q_|g_dgettext|g_dngettext|g_dpgettext2?|ngettext|gettext|dgettext|dngettext)[[:space:]]*\('
ui_pattern='translatable="(yes|true|1)"'

candidates () {
  for dir in app ui; do
    [ -d "$dir" ] || continue
    find "$dir" -type f -name '*.c' -exec grep -lE "$c_pattern" {} + 2>/dev/null
    find "$dir" -type f -name '*.ui' -exec grep -lE "$ui_pattern" {} + 2>/dev/null
  done
  # Data kept as C tables (the Annex A catalogue).
  find data -maxdepth 1 -type f -name '*.c' -exec grep -lE "$c_pattern" {} + 2>/dev/null
  # Desktop files and metainfo are merged through gettext: always listed.
  find data -maxdepth 1 -type f -name '*.in' 2>/dev/null
  # A schema with a gettext domain has translatable summaries.
  find data -maxdepth 1 -type f -name '*.gschema.xml' \
    -exec grep -l 'gettext-domain=' {} + 2>/dev/null
}

if [ $fix -eq 1 ]; then
  {
    sed -n '/^#/!q;p' "$potfiles"
    { candidates | sed 's|^\./||'
      while IFS= read -r f; do [ -f "$f" ] && echo "$f"; done < "$listed"
    } | LC_ALL=C sort -u
  } > "$potfiles.new" && mv "$potfiles.new" "$potfiles"
  echo "rewrote $potfiles"
  exit 0
fi

for f in $(candidates | sed 's|^\./||' | sort -u); do
  if ! grep -qxF "$f" "$listed"; then
    echo "FAIL: $f has translatable strings but is not listed in $potfiles" >&2
    status=1
  fi
done

if [ $status -eq 0 ]; then
  echo "$potfiles lists every file with translatable strings ($(wc -l < "$listed") files)"
fi
exit $status
