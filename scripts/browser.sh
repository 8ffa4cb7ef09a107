#!/bin/sh
# browser.sh -- the browser gate: installs the pinned node modules (npm ci)
# when node_modules is missing or older than package-lock.json, checks that
# Debian's Chromium is there (the tests never download a browser), builds,
# and runs tests/browser/run.mjs, whose last line is
# "browser: N passed, N failed".
set -u
cd "$(dirname "$0")/.." || exit 1

fail() {
	echo "FAIL $1"
	echo "browser: 0 passed, 1 failed"
	exit 1
}

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
	fail "node and npm are missing; run as root: apt-get install -y nodejs npm"
fi

# npm ci when node_modules is missing or stale: package.json or
# package-lock.json newer than npm's own record of the last install
# (node_modules/.package-lock.json), or a pinned module not installed.
stale=no
if [ ! -f node_modules/.package-lock.json ]; then
	stale=yes
elif [ -n "$(find package.json package-lock.json -newer node_modules/.package-lock.json)" ]; then
	stale=yes
else
	for m in playwright-core axe-core html-validate; do
		[ -f "node_modules/$m/package.json" ] || stale=yes
	done
fi
if [ "$stale" = yes ]; then
	echo "== npm ci"
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error ||
		fail "npm ci (package-lock.json)"
fi

chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
	if [ "$(id -u)" = 0 ]; then
		echo "== installing chromium"
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk poppler-utils >/dev/null; } ||
			fail "apt-get install chromium"
	else
		echo "browser: Chromium is missing; run as root:" >&2
		echo "  sudo apt-get install -y chromium fonts-noto-cjk poppler-utils" >&2
		fail "chromium missing at $chromium"
	fi
fi

make -j2 --no-print-directory all >/dev/null || fail "make all"

exec node tests/browser/run.mjs
