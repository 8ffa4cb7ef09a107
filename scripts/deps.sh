#!/bin/sh
# deps.sh [run|check|bench|gen] -- make sure the Debian packages a task needs are
# installed: installs them when run as root, otherwise prints the apt-get line.
set -eu
set_name=${1:-run}
run_pkgs="build-essential pkg-config libmicrohttpd-dev libfcgi-dev libsqlite3-dev sqlite3 libcmark-dev libsodium-dev libqrencode-dev libjansson-dev libcurl4-openssl-dev libgd-dev"
check_pkgs="$run_pkgs libcmocka-dev python3 python3-aiosmtpd python3-icalendar nginx-light clang libclang-rt-14-dev cppcheck clang-tidy valgrind chromium fonts-noto-cjk nodejs npm poppler-utils debhelper dpkg-dev fakeroot lintian mandoc systemd binutils"
bench_pkgs="$run_pkgs nginx-light wrk python3"
# make gen-fold: opencc_dict, and OpenCC's dictionaries (in libopencc1.1)
gen_pkgs="python3 opencc libopencc1.1"
case "$set_name" in
run) want=$run_pkgs ;;
check) want=$check_pkgs ;;
bench) want=$bench_pkgs ;;
gen) want=$gen_pkgs ;;
*) echo "usage: $0 [run|check|bench|gen]" >&2; exit 2 ;;
esac
missing=""
for p in $want; do
	# node and npm may come from elsewhere than Debian (the machine image's own)
	case "$p" in nodejs | npm) command -v "${p%js}" >/dev/null 2>&1 && continue ;; esac
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "deps: installing$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
	echo "deps: missing packages; run as root:" >&2
	echo "  sudo apt-get install -y$missing" >&2
	exit 1
fi
