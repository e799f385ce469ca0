/*
** parse_state: what the scanner and the parser share while reading one file.
**
** Private to the front end: only grammar/quorate.l, grammar/quorate.y and
** src/front/parse.c include it.  It is flex's "extra" data and bison's parse
** parameter at once, so neither generator needs a global.
*/
#ifndef QUORATE_PARSE_STATE_H
#define QUORATE_PARSE_STATE_H

#include <stdbool.h>
#include <stdint.h>

#include "front/ast.h"
#include "front/diag.h"
#include "front/parse.h"

/* Deepest nesting of braces and parentheses (docs/reference.md#limits). */
#define PARSE_MAX_NESTING 64
/* The parser's stack, allocated up front (no heap growth to leak). */
#define PARSE_STACK_DEPTH 2000
/* Longest clause label after the '§', in bytes. */
#define PARSE_MAX_CLAUSE 32

/* Where a keyword may also be a name (src/front/keywords.def). */
enum kw_category { KW_NONE, KW_UNRESERVED, KW_NOT_RULE, KW_RESERVED };

/* The category of a keyword's token; KW_NONE for other tokens.  Defined in
** quorate.l, beside the keyword table. */
enum kw_category kw_category(int token);
/* How many keywords are of the category. */
unsigned kw_count(enum kw_category category);

/* Blocks, by the items they hold (keywords.def's ITEM lines); 0 for a
** parenthesis. */
enum { IN_FILE = 1, IN_TERMS = 2, IN_RULES = 4, IN_RECORD = 8, IN_MOTION = 16, IN_MAP = 32 };
/* The blocks whose items the keyword's token begins (0: none).  Defined in
** quorate.l, beside the keyword table. */
unsigned kw_item_blocks(int token);

struct parse_state {
	struct arena *arena;          /* nodes and strings */
	struct diag_sink *diag;
	const struct source *src;
	struct ast_file *file;        /* comments are appended here */
	void *scanner;                /* flex's, for qr_scan_restore */

	/* scanner */
	uint32_t offset;              /* byte offset of the next character */
	uint32_t input;               /* of the next byte flex reads (a mapped file) */
	bool line_has_token;          /* for comment placement */
	bool token_first_on_line;     /* of the token just scanned */
	unsigned scan_depth;          /* braces and parentheses open, as scanned */
	bool fatal;                   /* stop scanning: return end of file */

	/* the tokens given to the parser (the facade scans ahead of it) */
	uint32_t open[PARSE_MAX_NESTING]; /* offsets of unclosed '{' and '(' */
	uint8_t open_block[PARSE_MAX_NESTING]; /* what each '{' opened (IN_TERMS...), 0 for '(' */
	unsigned n_open;
	uint32_t prev_start, prev_end; /* the last token given before this one */
	bool first_on_line;           /* the token being given is the first on its line */
	bool keep_comments;           /* record comments in file->comments (for fmt) */

	/* parser */
	struct node *item;            /* the item just reduced, for the facade */
	bool eof_reported;            /* a syntax error at the end of the file was reported */
	bool syntax_error;            /* one was reported while given the last token */
	uint32_t quiet_until;         /* scanner errors before this offset are not said: the rest of a
	                                 line whose syntax error was (recovery skips it) */
	bool brace_expected;          /* ... where the parser expected a '{' */
};

/* The block the parser is in (IN_FILE at the top level), and every block
** open around it, IN_FILE included. */
static inline unsigned parse_block(const struct parse_state *ps)
{
	for (unsigned i = ps->n_open; i > 0; i--)
		if (ps->open_block[i - 1])
			return ps->open_block[i - 1];
	return IN_FILE;
}

/*
** "'class' cannot stand inside the block opened on line 12: is its '}'
** missing?", at `where` (the word), with " }" after the token before it as
** the fix-it.  Said by the parser when the word is the one that failed, and
** by recovery when it resumes at such a word found further on.
*/
struct diag *parse_report_unclosed(struct parse_state *ps, const char *word, size_t len, struct span where);

static inline unsigned parse_blocks_open(const struct parse_state *ps)
{
	unsigned all = IN_FILE;
	for (unsigned i = 0; i < ps->n_open; i++)
		all |= ps->open_block[i];
	return all;
}

/*
** Put back the byte flex overwrote to terminate the last token's text.  flex
** restores it only when it scans on, so a parse that stops early (a limit, an
** item handed out) would otherwise leave a NUL inside the source text that
** diagnostics quote and the line table is built from.  Defined in quorate.l.
*/
void qr_scan_restore(void *scanner);
/* Scan ps->src from offset start through a window of flex's own (a mapped
** file: see quorate.l's scan_input) rather than in place; -1 if flex's
** buffer cannot be allocated.  Defined in quorate.l. */
int qr_scan_window(void *scanner, uint32_t start);

#endif
