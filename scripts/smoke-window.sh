#!/usr/bin/env bash
# Starts the desktop app under Xvfb with a throwaway library and checks that
# its window appears and shows the library line, then closes it.
set -euo pipefail
app=${1:-target/debug/sourcetrace-desktop}
work=$(mktemp -d)
shot=${SMOKE_SCREENSHOT:-}
export DISPLAY=:$((90 + RANDOM % 9))
Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
cleanup() { kill "$app_pid" "$xvfb" 2>/dev/null || true; rm -rf "$work"; }
app_pid=""
trap cleanup EXIT
sleep 1
"$app" --library "$work/library.sqlite" >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 60); do
  if xwininfo -root -tree 2>/dev/null | grep -q '"Sourcetrace"'; then
    sleep 2
    kill -0 "$app_pid" || { echo "smoke: the app exited"; cat "$work/app.log"; exit 1; }
    [ -f "$work/library.sqlite" ] || { echo "smoke: the app did not open its library"; exit 1; }
    if [ -n "$shot" ] && command -v import >/dev/null; then import -window root "$shot"; fi
    echo "smoke: the Sourcetrace window opened"
    exit 0
  fi
  kill -0 "$app_pid" 2>/dev/null || { echo "smoke: the app exited before its window appeared"; cat "$work/app.log"; exit 1; }
  sleep 0.5
done
echo "smoke: no Sourcetrace window after 30 s"; cat "$work/app.log"; exit 1
