#!/usr/bin/env bash
# Runs Sourcetrace: installs what it needs, builds the UI and the desktop app,
# and opens the window on your library (the default one, or
# $SOURCETRACE_LIBRARY). With no display (a server, an SSH session) it serves
# the same UI on http://127.0.0.1:8787/ instead.
#
#   ./scripts/run.sh
#   SOURCETRACE_LIBRARY=/tmp/lib.sqlite ./scripts/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
[ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"
npm run -s build
cargo build --release --locked -p sourcetrace-desktop -p sourcetrace-cli

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec target/release/sourcetrace-desktop "$@"
fi
echo "run: no display here, so Sourcetrace serves its window as a web page instead."
exec target/release/sourcetrace serve --ui ui/dist "$@"
