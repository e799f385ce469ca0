/*
** diag: the diagnostics sink and renderer.  See diag.h.
*/
#include "front/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct diag_info {
	const char *name;
	enum diag_severity sev;
	const char *desc;
};

static const struct diag_info diag_table[D__COUNT] = {
#define DIAG(id, name, sev, desc) [id] = { name, DIAG_##sev, desc },
#include "front/diag_codes.def"
#undef DIAG
};

const char *diag_code_name(enum diag_code code) { return diag_table[code].name; }
enum diag_severity diag_code_severity(enum diag_code code) { return diag_table[code].sev; }
const char *diag_code_description(enum diag_code code) { return diag_table[code].desc; }

const char *diag_severity_name(enum diag_severity sev)
{
	switch (sev) {
	case DIAG_NOTE: return "note";
	case DIAG_WARNING: return "warning";
	case DIAG_ERROR: return "error";
	}
	return "error";
}

void diag_init(struct diag_sink *d, struct arena *a)
{
	memset(d, 0, sizeof *d);
	d->arena = a;
	d->max_errors = DIAG_MAX_ERRORS;
}

struct diag *diag_vreport(struct diag_sink *d, enum diag_code code, struct loc loc,
                          const char *fmt, va_list ap)
{
	enum diag_severity sev = diag_table[code].sev;
	if (d->stopped)
		return NULL;
	if (sev == DIAG_ERROR && d->n_errors == d->max_errors) {
		d->stopped = true;
		struct diag stop = { D_TOO_MANY, DIAG_ERROR, loc, NULL, NULL };
		stop.msg = arena_printf(d->arena, "too many errors (%u); stopping here", d->max_errors);
		VEC_PUSH(d->arena, d->items, stop);
		d->n_errors++;
		return NULL;
	}
	struct diag dg = { code, sev, loc, arena_vprintf(d->arena, fmt, ap), NULL };
	VEC_PUSH(d->arena, d->items, dg);
	if (sev == DIAG_ERROR)
		d->n_errors++;
	else if (sev == DIAG_WARNING)
		d->n_warnings++;
	return &d->items.items[d->items.n - 1];
}

struct diag *diag_report(struct diag_sink *d, enum diag_code code, struct loc loc,
                         const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	struct diag *dg = diag_vreport(d, code, loc, fmt, ap);
	va_end(ap);
	return dg;
}

void diag_note(struct diag_sink *d, struct diag *to, struct loc loc, const char *fmt, ...)
{
	if (!to)
		return;
	struct diag_note *n = arena_alloc(d->arena, sizeof *n);
	va_list ap;
	va_start(ap, fmt);
	n->msg = arena_vprintf(d->arena, fmt, ap);
	va_end(ap);
	n->loc = loc;
	struct diag_note **tail = &to->notes;
	while (*tail)
		tail = &(*tail)->next;
	*tail = n;
}

/* ---- ordering ----------------------------------------------------------- */

/* Sources in first-seen order, so sorting never depends on pointer values. */
static size_t source_rank(const struct diag_sink *d, const struct source *s)
{
	if (!s)
		return 0;
	for (size_t i = 0; i < d->items.n; i++)
		if (d->items.items[i].loc.src == s)
			return i + 1;
	return d->items.n + 1;
}

void diag_sort(struct diag_sink *d)
{
	/* Insertion sort: stable, and diagnostics are few and mostly in order. */
	struct diag *v = d->items.items;
	size_t *rank = arena_array(d->arena, d->items.n, sizeof *rank);
	for (size_t i = 0; i < d->items.n; i++)
		rank[i] = source_rank(d, v[i].loc.src);
	for (size_t i = 1; i < d->items.n; i++) {
		struct diag key = v[i];
		size_t key_rank = rank[i];
		size_t j = i;
		/* "too many errors" stays last. */
		while (j > 0 && key.code != D_TOO_MANY && v[j - 1].code != D_TOO_MANY &&
		       (rank[j - 1] > key_rank ||
		        (rank[j - 1] == key_rank && v[j - 1].loc.start > key.loc.start))) {
			v[j] = v[j - 1];
			rank[j] = rank[j - 1];
			j--;
		}
		v[j] = key;
		rank[j] = key_rank;
	}
}

/* ---- rendering ---------------------------------------------------------- */

#define COLOR_BOLD "\033[1m"
#define COLOR_RED "\033[1;31m"
#define COLOR_MAGENTA "\033[1;35m"
#define COLOR_CYAN "\033[1;36m"
#define COLOR_GREEN "\033[1;32m"
#define COLOR_RESET "\033[0m"

/* Lines longer than this are shown as a window around the caret. */
#define DIAG_LINE_WINDOW 100

void diag_print_where(const struct loc *loc, FILE *out)
{
	if (!loc->src)
		return;
	unsigned line, col;
	source_position(loc->src, loc->start, &line, &col);
	fprintf(out, "%s:%u:%u", loc->src->name, line, col);
}

/* Bytes of the character at p: one UTF-8 sequence, or one byte that is not
** UTF-8 (a column of its own, as in source_position). */
static size_t char_len(const char *p, const char *end)
{
	size_t k = source_utf8_len((const unsigned char *)p, (const unsigned char *)end);
	return k ? k : 1;
}

/* Bidirectional embeddings, overrides and isolates (U+202A..U+202E,
** U+2066..U+2069): shown as they are, they reorder the rest of the quoted
** line, so what is displayed is not what was parsed. */
static bool is_bidi_control(const unsigned char *p, size_t k)
{
	return k == 3 && p[0] == 0xE2 &&
	       ((p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE) || (p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9));
}

/* Print text so that it cannot upset a terminal: control characters other
** than tab, C1 controls, bidirectional controls and bytes that are not UTF-8
** show as one '?' each. */
static void put_visible(FILE *out, const char *p, size_t n)
{
	const char *end = p + n;
	while (p < end) {
		size_t k = source_utf8_len((const unsigned char *)p, (const unsigned char *)end);
		unsigned char c = (unsigned char)p[0];
		bool control = k == 1 ? (c < 0x20 && c != '\t') || c == 0x7F
		                      : (k == 2 && c == 0xC2 && (unsigned char)p[1] < 0xA0) ||
		                        is_bidi_control((const unsigned char *)p, k);
		if (k == 0 || control)
			fputc('?', out);
		else
			fwrite(p, 1, k, out);
		p += k ? k : 1;
	}
}

static size_t utf8_chars(const char *p, size_t n)
{
	size_t c = 0;
	for (const char *end = p + n; p < end; p += char_len(p, end))
		c++;
	return c;
}

/* The source line, then a caret under the first character of the span and
** tildes under the rest of it (on that line). */
static void print_excerpt(const struct loc *loc, FILE *out, bool color)
{
	unsigned line, col;
	source_position(loc->src, loc->start, &line, &col);
	size_t len;
	const char *text = source_line_text(loc->src, line, &len);
	size_t line_start = (size_t)(text - loc->src->text);
	/* bytes into the line; a location before a byte-order mark is at 0 */
	size_t caret = loc->start > line_start ? loc->start - line_start : 0;
	if (caret > len)
		caret = len;
	size_t span_end = loc->end > loc->start ? loc->end - line_start : caret + 1;
	if (span_end > len)
		span_end = len > caret ? len : caret + 1;

	size_t from = 0, to = len;
	if (len > DIAG_LINE_WINDOW) { /* a window around the caret */
		from = caret > DIAG_LINE_WINDOW / 2 ? caret - DIAG_LINE_WINDOW / 2 : 0;
		while (from > 0 && ((unsigned char)text[from] & 0xC0) == 0x80)
			from--;
		to = from + DIAG_LINE_WINDOW < len ? from + DIAG_LINE_WINDOW : len;
		while (to < len && ((unsigned char)text[to] & 0xC0) == 0x80)
			to++;
	}
	/* The gutter is 5 digits wide, wider for files of 100000 lines or more. */
	int gutter = snprintf(NULL, 0, "%u", line);
	if (gutter < 5)
		gutter = 5;
	fprintf(out, "%*u | %s", gutter, line, from > 0 ? "..." : "");
	put_visible(out, text + from, to - from);
	fprintf(out, "%s\n%*s | %s", to < len ? "..." : "", gutter, "", from > 0 ? "   " : "");
	/* Pad with the line's own tabs so the caret lines up. */
	for (size_t i = from; i < caret && i < to; i += char_len(text + i, text + len))
		fputc(text[i] == '\t' ? '\t' : ' ', out);
	if (color)
		fputs(COLOR_GREEN, out);
	fputc('^', out);
	size_t after = caret < len ? caret + char_len(text + caret, text + len) : caret + 1;
	size_t under_end = span_end < to ? span_end : to;
	size_t tildes = under_end > after ? utf8_chars(text + after, under_end - after) : 0;
	for (size_t i = 0; i < tildes; i++)
		fputc('~', out);
	if (color)
		fputs(COLOR_RESET, out);
	fputc('\n', out);
}

static void print_header(const struct loc *loc, const char *sev, const char *sev_color,
                         const char *msg, const char *code, FILE *out, bool color)
{
	if (color)
		fputs(COLOR_BOLD, out);
	if (loc->src) {
		diag_print_where(loc, out);
		fputs(": ", out);
	}
	if (color)
		fprintf(out, "%s%s:" COLOR_RESET COLOR_BOLD, sev_color, sev);
	else
		fprintf(out, "%s:", sev);
	fprintf(out, " %s", msg);
	if (color)
		fputs(COLOR_RESET, out);
	if (code)
		fprintf(out, " [%s]", code);
	fputc('\n', out);
}

void diag_print(const struct diag *dg, FILE *out, bool color)
{
	const char *sev_color = dg->sev == DIAG_ERROR ? COLOR_RED
	                      : dg->sev == DIAG_WARNING ? COLOR_MAGENTA : COLOR_CYAN;
	print_header(&dg->loc, diag_severity_name(dg->sev), sev_color, dg->msg,
	             diag_code_name(dg->code), out, color);
	if (dg->loc.src && dg->loc.src->text)
		print_excerpt(&dg->loc, out, color);
	for (const struct diag_note *n = dg->notes; n; n = n->next) {
		print_header(&n->loc, "note", COLOR_CYAN, n->msg, NULL, out, color);
		if (n->loc.src && n->loc.src->text)
			print_excerpt(&n->loc, out, color);
	}
}
