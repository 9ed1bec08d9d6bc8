#!/usr/bin/env bash
# Screenshot of the real evcards window for the README: start the app on a virtual screen,
# drive it with the keyboard like a user, and photograph the screen.
# Needs: xvfb, xdotool, imagemagick. Usage: scripts/screenshot.sh [OUT.png] [--dark]
set -euo pipefail
out=${1:-docs/screenshot.png}
display=:$(( (RANDOM % 400) + 100 ))
config=$(mktemp -d)
Xvfb "$display" -screen 0 1200x780x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $app $xvfb 2>/dev/null || true; rm -rf "$config"' EXIT
sleep 1
export DISPLAY=$display XDG_CONFIG_HOME=$config QT_QPA_PLATFORM=xcb
if [ "${2:-}" = "--dark" ]; then export EVCARDS_COLOR_SCHEME=dark; fi
# Start on Lei Jun, as a returning user would (evcards remembers the last entity).
mkdir -p "$config/evcards"
bundled=$(python -c 'from evcards.resources import bundled_data; print(bundled_data().resolve())')
printf '[session]\nlast_file=%s\nlast_entity=lei-jun\n' "$bundled" > "$config/evcards/evcards.ini"
python -m evcards &
app=$!
for _ in $(seq 50); do xdotool search --name "evcards" >/dev/null 2>&1 && break; sleep 0.2; done
sleep 1.5
win=$(xdotool search --name "evcards" | head -n1)
xdotool windowmove "$win" 0 0 windowsize "$win" 1200 780
xdotool windowfocus "$win"
sleep 1
import -window root "$out"
echo "wrote $out"
