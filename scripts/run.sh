#!/bin/sh
# run.sh DB LISTEN -- `make run`: the whole portal on one machine: the
# scheduler in the background, the web server in the foreground; Ctrl-C
# stops both.
set -eu
db=$1 listen=$2
build/bianmin scheduler --db "$db" --interval 60 &
sched=$!
trap 'kill $sched 2>/dev/null; wait $sched 2>/dev/null' EXIT INT TERM
echo "bianmin: serving http://$listen/  (scheduler pid $sched; Ctrl-C stops both)"
build/bianmin serve --db "$db" --listen "$listen"
