#!/bin/sh
# lint.sh -- `make lint`: the layer rules (scripts/check-layers.py),
# cppcheck, clang-tidy, no raw allocation outside src/util/, and the
# compiler's format checks over src/.  Prints
# "lint: N passed, N failed" (one per tool).
set -u
cd "$(dirname "$0")/.."
pass=0 fail=0
cflags="-std=gnu17 -Isrc $(pkg-config --cflags libmicrohttpd sqlite3 libcmark libsodium libqrencode jansson gdlib 2>/dev/null)"

# includes that break docs/ARCHITECTURE.md's layer rules, and its include graph kept current
if python3 scripts/check-layers.py; then
	pass=$((pass + 1)); echo "  layers ok"
else
	fail=$((fail + 1)); echo "  layers FAILED"
fi

if cppcheck --quiet --error-exitcode=1 --std=c11 --enable=warning,portability,performance \
	--inline-suppr --suppress=missingIncludeSystem -Isrc src 2>&1; then
	pass=$((pass + 1)); echo "  cppcheck ok"
else
	fail=$((fail + 1)); echo "  cppcheck FAILED"
fi

# clang-analyzer-valist.Uninitialized is off: clang-tidy 14 reports every
# vsnprintf after a correct va_start (util.c, view.c, cal.c) as "uninitialized
# va_list", a known analyzer false positive.
# concurrency-mt-unsafe: handlers run on many threads at once, so strtok,
# localtime, getenv-after-start and friends are data races.  The glibc set is
# the one that matches the libc we link (readdir on a private DIR*, getenv
# are MT-safe in glibc; the POSIX set lists every function POSIX allows to be
# unsafe).
checks='-*,bugprone-*,cert-*,clang-analyzer-*,concurrency-mt-unsafe,-bugprone-easily-swappable-parameters,-cert-err33-c,-bugprone-reserved-identifier,-cert-dcl37-c,-cert-dcl51-cpp,-bugprone-narrowing-conversions,-bugprone-assignment-in-if-condition,-clang-analyzer-security.insecureAPI.DeprecatedOrUnsafeBufferHandling,-bugprone-implicit-widening-of-multiplication-result,-cert-msc32-c,-cert-msc51-cpp,-cert-str34-c,-bugprone-signed-char-misuse,-cert-err34-c,-clang-analyzer-unix.Malloc,-clang-analyzer-valist.Uninitialized'
tidy_config='{CheckOptions: [{key: concurrency-mt-unsafe.FunctionSet, value: glibc}]}'
out=$(clang-tidy --quiet --warnings-as-errors='*' --checks="$checks" --config="$tidy_config" src/*.c src/*/*.c -- $cflags 2>&1)
if [ $? -eq 0 ]; then
	pass=$((pass + 1)); echo "  clang-tidy ok"
else
	fail=$((fail + 1)); printf '%s\n' "$out" | grep -E 'warning:|error:' | head -40; echo "  clang-tidy FAILED"
fi

# Raw allocation lives in src/util/ only: everything else calls xmalloc,
# xcalloc, xrealloc or xstrdup (util.h says why they abort), so no call
# site can forget the NULL check.
raw=$(grep -rnE '(^|[^A-Za-z0-9_])(malloc|calloc|realloc|reallocarray|strdup|strndup)[[:space:]]*\(' \
	--include='*.c' --include='*.h' src | grep -v '^src/util/')
if [ -z "$raw" ]; then
	pass=$((pass + 1)); echo "  allocation ok"
else
	fail=$((fail + 1)); printf '%s\n' "$raw"; echo "  allocation FAILED: use xmalloc and friends (src/util/util.h)"
fi

# -Wformat-security and friends: the normal build with warnings as errors
if make --no-print-directory -s -B -j2 all CFLAGS="-O2 -Wformat=2 -Wformat-security" >/dev/null 2>&1; then
	pass=$((pass + 1)); echo "  format checks ok"
else
	fail=$((fail + 1)); echo "  format checks FAILED"
fi
echo "lint: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
