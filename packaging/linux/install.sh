#!/bin/sh
# Install the built program (dist/byline) for the current user, with its
# desktop entry, icons and AppStream metadata, under ~/.local:
#
#     packaging/linux/install.sh             # install (or update)
#     packaging/linux/install.sh --uninstall
#
# PREFIX (default ~/.local) and DIST (default dist/byline) may be set.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
PREFIX=${PREFIX:-$HOME/.local}
DIST=${DIST:-$REPO/dist/byline}
APP_ID=org.byline.Byline
LIBDIR=$PREFIX/lib/byline
SHARE=$PREFIX/share

refresh() {
    command -v update-desktop-database >/dev/null && update-desktop-database -q "$SHARE/applications" || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$LIBDIR"
    rm -f "$PREFIX/bin/byline" "$SHARE/applications/$APP_ID.desktop" "$SHARE/metainfo/$APP_ID.metainfo.xml"
    rm -f "$SHARE"/icons/hicolor/*/apps/$APP_ID.png "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg"
    refresh
    echo "Byline removed from $PREFIX."
    exit 0
fi

[ -x "$DIST/byline" ] || { echo "No program at $DIST/byline: run 'make package' first." >&2; exit 1; }

# The program: the whole folder, and a link on PATH.
rm -rf "$LIBDIR"
mkdir -p "$PREFIX/lib" "$PREFIX/bin"
cp -a "$DIST" "$LIBDIR"
ln -sf "$LIBDIR/byline" "$PREFIX/bin/byline"

# The desktop entry, pointing at the installed program (~/.local/bin may not be on the menu's PATH).
mkdir -p "$SHARE/applications" "$SHARE/metainfo"
sed -e "s|^Exec=byline|Exec=$PREFIX/bin/byline|" -e "s|^TryExec=byline|TryExec=$PREFIX/bin/byline|" \
    "$HERE/$APP_ID.desktop" > "$SHARE/applications/$APP_ID.desktop"
cp "$HERE/$APP_ID.metainfo.xml" "$SHARE/metainfo/"

# The icons, from the bundle's resources (the PNG sizes `make package` rendered, and the SVG).
RES=$LIBDIR/_internal/resources
for png in "$RES"/icons/byline-*.png; do
    [ -e "$png" ] || continue
    size=${png##*-}; size=${size%.png}
    mkdir -p "$SHARE/icons/hicolor/${size}x${size}/apps"
    cp "$png" "$SHARE/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
mkdir -p "$SHARE/icons/hicolor/scalable/apps"
cp "$RES/byline.svg" "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg"

refresh
echo "Byline installed: $PREFIX/bin/byline, with its menu entry $SHARE/applications/$APP_ID.desktop."
