#!/bin/sh
# bench-scheduler.sh -- the scheduler's cost follows open items, not history:
# builds a database with 1,000,000 petitions of which 10,000 are open
# (recursive CTEs, a few seconds), then times one `bianmin scheduler --once`
# pass (target: under 1 s) and a second, steady-state pass.  Prints figures,
# never fails on them.  `make bench` runs it through scripts/bench.sh.
#
#   scripts/bench-scheduler.sh                    # 1,000,000 / 10,000
#   BENCH_TOTAL=200000 BENCH_OPEN=5000 scripts/bench-scheduler.sh
#   BIANMIN_BIN=build/asan/bianmin scripts/bench-scheduler.sh
#   BENCH_KEEP=1 scripts/bench-scheduler.sh         # keep the database, print its path
set -eu
cd "$(dirname "$0")/.."
BIN=${BIANMIN_BIN:-build/bianmin}
TOTAL=${BENCH_TOTAL:-1000000}
OPEN=${BENCH_OPEN:-10000}
NOW=2026-03-10T09:00:00+08:00 # a Tuesday; open petitions fall due around it
[ -x "$BIN" ] || { echo "bench-scheduler: $BIN missing: run make first" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "bench-scheduler: the sqlite3 command is missing (Debian package sqlite3)" >&2; exit 1; }
tmp=$(mktemp -d)
if [ "${BENCH_KEEP:-}" ]; then
	echo "bench-scheduler: keeping $tmp"
else
	trap 'rm -rf "$tmp"' EXIT INT TERM
fi
db=$tmp/bench.db

t0=$(date +%s%N)
"$BIN" admin init --db "$db" --demo >/dev/null
# every STEP-th petition is open (routed to one of five sections, due from
# ten days ago to ten days ahead); the rest were replied to long ago
STEP=$((TOTAL / OPEN))
sqlite3 "$db" <<SQL
PRAGMA synchronous = OFF;
BEGIN;
WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < $TOTAL - 1),
r AS (SELECT i, date('2023-01-02', '+' || (i / 1000) || ' days') AS d,
             i % $STEP = 0 AND i / $STEP < $OPEN AS open FROM k)
INSERT INTO petitions (petition_no, code_hash, channel, name, subject, body, unit, state, received_on,
                       received_at, days, due_on, closed_at, closed_on, rating)
SELECT printf('P%03d%s-%04d', CAST(strftime('%Y', d) AS INTEGER) - 1911, strftime('%m%d', d), i % 1000 + 1),
       'bench', 'web', 'bench', 'bench', 'bench',
       CASE i % 5 WHEN 0 THEN 'civil' WHEN 1 THEN 'social' WHEN 2 THEN 'econ' WHEN 3 THEN 'agri' ELSE 'secretariat' END,
       CASE WHEN open THEN 'routed' ELSE 'replied' END,
       d, d || 'T01:00:00Z', 10,
       CASE WHEN open THEN date('2026-03-10', printf('%+d days', (i / $STEP) % 21 - 10)) ELSE date(d, '+14 days') END,
       CASE WHEN open THEN NULL ELSE d || 'T09:00:00Z' END,
       CASE WHEN open THEN NULL ELSE date(d, '+7 days') END,
       CASE WHEN i % 3 = 0 AND NOT open THEN 1 + i % 5 END
FROM r;
COMMIT;
ANALYZE;
SQL
t1=$(date +%s%N)
open=$(sqlite3 "$db" "SELECT count(*) FROM petitions WHERE state IN ('received', 'routed', 'assigned')")
total=$(sqlite3 "$db" "SELECT count(*) FROM petitions")
echo "bench-scheduler: built $total petitions ($open open) in $(( (t1 - t0) / 1000000 )) ms"

pass() {
	s=$(date +%s%N)
	BIANMIN_NOW=$NOW "$BIN" scheduler --db "$db" --once 2>"$tmp/log"
	e=$(date +%s%N)
	ms=$(( (e - s) / 1000000 ))
	line=$(grep "scheduler:" "$tmp/log" | tail -n 1 | sed 's/^[^ ]* //')
	echo "bench-scheduler: $1 pass: $ms ms wall ($line)"
}
pass first
pass second
flags=$(sqlite3 "$db" "SELECT count(*) FROM flags")
notes=$(sqlite3 "$db" "SELECT count(*) FROM notifications")
echo "bench-scheduler: $flags flags, $notes notifications in the database (target: one pass < 1000 ms)"
