/*
** position: byte offsets and protocol positions.  See position.h.
*/
#include "lsp/position.h"

#include "front/source.h"

void lsp_lines_build(struct lsp_lines *l, struct arena *a, const char *text, uint32_t len)
{
	uint32_t n = 1;
	for (uint32_t i = 0; i < len; i++)
		if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == len || text[i + 1] != '\n')))
			n++;
	l->text = text;
	l->len = len;
	l->n = n;
	l->starts = arena_array(a, n, sizeof *l->starts);
	l->starts[0] = 0;
	n = 1;
	for (uint32_t i = 0; i < len; i++)
		if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == len || text[i + 1] != '\n')))
			l->starts[n++] = i + 1;
}

unsigned lsp_char_units(const unsigned char *p, const unsigned char *end, enum lsp_encoding enc,
                        unsigned *bytes)
{
	size_t n = *p < 0x80 ? 1 : source_utf8_len(p, end);
	if (n == 0)
		n = 1; /* not UTF-8: one byte, one unit */
	*bytes = (unsigned)n;
	if (enc == LSP_UTF8)
		return (unsigned)n;
	return n == 4 ? 2 : 1; /* only astral characters need a surrogate pair */
}

/* The end of line `line`'s content: before its "\n", "\r\n" or "\r". */
static uint32_t line_end(const struct lsp_lines *l, uint32_t line)
{
	uint32_t end = line + 1 < l->n ? l->starts[line + 1] : l->len;
	if (end > l->starts[line] && line + 1 < l->n) {
		end--; /* the terminator's last byte */
		if (l->text[end] == '\n' && end > l->starts[line] && l->text[end - 1] == '\r')
			end--;
	}
	return end;
}

/* The line holding offset (binary search over the line starts). */
static uint32_t line_of(const struct lsp_lines *l, uint32_t offset)
{
	uint32_t lo = 0, hi = l->n;
	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (l->starts[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

struct lsp_pos lsp_pos_of(const struct lsp_lines *l, uint32_t offset, enum lsp_encoding enc)
{
	if (offset > l->len)
		offset = l->len;
	struct lsp_pos p = { line_of(l, offset), 0 };
	const unsigned char *s = (const unsigned char *)l->text;
	const unsigned char *end = s + l->len;
	uint32_t stop = line_end(l, p.line);
	if (offset < stop)
		stop = offset;
	for (uint32_t i = l->starts[p.line]; i < stop;) {
		unsigned bytes;
		p.character += lsp_char_units(s + i, end, enc, &bytes);
		i += bytes;
	}
	return p;
}

uint32_t lsp_offset_of(const struct lsp_lines *l, struct lsp_pos p, enum lsp_encoding enc)
{
	if (p.line >= l->n)
		return l->len;
	const unsigned char *s = (const unsigned char *)l->text;
	const unsigned char *end = s + l->len;
	uint32_t i = l->starts[p.line], stop = line_end(l, p.line), units = 0;
	while (i < stop) {
		unsigned bytes;
		unsigned n = lsp_char_units(s + i, end, enc, &bytes);
		if (units + n > p.character)
			break; /* p.character is at or inside this character */
		units += n;
		i += bytes;
	}
	return i;
}
