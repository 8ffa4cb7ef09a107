#!/bin/sh
# fuzz.sh [SECONDS] -- builds every tests/fuzz/fuzz_*.c with libFuzzer,
# ASan and UBSan, and runs each for SECONDS (default 60) starting from a
# temporary copy of its seeds in tests/fuzz/corpus/<target>/ (the repo
# corpus is never written).  Prints one line per target (executions and
# result) and last "fuzz: N passed, N failed".  A crashing or hanging input
# is kept in build/fuzz/artifacts/<target>/ for replay:
#   build/fuzz/<target> build/fuzz/artifacts/<target>/crash-...
set -u
cd "$(dirname "$0")/.."
secs=${1:-60}
case "$secs" in
'' | *[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;;
esac

out=build/fuzz
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# What each target links besides itself: keep these lists small.
sources() {
	case "$1" in
	fuzz_form | fuzz_cookie) echo src/app/form.c src/util/util.c ;;
	fuzz_tmpl) echo src/tmpl/tmpl.c src/util/util.c ;;
	fuzz_cjk) echo src/domain/cjk.c src/domain/cjk_fold.c src/util/util.c ;;
	fuzz_calendar) echo src/domain/cal.c src/util/util.c ;;
	fuzz_natid) echo src/domain/ids.c src/domain/cal.c src/util/util.c ;;
	# the whole app (every layer; src/main.c stays out, the target has its own main)
	fuzz_request) ls src/*/*.c | tr '\n' ' ' ;;
	*)
		# a new target: the src/*.c files named in its header comment
		sed -n '1,/\*\//p' "tests/fuzz/$1.c" | grep -o 'src/[A-Za-z0-9_/.-]*\.c' | sort -u | tr '\n' ' '
		;;
	esac
}

# The libraries each target needs.
libs() {
	case "$1" in
	fuzz_natid) echo -lsodium ;; # ids.c draws query codes from libsodium
	fuzz_request) echo "$(pkg-config --libs $PKGS 2>/dev/null) -lfcgi -pthread -lm" ;;
	*)
		# a new target: the -lNAME flags in its header comment
		sed -n '1,/\*\//p' "tests/fuzz/$1.c" | grep -o -- '-l[A-Za-z0-9_]*' | sort -u | tr '\n' ' '
		;;
	esac
}

# the main build's libraries (Makefile PKGS)
PKGS="libmicrohttpd sqlite3 libcmark libsodium libqrencode jansson libcurl gdlib"
# shellcheck disable=SC2086
CFLAGS="-g -O1 -fsanitize=fuzzer,address,undefined -Isrc $(pkg-config --cflags $PKGS 2>/dev/null)"
# UBSan findings stop the run like ASan's do
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS=detect_leaks=1

passed=0 failed=0
if ! command -v clang >/dev/null 2>&1; then
	echo "fuzz: clang not found (apt-get install -y clang libclang-rt-14-dev)"
	n=$(ls tests/fuzz/fuzz_*.c | wc -l)
	echo "fuzz: 0 passed, $n failed"
	exit 1
fi

for src in tests/fuzz/fuzz_*.c; do
	t=$(basename "$src" .c)
	bin=$out/$t
	log=$tmp/$t.log
	# shellcheck disable=SC2046,SC2086
	if ! clang $CFLAGS "$src" $(sources "$t") -o "$bin" $(libs "$t") >"$log" 2>&1; then
		cat "$log" >&2
		printf '  %-14s %12s  FAILED (build)\n' "$t" "-"
		failed=$((failed + 1))
		continue
	fi
	corpus=$tmp/corpus-$t
	mkdir -p "$corpus" "$out/artifacts/$t"
	[ -d "tests/fuzz/corpus/$t" ] && cp -R "tests/fuzz/corpus/$t/." "$corpus/"
	"$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
		-print_final_stats=1 -artifact_prefix="$out/artifacts/$t/" "$corpus" >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' "$log" | tail -n 1)
	if [ -z "$execs" ]; then # crashed before the final stats: take the last progress line
		execs=$(sed -n 's/^#\([0-9][0-9]*\).*/\1/p' "$log" | tail -n 1)
	fi
	if [ "$rc" -eq 0 ]; then
		result=ok
		passed=$((passed + 1))
	else
		why=crash
		grep -q 'libFuzzer: timeout' "$log" && why=timeout
		grep -q 'libFuzzer: out-of-memory' "$log" && why=out-of-memory
		grep -q 'runtime error:' "$log" && why=undefined-behaviour
		grep -q 'ERROR: AddressSanitizer' "$log" && why=$(sed -n 's/.*ERROR: AddressSanitizer: \([a-z-]*\).*/\1/p' "$log" | head -n 1)
		grep -q 'ERROR: LeakSanitizer' "$log" && why=leak
		art=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
		result="FAILED ($why${art:+: $art})"
		failed=$((failed + 1))
		grep -E 'ERROR|runtime error|#[0-9]+ 0x' "$log" | head -n 25 >&2
	fi
	printf '  %-14s %12s execs  %s\n' "$t" "${execs:-0}" "$result"
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
