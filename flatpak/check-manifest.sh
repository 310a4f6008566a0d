#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the Flatpak manifest without building it (Flathub cannot be
# reached from our machines): flatpak-builder must parse it without a single
# warning, and the promises the product makes about the sandbox must hold.
#
# Usage: check-manifest.sh MANIFEST APP_ID
set -u

manifest=$1
app_id=$2
status=0

fail () {
  echo "FAIL: $*" >&2
  status=1
}

if ! command -v jq >/dev/null 2>&1; then
  echo "jq is not installed (make deps installs it)" >&2
  exit 1
fi

jq empty "$manifest" || exit 1

check () {
  # $1: jq filter that must print true, $2: what it means
  if [ "$(jq -r "$1" "$manifest")" != "true" ]; then
    fail "$2"
  fi
}

check ".id == \"$app_id\"" "id is not $app_id"
check '.command == "steward"' 'command is not steward'
check '.runtime == "org.gnome.Platform" and .sdk == "org.gnome.Sdk"' \
  'runtime/sdk are not the GNOME ones'
check '(."finish-args" | index("--share=network")) == null' \
  'the sandbox must not get network access'
check '[."finish-args"[] | select(test("^--filesystem=(host|home)"))] | length == 0' \
  'the sandbox must not get the home or host file system (files go through portals)'
check '[.modules[] | .sources[]? | select(.type == "archive" or .type == "file")
        | (.sha256 // "" | test("^[0-9a-f]{64}$"))] | all' \
  'every archive or file source needs a sha256'
check '[.modules[] | .name] | index("poppler") != null' \
  'poppler must be built as a module (the GNOME runtime lacks it)'
check '.modules[-1].name == "steward" and .modules[-1].buildsystem == "meson"' \
  'the last module must be steward, built with meson'

if command -v flatpak-builder >/dev/null 2>&1; then
  # flatpak-builder leaves a .flatpak-builder state folder in the working
  # directory, so give it a scratch one.
  scratch=$(mktemp -d)
  manifest_abs=$(cd "$(dirname "$manifest")" && pwd)/$(basename "$manifest")
  err=$(cd "$scratch" && flatpak-builder --show-manifest "$manifest_abs" 2>&1 >/dev/null)
  rc=$?
  rm -rf "$scratch"
  if [ $rc -ne 0 ] || [ -n "$err" ]; then
    printf '%s\n' "$err" >&2
    fail "flatpak-builder --show-manifest did not accept the manifest cleanly"
  fi
else
  echo "flatpak-builder is not installed; checked with jq only" >&2
fi

[ $status -eq 0 ] && echo "manifest ok: $manifest"
exit $status
