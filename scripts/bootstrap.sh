#!/usr/bin/env bash
# Installs everything the project needs on a fresh machine with Node 20 and npm:
# pinned pnpm, the workspace's dependencies (frozen lockfile) and the Debian packages the docs tests need.
set -euo pipefail
cd "$(dirname "$0")/.."

export NPM_CONFIG_UPDATE_NOTIFIER=false DO_NOT_TRACK=1
PNPM_VERSION=12.4.2

if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "▶ installing pnpm@$PNPM_VERSION"
  npm install --global --no-fund --no-audit "pnpm@$PNPM_VERSION"
fi

# chromium: the docs site's browser test. The font: without a CJK font the docs screenshot shows the spec's Chinese
# terms as empty boxes. curl: the docs test runs every curl sample against a loopback server. redis-server: the
# @nim-api/redis tests start their own (127.0.0.1, a free port, no persistence); nothing is started here.
if [ ! -x /usr/bin/chromium ] || [ ! -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || ! command -v curl >/dev/null \
  || ! command -v redis-server >/dev/null; then
  echo "▶ installing Debian chromium, a CJK font, curl (docs site tests) and redis-server (@nim-api/redis tests)"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-wqy-microhei curl redis-server >/dev/null
fi

echo "▶ pnpm install --frozen-lockfile"
pnpm install --frozen-lockfile

# The ecosystem tests' runtimes (Node 22/24/26, Bun, Deno, workerd, edge-runtime, TypeScript 5.4 and 7): npm
# packages pinned by the lock files in packages/ecosystem-tests/runtimes, into ~/.cache/nim-api/runtimes (reused
# when there; the test setup installs whatever is missing too).
echo "▶ ecosystem-test runtimes (npm registry, cached)"
node packages/ecosystem-tests/scripts/install-runtimes.mjs >/dev/null
