#!/bin/sh
# bench-search.sh -- search latency with a large FAQ (default 10,000 generated
# entries on top of the demo data), for `make bench`:
#
#   1. in-process: tests/bench/bench_search.c runs every query of
#      tests/search/queries.tsv through store_search plus the snippets the
#      page makes, 20 rounds; p50/p90/p99 of wall and CPU time;
#   2. over HTTP against `bianmin serve` on the same database: a curl loop
#      (one connection, one request at a time: the latency a visitor sees),
#      then wrk (2 threads, 8 connections, 10 s) rotating over the queries.
#
#   FAQS=10000 ROUNDS=20 DURATION=10 scripts/bench-search.sh
#
# Prints "bench-search: ..." summary lines.  The machine's other load shows
# in wall times; the CPU-time line of step 1 does not count time waiting for
# a busy CPU.
set -eu
cd "$(dirname "$0")/.."

FAQS=${FAQS:-10000}
ROUNDS=${ROUNDS:-20}
DURATION=${DURATION:-10}
PKGS="libmicrohttpd sqlite3 libcmark libsodium libqrencode jansson libcurl gdlib"

make -s -j2 build/bianmin build/libbianmin.a
mkdir -p build/bench
# shellcheck disable=SC2046 # pkg-config prints several words on purpose
cc -O2 -g -std=gnu17 -Wall -Wextra -Werror -Wmissing-prototypes -Wshadow -pthread -Isrc \
	$(pkg-config --cflags $PKGS) -o build/bench/bench_search tests/bench/bench_search.c \
	build/libbianmin.a $(pkg-config --libs $PKGS) -lfcgi -pthread -lm

tmp=$(mktemp -d /tmp/bianmin-bench-search-XXXXXX)
pid=
cleanup() {
	if [ -n "$pid" ]; then
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

db=$tmp/bench.db
echo "== in-process ($FAQS generated FAQ entries)"
build/bench/bench_search --db "$db" --faqs "$FAQS" --rounds "$ROUNDS" | sed 's/^/bench-search: /'

echo "== over HTTP (bianmin serve)"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
build/bianmin serve --db "$db" --listen "127.0.0.1:$port" --quiet &
pid=$!
i=0
until curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; do
	i=$((i + 1))
	if [ "$i" -gt 100 ]; then
		echo "bench-search: the server did not start" >&2
		exit 1
	fi
	sleep 0.1
done

# the queries as request paths (/search?q=... or /en/search?q=...)
python3 - "$tmp/paths.txt" <<'EOF'
import sys, urllib.parse
with open("tests/search/queries.tsv", encoding="utf-8") as f, open(sys.argv[1], "w") as out:
    for line in f:
        parts = line.rstrip("\n").split("\t")
        if line.startswith("#") or len(parts) < 3:
            continue
        base = "/en/search" if parts[0] == "en" else "/search"
        out.write("%s?q=%s\n" % (base, urllib.parse.quote(parts[1])))
EOF

# curl: every query ROUNDS times over one kept-alive connection, one at a time
: >"$tmp/curl.cfg"
r=0
while [ "$r" -lt "$ROUNDS" ]; do
	while read -r p; do
		printf 'url = "http://127.0.0.1:%s%s"\noutput = "/dev/null"\n' "$port" "$p" >>"$tmp/curl.cfg"
	done <"$tmp/paths.txt"
	r=$((r + 1))
done
curl -s -K "$tmp/curl.cfg" -w '%{http_code} %{time_total}\n' >"$tmp/times.txt"
python3 - "$tmp/times.txt" <<'EOF'
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
bad = sum(1 for c, _ in rows if c != "200")
t = sorted(float(s) * 1000 for _, s in rows)
pct = lambda p: t[min(len(t) - 1, int(p * (len(t) - 1) + 0.5))]
print("bench-search: http (curl, sequential, keep-alive): %d requests, %d not 200: p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.3f ms"
      % (len(t), bad, pct(0.5), pct(0.9), pct(0.99), t[-1]))
EOF

if command -v wrk >/dev/null 2>&1; then
	cat >"$tmp/rotate.lua" <<'EOF'
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do paths[#paths + 1] = line end
local i = math.random(#paths)
request = function()
	i = i % #paths + 1
	return wrk.format("GET", paths[i])
end
local errors = 0
response = function(status) if status ~= 200 then errors = errors + 1 end end
EOF
	BENCH_PATHS="$tmp/paths.txt" wrk -t2 -c8 -d"${DURATION}s" --latency -s "$tmp/rotate.lua" \
		"http://127.0.0.1:$port" >"$tmp/wrk.txt" 2>&1 || true
	sed 's/^/bench-search: wrk: /' "$tmp/wrk.txt"
else
	echo "bench-search: wrk not installed; skipped the throughput run"
fi
