/*
** fuzz_common: what the libFuzzer targets share (fuzz/fuzz_*.c).
**
** Each input runs in a fresh context: its own `struct mem` with an
** out-of-memory recovery point, one arena, a diagnostics sink and a module
** loader on the repository's stdlib/.  After the input the arena is freed and
** the context must account for every byte it handed out (live_bytes == 0):
** nothing may outlive an input.  libFuzzer's leak detection catches the
** memory that bypasses `struct mem` (flex's buffers, bison's parser state).
**
** Diagnostics are rendered (to /dev/null) as `quorate check` renders them, so
** the caret and excerpt code sees every odd byte the fuzzer makes too.
*/
#ifndef QUORATE_FUZZ_COMMON_H
#define QUORATE_FUZZ_COMMON_H

#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check/load.h"
#include "check/sema.h"
#include "check/terms_file.h"
#include "front/diag.h"
#include "front/parse.h"
#include "front/source.h"
#include "report/report.h"
#include "run/eval.h"

#ifndef FUZZ_ROOT
#define FUZZ_ROOT "."
#endif

struct fuzz_ctx {
	struct mem mem;
	jmp_buf oom;
	struct arena arena;
	struct diag_sink diag;
	struct loader loader;
};

static const char *const fuzz_dirs[] = { FUZZ_ROOT "/stdlib" };

static FILE *fuzz_null(void)
{
	static FILE *null;
	if (!null) {
		null = fopen("/dev/null", "w");
		if (!null)
			abort();
	}
	return null;
}

/* Set up ctx (its oom point must be set by the caller with setjmp). */
static void fuzz_ctx_init(struct fuzz_ctx *c)
{
	memset(&c->mem, 0, sizeof c->mem);
	c->mem.on_oom = &c->oom;
	arena_init(&c->arena, &c->mem);
	diag_init(&c->diag, &c->arena);
	loader_init(&c->loader, &c->arena, &c->diag, fuzz_dirs, 1);
}

/* Free everything; abort if any byte handed out through mem is unaccounted. */
static void fuzz_ctx_free(struct fuzz_ctx *c)
{
	arena_free(&c->arena);
	if (c->mem.live_bytes != 0) {
		fprintf(stderr, "fuzz: %zu bytes still live after the input\n", c->mem.live_bytes);
		abort();
	}
}

/* Render every diagnostic, as the CLI does (sorted, with excerpts). */
static void fuzz_print_diags(struct fuzz_ctx *c)
{
	diag_sort(&c->diag);
	for (size_t i = 0; i < c->diag.items.n; i++)
		diag_print(&c->diag.items.items[i], fuzz_null(), i % 2 == 0);
}

/* Errors must come with a location inside the input (or none at all). */
static void fuzz_check_diag_locations(struct fuzz_ctx *c)
{
	for (size_t i = 0; i < c->diag.items.n; i++) {
		const struct diag *d = &c->diag.items.items[i];
		if (d->loc.src && (d->loc.start > d->loc.end || d->loc.end > d->loc.src->len)) {
			fprintf(stderr, "fuzz: diagnostic [%s] '%s' at %u..%u outside the file (%zu bytes)\n",
			        diag_code_name(d->code), d->msg, d->loc.start, d->loc.end, d->loc.src->len);
			abort();
		}
	}
}

/*
** examples/anytown/terms.tor, checked, in c (a context that lives as long as
** the process; nothing allocates in it afterwards).  Aborts if it does not
** load: the targets that judge records need it.
*/
static const struct terms *fuzz_anytown_terms(struct fuzz_ctx *c, const char *target)
{
	fuzz_ctx_init(c);
	if (setjmp(c->oom) != 0)
		abort();
	struct source *src = arena_alloc(&c->arena, sizeof *src);
	const char *why = NULL;
	if (source_load(src, &c->arena, FUZZ_ROOT "/examples/anytown/terms.tor", &why) != 0) {
		fprintf(stderr, "%s: examples/anytown/terms.tor: %s\n", target, why);
		abort();
	}
	const struct terms *t = terms_file_one(&c->arena, &c->diag, &c->loader, src);
	if (!t) {
		fuzz_print_diags(c);
		abort();
	}
	c->mem.on_oom = NULL;
	return t;
}

/* Every format's report of r, to /dev/null (text plain and coloured). */
static void fuzz_write_reports(const struct meeting_result *r)
{
	static const struct report_ops *const formats[] = { &report_text, &report_markdown, &report_html, &report_json };
	struct report_opts o = { true };
	report_text_meeting(fuzz_null(), r, &o);
	o.color = false;
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		formats[i]->meeting(fuzz_null(), r, &o);
}

/* ---- a file to map (fuzz_mapped, fuzz_fastrec: memory against a mapping) ---- */

static char fuzz_file_path[] = "/tmp/quorate-fuzz.XXXXXX";
static int fuzz_file_fd = -1;

static void fuzz_file_remove(void)
{
	unlink(fuzz_file_path);
}

/* The temporary file's name: made on first use, removed at exit.  Sources
** read from memory take it too, so that their diagnostics name the same file. */
static const char *fuzz_file_name(void)
{
	if (fuzz_file_fd < 0) {
		fuzz_file_fd = mkstemp(fuzz_file_path);
		if (fuzz_file_fd < 0)
			abort();
		atexit(fuzz_file_remove);
	}
	return fuzz_file_path;
}

/* src mapped over the temporary file, which now holds exactly `data`
** (size > 0: an empty file is never mapped). */
static void fuzz_map_input(struct source *src, struct arena *a, const uint8_t *data, size_t size)
{
	const char *path = fuzz_file_name();
	if (ftruncate(fuzz_file_fd, 0) != 0 || pwrite(fuzz_file_fd, data, size, 0) != (ssize_t)size)
		abort();
	struct stat st;
	const char *why = NULL;
	if (source_map_over(src, a, path, 0, &st, &why) != 0 || !src->map_len)
		abort();
}

#endif
