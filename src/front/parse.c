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

/* A token scanned but not yet given to the parser. */
struct token {
	int kind;
	YYSTYPE value;
	YYLTYPE where;
	bool first_on_line;
};

/* The most tokens the lookahead filter reads past the one it decides. */
#define LOOKAHEAD 3

/* Where a member's line is, for reading its roles and tags. */
enum tag_state {
	TAGS_NONE,
	TAGS_AFTER_MEMBER,   /* `member` */
	TAGS_AFTER_ID,       /* `member alice` */
	TAGS_IN              /* `member alice "Alice Jones"` and roles and tags */
};

struct item_reader {
	struct parse_state ps;
	yyscan_t scanner;
	YY_BUFFER_STATE buffer;
	yypstate *parser;
	bool done;
	/* the lookahead filter */
	struct token ahead[LOOKAHEAD + 1];
	unsigned n_ahead;
	int prev;                  /* the last token given to the parser */
	enum tag_state tags;
	uint32_t scanned_end;      /* where the last token scanned ends */
	uint32_t item_start;       /* where the item being read starts */
};

/* ---- encoding ------------------------------------------------------------- */

/*
** Report NUL bytes and invalid UTF-8.  Returns false if the file must not be
** parsed at all (it contains NUL bytes: almost certainly not a text file).
** Checked in blocks, each given back after it is checked (a mapped file of
** any length: source_forget_behind); the first invalid bytes are reported
** only once the whole file is known to hold no NUL.
*/
#define ENCODING_BLOCK (1u << 20)

static bool check_encoding(struct diag_sink *diag, const struct source *src, uint32_t from)
{
	const unsigned char *text = (const unsigned char *)src->text;
	uint32_t bad[3];
	unsigned n_bad = 0;
	for (uint32_t at = from; at < src->len;) {
		uint32_t stop = src->len - at > ENCODING_BLOCK ? at + ENCODING_BLOCK : (uint32_t)src->len;
		const void *nul = memchr(text + at, '\0', stop - at);
		if (nul) {
			uint32_t where = (uint32_t)((const unsigned char *)nul - text);
			diag_report(diag, D_ENCODING, (struct loc){ src, where, where + 1 },
			            "the file contains a NUL byte; is it a binary file?");
			return false;
		}
		const unsigned char *p = text + at, *end = text + src->len, *block_end = text + stop;
		while (p < block_end) {
			uint64_t word; /* ASCII, the common case: eight bytes at a time */
			if (block_end - p >= 8 && (memcpy(&word, p, 8), (word & 0x8080808080808080u) == 0)) {
				p += 8;
				continue;
			}
			if (*p < 0x80) {
				p++;
				continue;
			}
			size_t n = source_utf8_len(p, end);
			if (n == 0) {
				if (n_bad < 3)
					bad[n_bad] = (uint32_t)(p - text);
				n_bad++;
				n = 1;
			}
			p += n;
		}
		at = (uint32_t)(p - text); /* a sequence may end past the block */
		source_forget_behind(src, at);
	}
	source_forget_all(src);
	for (unsigned i = 0; i < n_bad && i < 3; i++)
		diag_report(diag, D_ENCODING, (struct loc){ src, bad[i], bad[i] + 1 },
		            "invalid UTF-8 byte 0x%02X (save the file as UTF-8)", text[bad[i]]);
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

/* ---- the lookahead filter ------------------------------------------------- */

/*
** Between the scanner and the parser, as PostgreSQL's base_yylex: a few
** decisions that one token of lookahead cannot make.
**
**  - `no` and `not` followed by `less than`, `more than` or `fewer than`,
**    right after an operand, begin an English comparison (NO_LA, NOT_LA):
**    `yes no less than 6`; elsewhere `no` is the count of votes against
**    (`require no less than 3` is `no < 3`) and `not` is the negation.
**  - In a member's list of roles and tags, a keyword that begins a clause
**    of the terms (`member`, `role`, `class`, `from`, ...) begins it only
**    when what follows reads as that clause (begins_clause); otherwise it is
**    one more role or tag: a role may be called `member`.  Any other
**    keyword there is a tag too.  So that list is the grammar's only
**    open-ended sequence of names, and the reason a few words are reserved.
*/

static bool is_name_kind(int kind)
{
	enum kw_category c = kw_category(kind);
	return kind == TOK_IDENT || c == KW_UNRESERVED || c == KW_NOT_RULE;
}

/* The node a token carries, if any (a name, string, number, date, label). */
static struct node **token_node(struct token *t)
{
	switch (t->kind) {
	case TOK_IDENT: return &t->value.TOK_IDENT;
	case TOK_STRING: return &t->value.TOK_STRING;
	case TOK_NUMBER: return &t->value.TOK_NUMBER;
	case TOK_DATE: return &t->value.TOK_DATE;
	case TOK_CLAUSE: return &t->value.TOK_CLAUSE;
	default: return NULL;
	}
}

static struct token scan(struct item_reader *r)
{
	struct token t;
	t.kind = qr_yylex(&t.value, &t.where, r->scanner);
	t.first_on_line = r->ps.token_first_on_line;
	/* The scanner gives the end of the file no place: it is where the
	** last token ends, so "unexpected end of file" points just past what
	** was written. */
	if (t.kind == TOK_END)
		t.where = (YYLTYPE){ r->scanned_end, r->scanned_end };
	else
		r->scanned_end = t.where.end;
	return t;
}

/* The token i places ahead of the one being decided (0 is the next one);
** nothing is read past the end of the file. */
static int peek(struct item_reader *r, unsigned i)
{
	while (r->n_ahead <= i) {
		if (r->n_ahead > 0 && r->ahead[r->n_ahead - 1].kind == TOK_END)
			return TOK_END;
		r->ahead[r->n_ahead++] = scan(r);
	}
	return r->ahead[i].kind;
}

static struct token take(struct item_reader *r)
{
	if (r->n_ahead == 0)
		return scan(r);
	struct token t = r->ahead[0];
	memmove(r->ahead, r->ahead + 1, (r->n_ahead - 1) * sizeof r->ahead[0]);
	r->n_ahead--;
	return t;
}

/* Does a keyword that begins a clause of the terms begin one here, after a
** member's roles and tags?  Each case is the start of that clause in the
** grammar, far enough to tell it from more tags. */
static bool begins_clause(struct item_reader *r, int kind)
{
	int p0 = peek(r, 0);
	/* A number never follows a tag: it is a clause label written without
	** its '§' (`quorum 3.1 {`), reported by the parser as such. */
	if (p0 == TOK_NUMBER && kind != TOK_ROLE && kind != TOK_MEMBER && kind != TOK_CLASS && kind != TOK_RULE)
		return true;
	switch (kind) {
	case TOK_VERSION: case TOK_EXAMPLE:
		return p0 == TOK_STRING;
	case TOK_EFFECTIVE: case TOK_FROM: case TOK_UNTIL:
		/* a date, or what was meant as one (a tag is never followed by a
		** number, and a malformed date has been reported) */
		return p0 == TOK_DATE || p0 == TOK_NUMBER || p0 == TOK_YYerror;
	case TOK_REVIEW:
		return p0 == TOK_CLAUSE || (p0 == TOK_EVERY && (peek(r, 1) == TOK_NUMBER || peek(r, 1) == TOK_TO));
	case TOK_MEETS:
		return p0 == TOK_CLAUSE || (p0 == TOK_EVERY && (peek(r, 1) == TOK_NUMBER || peek(r, 1) == TOK_TO)) ||
		       (p0 == TOK_AT && peek(r, 1) == TOK_LEAST);
	case TOK_CHAIRED:
		return p0 == TOK_CLAUSE || p0 == TOK_BY;
	case TOK_MINUTES:
		return p0 == TOK_CLAUSE || (p0 == TOK_RECORD && peek(r, 1) == TOK_VOTES);
	case TOK_ROLE: case TOK_MEMBER:
		return is_name_kind(p0) && peek(r, 1) == TOK_STRING;
	case TOK_CLASS:
		return is_name_kind(p0) && (peek(r, 1) == TOK_CLAUSE || peek(r, 1) == TOK_STRING || peek(r, 1) == '{');
	case TOK_RULE:
		return is_name_kind(p0) && (peek(r, 1) == '=' || peek(r, 1) == '(');
	case TOK_SIZE:
		return p0 == TOK_NUMBER || p0 == TOK_TO;
	case TOK_QUORUM:
		return p0 == TOK_CLAUSE || p0 == TOK_STRING || p0 == '{';
	case TOK_INTERESTS: case TOK_VIRTUAL: case TOK_MAPS:
		return p0 == TOK_CLAUSE || p0 == '{';
	case TOK_NOTICE:
		if (p0 == TOK_CLAUSE)
			return true;
		if (p0 == TOK_PAPERS)
			return peek(r, 1) == TOK_NUMBER || peek(r, 1) == TOK_TO;
		return p0 == TOK_MINUTES && peek(r, 1) == TOK_WITHIN && (peek(r, 2) == TOK_NUMBER || peek(r, 2) == TOK_TO);
	default:
		return false;
	}
}

static bool is_clause_keyword(int kind)
{
	switch (kind) {
	case TOK_VERSION: case TOK_EFFECTIVE: case TOK_REVIEW: case TOK_MEETS: case TOK_ROLE:
	case TOK_MEMBER: case TOK_SIZE: case TOK_QUORUM: case TOK_INTERESTS: case TOK_CLASS:
	case TOK_VIRTUAL: case TOK_NOTICE: case TOK_RULE: case TOK_EXAMPLE: case TOK_FROM: case TOK_UNTIL:
	case TOK_CHAIRED: case TOK_MINUTES: case TOK_MAPS:
		return true;
	default:
		return false;
	}
}

/* Can the token end an operand, so that `no less than` after it compares? */
static bool ends_operand(int kind)
{
	switch (kind) {
	case TOK_IDENT: case TOK_NUMBER: case TOK_STRING: case TOK_DATE: case ')':
	case TOK_MEMBERS: case TOK_PRESENT: case TOK_CONFLICTED: case TOK_ELIGIBLE: case TOK_YES:
	case TOK_NO: case TOK_ABSTAIN: case TOK_CAST: case TOK_VOTES: case TOK_HALF: case TOK_ATTENDEES:
		return true;
	case TOK_REQUIRE: case TOK_WHEN: /* begin an expression */
		return false;
	default:
		return kw_category(kind) == KW_UNRESERVED; /* a rule's name */
	}
}

/* A keyword read as a name. */
static void make_ident(struct item_reader *r, struct token *t)
{
	struct node *n = ast_new(r->ps.arena, N_IDENT, (struct span){ t->where.start, t->where.end });
	n->text = arena_strndup(r->ps.arena, r->ps.src->text + t->where.start, t->where.end - t->where.start);
	t->kind = TOK_IDENT;
	t->value.TOK_IDENT = n;
}

static void follow_tags(struct item_reader *r, struct token *t)
{
	if (r->tags == TAGS_IN) {
		if (is_clause_keyword(t->kind) && !begins_clause(r, t->kind))
			make_ident(r, t);
		else if (!is_clause_keyword(t->kind) && t->kind != TOK_IDENT && is_name_kind(t->kind))
			make_ident(r, t);
		if (t->kind != TOK_IDENT)
			r->tags = TAGS_NONE;
	}
	switch (r->tags) {
	case TAGS_NONE:
		if (t->kind == TOK_MEMBER)
			r->tags = TAGS_AFTER_MEMBER;
		break;
	case TAGS_AFTER_MEMBER:
		r->tags = is_name_kind(t->kind) ? TAGS_AFTER_ID : TAGS_NONE;
		break;
	case TAGS_AFTER_ID:
		r->tags = t->kind == TOK_STRING ? TAGS_IN : TAGS_NONE;
		break;
	case TAGS_IN:
		break;
	}
}

/* `any member` after `chaired by`: `any` is not a keyword, so that it
** stays a name everywhere else. */
static bool is_any_member(struct item_reader *r, const struct token *t)
{
	return t->kind == TOK_IDENT && r->prev == TOK_BY && strcmp(t->value.TOK_IDENT->text, "any") == 0 &&
	       peek(r, 0) == TOK_MEMBER;
}

/* The next token for the parser. */
static struct token next_token(struct item_reader *r)
{
	struct token t = take(r);
	if ((t.kind == TOK_NO || t.kind == TOK_NOT) && ends_operand(r->prev)) {
		int p0 = peek(r, 0);
		if ((p0 == TOK_LESS || p0 == TOK_MORE || p0 == TOK_FEWER) && peek(r, 1) == TOK_THAN)
			t.kind = t.kind == TOK_NO ? TOK_NO_LA : TOK_NOT_LA;
	}
	if (is_any_member(r, &t))
		t.kind = TOK_ANY_LA;
	/* the `member` of `any member` begins no member's line */
	if (!(r->prev == TOK_ANY_LA && t.kind == TOK_MEMBER))
		follow_tags(r, &t);
	/* the braces and parentheses the parser has seen, for its messages */
	if ((t.kind == '{' || t.kind == '(') && r->ps.n_open < PARSE_MAX_NESTING)
		r->ps.open[r->ps.n_open++] = t.where.start;
	else if ((t.kind == '}' || t.kind == ')') && r->ps.n_open > 0)
		r->ps.n_open--;
	r->prev = t.kind;
	return t;
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
	r->ps.scanner = r->scanner;
	/* The text ends in two NULs, as yy_scan_buffer needs; flex writes into
	** the buffer only to terminate yytext, and item_reader_next puts that
	** byte back (qr_scan_restore) before the caller can see the text. */
	if (src->map_len) {
		if (qr_scan_window(r->scanner, start) != 0)
			mem_fail(mem);
	} else {
		r->buffer = qr_yy_scan_buffer((char *)src->text + start, src->len - start + 2, r->scanner);
		if (!r->buffer)
			mem_fail(mem);
	}
	r->parser = yypstate_new();
	if (!r->parser)
		mem_fail(mem);
	mem->on_oom = outer;
	return r;
}

void item_reader_set_arena(struct item_reader *r, struct arena *arena)
{
	r->ps.arena = arena;
	/* Tokens read ahead belong to the next item: move their nodes, as the
	** caller may free the arena they were made in. */
	for (unsigned i = 0; i < r->n_ahead; i++) {
		struct node **n = token_node(&r->ahead[i]);
		if (n && *n) {
			struct node *copy = arena_alloc(arena, sizeof *copy);
			*copy = **n;
			if ((*n)->text)
				copy->text = arena_strdup(arena, (*n)->text);
			*n = copy;
		}
	}
}

/* A record file of any length is read an item at a time (replay maps it:
** source_map_stat); one item is bounded as a whole file read into memory
** is, so its syntax tree is too. */
static bool item_too_long(struct item_reader *r, struct span where)
{
	if (where.end - r->item_start <= SOURCE_MAX_BYTES)
		return false;
	diag_report(r->ps.diag, D_LIMIT, loc_of(r->ps.src, where),
	            "this item is longer than the 64 MiB limit of one item (a file may hold many)");
	r->ps.fatal = true;
	return true;
}

static struct node *next_item(struct item_reader *r)
{
	while (!r->done) {
		struct token t = next_token(r);
		if (r->ps.src->map_len && item_too_long(r, t.where)) {
			r->done = true;
			break;
		}
		r->ps.item = NULL;
		r->ps.first_on_line = t.first_on_line;
		int status = yypush_parse(r->parser, t.kind, &t.value, &t.where, &r->ps);
		r->ps.prev_start = t.where.start;
		r->ps.prev_end = t.where.end;
		if (status != YYPUSH_MORE || r->ps.fatal) {
			r->done = true; /* accepted at end of file, or gave up */
			if (status == 1 && t.kind == TOK_END && r->ps.n_open > 0 && !r->ps.eof_reported)
				report_unclosed(&r->ps, t.where);
		}
		struct node *item = r->ps.item;
		if (item) {
			r->item_start = t.where.end;
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
