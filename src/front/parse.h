/*
** parse: the front end's entry points; the only code that knows the scanner
** and parser generators.
**
** parse_file() reads a whole file into an ast_file (for check, fmt and
** terms).  The item reader hands out one top-level item at a time, so replay
** can parse a meeting, evaluate it and drop it before reading the next.
** Both check the encoding first (UTF-8, no NUL bytes; a byte-order mark is
** skipped), then parse, then bound the depth of every expression.
*/
#ifndef QUORATE_PARSE_H
#define QUORATE_PARSE_H

#include "front/ast.h"
#include "front/diag.h"

/* Deepest expression tree any later pass will see (docs/reference.md#limits). */
#define PARSE_MAX_EXPR_DEPTH 100
/* Longest identifier and string, in bytes: the language's limits, which a
** JSON record keeps too (record/minutes_json.c). */
#define PARSE_MAX_IDENT 128
#define PARSE_MAX_STRING 4096

struct item_reader;

/* Start reading src.  Nodes go to `arena` (changeable between items).
** Comments are not kept (see parse_file, which keeps them for fmt). */
struct item_reader *item_reader_open(struct arena *arena, struct diag_sink *diag,
                                     const struct source *src, struct ast_file *file);
/* The same, resuming after a file's first items, read by the fast record
** path (record/fastrec.h) and known to be meetings that hold no mistake:
** the reader starts just after `brace`, the last one's '}', in the state it
** would have had there (the encoding is not checked again: it was clean). */
struct item_reader *item_reader_open_after(struct arena *arena, struct diag_sink *diag, const struct source *src,
                                           struct ast_file *file, struct span brace);
/* Allocate the next item's nodes in `arena` (e.g. a per-meeting arena). */
void item_reader_set_arena(struct item_reader *r, struct arena *arena);
/* The next top-level item, or NULL at the end of the file.  Items with
** syntax errors are still returned (with the errors in diag) when the parser
** recovered inside them. */
struct node *item_reader_next(struct item_reader *r);
void item_reader_close(struct item_reader *r);

/*
** The date of the one meeting a record holds, read with the scanner alone
** (no parse, no tree: replay indexes a history by date this way): true when
** the file's tokens are `meeting "TITLE" on DATE {`, anything with balanced
** braces, and the end of the file.  False for anything else, a second item
** or any problem the scanner finds: the caller then parses the file, and the
** parser reports it.  Nothing is reported; what the scanner allocates goes
** to `scratch`.
*/
bool parse_skim_meeting_date(struct arena *scratch, const struct source *src, qdate *date);

/* Is the text from `from` on UTF-8 with no NUL byte (what item_reader_open
** would report otherwise)?  Nothing is reported. */
bool parse_encoding_clean(const struct source *src, uint32_t from);

/* Is text[0..len) a keyword of the language (keywords.def)? */
bool parse_is_keyword(const char *text, size_t len);

/* Parse a whole file; returns the number of errors reported. */
unsigned parse_file(struct arena *arena, struct diag_sink *diag,
                    const struct source *src, struct ast_file *out);

#endif
