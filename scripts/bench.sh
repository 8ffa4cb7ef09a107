#!/bin/sh
# bench.sh -- `make bench`: speed figures, never pass/fail.  The web bench
# compares bianmin to nginx serving a static copy of the same page
# (docs/bench-web.md); the scheduler and search benches follow, and their
# output is kept in docs/bench-scheduler-search.md.
set -eu
cd "$(dirname "$0")/.."
python3 scripts/bench_web.py "$@"
out=docs/bench-scheduler-search.md
{
	echo "# Scheduler and search speed"
	echo
	echo "\`make bench\`, $(date -u +%Y-%m-%d), $(nproc) cores.  Raw output of scripts/bench-scheduler.sh and scripts/bench-search.sh:"
	echo
	echo '```'
} >"$out"
for b in scripts/bench-scheduler.sh scripts/bench-search.sh; do
	[ -x "$b" ] && "$b" 2>&1 | tee -a "$out"
done
echo '```' >>"$out"
exit 0
