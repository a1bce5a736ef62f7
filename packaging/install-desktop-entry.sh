#!/bin/sh
# Adds Calx to the applications menu of the current user (no administrator rights needed).
# Run it from the unpacked calx folder; run it again after moving the folder.
#   ./install-desktop-entry.sh            install or update the menu entry
#   ./install-desktop-entry.sh --remove   remove it (the calx folder itself is left alone)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"

if [ "${1:-}" = "--remove" ]; then
    rm -f "$apps/calx.desktop" "$icons/calx.png"
    echo "Calx removed from the applications menu."
    exit 0
fi
if [ ! -x "$here/calx" ]; then
    echo "install-desktop-entry.sh: $here/calx not found: run this script from the calx folder." >&2
    exit 1
fi
mkdir -p "$apps" "$icons"
cp "$here/calx.png" "$icons/calx.png"
# Exec quoting of the Desktop Entry specification: inside double quotes, escape " ` $ and \ with a
# backslash; then, the value being a string, every backslash is doubled again.
exec_path=$(printf '%s' "$here/calx" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g')
{
    grep -v -e '^Exec=' -e '^Icon=' "$here/calx.desktop"
    printf 'Exec="%s"\n' "$exec_path"
    printf 'Icon=%s\n' "$icons/calx.png"
} > "$apps/calx.desktop"
chmod 644 "$apps/calx.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" || true
echo "Calx added to the applications menu ($apps/calx.desktop)."
