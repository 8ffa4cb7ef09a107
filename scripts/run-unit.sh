#!/bin/sh
# run-unit.sh BIN... -- runs cmocka test programs from the repo root and
# prints one summary line: "unit: N passed, N failed".
passed=0 failed=0
for t in "$@"; do
	out=$("$t" 2>&1)
	rc=$?
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0}))
	if [ $rc -ne 0 ] || [ -n "$f" ]; then
		printf '%s\n' "$out" | grep -v '^\[ \(RUN\|      OK\) ' >&2
		[ -z "$f" ] && failed=$((failed + 1))
	fi
	printf '  %-28s %s passed%s\n' "$(basename "$t")" "${p:-0}" "${f:+, $f FAILED}"
done
echo "unit: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
