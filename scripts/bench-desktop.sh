#!/usr/bin/env bash
# Desktop figures: cold start to first paint of the release app, its memory
# with the library open and while it is used, and the time to open the
# outlets dashboard, on a library of N generated newsroom articles (100,000
# by default), imported and analysed through the real CLI. Prints figures;
# asserts nothing.
#
#   ./scripts/bench-desktop.sh [ARTICLES] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-100000}
runs=${2:-10}
[ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"
npm run -s build
cargo build --release --locked -p sourcetrace-desktop -p sourcetrace-cli -p sourcetrace-bench
bin=target/release/sourcetrace
work=target/bench/desktop
mkdir -p "$work"
library="$work/library-$articles.sqlite"
if [ ! -f "$library" ]; then
  echo "bench-desktop: building a library of $articles articles"
  rm -rf "$work/corpus"
  target/release/sourcetrace-bench corpus --articles "$articles" --parts 1 --out "$work/corpus" >/dev/null
  "$bin" --library "$library" import "$work/corpus" >/dev/null
  "$bin" --library "$library" analyze >/dev/null
fi
"$bin" --library "$library" info | sed -n 1,3p

echo "== cold start to first paint (release, Xvfb, $runs runs)"
export DISPLAY=:$((70 + RANDOM % 20))
Xvfb "$DISPLAY" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
times=()
for _ in $(seq "$runs"); do
  # Drop the page cache's claim on nothing: a cold start here is a new
  # process, the library file warm as it is after any recent use.
  ms=$(SOURCETRACE_EXIT_AFTER_FIRST_PAINT=1 target/release/sourcetrace-desktop --library "$library" 2>/dev/null | sed -n 's/^first-paint-ms //p')
  times+=("$ms")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "  first paint: min %d ms, median %d ms, max %d ms\n", a[1], a[int((NR+1)/2)], a[NR]}'

# Resident memory of the app and every process under it (WebKit's web and
# network processes), after first paint, in the environment given.
memory() {
  env "$@" target/release/sourcetrace-desktop --library "$library" 2>"$work/app.log" &
  local app=$!
  for _ in $(seq 100); do grep -q "first view painted" "$work/app.log" && break; sleep 0.2; done
  sleep 2
  tree() { echo "$1"; for child in $(ps -o pid= --ppid "$1"); do tree "$child"; done; }
  local pids
  pids=$(tree "$app" | tr '\n' ',' | sed 's/,$//')
  ps -o rss= -p "$pids" | awk '{kb+=$1} END {printf "  resident memory (RSS summed): %.0f MB over %d processes\n", kb/1024, NR}'
  # RSS counts the pages of WebKit's shared libraries once in every
  # process that maps them; the proportional set size splits each shared
  # page among its processes, so the sum is what the app takes.
  for p in ${pids//,/ }; do sed -n 's/^Pss: *\([0-9]*\) kB/\1/p' "/proc/$p/smaps_rollup"; done |
    awk '{kb+=$1} END {printf "  proportional memory (PSS summed): %.0f MB\n", kb/1024}'
  kill "$app"; wait "$app" 2>/dev/null || true
}
echo "== memory with the library open (app and its web processes, after first paint)"
memory
echo "== the same with WebKit's accelerated compositing on (SOURCETRACE_GPU_COMPOSITING=1)"
memory SOURCETRACE_GPU_COMPOSITING=1

echo "== memory in use: dashboard, an article, sources, a search (the window through tauri-driver)"
node crates/bench/desktop/memory-in-use.mjs target/release/sourcetrace-desktop "$library"
echo "== the same with JavaScriptCore's JIT on (SOURCETRACE_JIT=1)"
SOURCETRACE_JIT=1 node crates/bench/desktop/memory-in-use.mjs target/release/sourcetrace-desktop "$library"

echo "== open the outlets dashboard (headless Chromium, web mode)"
node crates/bench/desktop/open-dashboard.mjs "$bin" "$library" "$runs"
