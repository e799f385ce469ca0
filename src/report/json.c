/*
** json: streaming JSON writer.  See json.h.
*/
#include "report/json.h"

#include <string.h>

#include "base/numfmt.h"

void jw_flush(struct json_writer *w)
{
	if (w->pending)
		fwrite(w->buf, 1, w->pending, w->out);
	w->pending = 0;
}

static void put(struct json_writer *w, const void *s, size_t n)
{
	if (w->pending + n > sizeof w->buf) {
		jw_flush(w);
		if (n > sizeof w->buf) {
			fwrite(s, 1, n, w->out);
			return;
		}
	}
	memcpy(w->buf + w->pending, s, n);
	w->pending += n;
}

static void putch(struct json_writer *w, char c)
{
	if (w->pending == sizeof w->buf)
		jw_flush(w);
	w->buf[w->pending++] = c;
}

void jw_init(struct json_writer *w, FILE *out)
{
	w->out = out;
	w->depth = 0;
	w->first[0] = true;
	w->after_key = false;
	w->pending = 0;
}

/* A comma, a new line and the deepest indentation written. */
#define BEFORE_MAX (2 + 2 * 32)
_Static_assert(1 + 2 * (JSON_MAX_DEPTH - 1) < BEFORE_MAX, "indentation of the deepest level");

/* A comma if asked, a new line and the indentation of this depth. */
static void new_line(struct json_writer *w, bool comma)
{
	static const char spaces[BEFORE_MAX] = "\n                                                                ";
	if (w->pending + BEFORE_MAX > sizeof w->buf)
		jw_flush(w);
	char *o = w->buf + w->pending;
	if (comma)
		*o++ = ',';
	/* all the spaces (a fixed-size copy), then keep those of this depth */
	memcpy(o, spaces, sizeof spaces - 1);
	w->pending = (size_t)(o - w->buf) + 1 + 2 * (size_t)w->depth;
}

/* Before any value or key: a comma if needed, and a new line in containers. */
static void before_value(struct json_writer *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (w->depth == 0)
		return;
	new_line(w, !w->first[w->depth]);
	w->first[w->depth] = false;
}

static void open_container(struct json_writer *w, char c)
{
	before_value(w);
	putch(w, c);
	if (w->depth + 1 < JSON_MAX_DEPTH)
		w->depth++;
	w->first[w->depth] = true;
}

static void close_container(struct json_writer *w, char c)
{
	bool empty = w->first[w->depth];
	if (w->depth > 0)
		w->depth--;
	if (!empty)
		new_line(w, false);
	putch(w, c);
}

void jw_begin_object(struct json_writer *w) { open_container(w, '{'); }
void jw_end_object(struct json_writer *w) { close_container(w, '}'); }
void jw_begin_array(struct json_writer *w) { open_container(w, '['); }
void jw_end_array(struct json_writer *w) { close_container(w, ']'); }

/* One character of a string, escaped, at o; returns the end. */
static char *escape(char *o, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";
	*o++ = '\\';
	switch (c) {
	case '"': *o++ = '"'; break;
	case '\\': *o++ = '\\'; break;
	case '\n': *o++ = 'n'; break;
	case '\r': *o++ = 'r'; break;
	case '\t': *o++ = 't'; break;
	default: /* the other control characters: \u00XX */
		memcpy(o, "u00", 3);
		o[3] = hex[c >> 4];
		o[4] = hex[c & 15];
		o += 5;
	}
	return o;
}

#define MAX_ESCAPE 6 /* \u00XX */

/* The bytes a string may hold as they are (1), and those escaped (0). */
#define R16(v) v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v
static const unsigned char plain[256] = {
	R16(0), R16(0),                                 /* control characters */
	1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* '"' */
	R16(1), R16(1),
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, /* '\\' */
	R16(1), R16(1), R16(1), R16(1), R16(1), R16(1), R16(1), R16(1), R16(1), R16(1),
};

/* No byte of v needs an escape (none below 0x20, no '"', no '\\'):
** exact as a yes or no, which is all this asks. */
static bool plain8(uint64_t v)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	uint64_t quote = v ^ (ones * '"'), backslash = v ^ (ones * '\\');
	uint64_t found = ((v - ones * 0x20) & ~v) | ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash);
	return (found & highs) == 0;
}

/* The bytes p..end escaped, at o (room for MAX_ESCAPE each); returns the end. */
static char *copy_escaped(char *o, const unsigned char *p, const unsigned char *end)
{
	/* eight at a time while none needs an escape */
	while (end - p >= 8) {
		uint64_t v;
		memcpy(&v, p, 8);
		if (plain8(v)) {
			memcpy(o, p, 8);
			o += 8;
			p += 8;
			continue;
		}
		for (const unsigned char *stop = p + 8; p < stop; p++)
			o = plain[*p] ? (*o = (char)*p, o + 1) : escape(o, *p);
	}
	for (; p < end; p++)
		o = plain[*p] ? (*o = (char)*p, o + 1) : escape(o, *p);
	return o;
}

/* The longest string copied as it is scanned (most keys and values). */
#define SHORT_MAX 64

static void write_string(struct json_writer *w, const char *s)
{
	if (w->pending + SHORT_MAX + 2 <= sizeof w->buf) {
		/* plain bytes up to the NUL (which is not plain) straight in;
		** anything else is written again below */
		char *o = w->buf + w->pending + 1;
		size_t i = 0;
		for (; i < SHORT_MAX && plain[(unsigned char)s[i]]; i++)
			o[i] = s[i];
		if (s[i] == '\0') {
			o[-1] = '"';
			o[i] = '"';
			w->pending += i + 2;
			return;
		}
	}
	size_t len = strlen(s);
	if (w->pending + MAX_ESCAPE * len + 2 > sizeof w->buf)
		jw_flush(w);
	if (MAX_ESCAPE * len + 2 <= sizeof w->buf) {
		/* room for the worst case: escape straight into the buffer */
		char *o = w->buf + w->pending;
		*o++ = '"';
		o = copy_escaped(o, (const unsigned char *)s, (const unsigned char *)s + len);
		*o++ = '"';
		w->pending = (size_t)(o - w->buf);
		return;
	}
	/* a long string: a piece at a time */
	putch(w, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (w->pending + MAX_ESCAPE > sizeof w->buf)
			jw_flush(w);
		if (plain[*p])
			w->buf[w->pending++] = (char)*p;
		else
			w->pending = (size_t)(escape(w->buf + w->pending, *p) - w->buf);
	}
	putch(w, '"');
}

void jw_key(struct json_writer *w, const char *key)
{
	before_value(w);
	write_string(w, key);
	put(w, ": ", 2);
	w->after_key = true;
}

void jw_key_quoted(struct json_writer *w, const char *quoted, size_t n)
{
	before_value(w);
	put(w, quoted, n);
	w->after_key = true;
}

void jw_string(struct json_writer *w, const char *s)
{
	before_value(w);
	write_string(w, s);
}

/* A value written as is. */
static void text(struct json_writer *w, const char *s, size_t n)
{
	before_value(w);
	put(w, s, n);
}

void jw_int(struct json_writer *w, int64_t v)
{
	char buf[NUMFMT_MAX];
	text(w, buf, numfmt_i64(buf, v));
}

void jw_bool(struct json_writer *w, bool v)
{
	text(w, v ? "true" : "false", v ? 4 : 5);
}

void jw_null(struct json_writer *w)
{
	text(w, "null", 4);
}

void jw_raw(struct json_writer *w, const char *s)
{
	text(w, s, strlen(s));
}

void jw_finish(struct json_writer *w)
{
	putch(w, '\n');
	jw_flush(w);
}
