#!/usr/bin/env bash
# The tarball `make bundle` ends with: the one-folder bundle (dist/frontline-archive), the
# desktop entry, AppStream metadata and icon, and the script that installs them for a user.
#
#   dist/frontline-archive-VERSION-linux-ARCH.tar.gz
#     frontline-archive-VERSION-linux-ARCH/
#       frontline-archive/frontline-archive   the program (window and commands)
#       install-desktop-entry.sh              desktop entry for the current user
#       resources/                            the entry, metainfo and icon it installs
#
# Usage: packaging/make-tarball.sh VERSION (run from the project root after PyInstaller).
set -euo pipefail
version="$1"
name="frontline-archive-$version-linux-$(uname -m)"
stage="build/tarball/$name"
test -x dist/frontline-archive/frontline-archive || {
  echo "no bundle in dist/frontline-archive: run PyInstaller first (make bundle)" >&2
  exit 2
}
rm -rf build/tarball
mkdir -p "$stage/resources/icons"
cp -a dist/frontline-archive "$stage/"
cp packaging/install-desktop-entry.sh "$stage/"
cp resources/frontline-archive.desktop resources/*.metainfo.xml "$stage/resources/"
cp resources/icons/frontline-archive.svg "$stage/resources/icons/"
# Owner and times as the files have them, but no user names in the archive.
tar -C build/tarball --owner=0 --group=0 --numeric-owner -czf "dist/$name.tar.gz" "$name"
rm -rf build/tarball
echo "dist/$name.tar.gz"
