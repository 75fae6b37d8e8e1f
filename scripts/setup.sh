#!/usr/bin/env bash
# Installs what Sourcetrace needs to build and test on Debian 12: the Tauri v2
# system libraries, Xvfb, xwd and WebKitWebDriver for the window tests, Chromium for
# the web-mode tests and the PDF report, the UI's npm packages, tauri-driver,
# and checks for Rust and Node. Safe to run again: what is present is kept.
set -euo pipefail

packages=(
  build-essential pkg-config curl file
  libwebkit2gtk-4.1-dev libxdo-dev libssl-dev libayatana-appindicator3-dev librsvg2-dev
  xvfb xauth x11-utils x11-apps webkit2gtk-driver
  python3 python3-venv
  chromium poppler-utils
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The Python peers of the benchmarks and the VADER parity test run in their
# own virtual environment (Debian's system Python refuses pip installs), at
# the path tests and benchmarks look for first.
peer_python=target/peer-python
if ! "$peer_python/bin/python" -c "import vaderSentiment" 2>/dev/null; then
  echo "setup: installing vaderSentiment 3.3.2 into $peer_python"
  python3 -m venv "$peer_python"
  "$peer_python/bin/python" -m pip install --quiet --disable-pip-version-check vaderSentiment==3.3.2
fi

# pyspark (about 500 MB with its jars) runs the Spark test of
# scripts/spark/test.sh, in a virtual environment of its own. CI always has
# it; locally it is optional, asked for with SOURCETRACE_SPARK=1, and the
# test skips with a notice without it. Spark 4 needs Java 17 or newer.
if [ "${CI:-}" = "true" ] || [ "${SOURCETRACE_SPARK:-}" = "1" ]; then
  if ! command -v java >/dev/null; then
    echo "setup: installing Java 17 for Spark"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null
  fi
  spark_python=target/peer-spark
  if ! "$spark_python/bin/python" -c "import pyspark" 2>/dev/null; then
    echo "setup: installing pyspark 4.3.0 into $spark_python"
    python3 -m venv "$spark_python"
    "$spark_python/bin/python" -m pip install --quiet --disable-pip-version-check pyspark==4.3.0
  fi
fi

if ! command -v cargo >/dev/null; then
  [ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"
fi
if ! command -v cargo >/dev/null; then
  echo "setup: Rust is missing; install it with rustup (https://rustup.rs), then run this again" >&2
  exit 1
fi

# The UI is built with Vite 8, which needs Node 20.19 or newer. Debian 12's
# own nodejs is 18, so an older Node is reported rather than used.
if ! command -v node >/dev/null; then
  echo "setup: installing Node.js from Debian"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  echo "setup: Node $(node --version) is too old for the UI build; install Node 20.19 or newer" >&2
  exit 1
fi
# npm packages: exactly what package-lock.json says, installed again only
# when the lock file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing the UI's npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

# tauri-driver drives the real window over WebDriver in the end-to-end tests.
if ! command -v tauri-driver >/dev/null && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "setup: installing tauri-driver 2.1.0"
  cargo install tauri-driver --version 2.1.0 --locked --quiet
fi
