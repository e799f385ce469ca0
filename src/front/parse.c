/*
** parse: the front end's facade over the flex scanner and bison parser.
** See parse.h.  Nothing else includes the generated headers.
*/
#include "front/parse.h"

#include <setjmp.h>
#include <string.h>

#include "front/parse_state.h"
#include "quorate_parse.h"
#include "quorate_scan.h"

struct item_reader {
	struct parse_state ps;
	yyscan_t scanner;
	YY_BUFFER_STATE buffer;
	yypstate *parser;
	bool done;
};

/* ---- encoding ------------------------------------------------------------- */

/*
** Report NUL bytes and invalid UTF-8.  Returns false if the file must not be
** parsed at all (it contains NUL bytes: almost certainly not a text file).
*/
static bool check_encoding(struct diag_sink *diag, const struct source *src, uint32_t from)
{
	const unsigned char *p = (const unsigned char *)src->text + from;
	const unsigned char *end = (const unsigned char *)src->text + src->len;
	const void *nul = memchr(p, '\0', (size_t)(end - p));
	if (nul) {
		uint32_t at = (uint32_t)((const char *)nul - src->text);
		diag_report(diag, D_ENCODING, (struct loc){ src, at, at + 1 },
		            "the file contains a NUL byte; is it a binary file?");
		return false;
	}
	unsigned reported = 0;
	while (p < end) {
		if (*p < 0x80) { /* ASCII, the common case: no decoding */
			p++;
			continue;
		}
		size_t n = source_utf8_len(p, end);
		if (n == 0) {
			uint32_t at = (uint32_t)((const char *)p - src->text);
			if (reported++ < 3)
				diag_report(diag, D_ENCODING, (struct loc){ src, at, at + 1 },
				            "invalid UTF-8 byte 0x%02X (save the file as UTF-8)", *p);
			n = 1;
		}
		p += n;
	}
	return true;
}

/* ---- depth bound ---------------------------------------------------------- */

static bool is_expression(const struct node *n)
{
	switch (n->kind) {
	case N_COUNT: case N_CALL: case N_FUNC: case N_UNARY:
	case N_BINARY: case N_ROUND: case N_PAREN:
		return true;
	default:
		return false;
	}
}

/* Returns false (having reported) when an expression is nested deeper than
** PARSE_MAX_EXPR_DEPTH; recursion stops there, so the walk itself is bounded. */
static bool check_depth(struct parse_state *ps, const struct node *n, unsigned depth)
{
	for (; n; n = n->next) {
		if (is_expression(n) && depth >= PARSE_MAX_EXPR_DEPTH) { /* depth counts from 0 */
			diag_report(ps->diag, D_LIMIT, loc_of(ps->src, n->span),
			            "expression nested too deeply (more than %d levels); split it into rules",
			            PARSE_MAX_EXPR_DEPTH);
			return false;
		}
		unsigned next_depth = is_expression(n) ? depth + 1 : depth;
		const struct node *kids[4] = { n->a, n->b, n->c, n->d };
		for (int i = 0; i < 4; i++)
			if (kids[i] && !check_depth(ps, kids[i], next_depth))
				return false;
	}
	return true;
}

/* The parser gave up at the end of the file while still recovering from an
** earlier error (so it said nothing): say what is missing and where. */
static void report_unclosed(struct parse_state *ps, YYLTYPE at_end)
{
	uint32_t opened = ps->open[ps->n_open - 1];
	struct diag *d = diag_report(ps->diag, D_SYNTAX, loc_of(ps->src, at_end),
	                             "the file ends inside a block: '}' or ')' expected");
	diag_note(ps->diag, d, loc_of(ps->src, (struct span){ opened, opened + 1 }),
	          "the block or parenthesis opened here is not closed");
}

/* ---- item reader ---------------------------------------------------------- */

/*
** flex's scanner and buffer and bison's parser state are malloc'd outside
** the arena, so an out-of-memory jump from inside the reader would leak them.
** The reader's entry points catch the jump (their own setjmp, as it must be
** in a live frame), and reader_oom frees those and passes the jump on to the
** caller's recovery point.
*/
static _Noreturn void reader_oom(struct item_reader *r, struct mem *mem, jmp_buf *outer)
{
	mem->on_oom = outer;
	item_reader_close(r);
	r->done = true;
	mem_fail(mem);
}

struct item_reader *item_reader_open(struct arena *arena, struct diag_sink *diag,
                                     const struct source *src, struct ast_file *file)
{
	struct item_reader *r = arena_alloc(arena, sizeof *r);
	r->ps.arena = arena;
	r->ps.diag = diag;
	r->ps.src = src;
	r->ps.file = file;
	file->src = src;

	uint32_t start = 0;
	if (src->len >= 3 && memcmp(src->text, "\xEF\xBB\xBF", 3) == 0)
		start = 3; /* a byte-order mark: skip it */
	r->ps.offset = start;
	if (!check_encoding(diag, src, start)) {
		r->done = true;
		return r;
	}
	struct mem *mem = arena->mem;
	jmp_buf *outer = mem->on_oom;
	jmp_buf inner;
	mem->on_oom = &inner;
	if (setjmp(inner) != 0)
		reader_oom(r, mem, outer);
	if (qr_yylex_init_extra(&r->ps, &r->scanner) != 0)
		mem_fail(mem);
	/* The text ends in two NULs, as yy_scan_buffer needs; flex writes into
	** the buffer only to terminate yytext, and item_reader_next puts that
	** byte back (qr_scan_restore) before the caller can see the text. */
	r->buffer = qr_yy_scan_buffer((char *)src->text + start, src->len - start + 2, r->scanner);
	if (!r->buffer)
		mem_fail(mem);
	r->parser = yypstate_new();
	if (!r->parser)
		mem_fail(mem);
	mem->on_oom = outer;
	return r;
}

void item_reader_set_arena(struct item_reader *r, struct arena *arena)
{
	r->ps.arena = arena;
}

static struct node *next_item(struct item_reader *r)
{
	while (!r->done) {
		YYSTYPE value;
		YYLTYPE where;
		int token = qr_yylex(&value, &where, r->scanner);
		r->ps.item = NULL;
		int status = yypush_parse(r->parser, token, &value, &where, &r->ps);
		if (status != YYPUSH_MORE || r->ps.fatal) {
			r->done = true; /* accepted at end of file, or gave up */
			if (status == 1 && token == TOK_END && r->ps.n_open > 0 && !r->ps.eof_reported)
				report_unclosed(&r->ps, where);
		}
		struct node *item = r->ps.item;
		if (item) {
			qr_scan_restore(r->scanner);
			check_depth(&r->ps, item, 0);
			return item;
		}
	}
	if (r->scanner)
		qr_scan_restore(r->scanner);
	return NULL;
}

struct node *item_reader_next(struct item_reader *r)
{
	if (r->done)
		return NULL;
	struct mem *mem = r->ps.arena->mem;
	jmp_buf *outer = mem->on_oom;
	jmp_buf inner;
	mem->on_oom = &inner;
	if (setjmp(inner) != 0)
		reader_oom(r, mem, outer);
	struct node *item = next_item(r);
	mem->on_oom = outer;
	return item;
}

void item_reader_close(struct item_reader *r)
{
	if (r->parser) {
		yypstate_delete(r->parser);
		r->parser = NULL;
	}
	if (r->scanner) {
		qr_scan_restore(r->scanner);
		qr_yy_delete_buffer(r->buffer, r->scanner);
		qr_yylex_destroy(r->scanner);
		r->scanner = NULL;
	}
}

unsigned parse_file(struct arena *arena, struct diag_sink *diag,
                    const struct source *src, struct ast_file *out)
{
	unsigned errors_before = diag->n_errors;
	memset(out, 0, sizeof *out);
	struct item_reader *r = item_reader_open(arena, diag, src, out);
	r->ps.keep_comments = true;
	struct node_list items = { NULL, NULL };
	struct node *item;
	while ((item = item_reader_next(r)))
		ast_list_append(&items, item);
	item_reader_close(r);
	out->items = items.first;
	return diag->n_errors - errors_before;
}

/* ---- skimming a record's date ------------------------------------------------ */

/* The scanner's tokens of a one-meeting record: `meeting STRING on DATE {`,
** anything with its braces balanced, then the end of the file. */
static bool skim_tokens(struct item_reader *r, qdate *date)
{
	static const int header[] = { TOK_MEETING, TOK_STRING, TOK_ON, TOK_DATE, '{' };
	unsigned at = 0, depth = 0;
	for (;;) {
		YYSTYPE value;
		YYLTYPE where;
		int token = qr_yylex(&value, &where, r->scanner);
		if (r->ps.diag->n_errors || r->ps.fatal || token == TOK_YYerror)
			return false;
		if (at < sizeof header / sizeof header[0]) {
			if (token != header[at++])
				return false;
			if (token == TOK_DATE)
				*date = value.TOK_DATE->v.date;
			depth += token == '{';
		} else if (token == TOK_END) {
			return depth == 0;
		} else if (depth == 0) {
			return false;   /* a second item */
		} else {
			depth += token == '{';
			depth -= token == '}';
		}
	}
}

bool parse_skim_meeting_date(struct arena *scratch, const struct source *src, qdate *date)
{
	struct diag_sink quiet;
	diag_init(&quiet, scratch);
	struct ast_file file;
	memset(&file, 0, sizeof file);
	struct item_reader *r = item_reader_open(scratch, &quiet, src, &file);
	if (r->done) {
		item_reader_close(r);
		return false;
	}
	struct mem *mem = scratch->mem;
	jmp_buf *outer = mem->on_oom;
	jmp_buf inner;
	mem->on_oom = &inner;
	if (setjmp(inner) != 0)
		reader_oom(r, mem, outer);
	bool ok = skim_tokens(r, date);
	mem->on_oom = outer;
	item_reader_close(r);
	return ok;
}
