#!/bin/sh
# bench.sh -- `make bench`: speed figures, never pass/fail.  The web bench
# compares bianmin to nginx serving a static copy of the same page; the
# scheduler and search benches run when their scripts exist.
set -eu
cd "$(dirname "$0")/.."
python3 scripts/bench_web.py "$@"
for b in scripts/bench-scheduler.sh scripts/bench-search.sh; do
	[ -x "$b" ] && "$b"
done
exit 0
