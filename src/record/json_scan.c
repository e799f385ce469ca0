/*
** json_scan: JSON text scanned in one pass, value by value.  See json_scan.h.
**
** Strings are checked sixteen bytes at a step (SSE2, where sixteen bytes of
** the text remain; otherwise a byte at a time by one table look-up) where
** they are plain ASCII (no quote, backslash, control character or UTF-8),
** which is nearly all of a meeting record, by a small inline loop; any
** other string by the general one.  Blanks: a line end, then its indent of
** spaces counted sixteen at a step.  (Eight bytes at a time without SIMD
** was measured: a record's strings and blanks are too short for it to
** pay.)  Keys, and values read with raw_strings, are compared where they
** stand in the text and copied only when a reader keeps one.
*/
#include "record/json_scan.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The keys of an object other than its schema's, against duplicates: open
** addressing, power-of-two size. */
struct jscan_keyset {
	const char **key;
	size_t *len;
	size_t cap, n;
};

static uint32_t offset_of(const struct jscan *s, const char *p)
{
	return (uint32_t)(p - s->text);
}

/* ---- syntax errors --------------------------------------------------------- */

static _Noreturn void syntax_error(struct jscan *s, enum diag_code code, const char *at, const char *to,
                                   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Report the one syntax error of the text, at [at, to), and stop reading. */
static _Noreturn void syntax_error(struct jscan *s, enum diag_code code, const char *at, const char *to,
                                   const char *fmt, ...)
{
	char msg[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_report(s->diag, code, loc_of(s->src, (struct span){ offset_of(s, at), offset_of(s, to) }),
	            "invalid JSON: %s", msg);
	longjmp(*s->on_error, 1);
}

/* How much of [at, to) a message quotes: up to 20 bytes, cut on a character. */
static int shown_len(const char *at, const char *to)
{
	size_t n = (size_t)(to - at);
	if (n <= 20)
		return (int)n;
	n = 20;
	while (n > 0 && ((unsigned char)at[n] & 0xC0) == 0x80)
		n--;
	return (int)n;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alnum(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* What stands at `at` and was not expected there, quoted in the message. */
static _Noreturn void unexpected(struct jscan *s, const char *at, const char *expected)
{
	static const char punct[] = "{}[]:,";
	if (at >= s->end)
		syntax_error(s, D_SYNTAX, at, at, "%s expected, found the end of the text", expected);
	if (*at == '"')
		syntax_error(s, D_SYNTAX, at, at + 1, "%s expected, found a string", expected);
	if (strchr(punct, *at) && *at)
		syntax_error(s, D_SYNTAX, at, at + 1, "%s expected, found '%c'", expected, *at);
	if ((unsigned char)*at < 0x20 || *at == 0x7F)
		syntax_error(s, D_SYNTAX, at, at + 1, "%s expected, found the control character 0x%02X", expected,
		             (unsigned char)*at);
	const char *to = at;
	while (to < s->end && (is_alnum(*to) || *to == '-' || *to == '+' || *to == '.' || (unsigned char)*to >= 0x80))
		to++;
	if (to == at)
		to = at + 1;
	size_t bad = 0;
	for (const char *q = at; q < to && !bad; q += 1)
		if ((unsigned char)*q >= 0x80 && source_utf8_len((const unsigned char *)q, (const unsigned char *)to) == 0)
			bad = 1;
	if (bad) /* not text: do not quote it */
		syntax_error(s, D_SYNTAX, at, to, "%s expected, found bytes that are not UTF-8 text", expected);
	syntax_error(s, D_SYNTAX, at, to, "%s expected, found '%.*s'", expected, shown_len(at, to), at);
}

/* ---- scanning ---------------------------------------------------------------- */

/* The tables of json_scan.h's byte loops. */
const bool jscan_blank[256] = { [' '] = true, ['\n'] = true, ['\t'] = true, ['\r'] = true };

const bool jscan_plain[256] = {
	[0x20] = 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,     /* 0x22 is '"' */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,            /* 0x5C is '\\' */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

static inline void skip_ws(struct jscan *s)
{
	s->p = jscan_past_blanks(s->p, s->end);
}

static bool at_char(struct jscan *s, char c)
{
	skip_ws(s);
	return s->p < s->end && *s->p == c;
}

static int hex_digit(char c)
{
	if (is_digit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The four hex digits of a \u escape at p (just after "\u"), or -1. */
static long hex4(const char *p, const char *end)
{
	if (end - p < 4)
		return -1;
	long v = 0;
	for (int i = 0; i < 4; i++) {
		int d = hex_digit(p[i]);
		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

static size_t put_utf8(char *out, unsigned long cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Decode the escapes of the string whose text (between the quotes) is
** [from, to), into the arena. */
static void decode_escapes(struct jscan *s, struct jvalue *v, const char *from, const char *to)
{
	char *out = arena_alloc_uninit(s->arena, (size_t)(to - from) + 1), *w = out;
	for (const char *q = from; q < to; q++) {
		if (*q != '\\') {
			*w++ = *q;
			continue;
		}
		const char *esc = q++;
		switch (*q) {
		case '"': *w++ = '"'; break;
		case '\\': *w++ = '\\'; break;
		case '/': *w++ = '/'; break;
		case 'b': *w++ = '\b'; break;
		case 'f': *w++ = '\f'; break;
		case 'n': *w++ = '\n'; break;
		case 'r': *w++ = '\r'; break;
		case 't': *w++ = '\t'; break;
		case 'u': {
			long cp = hex4(q + 1, to);
			if (cp < 0)
				syntax_error(s, D_SYNTAX, esc, q + 1, "invalid escape: \\u is followed by four hexadecimal digits");
			q += 4;
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				long lo = q + 2 < to && q[1] == '\\' && q[2] == 'u' ? hex4(q + 3, to) : -1;
				if (lo < 0xDC00 || lo > 0xDFFF)
					syntax_error(s, D_SYNTAX, esc, q + 1,
					             "invalid escape '%.6s': a high surrogate without its low one", esc);
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				q += 6;
			} else if (cp >= 0xDC00 && cp <= 0xDFFF) {
				syntax_error(s, D_SYNTAX, esc, q + 1, "invalid escape '%.6s': a low surrogate alone", esc);
			} else if (cp == 0) {
				syntax_error(s, D_SYNTAX, esc, q + 1, "\\u0000 (a NUL character) is not allowed in a string");
			}
			w += put_utf8(w, (unsigned long)cp);
			break;
		}
		default:
			syntax_error(s, D_SYNTAX, esc, q + 1, "invalid escape '\\%.*s' in a string", shown_len(q, q + 1), q);
		}
	}
	*w = '\0';
	v->str = out;
	v->len = (size_t)(w - out);
	v->terminated = true;
}

/* The text of a string [start, end) (its quotes not included), as it is:
** copied into the arena with `copy`, otherwise pointed at. */
static void plain_string(struct jscan *s, struct jvalue *v, const char *from, size_t len, bool copy)
{
	v->len = len;
	if (copy) {
		char *c = arena_alloc_uninit(s->arena, len + 1);
		memcpy(c, from, len);
		c[len] = '\0';
		v->str = c;
	} else {
		v->str = from;
	}
	v->terminated = copy;
}

/* scan_string for any string: escapes, UTF-8, and the errors. */
static void scan_any_string(struct jscan *s, struct jvalue *v, bool copy)
{
	const char *start = s->p, *p = start + 1, *end = s->end;
	bool escaped = false;
	for (;;) {
		p = jscan_past_plain(p, end);
		if (p >= end)
			syntax_error(s, D_SYNTAX, start, end, "the string is not closed (a string ends with '\"')");
		unsigned char c = (unsigned char)*p;
		if (c == '"')
			break;
		if (c == '\\') {
			escaped = true;
			if (end - p < 2)
				syntax_error(s, D_SYNTAX, start, end, "the string is not closed (a string ends with '\"')");
			p += 2;
		} else if (c < 0x20) {
			syntax_error(s, D_SYNTAX, p, p + 1, "control character 0x%02X in a string (write it as \\u%04X)", c, c);
		} else if (c >= 0x80) {
			size_t n = source_utf8_len((const unsigned char *)p, (const unsigned char *)end);
			if (n == 0)
				syntax_error(s, D_SYNTAX, p, p + 1, "invalid UTF-8 byte 0x%02X in a string (save the file as UTF-8)", c);
			p += n;
		} else {
			p++;
		}
	}
	s->p = p + 1;
	v->type = J_STRING;
	v->span = (struct span){ offset_of(s, start), offset_of(s, s->p) };
	if (escaped)
		decode_escapes(s, v, start + 1, p);
	else
		plain_string(s, v, start + 1, (size_t)(p - start - 1), copy);
}

/*
** The string at s->p (its opening quote).  Its text is checked (UTF-8, no
** control characters); plain ASCII at a glance per byte.  With `copy`, or
** escapes, it is decoded into the arena and NUL-terminated; otherwise str
** points into the JSON text (keys, compared and dropped).  A string of
** plain ASCII, nearly every one of a record, is read here; any other by
** scan_any_string, from its start.
*/
static inline void scan_string(struct jscan *s, struct jvalue *v, bool copy)
{
	const char *start = s->p, *p = jscan_past_plain(start + 1, s->end);
	if (*p != '"') { /* (the text ends in a NUL: never past its end) */
		scan_any_string(s, v, copy);
		return;
	}
	s->p = p + 1;
	v->type = J_STRING;
	v->span = (struct span){ offset_of(s, start), offset_of(s, s->p) };
	plain_string(s, v, start + 1, (size_t)(p - start - 1), copy);
}

/* A key's text, NUL-terminated (for a message, or kept in the model). */
const char *jscan_key_text(struct jscan *s, const struct jvalue *key)
{
	return key->terminated ? key->str : arena_strndup(s->arena, key->str, key->len);
}

/* -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static void scan_number(struct jscan *s, struct jvalue *v)
{
	const char *start = s->p, *p = start, *end = s->end;
	bool real = false;
	if (p < end && *p == '-')
		p++;
	if (p < end && *p == '0') {
		p++;
	} else if (p < end && is_digit(*p)) {
		while (p < end && is_digit(*p))
			p++;
	} else {
		unexpected(s, start, "a value");
	}
	if (p < end && *p == '.') {
		real = true;
		if (++p >= end || !is_digit(*p))
			unexpected(s, start, "a value");
		while (p < end && is_digit(*p))
			p++;
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		real = true;
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		if (p >= end || !is_digit(*p))
			unexpected(s, start, "a value");
		while (p < end && is_digit(*p))
			p++;
	}
	if (p < end && (is_alnum(*p) || *p == '.' || *p == '-' || *p == '+'))
		unexpected(s, start, "a value"); /* "0123", "12abc" */
	s->p = p;
	v->span = (struct span){ offset_of(s, start), offset_of(s, p) };
	v->type = real ? J_REAL : J_INTEGER;
	size_t n = (size_t)(p - start);
	if (real) {
		/* Only its range is checked: a real is never used as a number. */
		char buf[64];
		char *copy = n < sizeof buf ? buf : arena_alloc_uninit(s->arena, n + 1);
		memcpy(copy, start, n);
		copy[n] = '\0';
		errno = 0;
		double d = strtod(copy, NULL);
		if (errno == ERANGE && (d > 1 || d < -1))
			syntax_error(s, D_SYNTAX, start, p, "the number %.*s is too large", shown_len(start, p), start);
		return;
	}
	long long value = 0;
	bool neg = *start == '-';
	for (const char *q = start + neg; q < p; q++) {
		int d = *q - '0';
		if (neg ? value < (LLONG_MIN + d) / 10 : value > (LLONG_MAX - d) / 10)
			syntax_error(s, D_SYNTAX, start, p, "the whole number %.*s is too large", shown_len(start, p), start);
		value = neg ? value * 10 - d : value * 10 + d;
	}
	v->num = value;
}

static void scan_word(struct jscan *s, struct jvalue *v, const char *word, size_t n, enum jtype type)
{
	const char *p = s->p;
	if ((size_t)(s->end - p) < n || memcmp(p, word, n) != 0 || ((size_t)(s->end - p) > n && is_alnum(p[n])))
		unexpected(s, p, "a value");
	s->p = p + n;
	v->type = type;
	v->span = (struct span){ offset_of(s, p), offset_of(s, s->p) };
}

/* jscan_value for a value that is not a string. */
static void scan_other_value(struct jscan *s, struct jvalue *v, unsigned depth)
{
	if (s->p >= s->end)
		unexpected(s, s->p, "a value");
	switch (*s->p) {
	case '{':
	case '[':
		if (depth + 1 > JSCAN_MAX_DEPTH)
			syntax_error(s, D_LIMIT, s->p, s->p + 1, "nested more than %d levels deep", JSCAN_MAX_DEPTH);
		v->type = *s->p == '{' ? J_OBJECT : J_ARRAY;
		v->span.start = v->span.end = offset_of(s, s->p);
		v->depth = depth + 1;
		s->p++;
		return;
	case 't': scan_word(s, v, "true", 4, J_TRUE); return;
	case 'f': scan_word(s, v, "false", 5, J_FALSE); return;
	case 'n': scan_word(s, v, "null", 4, J_NULL); return;
	default: scan_number(s, v); return;
	}
}

/*
** Begin the next value: a scalar is read whole (a string copied into the
** arena unless raw_strings); of an object or an array, the opening
** bracket.  `depth` is the nesting of the container it is in.  Inline in
** its two callers: a string, the most common value, costs no call.
*/
static inline __attribute__((always_inline)) void jscan_value(struct jscan *s, struct jvalue *v, unsigned depth)
{
	skip_ws(s);
	v->depth = 0;
	v->n = 0;
	v->seen = 0;
	v->next_key = 0;
	v->keys = NULL;
	char c = *s->p;
	if (c == '"') { /* (the text ends in a NUL: never past its end) */
		scan_string(s, v, !s->raw_strings);
	} else if ((c == '{' || c == '[') && depth < JSCAN_MAX_DEPTH) { /* scan_other_value's, inline */
		v->type = c == '{' ? J_OBJECT : J_ARRAY;
		v->span.start = v->span.end = offset_of(s, s->p);
		v->depth = depth + 1;
		s->p++;
	} else {
		scan_other_value(s, v, depth);
	}
}

/* ---- objects and arrays ---------------------------------------------------------- */

static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 14695981039346656037ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

static _Noreturn void duplicate_key(struct jscan *s, const struct jvalue *key)
{
	syntax_error(s, D_DUPLICATE, s->src->text + key->span.start, s->src->text + key->span.end,
	             "duplicate object key \"%.*s\"", shown_len(key->str, key->str + key->len), key->str);
}

/* Note a key of obj that is not one of its schema's; a syntax error if the
** object already has it. */
static void keyset_add(struct jscan *s, struct jvalue *obj, const struct jvalue *key)
{
	struct jscan_keyset *ks = obj->keys;
	if (!ks)
		ks = obj->keys = arena_alloc(s->arena, sizeof *ks);
	if (ks->n * 2 >= ks->cap) { /* grow, keeping what is there */
		size_t old = ks->cap, cap = old ? old * 2 : 16;
		const char **k = ks->key;
		size_t *l = ks->len;
		ks->key = arena_array(s->arena, cap, sizeof *ks->key);
		ks->len = arena_array(s->arena, cap, sizeof *ks->len);
		ks->cap = cap;
		for (size_t i = 0; i < old; i++)
			if (k[i]) {
				size_t j = hash_bytes(k[i], l[i]) & (cap - 1);
				while (ks->key[j])
					j = (j + 1) & (cap - 1);
				ks->key[j] = k[i];
				ks->len[j] = l[i];
			}
	}
	size_t j = hash_bytes(key->str, key->len) & (ks->cap - 1);
	for (; ks->key[j]; j = (j + 1) & (ks->cap - 1))
		if (ks->len[j] == key->len && memcmp(ks->key[j], key->str, key->len) == 0)
			duplicate_key(s, key);
	ks->key[j] = key->str;  /* in the text or the arena: lives as long as the read */
	ks->len[j] = key->len;
	ks->n++;
}


/* Are the bytes after the first of `known` and of text[0, len) the same,
** the two of length len?  Compared here: a key is a few bytes, fewer than
** a call to memcmp costs. */
static inline bool same_rest(const char *known, const char *text, size_t len)
{
	for (size_t i = 1; i < len; i++)
		if (known[i] != text[i])
			return false;
	return true;
}

/* The first eight bytes of key (fewer if it is shorter; the others 0), as
** JSCAN_KEY packs a known key's, in one load where its text is in the
** JSON text with eight bytes after it (on a little-endian machine); false
** where it is not. */
static inline bool head_of(const struct jscan *s, const struct jvalue *key, uint64_t *head)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (key->terminated || s->end - key->str < 8)
		return false;
	uint64_t w;
	memcpy(&w, key->str, 8);
	*head = key->len >= 8 ? w : w & ((1ull << (8 * key->len)) - 1);
	return true;
#else
	(void)s, (void)key, (void)head;
	return false;
#endif
}

/* Is key (of this tag and head: member_key) the known one k? */
static inline bool is_key(const struct jscan_key *k, const struct jvalue *key, uint16_t tag, bool by_head,
                          uint64_t head)
{
	if (k->tag != tag)
		return false;
	if (by_head)
		return k->head == head && (key->len <= 8 || same_rest(k->name, key->str, key->len));
	return same_rest(k->name, key->str, key->len);
}

/* The index of key in known_keys (NULL: none), or JSCAN_OTHER; a key met
** twice in one object is a syntax error.  A key is tried against each
** known one by its length and first byte (one comparison: a key of a
** record is nearly always known, and found after a few), then by the
** rest of its text. */
static int member_key(struct jscan *s, struct jvalue *obj, const struct jvalue *key,
                      const struct jscan_key *known_keys)
{
	uint16_t tag = key->len > 0 && key->len < 256 ? JSCAN_TAG(key->len, key->str[0]) : 0; /* 0: none has it */
	uint64_t head = 0;
	bool by_head = known_keys && head_of(s, key, &head);
	int found = -1;
	if (known_keys) {
		/* A record's keys mostly come in the order of the list: the
		** search starts after the last key found, and goes round. */
		int from = (int)obj->next_key;
		for (int i = from; found < 0 && known_keys[i].tag; i++)
			if (is_key(&known_keys[i], key, tag, by_head, head))
				found = i;
		for (int i = 0; found < 0 && i < from; i++)
			if (is_key(&known_keys[i], key, tag, by_head, head))
				found = i;
	}
	if (found < 0) {
		keyset_add(s, obj, key);
		return JSCAN_OTHER;
	}
	if (obj->seen & (1u << found))
		duplicate_key(s, key);
	obj->seen |= 1u << found;
	obj->next_key = (unsigned)found + 1;
	return found;
}

/*
** The next member of obj: JSCAN_END at its end (then obj->span.end is set);
** otherwise *key is its key (not copied), *v its value, begun, and the result
** the key's index in known_keys, or JSCAN_OTHER.  A key is checked against
** the object's others before its value is read, as any JSON parser would.
*/
int jscan_member(struct jscan *s, struct jvalue *obj, struct jvalue *key, struct jvalue *v,
                 const struct jscan_key *known_keys)
{
	if (at_char(s, '}')) {
		s->p++;
		obj->span.end = offset_of(s, s->p);
		return JSCAN_END;
	}
	if (obj->n > 0) {
		if (s->p >= s->end || *s->p != ',')
			unexpected(s, s->p, "',' or '}'");
		s->p++;
		skip_ws(s);
	}
	if (s->p >= s->end || *s->p != '"')
		unexpected(s, s->p, obj->n > 0 ? "a key (a string)" : "a key (a string) or '}'");
	scan_string(s, key, false);
	int k = member_key(s, obj, key, known_keys);
	skip_ws(s);
	if (s->p >= s->end || *s->p != ':')
		unexpected(s, s->p, "':'");
	s->p++;
	if (*s->p == ' ' && !jscan_blank[(unsigned char)s->p[1]]) /* ": ", as most writers put it */
		s->p++;
	obj->n++;
	jscan_value(s, v, obj->depth);
	v->key = key->span;
	return k;
}

/* The next element of arr, begun in *v; false at its end. */
bool jscan_element(struct jscan *s, struct jvalue *arr, struct jvalue *v)
{
	if (at_char(s, ']')) {
		s->p++;
		arr->span.end = offset_of(s, s->p);
		return false;
	}
	if (arr->n > 0) {
		if (s->p >= s->end || *s->p != ',')
			unexpected(s, s->p, "',' or ']'");
		s->p++;
	}
	arr->n++;
	jscan_value(s, v, arr->depth);
	return true;
}

/*
** A run of elements that are strings of `accept`ed bytes (ids: nearly
** every element of a record's arrays), read in one loop, without the
** general path's tests or a call per element: the separator, the string
** and its closing quote are looked at before anything is taken, and the
** run stops before anything else, which jscan_element reads from where it
** stands; or at the end of the array, read here.
*/
size_t jscan_strings_of(struct jscan *s, struct jvalue *arr, const unsigned char accept[256], struct jscan_str *out,
                        size_t cap, bool *ended)
{
	const char *p = s->p, *end = s->end;
	size_t n = 0;
	*ended = false;
	while (n < cap) {
		const char *q = jscan_past_blanks(p, end);
		if (arr->n > 0) {
			if (*q != ',') /* (the text ends in a NUL: never past its end) */
				break;
			q = jscan_past_blanks(q + 1, end);
		}
		if (*q != '"')
			break;
		const char *t = q + 1;
		while (accept[(unsigned char)*t])
			t++;
		if (*t != '"')
			break;
		out[n++] = (struct jscan_str){ q + 1, (uint32_t)(t - q - 1), offset_of(s, q) };
		arr->n++;
		p = t + 1;
	}
	if (n < cap) { /* the end of arr, read as jscan_element reads it */
		const char *q = jscan_past_blanks(p, end);
		if (*q == ']') {
			p = q + 1;
			arr->span.end = offset_of(s, p);
			*ended = true;
		}
	}
	s->p = p;
	return n;
}

/* Read the rest of a value that is not used (checking that it is JSON). */
void jscan_skip(struct jscan *s, struct jvalue *v)
{
	struct jvalue key, x;
	if (v->type == J_OBJECT) {
		while (jscan_member(s, v, &key, &x, NULL) != JSCAN_END)
			jscan_skip(s, &x);
	} else if (v->type == J_ARRAY) {
		while (jscan_element(s, v, &x))
			jscan_skip(s, &x);
	}
}

void jscan_begin(struct jscan *s, struct arena *a, struct diag_sink *diag, const struct source *src,
                 jmp_buf *on_error, struct jvalue *root)
{
	*s = (struct jscan){ a, diag, src, src->text, src->text, src->text + src->len, on_error, false };
	if (src->len >= 3 && memcmp(src->text, "\xEF\xBB\xBF", 3) == 0)
		s->p += 3;
	skip_ws(s);
	if (s->p >= s->end || (*s->p != '{' && *s->p != '['))
		unexpected(s, s->p, "'{' or '['");
	jscan_value(s, root, 0);
}

void jscan_finish(struct jscan *s)
{
	skip_ws(s);
	if (s->p < s->end)
		unexpected(s, s->p, "the end of the text");
}
