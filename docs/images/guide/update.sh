#!/usr/bin/env bash
# Copies the user guide's screenshots from the last UI test run into docs/images/guide/.
# tst_tour (./run test, or: ctest --test-dir build/release -R tst_tour) saves them as
# build/release/screenshots/guide-<lang>-<name>.png; here they become <lang>-<name>.png.
# Run it after a UI change that the guide shows, look at the images, and commit them.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
shots="${1:-$here/../../../build/release/screenshots}"
n=0
for f in "$shots"/guide-*.png; do
    [ -e "$f" ] || { echo "no guide-*.png in $shots: run tst_tour first" >&2; exit 1; }
    cp "$f" "$here/$(basename "$f" | sed 's/^guide-//')"
    n=$((n + 1))
done
echo "copied $n screenshots into $here"
