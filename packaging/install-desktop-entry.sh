#!/usr/bin/env bash
# Install the desktop entry, AppStream metadata and icon for the current user (Linux), or
# remove them again with --uninstall.
#
# From an unpacked bundle (make bundle's tarball) the entry starts the bundled program that
# sits beside this script; from a source checkout it starts `frontline-archive` as found on
# PATH (pip install). The entry lists the file types the program imports, so a file manager
# offers "Open With Frontline Archive" for them (the files are imported into the archive).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ -d "$here/resources" ]; then resources="$here/resources"; else resources="$here/../resources"; fi
share="${XDG_DATA_HOME:-$HOME/.local/share}"
entry="$share/applications/frontline-archive.desktop"
icon="$share/icons/hicolor/scalable/apps/frontline-archive.svg"
metainfo="$share/metainfo/io.github.frontline_archive.frontline_archive.metainfo.xml"
bundled="$here/frontline-archive/frontline-archive"

refresh() {
  # The desktop's caches, where the tools exist; the files alone are enough elsewhere.
  if command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$share/applications" || true
  fi
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$entry" "$icon" "$metainfo"
  refresh
  echo "Removed the desktop entry from $share"
  exit 0
elif [ $# -gt 0 ]; then
  echo "usage: $0 [--uninstall]" >&2
  exit 2
fi

if [ -x "$bundled" ]; then
  case "$bundled" in
    *[\"\`\$\\]*)
      echo "The folder's path holds a quote, backquote, dollar or backslash, which a desktop entry" \
        "cannot start a program from: move the folder and run this again ($here)" >&2
      exit 2 ;;
  esac
fi
install -Dm644 "$resources/icons/frontline-archive.svg" "$icon"
install -Dm644 "$resources/io.github.frontline_archive.frontline_archive.metainfo.xml" "$metainfo"
mkdir -p "$(dirname "$entry")"
if [ -x "$bundled" ]; then
  # The Exec line names the bundled program, quoted (spaces), with % doubled as the
  # desktop entry specification asks.
  tmp="$(mktemp "$entry.XXXXXX")"
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
      Exec=*) printf 'Exec="%s" %%F\n' "${bundled//\%/%%}" ;;
      *) printf '%s\n' "$line" ;;
    esac
  done <"$resources/frontline-archive.desktop" >"$tmp"
  chmod 644 "$tmp"
  mv -f "$tmp" "$entry"
  started="$bundled"
else
  install -Dm644 "$resources/frontline-archive.desktop" "$entry"
  started="frontline-archive (on PATH)"
fi
refresh
echo "Installed the desktop entry under $share; it starts $started"
