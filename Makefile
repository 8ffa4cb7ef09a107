# bianmin -- build, run, test.  `make run` and `make check` are the two
# commands the README promises; both install missing Debian packages first.

CC       ?= cc
PKGS     := libmicrohttpd sqlite3 libcmark libsodium libqrencode jansson libcurl gdlib
WERROR   ?= -Werror
OPT      ?= -O2
CFLAGS   ?= $(OPT) -g
override CFLAGS += -std=gnu17 -Wall -Wextra -Wformat=2 -Wformat-security -Wshadow \
            -Wstrict-prototypes -Wmissing-prototypes -Wvla $(WERROR) \
            -fstack-protector-strong -D_FORTIFY_SOURCE=2 -pthread -Isrc \
            $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
override LDLIBS += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lfcgi -pthread -lm
B        ?= build

LIB_SRC  := $(sort $(wildcard src/*/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(B)/obj/%.o)
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)

# the upstream part of debian/changelog's newest version: what --version says
VERSION  ?= $(shell sed -n '1s/^bianmin (\([^)-]*\).*/\1/p' debian/changelog 2>/dev/null)
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
DB       ?= var/bianmin.db
LISTEN   ?= 127.0.0.1:8080

.PHONY: all deps run check unit http browser bench crashtest fuzz lint format \
        asan install deb clean compdb gen-fold

FUZZ_SECONDS ?= 60
CRASH_SECONDS ?= 60

all: $(B)/bianmin

$(B)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(B)/obj/src/main.o: override CFLAGS += -DBM_VERSION='"$(or $(VERSION),unknown)"'
$(B)/obj/src/main.o: debian/changelog

$(B)/libbianmin.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/bianmin: $(B)/obj/src/main.o $(B)/libbianmin.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/tests/%: tests/unit/%.c $(B)/libbianmin.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -Itests -o $@ $< $(B)/libbianmin.a $(LDLIBS) -lcmocka

-include $(LIB_OBJ:.o=.d) $(B)/obj/src/main.d

deps:
	@scripts/deps.sh run

run: deps
	@$(MAKE) --no-print-directory all
	@mkdir -p $(dir $(DB))
	@test -f $(DB) || $(B)/bianmin admin init --db $(DB) --demo
	@scripts/run.sh $(DB) $(LISTEN)

unit: $(UNIT_BIN)
	@scripts/run-unit.sh $(UNIT_BIN)

check:
	@scripts/deps.sh check
	@scripts/check.sh

http: all
	@scripts/run-http.sh

bench:
	@scripts/deps.sh bench
	@$(MAKE) --no-print-directory all
	@scripts/bench.sh

asan:
	$(MAKE) B=build/asan \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  LDFLAGS="-fsanitize=address,undefined" \
	  build/asan/bianmin $(UNIT_SRC:tests/unit/%.c=build/asan/tests/%)

fuzz:
	@scripts/fuzz.sh $(FUZZ_SECONDS)

crashtest: all
	@python3 scripts/crashtest.py --seconds $(CRASH_SECONDS)

lint:
	@scripts/lint.sh

# src/domain/cjk_fold_table.h from OpenCC's dictionaries and Unicode data
# (Debian packages, installed first); review the diff before committing.
gen-fold:
	@scripts/deps.sh gen
	@python3 scripts/gen-cjk-fold.py

format:
	clang-format -i $(wildcard src/*.c src/*/*.c src/*/*.h tests/unit/*.c tests/unit/*.h)

compdb:
	$(MAKE) clean && bear -- $(MAKE) all $(UNIT_BIN)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(PREFIX)/share/bianmin
	install -m 755 $(B)/bianmin $(DESTDIR)$(BINDIR)/bianmin
	cp -R templates static sql $(DESTDIR)$(PREFIX)/share/bianmin/

# build/deb/bianmin_VERSION_ARCH.deb: dpkg-buildpackage on a copy of the
# tree (it writes next to the source folder, which must not be the
# checkout's parent); Debian's build dependencies only, no network.
DEBSRC   := build/deb-src/bianmin-$(VERSION)
deb:
	@rm -rf build/deb-src && mkdir -p $(DEBSRC)
	@tar --exclude=./build --exclude=./node_modules --exclude=./.git --exclude=./var -cf - . | tar -C $(DEBSRC) -xf -
	cd $(DEBSRC) && DEB_BUILD_OPTIONS="parallel=2 $(DEB_BUILD_OPTIONS)" dpkg-buildpackage -us -uc -b
	@mkdir -p build/deb && rm -f build/deb/bianmin* && mv build/deb-src/*.deb build/deb-src/*.buildinfo build/deb-src/*.changes build/deb/
	@ls build/deb/*.deb

clean:
	rm -rf build
