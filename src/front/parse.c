/*
** parse: the front end's facade over the flex scanner and bison parser.
** See parse.h.  Nothing else includes the generated headers.
*/
#include "front/parse.h"

#include <assert.h>
#include <setjmp.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
/* What the lookahead buffer may hold: LOOKAHEAD peeked, the token next_token
** put back when it gave the parser a '}' or an error in its place, and the
** token resync puts back to resume at (which may be that very '}'). */
#define AHEAD_MAX (LOOKAHEAD + 2)

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
	struct token ahead[AHEAD_MAX];
	unsigned n_ahead;
	int prev;                  /* the last token given to the parser */
	struct token given;        /* ... as scanned, before the filter changed it */
	enum tag_state tags;
	uint32_t scanned_end;      /* where the last token scanned ends */
	uint32_t item_start;       /* where the item being read starts */
	int opener;                /* TERMS, MEETING, EXAMPLE or MAPS: what the next '{' opens */
	uint32_t popped;           /* the '{' or '(' the last '}' or ')' given closed, */
	uint8_t popped_block;
	uint32_t popped_by;        /* ... and where that '}' or ')' is (+1; 0 none) */
	/* recovery */
	uint32_t last_sync;        /* where the last resynchronisation resumed (+1; 0 none) */
	struct node *pending;      /* an item reduced while recovering, handed out next */
	uint32_t closing;          /* the word whose missing '}' was said (+1; 0 none) */
	bool motion_header;        /* between `motion` and its '{' */
	bool prev_first_on_line;   /* the last token given began its line */
	unsigned since_colon;      /* tokens given since a setting's ':' (+1; 0 none) */
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

/* Past the ASCII bytes from p on, 64 at a time (a record's bytes nearly
** all are): where the first 64 bytes that are not all ASCII begin, or the
** last fewer than 64 before end. */
static const unsigned char *skip_ascii(const unsigned char *p, const unsigned char *end)
{
#if defined(__SSE2__)
	for (; end - p >= 64; p += 64) {
		__m128i a = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i b = _mm_loadu_si128((const __m128i *)(const void *)(p + 16));
		__m128i c = _mm_loadu_si128((const __m128i *)(const void *)(p + 32));
		__m128i d = _mm_loadu_si128((const __m128i *)(const void *)(p + 48));
		if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d))))
			break;
	}
#else
	(void)end;
#endif
	return p;
}

/* Where the block from `at` ends in the view w of avail bytes: at most
** ENCODING_BLOCK bytes, and short of a view cut before the end of the file
** by the longest sequence, so that one begun in the block can be read. */
static size_t encoding_block(const struct source *src, uint32_t at, size_t avail)
{
	size_t n = avail < ENCODING_BLOCK ? avail : ENCODING_BLOCK;
	if (n == avail && at + avail < src->len)
		n -= 3;
	return n;
}

static bool check_encoding(struct diag_sink *diag, const struct source *src, uint32_t from)
{
	/* diag NULL: say nothing, and stop at the first problem (false) */
	uint32_t bad[3];
	unsigned char bad_byte[3];
	unsigned n_bad = 0;
	for (uint32_t at = from; at < src->len;) {
		size_t avail; /* a mapped file is read a window at a time (source_view) */
		const unsigned char *w = (const unsigned char *)source_view(src, at, &avail);
		size_t stop = encoding_block(src, at, avail);
		const void *nul = memchr(w, '\0', stop);
		if (nul) {
			uint32_t where = at + (uint32_t)((const unsigned char *)nul - w);
			if (!diag)
				return false;
			diag_report(diag, D_ENCODING, (struct loc){ src, where, where + 1 },
			            "the file contains a NUL byte; is it a binary file?");
			return false;
		}
		const unsigned char *p = w, *end = w + avail, *block_end = w + stop;
		while (p < block_end) {
			p = skip_ascii(p, block_end);
			uint64_t q[4]; /* ASCII, the common case: 32 bytes at a time, then 8 */
			if (block_end - p >= 32 && (memcpy(q, p, 32), ((q[0] | q[1] | q[2] | q[3]) & 0x8080808080808080u) == 0)) {
				p += 32;
				continue;
			}
			uint64_t word;
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
				if (!diag)
					return false;
				if (n_bad < 3) {
					bad[n_bad] = at + (uint32_t)(p - w);
					bad_byte[n_bad] = *p;
				}
				n_bad++;
				n = 1;
			}
			p += n;
		}
		at += (uint32_t)(p - w); /* a sequence may end past the block */
		source_forget_behind(src, at);
	}
	source_forget_all(src);
	for (unsigned i = 0; i < n_bad && i < 3; i++)
		diag_report(diag, D_ENCODING, (struct loc){ src, bad[i], bad[i] + 1 },
		            "invalid UTF-8 byte 0x%02X (save the file as UTF-8)", bad_byte[i]);
	return true;
}

bool parse_encoding_clean(const struct source *src, uint32_t from)
{
	return check_encoding(NULL, src, from);
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

static void unread(struct item_reader *r, const struct token *t);

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
	case TOK_DEPUTY: /* `deputy for NAME` ends a member's roles and tags */
		return p0 == TOK_FOR && is_name_kind(peek(r, 1));
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

/* A keyword that may end a member's roles and tags: one that begins an item
** of a terms block (and may be a name: the reserved ones always end it), and
** the member's own `from`, `until` and `deputy for`. */
static bool is_clause_keyword(int kind)
{
	return ((kw_item_blocks(kind) & IN_TERMS) && kw_category(kind) != KW_RESERVED) ||
	       kind == TOK_FROM || kind == TOK_UNTIL || kind == TOK_DEPUTY;
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

/* Is the token on the same line as the one before it? */
static bool ahead_on_line(struct item_reader *r, unsigned i)
{
	return peek(r, i) != TOK_END && !r->ahead[i].first_on_line;
}

/* A name at the start of a line after a member's roles and tags, followed on
** its line by what no tag is (a string, a clause label, a brace: `membr bob
** "Bob" gp`, `qorum §3.1 {`): a misspelt word of the language, not a tag. */
static bool misspelt_clause(struct item_reader *r, const struct token *t)
{
	if (t->kind != TOK_IDENT || !t->first_on_line || !ahead_on_line(r, 0))
		return false;
	int p0 = peek(r, 0);
	if (p0 == TOK_FROM || p0 == TOK_UNTIL)
		return false;
	if (!is_name_kind(p0))
		return true;
	return ahead_on_line(r, 1) && !is_name_kind(peek(r, 1));
}

static void follow_tags(struct item_reader *r, struct token *t)
{
	if (r->tags == TAGS_IN && misspelt_clause(r, t)) {
		t->kind = TOK_BADWORD;
		r->tags = TAGS_NONE;
		return;
	}
	if (r->tags == TAGS_IN) {
		/* a line that begins with such a word and goes on is its item
		** (`member bob gp`: the string is missing, not two more tags) */
		bool line_item = t->first_on_line && ahead_on_line(r, 0) && t->kind != TOK_FROM && t->kind != TOK_UNTIL;
		if (is_clause_keyword(t->kind) && !line_item && !begins_clause(r, t->kind))
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

/*
** The blocks whose item a keyword begins here, as far as the words after it
** tell (a keyword that begins items of several blocks has a different form
** in each): `notice §5.3 papers` is a terms block's, `notice 14 days before`
** a class's, `notice given DATE` a motion's; `casting vote chair` a terms
** block's, `casting for` a motion's...  Where the form does not tell (`chair
** NAME` in a meeting or a motion), every block the keyword may begin an
** item of.
*/
static unsigned item_blocks_here(struct item_reader *r, int kind)
{
	unsigned all = kw_item_blocks(kind);
	int p0 = peek(r, 0);
	switch (kind) {
	case TOK_NOTICE:
		if (p0 == TOK_CLAUSE || p0 == TOK_PAPERS || p0 == TOK_MINUTES)
			return IN_TERMS;
		return p0 == TOK_NUMBER ? IN_RULES : peek(r, 1) == TOK_DATE ? IN_MOTION : all;
	case TOK_CONSENSUS:
		return ahead_on_line(r, 0) ? IN_TERMS : IN_MOTION;
	case TOK_CASTING:
		return p0 == TOK_VOTE ? IN_TERMS : IN_MOTION;
	case TOK_VIRTUAL:
		return p0 == TOK_ON ? IN_MOTION : IN_TERMS;
	case TOK_TERMS:
		return peek(r, 1) == '{' ? IN_FILE : IN_RECORD;
	case TOK_MINUTES:
		return p0 == TOK_RECORD || p0 == TOK_CLAUSE ? IN_TERMS : IN_RECORD;
	default:
		return all;
	}
}

/*
** Does the keyword just taken read as the item it may begin, by what follows
** it?  A word of a terms block that may also be a name needs what its item
** needs (begins_clause); any other is not an item when an operator follows
** it (`present >= 3`, `motion.financial`: a condition without its `require`
** or `when`).
*/
static bool reads_as_item(struct item_reader *r, int kind)
{
	if (item_blocks_here(r, kind) == IN_TERMS && is_clause_keyword(kind))
		return begins_clause(r, kind);
	switch (peek(r, 0)) {
	case TOK_GE: case TOK_LE: case TOK_EQ: case TOK_NE: case '<': case '>': case '=': case '+': case '-':
	case '*': case '/': case '(': case '.': case ':': case TOK_OF: case TOK_AT: case TOK_MORE: case TOK_LESS:
	case TOK_FEWER: case TOK_ROUNDED: case TOK_AND: case TOK_OR:
		return false;
	default:
		return true;
	}
}

/* What a '{' opens, from the block around it and the item it belongs to. */
static uint8_t block_opened(const struct item_reader *r)
{
	switch (parse_block(&r->ps)) {
	case IN_FILE:
		return r->opener == TOK_MEETING ? IN_RECORD : IN_TERMS;
	case IN_TERMS:
		return r->opener == TOK_EXAMPLE ? IN_RECORD : r->opener == TOK_MAPS ? IN_MAP : IN_RULES;
	case IN_RECORD:
		return IN_MOTION;
	default:
		return (uint8_t)parse_block(&r->ps);
	}
}

/* The braces and parentheses the parser has seen, for its messages and for
** recovery (what each block holds). */
static void track_nesting(struct item_reader *r, const struct token *t)
{
	struct parse_state *ps = &r->ps;
	if (t->kind == TOK_TERMS || t->kind == TOK_MEETING || t->kind == TOK_EXAMPLE || t->kind == TOK_MAPS)
		r->opener = t->kind;
	if ((t->kind == '{' || t->kind == '(') && ps->n_open < PARSE_MAX_NESTING) {
		ps->open_block[ps->n_open] = t->kind == '{' ? block_opened(r) : 0;
		ps->open[ps->n_open++] = t->where.start;
		r->opener = 0;
	} else if ((t->kind == '}' || t->kind == ')') && ps->n_open > 0) {
		ps->n_open--;
		r->popped = ps->open[ps->n_open];
		r->popped_block = ps->open_block[ps->n_open];
		r->popped_by = t->where.start + 1;
	}
}

/*
** A list of names that ends with a comma, the next line beginning an item
** (`present alice, bob,` then `apologies erin`), or before a '}': the comma is
** the mistake, so it is reported there (with its removal as the fix) and
** dropped, and the next line is read as written.  A word that begins an item
** may also be a name, so it ends the list only when it cannot be one (a
** reserved word) or its line goes on with something other than ','.
*/
static bool stray_comma(struct item_reader *r)
{
	int p0 = peek(r, 0);
	if (p0 == '}' || p0 == TOK_END)
		return true;
	if (!r->ahead[0].first_on_line || !(kw_item_blocks(p0) & parse_blocks_open(&r->ps)))
		return false;
	if (!is_name_kind(p0))
		return true;
	if (!ahead_on_line(r, 1) || peek(r, 1) == ',')
		return false;
	return !(kw_item_blocks(p0) & IN_TERMS) || begins_clause(r, p0);
}

/*
** A word at the start of a line that begins an item of a block around the
** one being parsed, and not of this one (`class` after an unclosed quorum
** block, `motion` after an unclosed motion): the '}' of the blocks in
** between is missing.  Said once, there, and the '}' given to the parser,
** which then reads the line as written.  Not inside parentheses, where the
** line before is unfinished.
*/
static bool closes_block(struct item_reader *r, const struct token *t)
{
	struct parse_state *ps = &r->ps;
	if (!t->first_on_line || ps->n_open == 0 || ps->open_block[ps->n_open - 1] == 0)
		return false;
	unsigned blocks = item_blocks_here(r, t->kind);
	if (!blocks || (blocks & parse_block(ps)) || !(blocks & parse_blocks_open(ps)) || !reads_as_item(r, t->kind))
		return false;
	if (r->closing != t->where.start + 1) {
		r->closing = t->where.start + 1;
		parse_report_unclosed(ps, ps->src->text + t->where.start, t->where.end - t->where.start,
		                      (struct span){ t->where.start, t->where.end });
	}
	return true;
}

/* Items whose keyword must be followed by a name on its line. */
static bool needs_name(int kind)
{
	switch (kind) {
	case TOK_PRESENT: case TOK_APOLOGIES: case TOK_ATTENDING: case TOK_ARRIVES: case TOK_LEAVES:
	case TOK_FOR: case TOK_AGAINST: case TOK_ABSTAIN: case TOK_CHAIR: case TOK_INTEREST: case TOK_OBJECTION:
		return true;
	default:
		return false;
	}
}

/*
** A line with only the keyword of an item that needs names (`apologies`),
** and the next line beginning an item (`attending judy`): the grammar would
** take that word for the name, so the filter says what is wrong, at the end
** of the short line, and gives the parser an error token to recover from.
*/
static bool unfinished_names(struct item_reader *r, const struct token *t)
{
	if (!t->first_on_line || !r->prev_first_on_line || !needs_name(r->prev) || t->kind == TOK_IDENT ||
	    !is_name_kind(t->kind) || !(item_blocks_here(r, t->kind) & parse_block(&r->ps)) || !reads_as_item(r, t->kind))
		return false;
	struct parse_state *ps = &r->ps;
	struct loc end = loc_of(ps->src, (struct span){ ps->prev_end, ps->prev_end });
	diag_report(ps->diag, D_SYNTAX, end, "the line ends too soon: expected a name after '%.*s'",
	            (int)(ps->prev_end - ps->prev_start), ps->src->text + ps->prev_start);
	return true;
}

/* The next token for the parser. */
static struct token next_token(struct item_reader *r)
{
	struct token t = take(r);
	if (closes_block(r, &t)) {
		unread(r, &t);
		t = (struct token){ '}', { 0 }, { t.where.start, t.where.start }, t.first_on_line };
	} else if (unfinished_names(r, &t)) {
		unread(r, &t);
		t = (struct token){ TOK_YYerror, { 0 }, { t.where.start, t.where.start }, false };
	}
	/* a setting's value is on its line: a word beginning the next one is
	** not the second word of `deemed present` (`coflicted quorum: ...`) */
	if (r->since_colon == 2 && t.first_on_line && parse_block(&r->ps) == IN_RULES &&
	    (t.kind == TOK_IDENT || t.kind == TOK_VOID || t.kind == TOK_PRESENT || t.kind == TOK_YES ||
	     t.kind == TOK_NO || t.kind == TOK_NONE))
		t.kind = TOK_BADWORD;
	r->since_colon = t.kind == ':' ? 1 : r->since_colon ? r->since_colon + 1 : 0;
	/* a motion's attributes end at a line that begins one of its items
	** (`motion 1 "Tie"` and then `for alice, bob`: its '{' is missing) */
	if (r->motion_header && t.first_on_line && (kw_item_blocks(t.kind) & IN_MOTION) &&
	    item_blocks_here(r, t.kind) & IN_MOTION)
		t.kind = TOK_BADWORD;
	while (t.kind == ',' && r->prev != ',' && stray_comma(r)) {
		struct loc at = loc_of(r->ps.src, (struct span){ t.where.start, t.where.end });
		struct diag *d = diag_report(r->ps.diag, D_SYNTAX, at,
		                             "a list of names does not end with ',': remove this one, or add the name "
		                             "that was to follow it");
		diag_fixit(r->ps.diag, d, at, "");
		t = take(r);
	}
	r->given = t;
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
	track_nesting(r, &t);
	r->prev_first_on_line = t.first_on_line;
	if (t.kind == TOK_MOTION && parse_block(&r->ps) == IN_RECORD)
		r->motion_header = true;
	else if (t.kind == '{' || t.kind == '}' || t.kind == TOK_BADWORD)
		r->motion_header = false;
	r->prev = t.kind;
	return t;
}

/* ---- recovery ------------------------------------------------------------- */

struct diag *parse_report_unclosed(struct parse_state *ps, const char *word, size_t len, struct span where)
{
	/* the text as written (flex holds a NUL after its last token), before
	** the diagnostic counts its lines */
	if (ps->scanner)
		qr_scan_restore(ps->scanner);
	uint32_t opened = 0;
	for (unsigned i = ps->n_open; i > 0 && !opened; i--)
		if (ps->open_block[i - 1])
			opened = ps->open[i - 1];
	unsigned line, col;
	source_position(ps->src, opened, &line, &col);
	struct diag *d = diag_report(ps->diag, D_SYNTAX, loc_of(ps->src, where),
	                             "'%.*s' cannot stand inside the block opened on line %u: is its '}' missing?",
	                             (int)len, word, line);
	if (ps->prev_end > 0)
		diag_fixit(ps->diag, d, loc_of(ps->src, (struct span){ ps->prev_end, ps->prev_end }), " }");
	diag_note(ps->diag, d, loc_of(ps->src, (struct span){ opened, opened + 1 }), "the block opened here");
	return d;
}

/*
** The blocks a token resumes parsing in when it begins a line after a
** syntax error: those whose items it begins, when it reads as such an item
** here (a word of a terms block that may also be a name must be followed by
** what its item needs, as after a member's tags).
*/
static unsigned resumes_in(struct item_reader *r, const struct token *t)
{
	unsigned blocks = item_blocks_here(r, t->kind) & parse_blocks_open(&r->ps);
	if (!t->first_on_line || !blocks || !reads_as_item(r, t->kind))
		return 0;
	return blocks;
}

/* The blocks whose '{' may have been left out inside `block`.  In terms,
** not a record's: an `example` opens one, but its header says so, and
** `papers 7 days before` there is a misplaced item (`notice papers ...`),
** not the first line of an example whose '{' is missing. */
static unsigned blocks_inside(unsigned block)
{
	return block == IN_TERMS ? IN_RULES | IN_MAP : ~0u;
}

/* A word at the start of a line that begins an item only of blocks not open
** here, and of a block that this one holds (`require` in a terms block,
** `for` after a meeting's items): the items of a block whose '{' is
** missing, skipped up to its '}'. */
static bool opens_unseen_block(struct item_reader *r, const struct token *t)
{
	return t->first_on_line && (kw_item_blocks(t->kind) & blocks_inside(parse_block(&r->ps))) &&
	       !(item_blocks_here(r, t->kind) & parse_blocks_open(&r->ps)) && reads_as_item(r, t->kind);
}

/* Put a token back in front of those read ahead, to be given again. */
static void unread(struct item_reader *r, const struct token *t)
{
	assert(r->n_ahead < AHEAD_MAX);
	memmove(r->ahead + 1, r->ahead, r->n_ahead * sizeof r->ahead[0]);
	r->ahead[0] = *t;
	r->n_ahead++;
}

static int push(struct item_reader *r, int kind, YYLTYPE where)
{
	YYSTYPE value;
	memset(&value, 0, sizeof value);
	if (r->ps.item && !r->pending)
		r->pending = r->ps.item;
	r->ps.item = NULL;
	return yypush_parse(r->parser, kind, &value, &where, &r->ps);
}

/*
** After a syntax error (reported by the parser, or by the scanner as a bad
** token) at `bad`: skip to the next statement boundary and give the parser
** SYNC there, so that one mistake is one error.  A boundary is a word that
** begins an item of the block being parsed, at the start of a line; a word
** that begins an item only of a block around it, which closes the blocks in
** between (their '}' is missing, and the parser said so at `bad` when that
** word was it); the '}' of the block; or the end of the file.  Braces opened
** in the text skipped are skipped with it.  The parser has already left any
** parenthesis, and the '{' of `bad` itself.
*/
static int resync(struct item_reader *r, const struct token *bad)
{
	struct parse_state *ps = &r->ps;
	ps->syntax_error = false;
	r->tags = TAGS_NONE;
	r->motion_header = false;
	/* a '{' expected and not there: unless it comes later on the line, the
	** block's items follow on the next lines, up to its '}' */
	bool missing_brace = ps->brace_expected && bad->kind != '}' && bad->kind != '{' && bad->kind != TOK_END;
	ps->brace_expected = false;
	unsigned depth = 0;
	if (bad->kind == '{' && ps->n_open > 0) {
		ps->n_open--;
		depth = 1;
	} else if ((bad->kind == '}' || bad->kind == ')') && ps->n_open < PARSE_MAX_NESTING &&
	           r->popped_by == bad->where.start + 1) {
		ps->open_block[ps->n_open] = r->popped_block;   /* not closed after all */
		ps->open[ps->n_open++] = r->popped;
	}
	while (ps->n_open > 0 && ps->open_block[ps->n_open - 1] == 0)
		ps->n_open--;

	/* the token that failed may itself begin the next statement */
	struct token at = r->given;
	bool found = at.kind != TOK_YYerror && at.where.start + 1 != r->last_sync &&
	             ((at.kind == '}' && parse_block(ps) != IN_FILE) || resumes_in(r, &at));
	if (!found && depth == 0 && ((missing_brace && at.first_on_line) || opens_unseen_block(r, &at)))
		depth = 1;
	bool on_bad_line = true;
	/* the rest of the line the error was on is skipped: a bad character
	** there (`votes 3 for, 2 against; recorded carried`) is part of the
	** one mistake already said */
	if (ps->scanner)
		qr_scan_restore(ps->scanner);
	const char *nl = memchr(ps->src->text + bad->where.start, '\n', ps->src->len - bad->where.start);
	ps->quiet_until = nl ? (uint32_t)(nl - ps->src->text) : (uint32_t)ps->src->len;
	while (!found) {
		at = take(r);
		if (at.kind == TOK_END || ps->fatal)
			break;
		on_bad_line = on_bad_line && !at.first_on_line;
		if (at.kind == '{') {
			depth++;
			missing_brace = false;
		} else if (at.kind == '}' && depth > 0) {
			depth--;
		} else if (at.kind == '}' && missing_brace && on_bad_line) {
			missing_brace = false;   /* `virtual ratify at next meeting }`: its own */
		} else if (depth == 0) {
			found = (at.kind == '}' && parse_block(ps) != IN_FILE) || resumes_in(r, &at);
			if (!found && ((missing_brace && at.first_on_line) || opens_unseen_block(r, &at)))
				depth = 1;
		}
		ps->prev_start = at.where.start;
		ps->prev_end = at.where.end;
	}
	ps->quiet_until = 0;
	r->last_sync = at.where.start + 1;
	YYLTYPE here = { at.where.start, at.where.start };
	/* a word of an outer block: close the blocks in between, their '}'
	** missing (already said when that word was the one that failed) */
	unsigned blocks = at.kind == '}' || at.kind == TOK_END ? 0 : item_blocks_here(r, at.kind) & parse_blocks_open(ps);
	if (blocks && !(blocks & parse_block(ps)) && at.where.start != bad->where.start)
		parse_report_unclosed(ps, ps->src->text + at.where.start, at.where.end - at.where.start,
		                      (struct span){ at.where.start, at.where.end });
	if (found)
		ps->prev_start = ps->prev_end = 0; /* the line before is not the mistake */
	int status = push(r, TOK_SYNC, here);
	while (status == YYPUSH_MORE && blocks && !(blocks & parse_block(ps)) && ps->n_open > 0) {
		status = push(r, '}', here);
		ps->n_open--;
	}
	unread(r, &at);
	r->prev = TOK_SYNC;
	return status;
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

static struct item_reader *open_reader(struct arena *arena, struct diag_sink *diag, const struct source *src,
                                       struct ast_file *file, uint32_t start, bool check)
{
	struct item_reader *r = arena_alloc(arena, sizeof *r);
	r->ps.arena = arena;
	r->ps.diag = diag;
	r->ps.src = src;
	r->ps.file = file;
	file->src = src;
	r->ps.offset = start;
	if (check && !check_encoding(diag, src, start)) {
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

struct item_reader *item_reader_open(struct arena *arena, struct diag_sink *diag,
                                     const struct source *src, struct ast_file *file)
{
	uint32_t start = 0;
	if (src->len >= 3 && memcmp(src->text, "\xEF\xBB\xBF", 3) == 0)
		start = 3; /* a byte-order mark: skip it */
	return open_reader(arena, diag, src, file, start, true);
}

struct item_reader *item_reader_open_after(struct arena *arena, struct diag_sink *diag, const struct source *src,
                                           struct ast_file *file, struct span brace)
{
	struct item_reader *r = open_reader(arena, diag, src, file, brace.end, false);
	/* as if the reader had just handed out the item that '}' ends */
	r->prev = '}';
	r->ps.prev_start = brace.start;
	r->ps.prev_end = brace.end;
	r->ps.line_has_token = true;
	r->scanned_end = r->item_start = brace.end;
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
	while (!r->done || r->pending) {
		if (r->pending) {
			struct node *item = r->pending;
			r->pending = NULL;
			check_depth(&r->ps, item, 0);
			return item;
		}
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
		if (status == YYPUSH_MORE && !r->ps.fatal && (r->ps.syntax_error || t.kind == TOK_YYerror))
			status = resync(r, &t);
		if (status != YYPUSH_MORE || r->ps.fatal) {
			r->done = true; /* accepted at end of file, or gave up */
			if (status == 1 && t.kind == TOK_END && r->ps.n_open > 0 && !r->ps.eof_reported)
				report_unclosed(&r->ps, t.where);
		}
		struct node *item = r->ps.item;
		if (r->pending) { /* reduced first, while recovering */
			item = r->pending;
			r->pending = r->ps.item;
		}
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
