# quorate: build, test and install.
#
#   make                  build/quorate, build/libquorate.a
#   make check            unit tests, golden tests, examples; ends "N passed, N failed"
#   make check-sanitize   the whole suite again under ASan + UBSan
#   make install          PREFIX=/usr/local (or ~/.local for one user), LIBDIR, DESTDIR
#   make deb              the Debian packages from debian/, checked with lintian and installed
#   make bench            benchmarks (never part of check)
#   make report-pdf       the replay of HISTORY as an A4 PDF (build/report.pdf), through Chromium
#   make report-shots     full-page screenshots of every example's report (build/screenshots/)
#   make bench-diff       the diff search on issue 13's rosters (CPU seconds)
#   make bench-conform    conform on bodies of 12, 20 and 30 members (CPU seconds)
#
# Sources are found by wildcard: a new src/<dir>/<name>.c joins the library, a
# new tests/unit/test_<name>.c becomes a cmocka executable.  Generated scanner
# and parser sources and the table of letters (letters.def) go to
# $(BUILD)/gen and are never committed.

BUILD     ?= build
GEN       := $(BUILD)/gen
PREFIX    ?= /usr/local
# `make install PREFIX=~/.local` from a shell that leaves the ~ unexpanded
# (zsh does, after `=`): the home directory, not a folder named "~"
override PREFIX := $(patsubst ~/%,$(HOME)/%,$(patsubst ~,$(HOME),$(PREFIX)))
LIBDIR    ?= $(PREFIX)/lib
DESTDIR   ?=

CC        ?= cc
BISON     ?= bison
FLEX      ?= flex
# Full tables (-Cf): the fastest scanner flex makes (issue 16; 8-bit input).
FLEX_FLAGS ?= -Cf -8
PKG_LIBS  := -ljansson -lcrypto
# The quorate binary links both from their static archives (Debian's
# libjansson-dev and libssl-dev have them): the dynamic loader relocating
# libcrypto.so and libjansson.so was 97% of a start-up (2.8 M instructions of
# `quorate --version`), and a replay of a thousand small meetings is mostly
# start-up (issue 16).  Only SHA-256 and its CPU dispatch come from libcrypto
# (src/base/sha256.c).  `make BIN_LIBS='$$(PKG_LIBS)'` links them dynamically.
BIN_LIBS  ?= -Wl,-Bstatic $(PKG_LIBS) -Wl,-Bdynamic

WARN      := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
             -Wmissing-prototypes -Wformat=2 -Wundef -Wvla -Werror
OPT       ?= -O2 -g
SAN       ?=
VERSION   := 0.1.0
CPPFLAGS  += -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc -I$(GEN)
CFLAGS    ?=
ALL_CFLAGS = -std=c11 $(OPT) $(SAN) $(WARN) $(CFLAGS)
# flex's and bison's own code: same standard, fewer opinions.
GEN_CFLAGS = -std=c11 $(OPT) $(SAN) -Wall -Wno-unused-function -Wno-sign-compare $(CFLAGS)
LDFLAGS   += $(SAN)

LIB_SRC   := $(sort $(filter-out src/cli/%,$(wildcard src/*/*.c)))
CLI_SRC   := $(sort $(wildcard src/cli/*.c))
# quorate.[ly]: terms and records, the full path; record.[ly]: the fast path
# for clean native records (src/record/fastrec.h).
GEN_SRC   := $(GEN)/quorate_parse.c $(GEN)/quorate_scan.c $(GEN)/record_parse.c $(GEN)/record_scan.c
GEN_HDR   := $(GEN)/quorate_parse.h $(GEN)/quorate_scan.h $(GEN)/record_parse.h $(GEN)/record_scan.h
LIB_OBJ   := $(LIB_SRC:%.c=$(BUILD)/%.o) $(GEN_SRC:%.c=%.o)
CLI_OBJ   := $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_SRC  := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

LIB       := $(BUILD)/libquorate.a
BIN       := $(BUILD)/quorate

.PHONY: all check check-unit check-golden check-sanitize clean bench bench-diff bench-conform install uninstall deb \
        report-pdf report-shots
all: $(BIN) $(LIB)

# ---- generators: one bison run makes both outputs (pattern rule) -----------
$(GEN)/%_parse.c $(GEN)/%_parse.h: grammar/%.y
	@mkdir -p $(GEN)
	$(BISON) -Wall -Werror --header=$(GEN)/$*_parse.h -o $(GEN)/$*_parse.c $<

$(GEN)/%_scan.c $(GEN)/%_scan.h: grammar/%.l
	@mkdir -p $(GEN)
	$(FLEX) $(FLEX_FLAGS) --header-file=$(GEN)/$*_scan.h -o $(GEN)/$*_scan.c $<

# -MMD: the scanner and parser include keywords.def and other headers of src/
$(GEN)/%.o: $(GEN)/%.c
	$(CC) $(CPPFLAGS) $(GEN_CFLAGS) -MMD -MP -c -o $@ $<

# Which characters beyond ASCII make a name, from the Unicode Character
# Database of Debian's unicode-data package (src/front/names.c includes it).
UNICODE   ?= /usr/share/unicode
LETTERS   := $(GEN)/front/letters.def
$(LETTERS): tools/gen-letters.awk
	@test -r $(UNICODE)/UnicodeData.txt -a -r $(UNICODE)/DerivedNormalizationProps.txt || \
	  { echo "$(UNICODE)/UnicodeData.txt is missing: apt-get install unicode-data (or make UNICODE=DIR)" >&2; exit 1; }
	@mkdir -p $(dir $@)
	awk -f tools/gen-letters.awk $(UNICODE)/DerivedNormalizationProps.txt $(UNICODE)/UnicodeData.txt > $@.tmp
	@mv $@.tmp $@

# The generated headers do not exist before the first build, so -MMD cannot
# know about them yet: say it here.
$(GEN)/quorate_scan.o: $(GEN)/quorate_parse.h
$(GEN)/quorate_parse.o: $(GEN)/quorate_scan.h
$(BUILD)/src/front/parse.o: $(GEN)/quorate_parse.h $(GEN)/quorate_scan.h
$(GEN)/record_scan.o: $(GEN)/record_parse.h
$(GEN)/record_parse.o: $(GEN)/record_scan.h
$(BUILD)/src/record/fastrec.o: $(GEN)/record_parse.h $(GEN)/record_scan.h
$(BUILD)/src/front/names.o: $(LETTERS)

# The installed stdlib's path is compiled into the CLI: rebuild it when PREFIX
# changes (prefix.txt is rewritten only when its contents differ).
$(BUILD)/prefix.txt: FORCE
	@mkdir -p $(BUILD)
	@echo '$(PREFIX) $(LIBDIR) $(VERSION)' | cmp -s - $@ || echo '$(PREFIX) $(LIBDIR) $(VERSION)' > $@
$(BUILD)/src/cli/cli.o $(BUILD)/src/cli/main.o $(BUILD)/src/api/quorate.o: $(BUILD)/prefix.txt
$(BUILD)/src/cli/%.o $(BUILD)/src/api/%.o: CPPFLAGS += -DQUORATE_STDLIB_INSTALLED='"$(PREFIX)/share/quorate/stdlib"' \
                                  -DQUORATE_VERSION='"$(VERSION)"'
.PHONY: FORCE

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(LIB): $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(BIN_LIBS)

# ---- tests ----------------------------------------------------------------
$(BUILD)/tests/%: tests/unit/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -o $@ $< $(LIB) -lcmocka $(PKG_LIBS) $(LDFLAGS)

check: $(BIN) $(UNIT_BIN)
	@SAN='$(SAN)' sh tests/run.sh $(BUILD)

check-unit: $(UNIT_BIN)
	@sh tests/run.sh $(BUILD) unit

check-golden: $(BIN)
	@sh tests/run.sh $(BUILD) golden

# The whole suite again in its own build tree, under ASan and UBSan.
check-sanitize:
	$(MAKE) BUILD=build/sanitize OPT='-O1 -g -fno-omit-frame-pointer' \
	  SAN='-fsanitize=address,undefined -fno-sanitize-recover=all' check

# The audit as a PDF for A4 (docs/auditing.md#printing-and-pdf): exit 1 when
# the history has findings, as replay.  make report-pdf HISTORY=dir PDF=out.pdf
HISTORY ?= examples/rural
PDF     ?= $(BUILD)/report.pdf
report-pdf: $(BIN)
	sh tools/report-pdf.sh $(BIN) $(PDF) -I stdlib $(HISTORY)

# Every example's replay and registers at 360, 800, 1280 and 1920 px, whole pages,
# for a person to look at (make check takes the first 1600 px of each).
report-shots: $(BIN)
	python3 tests/html_layout.py $(BUILD) --full-page

bench: $(BIN)
	@sh bench/run.sh $(BUILD)

# The diff search on the rosters of issue 13 and a worst case (CPU seconds).
bench-diff: $(BIN)
	@sh bench/diff_search.sh $(BUILD)

bench-conform: $(BIN)
	@sh bench/conform.sh $(BUILD)

clean:
	rm -rf $(BUILD)

# ---- install ------------------------------------------------------------------
STDLIB_FILES := $(shell find stdlib -name '*.tor' -not -path 'stdlib/tests/*' 2>/dev/null)
MAN1 := $(wildcard docs/man/*.1)
MAN5 := $(wildcard docs/man/*.5)

# libdir relative to ${prefix} where it can be, so pkg-config's
# --define-variable=prefix= moves both
PC_LIBDIR = $(patsubst $(PREFIX)/%,$${prefix}/%,$(LIBDIR))

$(BUILD)/quorate.pc: quorate.pc.in $(BUILD)/prefix.txt
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(PC_LIBDIR)|' -e 's|@VERSION@|$(VERSION)|' $< > $@

BASH_COMPLETIONS := $(PREFIX)/share/bash-completion/completions
ZSH_COMPLETIONS  := $(PREFIX)/share/zsh/site-functions

install: $(BIN) $(LIB) $(BUILD)/quorate.pc
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(PREFIX)/include \
	           $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/man/man5 \
	           $(DESTDIR)$(BASH_COMPLETIONS) $(DESTDIR)$(ZSH_COMPLETIONS)
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/quorate
	install -m 644 $(LIB) $(DESTDIR)$(LIBDIR)/libquorate.a
	install -m 644 include/quorate.h $(DESTDIR)$(PREFIX)/include/quorate.h
	install -m 644 $(BUILD)/quorate.pc $(DESTDIR)$(LIBDIR)/pkgconfig/quorate.pc
	for f in $(STDLIB_FILES); do \
	  install -d $(DESTDIR)$(PREFIX)/share/quorate/$$(dirname $$f) && \
	  install -m 644 $$f $(DESTDIR)$(PREFIX)/share/quorate/$$f || exit 1; done
	$(if $(MAN1),install -m 644 $(MAN1) $(DESTDIR)$(PREFIX)/share/man/man1/)
	$(if $(MAN5),install -m 644 $(MAN5) $(DESTDIR)$(PREFIX)/share/man/man5/)
	install -m 644 completions/quorate.bash $(DESTDIR)$(BASH_COMPLETIONS)/quorate
	install -m 644 completions/_quorate $(DESTDIR)$(ZSH_COMPLETIONS)/_quorate

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/quorate $(DESTDIR)$(LIBDIR)/libquorate.a \
	      $(DESTDIR)$(PREFIX)/include/quorate.h $(DESTDIR)$(LIBDIR)/pkgconfig/quorate.pc
	rm -rf $(DESTDIR)$(PREFIX)/share/quorate
	rm -f $(addprefix $(DESTDIR)$(PREFIX)/share/man/man1/,$(notdir $(MAN1))) \
	      $(addprefix $(DESTDIR)$(PREFIX)/share/man/man5/,$(notdir $(MAN5))) \
	      $(DESTDIR)$(BASH_COMPLETIONS)/quorate $(DESTDIR)$(ZSH_COMPLETIONS)/_quorate

# Build quorate and libquorate-dev with dpkg-buildpackage in a copy of the
# tree, run lintian, install them and run the installed command.
deb:
	sh tests/deb.sh

# Fuzzing, allocation-failure sweep, valgrind and coverage targets.
-include mk/reliability.mk

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
