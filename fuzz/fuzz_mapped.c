/*
** fuzz_mapped: the reader of long record files (replay maps a record file
** over 1 MiB, source_map_stat, and the scanner copies it through a window
** of its own, quorate.l's scan_input) against the reader of files in
** memory.  The input is written to a temporary file, mapped however short
** (source_map_over), and parsed both ways: the items
** (their spans), the diagnostics (code, place, message) and every
** diagnostic's line, column and quoted line must be the same; the mapping
** is then given back and the text must still read the same.
*/
#include "fuzz_common.h"

static struct fuzz_ctx memory_ctx, mapped_ctx;

static void same_diag(const struct diag *a, const struct diag *b)
{
	if (a->code != b->code || a->loc.start != b->loc.start || a->loc.end != b->loc.end || strcmp(a->msg, b->msg)) {
		fprintf(stderr, "fuzz: [%s] '%s' at %u..%u from memory, [%s] '%s' at %u..%u mapped\n",
		        diag_code_name(a->code), a->msg, a->loc.start, a->loc.end, diag_code_name(b->code), b->msg,
		        b->loc.start, b->loc.end);
		abort();
	}
	if (!a->loc.src)
		return;
	unsigned la, ca, lb, cb;
	source_position(a->loc.src, a->loc.start, &la, &ca);
	source_position(b->loc.src, b->loc.start, &lb, &cb);
	size_t na, nb;
	const char *ta = source_line_text(a->loc.src, la, &na), *tb = source_line_text(b->loc.src, lb, &nb);
	if (la != lb || ca != cb || na != nb || memcmp(ta, tb, na) != 0) {
		fprintf(stderr, "fuzz: [%s] at %u:%u from memory, %u:%u mapped\n", diag_code_name(a->code), la, ca, lb, cb);
		abort();
	}
}

static void run(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	size_t len = size;
	struct source in_memory, mapped;
	source_from_memory(&in_memory, &memory_ctx.arena, fuzz_file_name(), text, len);
	fuzz_map_input(&mapped, &mapped_ctx.arena, data, len);
	struct ast_file a, b;
	unsigned ea = parse_file(&memory_ctx.arena, &memory_ctx.diag, &in_memory, &a);
	unsigned eb = parse_file(&mapped_ctx.arena, &mapped_ctx.diag, &mapped, &b);
	if (ea != eb || memory_ctx.diag.items.n != mapped_ctx.diag.items.n)
		abort();
	const struct node *x = a.items, *y = b.items;
	for (; x && y; x = x->next, y = y->next)
		if (x->kind != y->kind || x->span.start != y->span.start || x->span.end != y->span.end)
			abort();
	if (x || y)
		abort();
	for (size_t i = 0; i < memory_ctx.diag.items.n; i++)
		same_diag(&memory_ctx.diag.items.items[i], &mapped_ctx.diag.items.items[i]);
	source_forget_all(&mapped);
	if (memcmp(mapped.text, text, len) != 0 || mapped.text[len] != '\0' || mapped.text[len + 1] != '\0')
		abort();
	source_close(&mapped);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0; /* an empty file is never mapped */
	fuzz_ctx_init(&memory_ctx);
	fuzz_ctx_init(&mapped_ctx);
	if (setjmp(memory_ctx.oom) == 0 && setjmp(mapped_ctx.oom) == 0)
		run(data, size);
	fuzz_ctx_free(&memory_ctx);
	fuzz_ctx_free(&mapped_ctx);
	return 0;
}
