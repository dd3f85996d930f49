#!/usr/bin/env bash
# Install the desktop entry, AppStream metadata and icon for the current user (Linux).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
share="${XDG_DATA_HOME:-$HOME/.local/share}"
install -Dm644 "$here/resources/frontline-archive.desktop" "$share/applications/frontline-archive.desktop"
install -Dm644 "$here/resources/icons/frontline-archive.svg" "$share/icons/hicolor/scalable/apps/frontline-archive.svg"
install -Dm644 "$here/resources/io.github.frontline_archive.FrontlineArchive.metainfo.xml" \
  "$share/metainfo/io.github.frontline_archive.FrontlineArchive.metainfo.xml"
echo "Installed the desktop entry under $share"
