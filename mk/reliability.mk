# mk/reliability.mk: fuzzing, the allocation-failure sweep, valgrind, coverage
# and the differential test of the vote arithmetic.  Included by the Makefile
# (`-include mk/reliability.mk`), so it sees BUILD, GEN, LIB_SRC, GEN_SRC,
# CPPFLAGS, PKG_LIBS, UNIT_SRC and the generator rules.  docs/reliability.md
# says what each target promises and how to read a failure.
#
#   make fuzz                      build the libFuzzer targets into $(BUILD)/fuzz
#   make fuzz-run FUZZ_SECONDS=N   run each target N seconds (default 60); fail on any crash
#   make fuzz-ci                   each target 30 s (for CI: about 3 min in all)
#   make fuzz-run-terms ...        one target (terms, record, json, fmt, lsp, diff, mapped)
#   make alloc-sweep               every allocation of check/eval on the examples fails in turn
#   make valgrind                  representative commands under valgrind, no error or leak
#   make coverage                  line and branch coverage of src/ by `tests/run.sh`
#   make differential              random meetings, explain tables and amendments: quorate against tests/differential/model.py
#   make safe-write                `fmt --write` never leaves a half-written file
#   make reliability               all of the above but coverage and long fuzzing

.PHONY: fuzz fuzz-run fuzz-ci fuzz-corpus alloc-sweep valgrind coverage differential \
        safe-write reliability

# ---- fuzzing ----------------------------------------------------------------
# The library is compiled again with clang and the fuzzer's instrumentation;
# the generated scanner and parser come from the Makefile's own rules ($(GEN)).

FUZZ_DIR      := $(BUILD)/fuzz
FUZZ_CC       ?= clang
FUZZ_TARGETS  := terms record json fmt lsp diff mapped fastrec
FUZZ_SECONDS  ?= 60
FUZZ_SAN      := -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_CPPFLAGS := $(CPPFLAGS) -DQUORATE_STDLIB_INSTALLED='"$(CURDIR)/stdlib"' \
                 -DQUORATE_VERSION='"$(VERSION)"' -DFUZZ_ROOT='"$(CURDIR)"'
FUZZ_CFLAGS   := -std=c11 -O1 -g -fno-omit-frame-pointer -Wall -Wextra -Wno-unused-function \
                 -Wno-sign-compare -Wno-unused-parameter $(FUZZ_SAN)
FUZZ_LIB_OBJ  := $(LIB_SRC:%.c=$(FUZZ_DIR)/obj/%.o) $(GEN_SRC:$(GEN)/%.c=$(FUZZ_DIR)/obj/gen/%.o)
FUZZ_BINS     := $(FUZZ_TARGETS:%=$(FUZZ_DIR)/fuzz_%)
# Each run: a hang is an input that takes more than 10 s; one allocation or
# the whole process above 2 GiB is a failure too (an uncapped size).
FUZZ_OPTS     ?= -timeout=10 -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1
FUZZ_ENV      := ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1 \
                 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

fuzz: $(FUZZ_BINS) fuzz-corpus

# Keep the objects and the generated scanner and parser: make would delete
# them as intermediate files of a chain of pattern rules (in a fresh tree the
# fuzz build may be the first to generate them).
.PRECIOUS: $(FUZZ_DIR)/obj/%.o $(FUZZ_DIR)/obj/gen/%.o $(GEN)/%_parse.c $(GEN)/%_scan.c \
           $(GEN)/%_parse.h $(GEN)/%_scan.h

$(FUZZ_DIR)/obj/%.o: %.c $(GEN_SRC) $(GEN_HDR) $(LETTERS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

$(FUZZ_DIR)/obj/gen/%.o: $(GEN)/%.c $(GEN_HDR)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_DIR)/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz_common.h $(FUZZ_LIB_OBJ)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_LIB_OBJ) $(PKG_LIBS)

# Seed corpora: every terms file, record and JSON record under tests/,
# examples/ and stdlib/, copied flat (never committed; libFuzzer adds the
# inputs it finds next to them).  Dictionaries come from the scanner's
# reserved words and the JSON schema's keys.
fuzz-corpus:
	@sh fuzz/seed.sh $(FUZZ_DIR)

# fuzz-run-TARGET: N seconds of one target; any crash, leak, timeout or
# sanitizer report fails, and the input is kept as $(FUZZ_DIR)/artifacts/TARGET-*.
# FUZZ_KEEP_GOING=1 runs libFuzzer in fork mode and goes on after a failure
# (to collect several distinct bugs in a long run); the run still fails if any
# new artifact was written.
FUZZ_FORK_OPTS := $(if $(filter 1,$(FUZZ_KEEP_GOING)),-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
fuzz-run-%: $(FUZZ_DIR)/fuzz_% fuzz-corpus
	@mkdir -p $(FUZZ_DIR)/artifacts $(FUZZ_DIR)/logs
	@echo "fuzz_$*: $(FUZZ_SECONDS) s"
	@before=$$(ls $(FUZZ_DIR)/artifacts | grep -c "^$*-" || true); \
	  $(FUZZ_ENV) $(FUZZ_DIR)/fuzz_$* $(FUZZ_OPTS) $(FUZZ_FORK_OPTS) -max_total_time=$(FUZZ_SECONDS) \
	  -dict=$(FUZZ_DIR)/$*.dict -artifact_prefix=$(FUZZ_DIR)/artifacts/$*- \
	  $(FUZZ_DIR)/corpus-$* > $(FUZZ_DIR)/logs/$*.log 2>&1; \
	  st=$$?; after=$$(ls $(FUZZ_DIR)/artifacts | grep -c "^$*-" || true); \
	  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)|^#[0-9]+ *DONE' $(FUZZ_DIR)/logs/$*.log | sed 's/^/  /'; \
	  grep -E '^#[0-9]+: cov:' $(FUZZ_DIR)/logs/$*.log | tail -n 1 | sed 's/^/  /'; \
	  if [ $$st -ne 0 ] || [ "$$after" != "$$before" ]; then \
	    echo "FAIL fuzz_$* (exit $$st, $$((after - before)) new artifacts): see $(FUZZ_DIR)/logs/$*.log"; \
	    grep -E -A30 '^==[0-9]+==ERROR|runtime error|^fuzz|^SUMMARY|Test unit written' $(FUZZ_DIR)/logs/$*.log | head -60; exit 1; fi

fuzz-run: $(FUZZ_TARGETS:%=fuzz-run-%)

# CI: 30 s per target, one after the other (under 3 minutes with the build).
fuzz-ci:
	$(MAKE) --no-print-directory FUZZ_SECONDS=30 fuzz-run

# ---- allocation failures, valgrind, safe writes, differential ---------------------

SANITIZE_BUILD := build/sanitize

alloc-sweep: $(BIN)
	$(MAKE) --no-print-directory BUILD=$(SANITIZE_BUILD) OPT='-O1 -g -fno-omit-frame-pointer' \
	  SAN='-fsanitize=address,undefined -fno-sanitize-recover=all' $(SANITIZE_BUILD)/quorate
	sh tests/alloc_sweep.sh $(SANITIZE_BUILD)

valgrind: $(BIN)
	sh tests/valgrind.sh $(BUILD)

safe-write: $(BIN)
	sh tests/safe_write.sh $(BUILD)

differential: $(BIN)
	sh tests/differential/run.sh $(BUILD) $(DIFF_N)

reliability: safe-write differential valgrind alloc-sweep fuzz-ci

# ---- coverage -------------------------------------------------------------
# A separate tree with gcc's --coverage (rebuilt from scratch each time, about
# a minute), the whole suite of tests/run.sh, then
# gcovr (apt-get install gcovr) or, failing that, lcov.  Fails below the floor.
# gcovr skips (with a warning) lines it cannot parse: gcov gives a negative
# count for a branch of a function that a callee left by longjmp (the
# arena's out-of-memory exit, which the tests provoke; fastrec.c's readers
# of a whole meeting), and gcovr 5.2 stops at such a line otherwise.

COV_BUILD      := build/coverage
COV_MIN_LINES  ?= 90
COV_MIN_BRANCH ?= 80

# QUORATE_COVERAGE: fastrec.c's always-inlined word helpers become plain
# inline functions, so that gcov counts their branches once and not once per
# inlined copy (at -O0 a literal word's constant tests are branches in every
# copy: 3,635 branches counted in fastrec.c instead of 935).

# Always from scratch: gcov data of objects older than their sources (or of
# a header function whose lines moved) make gcovr's merge fail.
coverage:
	@rm -rf $(COV_BUILD)
	$(MAKE) --no-print-directory BUILD=$(COV_BUILD) CC=gcc OPT='-O0 -g -DQUORATE_COVERAGE' SAN='--coverage' CFLAGS='-Wno-error' \
	  $(COV_BUILD)/quorate $(UNIT_SRC:tests/unit/%.c=$(COV_BUILD)/tests/%)
	@SAN=--coverage sh tests/run.sh $(COV_BUILD) > $(COV_BUILD)/tests.log 2>&1; \
	  echo "tests/run.sh $(COV_BUILD): $$(tail -n 1 $(COV_BUILD)/tests.log)"
	@if command -v gcovr >/dev/null 2>&1; then \
	  gcovr --root . --filter 'src/' --object-directory $(COV_BUILD) \
	    --exclude-unreachable-branches --exclude-throw-branches --gcov-ignore-parse-errors \
	    --txt $(COV_BUILD)/coverage-lines.txt --txt-metric line 2>/dev/null || \
	  gcovr --root . --filter 'src/' --object-directory $(COV_BUILD) \
	    --exclude-unreachable-branches --exclude-throw-branches --gcov-ignore-parse-errors \
	    --txt $(COV_BUILD)/coverage-lines.txt; \
	  gcovr --root . --filter 'src/' --object-directory $(COV_BUILD) \
	    --exclude-unreachable-branches --exclude-throw-branches --gcov-ignore-parse-errors --branches \
	    --txt $(COV_BUILD)/coverage-branches.txt; \
	  cat $(COV_BUILD)/coverage-lines.txt $(COV_BUILD)/coverage-branches.txt; \
	  lines=$$(awk '/^TOTAL/ {sub("%","",$$4); print $$4}' $(COV_BUILD)/coverage-lines.txt); \
	  branches=$$(awk '/^TOTAL/ {sub("%","",$$4); print $$4}' $(COV_BUILD)/coverage-branches.txt); \
	elif command -v lcov >/dev/null 2>&1; then \
	  lcov --quiet --rc lcov_branch_coverage=1 --capture --directory $(COV_BUILD) \
	    --output-file $(COV_BUILD)/all.info && \
	  lcov --quiet --rc lcov_branch_coverage=1 --extract $(COV_BUILD)/all.info '$(CURDIR)/src/*' \
	    --output-file $(COV_BUILD)/src.info && \
	  lcov --rc lcov_branch_coverage=1 --list $(COV_BUILD)/src.info; \
	  summary=$$(lcov --rc lcov_branch_coverage=1 --summary $(COV_BUILD)/src.info 2>&1); \
	  echo "$$summary"; \
	  lines=$$(echo "$$summary" | awk '/lines/ {sub("%","",$$2); print $$2}'); \
	  branches=$$(echo "$$summary" | awk '/branches/ {sub("%","",$$2); print $$2}'); \
	else \
	  echo "coverage: neither gcovr nor lcov is installed (apt-get install gcovr)"; exit 2; \
	fi; \
	echo "coverage of src/: lines $${lines}% (floor $(COV_MIN_LINES)%), branches $${branches}% (floor $(COV_MIN_BRANCH)%)"; \
	ok=$$(awk -v l="$$lines" -v b="$$branches" 'BEGIN { print (l + 0 >= $(COV_MIN_LINES) && b + 0 >= $(COV_MIN_BRANCH)) ? 1 : 0 }'); \
	tail -n 1 $(COV_BUILD)/tests.log | grep -q ' 0 failed' || { echo "coverage: the test suite failed (see $(COV_BUILD)/tests.log)"; ok=0; }; \
	[ "$$ok" = 1 ] || { echo "coverage: FAIL"; exit 1; }
