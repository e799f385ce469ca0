/*
** position: byte offsets in a document and the Language Server Protocol's
** positions (a 0-based line and a character offset in that line).
**
** The protocol counts characters in UTF-16 code units unless client and
** server agree on UTF-8 (`positionEncoding`), while quorate's spans are byte
** offsets: a Welsh ŵ is two bytes and one unit, an astral character four
** bytes and two units.  Lines end at "\n", "\r\n" or a lone "\r", as the
** protocol says.  A position past the end of its line means the end of that
** line, and a line past the end of the text means the end of the text.
*/
#ifndef QUORATE_LSP_POSITION_H
#define QUORATE_LSP_POSITION_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"

enum lsp_encoding { LSP_UTF16, LSP_UTF8 };

struct lsp_pos {
	uint32_t line, character;
};

/* The line starts of one text (which must outlive the table). */
struct lsp_lines {
	const char *text;
	uint32_t len;
	uint32_t *starts;    /* offset of each line's first byte */
	uint32_t n;          /* at least 1 */
};

void lsp_lines_build(struct lsp_lines *l, struct arena *a, const char *text, uint32_t len);

/* The position of a byte offset (clamped to the text). */
struct lsp_pos lsp_pos_of(const struct lsp_lines *l, uint32_t offset, enum lsp_encoding enc);
/* The byte offset of a position (clamped as the protocol says; a position
** inside a character means that character's first byte). */
uint32_t lsp_offset_of(const struct lsp_lines *l, struct lsp_pos p, enum lsp_encoding enc);

/* Code units of the character starting at p (1..4 bytes in UTF-8, 1 or 2
** in UTF-16); *bytes gets its length in bytes.  A byte that is not UTF-8
** is one byte and one unit. */
unsigned lsp_char_units(const unsigned char *p, const unsigned char *end, enum lsp_encoding enc,
                        unsigned *bytes);

#endif
