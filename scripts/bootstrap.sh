#!/usr/bin/env bash
# Installs everything the project needs on a fresh machine with Node 20 and npm:
# pinned pnpm, the workspace's dependencies (frozen lockfile) and Debian's chromium for the browser test.
set -euo pipefail
cd "$(dirname "$0")/.."

export NPM_CONFIG_UPDATE_NOTIFIER=false DO_NOT_TRACK=1
PNPM_VERSION=12.4.2

if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "▶ installing pnpm@$PNPM_VERSION"
  npm install --global --no-fund --no-audit "pnpm@$PNPM_VERSION"
fi

XX
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-wqy-microhei >/dev/null
fi

echo "▶ pnpm install --frozen-lockfile"
pnpm install --frozen-lockfile
