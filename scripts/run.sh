#!/usr/bin/env bash
# The main job until the desktop views land: build the sourcetrace command,
# import the demo articles (and the seed article from ../shared/samples when
# it is there), and list the library.
#
#   ./scripts/run.sh                      # uses your default library
#   SOURCETRACE_LIBRARY=/tmp/lib.sqlite ./scripts/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
cargo build --release -p sourcetrace-cli
bin=target/release/sourcetrace

inputs=(demo/harbour-talks.txt demo/harbour-talks-wire.html demo/coverage.jsonl demo/feed.rss)
[ -f ../shared/samples/cgtn-2021-12-12-putin-biden.txt ] && inputs+=(../shared/samples/cgtn-2021-12-12-putin-biden.txt)

"$bin" import "${inputs[@]}"
echo
"$bin" list
echo
"$bin" info
