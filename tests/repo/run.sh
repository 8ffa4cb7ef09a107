#!/bin/sh
# tests/repo/run.sh -- the README's promises about the repository itself:
# CI runs the README's test command and nothing before it, and that command
# installs what the tests need.  Prints "repo: N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
pass=0 fail=0
check() {
	if eval "$2"; then
		pass=$((pass + 1)); echo "ok   $1"
	else
		fail=$((fail + 1)); echo "FAIL $1"
	fi
}
# .ci/run's commands, comments and shell set-up left out
ci_cmds=$(grep -vE '^\s*(#|$|set |cd )' .ci/run)
check ci_runs_readme_command_alone '[ "$ci_cmds" = "make check" ]'
check readme_names_make_check 'grep -qE "^make check" README.md'
# the first thing `make check` does is install the check package set
first=$(make -n --no-print-directory check | head -n 1)
check make_check_installs_its_packages 'echo "$first" | grep -q "scripts/deps.sh check"'
check make_run_installs_its_packages 'make -n --no-print-directory run | head -n 1 | grep -q "scripts/deps.sh run"'
# every package a test stage calls is in the check set
for tool in nginx:nginx-light chromium:chromium valgrind:valgrind clang:clang pdftotext:poppler-utils; do
	pkg=${tool#*:}
	check "check_set_has_$pkg" 'grep -E "^check_pkgs=" scripts/deps.sh | grep -qw "$pkg"'
done
check check_set_has_cmocka 'grep -E "^check_pkgs=" scripts/deps.sh | grep -qw libcmocka-dev'
echo "repo: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
