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
		struct diag stop = { D_TOO_MANY, DIAG_ERROR, loc, NULL, NULL, NULL };
		stop.msg = arena_printf(d->arena, "too many errors (%u); stopping here", d->max_errors);
		VEC_PUSH(d->arena, d->items, stop);
		d->n_errors++;
		return NULL;
	}
	struct diag dg = { code, sev, loc, arena_vprintf(d->arena, fmt, ap), NULL, NULL };
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

void diag_fixit(struct diag_sink *d, struct diag *to, struct loc loc, const char *text)
{
	if (!to)
		return;
	struct diag_fixit *f = arena_alloc(d->arena, sizeof *f);
	f->loc = loc;
	f->text = arena_strdup(d->arena, text);
	to->fixit = f;
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

/* A fix-it that adds a line ends with its newline: shown without it. */
static size_t fix_shown_len(const struct diag_fixit *fix, bool *adds_line)
{
	size_t n = strlen(fix->text);
	*adds_line = n > 0 && fix->text[n - 1] == '\n';
	return *adds_line ? n - 1 : n;
}

static size_t utf8_chars(const char *p, size_t n)
{
	size_t c = 0;
	for (const char *end = p + n; p < end; p += char_len(p, end))
		c++;
	return c;
}

/* The part of a source line that is shown: all of it, or a window around
** the caret when the line is long. */
struct excerpt {
	unsigned line;
	const char *text;       /* the line */
	size_t len;
	size_t line_start;      /* offset of the line in the file */
	size_t from, to;        /* the bytes shown */
	int gutter;             /* width of the line-number column */
};

static struct excerpt excerpt_of(const struct loc *loc)
{
	struct excerpt e;
	unsigned col;
	source_position(loc->src, loc->start, &e.line, &col);
	e.text = source_line_text(loc->src, e.line, &e.len);
	e.line_start = (size_t)(e.text - loc->src->text);
	size_t caret = loc->start > e.line_start ? loc->start - e.line_start : 0;
	if (caret > e.len)
		caret = e.len;
	e.from = 0;
	e.to = e.len;
	if (e.len > DIAG_LINE_WINDOW) { /* a window around the caret */
		e.from = caret > DIAG_LINE_WINDOW / 2 ? caret - DIAG_LINE_WINDOW / 2 : 0;
		while (e.from > 0 && ((unsigned char)e.text[e.from] & 0xC0) == 0x80)
			e.from--;
		e.to = e.from + DIAG_LINE_WINDOW < e.len ? e.from + DIAG_LINE_WINDOW : e.len;
		while (e.to < e.len && ((unsigned char)e.text[e.to] & 0xC0) == 0x80)
			e.to++;
	}
	/* The gutter is 5 digits wide, wider for files of 100000 lines or more. */
	e.gutter = snprintf(NULL, 0, "%u", e.line);
	if (e.gutter < 5)
		e.gutter = 5;
	return e;
}

/* The empty gutter, then blanks (the line's own tabs, so that what follows
** lines up) up to byte `upto` of the line. */
static void pad_to(const struct excerpt *e, size_t upto, FILE *out)
{
	fprintf(out, "%*s | %s", e->gutter, "", e->from > 0 ? "   " : "");
	for (size_t i = e->from; i < upto && i < e->to; i += char_len(e->text + i, e->text + e->len))
		fputc(e->text[i] == '\t' ? '\t' : ' ', out);
}

/* The source line, then a caret under the first character of the span and
** tildes under the rest of it (on that line); then, when the fix-it is on
** that line, its text under the part it replaces. */
static void print_excerpt(const struct loc *loc, const struct diag_fixit *fix, FILE *out, bool color)
{
	struct excerpt e = excerpt_of(loc);
	/* bytes into the line; a location before a byte-order mark is at 0 */
	size_t caret = loc->start > e.line_start ? loc->start - e.line_start : 0;
	if (caret > e.len)
		caret = e.len;
	size_t span_end = loc->end > loc->start ? loc->end - e.line_start : caret + 1;
	if (span_end > e.len)
		span_end = e.len > caret ? e.len : caret + 1;

	fprintf(out, "%*u | %s", e.gutter, e.line, e.from > 0 ? "..." : "");
	put_visible(out, e.text + e.from, e.to - e.from);
	fprintf(out, "%s\n", e.to < e.len ? "..." : "");
	pad_to(&e, caret, out);
	if (color)
		fputs(COLOR_GREEN, out);
	fputc('^', out);
	size_t after = caret < e.len ? caret + char_len(e.text + caret, e.text + e.len) : caret + 1;
	size_t under_end = span_end < e.to ? span_end : e.to;
	size_t tildes = under_end > after ? utf8_chars(e.text + after, under_end - after) : 0;
	for (size_t i = 0; i < tildes; i++)
		fputc('~', out);
	if (color)
		fputs(COLOR_RESET, out);
	fputc('\n', out);
	if (!fix)
		return;
	size_t at = fix->loc.start > e.line_start ? fix->loc.start - e.line_start : 0;
	pad_to(&e, at, out);
	if (color)
		fputs(COLOR_GREEN, out);
	bool adds_line;
	put_visible(out, fix->text, fix_shown_len(fix, &adds_line));
	if (color)
		fputs(COLOR_RESET, out);
	fputc('\n', out);
}

/* Is the fix-it shown under the excerpt of loc (same file, same line, in
** the window shown)? */
static bool fixit_fits(const struct loc *loc, const struct diag_fixit *fix)
{
	if (!fix || fix->loc.src != loc->src)
		return false;
	struct excerpt e = excerpt_of(loc);
	return fix->loc.start >= e.line_start + e.from && fix->loc.start <= e.line_start + e.to;
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
	bool fix_shown = false;
	if (dg->loc.src && dg->loc.src->text) {
		fix_shown = fixit_fits(&dg->loc, dg->fixit);
		print_excerpt(&dg->loc, fix_shown ? dg->fixit : NULL, out, color);
	}
	for (const struct diag_note *n = dg->notes; n; n = n->next) {
		print_header(&n->loc, "note", COLOR_CYAN, n->msg, NULL, out, color);
		if (n->loc.src && n->loc.src->text)
			print_excerpt(&n->loc, NULL, out, color);
	}
	/* A fix-it elsewhere (another line, another file) gets its own excerpt. */
	const struct diag_fixit *f = dg->fixit;
	if (f && !fix_shown) {
		if (f->loc.src) {
			diag_print_where(&f->loc, out);
			fputs(": ", out);
		}
		fputs(color ? COLOR_GREEN "fix-it:" COLOR_RESET : "fix-it:", out);
		bool adds_line;
		size_t shown = fix_shown_len(f, &adds_line);
		fprintf(out, " %s '", f->loc.start == f->loc.end ? adds_line ? "insert the line" : "insert" : "replace with");
		put_visible(out, f->text, shown);
		fputs("'\n", out);
		if (f->loc.src && f->loc.src->text)
			print_excerpt(&f->loc, f, out, color);
	}
}
