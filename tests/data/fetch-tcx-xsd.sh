#!/usr/bin/env bash
# Fetch Garmin's TrainingCenterDatabase v2 schema for tests/export/test_tcx.py into
# tests/data/.cache/ (git-ignored: the file carries no licence statement, so it is not shipped
# in this repository). Debian's "pytrainer" package ships an unmodified copy; only that package
# is downloaded (not installed). Best effort: exits non-zero when it cannot get the file, and
# the XSD test then says it was skipped and why (the rule-based TCX tests always run).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dest="$here/.cache/TrainingCenterDatabasev2.xsd"
[ -s "$dest" ] && exit 0
mkdir -p "$here/.cache"
installed=/usr/share/pytrainer/schemas/GarminTrainingCenterDatabase_v2.xsd
if [ -s "$installed" ]; then cp "$installed" "$dest"; exit 0; fi
command -v apt-get >/dev/null 2>&1 || { echo "fetch-tcx-xsd: no apt-get here" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp"  # apt's _apt user writes the download there
if ! (cd "$tmp" && apt-get download -qq pytrainer >/dev/null 2>&1); then
    apt-get update -qq >/dev/null 2>&1 || true
    (cd "$tmp" && apt-get download -qq pytrainer >/dev/null 2>&1) \
        || { echo "fetch-tcx-xsd: could not download Debian's pytrainer package" >&2; exit 1; }
fi
dpkg-deb -x "$tmp"/pytrainer_*.deb "$tmp/x"
cp "$tmp/x/usr/share/pytrainer/schemas/GarminTrainingCenterDatabase_v2.xsd" "$dest.tmp"
mv "$dest.tmp" "$dest"
echo "fetch-tcx-xsd: $dest"
