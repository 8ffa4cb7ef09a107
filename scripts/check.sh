#!/bin/sh
# check.sh -- `make check`: every test, in order of speed, then one line
# "N passed, N failed" over all of them.  Exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.."
total_p=0 total_f=0 log=$(mktemp)

# Runs a stage; its last "<name>: N passed, N failed" line is added to the total.
stage() {
	name=$1
	shift
	echo "== $name"
	"$@" 2>&1 | tee "$log"
	line=$(grep -E '^[a-z-]+: [0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	if [ -z "$line" ]; then
		echo "$name: did not report; counted as 1 failure"
		total_f=$((total_f + 1))
		return
	fi
	p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')
	f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
	total_p=$((total_p + p))
	total_f=$((total_f + f))
}

build() {
	if make -j2 --no-print-directory all $(ls tests/unit/test_*.c | sed 's|tests/unit/\(.*\)\.c|build/tests/\1|') >"$log.build" 2>&1; then
		echo "build: 1 passed, 0 failed"
	else
		cat "$log.build"
		echo "build: 0 passed, 1 failed"
	fi
}

asan_unit() {
	if make --no-print-directory -j2 asan >"$log.asan" 2>&1; then
		scripts/run-unit.sh build/asan/tests/test_* | sed 's/^unit:/asan-unit:/'
	else
		cat "$log.asan"
		echo "asan-unit: 0 passed, 1 failed"
	fi
}

stage repo tests/repo/run.sh
stage build build
stage unit sh -c 'scripts/run-unit.sh build/tests/test_*'
stage asan-unit asan_unit
stage http python3 tests/http/run.py
# the same requests against the sanitizer build and under valgrind memcheck
stage http-asan env BIANMIN_BIN=build/asan/bianmin python3 tests/http/run.py --front serve
stage http-valgrind env BIANMIN_VALGRIND=1 python3 tests/http/run.py --front serve
# the Debian package: build, contents, lintian, the installed binary, the units
stage deb python3 tests/deb/run.py
stage crashtest python3 scripts/crashtest.py --seconds "${CRASH_SECONDS:-40}"
stage fuzz scripts/fuzz.sh "${FUZZ_SECONDS:-15}"
if [ -f tests/browser/run.mjs ]; then
	stage browser sh -c 'scripts/browser.sh'
fi
rm -f "$log" "$log.build" "$log.asan"
echo
echo "$total_p passed, $total_f failed"
[ "$total_f" -eq 0 ]
