/*
** minutes_json: a meeting record written as JSON, read with jansson into the
** same `struct meeting` as the native syntax (record/minutes.c).  The shape is
** docs/schema/minutes.schema.json.
**
** Reading is strict, because a record is evidence: an unknown key is an
** error (a typo such as "recorderd" must not silently drop the outcome), and
** so is a value of the wrong type.  Every problem is reported, reading goes on
** where it can, and any error makes the result NULL.  Every message about a
** value names its JSON path (`items[3].motion.votes.for[2]: ...`).
**
** Positions: jansson keeps none for values, so after parsing, the text is
** walked once alongside the tree (both in document order: jansson keeps object
** members in insertion order) to note where each value and each key is.
** Diagnostics and the model's spans then point at the JSON text, as they point
** at the native text, and findings cite the record's line.  true, false and
** null are shared singletons in jansson, so they have no position of their
** own: a message about one points at its key, or at the enclosing array.  If
** the walk disagrees with the tree in any way, positions fall back to the
** start of the file; the path in the message still says where.
**
** Numbers are exact.  Tallies are JSON integers.  A motion attribute may be a
** JSON integer or a decimal string ("40000.50", "66.67%"), read by rat_parse
** as the native scanner reads a number; a JSON number with a fraction or an
** exponent is refused, because jansson has already made it a double.
**
** Memory: jansson allocates with malloc.  The tree is freed before returning
** on every path, including the out-of-memory jump: while the tree is alive the
** reader puts its own recovery point in the arenas' `struct mem`, frees the
** tree there and passes the jump on to the caller's recovery point.
*/
#include "record/minutes_json.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "front/parse_state.h"   /* PARSE_MAX_IDENT, PARSE_MAX_STRING: the native limits */

#define TALLY_MAX 1000000
#define PATH_CAP 320

struct vote_vec { struct rec_vote *items; size_t n, cap; };
struct step_vec { struct rec_step *items; size_t n, cap; };

/* Where a value (keyed by its json_t) or a key (by jansson's stored key) is. */
struct jpos {
	const void *key;
	struct span span;
};

struct jreader {
	struct arena *arena;
	struct diag_sink *diag;
	const struct source *src;
	unsigned n_names;   /* names read so far, against MINUTES_MAX_NAMES (as minutes.c counts) */
	unsigned n_errors;
	bool motions_full;  /* MINUTES_MAX_MOTIONS was reported */
	const struct jpos *pos; /* sorted by key; none if the walk failed */
	size_t n_pos;
	struct span at;     /* the value being read: where messages point */
	char path[PATH_CAP];
	size_t path_len;
};

/* What path_enter saves, to go back out. */
struct mark {
	size_t len;
	struct span at;
};

static const struct span NO_SPAN = { 0, 0 };

/* ---- positions ------------------------------------------------------------ */

struct walker {
	const char *t;      /* the JSON text (after any byte-order mark) */
	size_t len, i;
	uint32_t base;      /* offset of t in the source */
	struct arena *arena;
	VEC(struct jpos) out;
};

static bool is_singleton(const json_t *v)
{
	return json_is_true(v) || json_is_false(v) || json_is_null(v);
}

static void note(struct walker *w, const void *key, size_t start, size_t end)
{
	struct jpos p = { key, { w->base + (uint32_t)start, w->base + (uint32_t)end } };
	VEC_PUSH(w->arena, w->out, p);
}

static void skip_ws(struct walker *w)
{
	while (w->i < w->len && (w->t[w->i] == ' ' || w->t[w->i] == '\t' || w->t[w->i] == '\n' || w->t[w->i] == '\r'))
		w->i++;
}

static bool at_char(struct walker *w, char c)
{
	return w->i < w->len && w->t[w->i] == c;
}

static bool skip_string(struct walker *w)
{
	if (!at_char(w, '"'))
		return false;
	for (w->i++; w->i < w->len; w->i++) {
		if (w->t[w->i] == '\\')
			w->i++;
		else if (w->t[w->i] == '"') {
			w->i++;
			return true;
		}
	}
	return false;
}

static bool skip_word(struct walker *w, const char *word)
{
	size_t n = strlen(word);
	if (w->len - w->i < n || memcmp(w->t + w->i, word, n) != 0)
		return false;
	w->i += n;
	return true;
}

/* Walk the value v in the text; false if the text and the tree disagree.
** The depth is bounded by jansson's own (JSON_PARSER_MAX_DEPTH). */
static bool walk(struct walker *w, json_t *v)
{
	skip_ws(w);
	size_t start = w->i;
	switch (json_typeof(v)) {
	case JSON_OBJECT: {
		if (!at_char(w, '{'))
			return false;
		w->i++;
		void *it = json_object_iter(v);
		skip_ws(w);
		if (at_char(w, '}')) {
			w->i++;
			if (it)
				return false;
			break;
		}
		for (;;) {
			skip_ws(w);
			size_t ks = w->i;
			if (!it || !skip_string(w))
				return false;
			size_t ke = w->i;
			const char *key = json_object_iter_key(it);
			if (!memchr(w->t + ks + 1, '\\', ke - ks - 2) &&
			    (strlen(key) != ke - ks - 2 || memcmp(key, w->t + ks + 1, ke - ks - 2) != 0))
				return false;
			note(w, key, ks, ke);
			skip_ws(w);
			if (!at_char(w, ':'))
				return false;
			w->i++;
			if (!walk(w, json_object_iter_value(it)))
				return false;
			it = json_object_iter_next(v, it);
			skip_ws(w);
			if (at_char(w, ',')) {
				w->i++;
				continue;
			}
			if (!at_char(w, '}') || it)
				return false;
			w->i++;
			break;
		}
		break;
	}
	case JSON_ARRAY: {
		if (!at_char(w, '['))
			return false;
		w->i++;
		size_t n = json_array_size(v), k = 0;
		skip_ws(w);
		if (at_char(w, ']')) {
			w->i++;
			if (n)
				return false;
			break;
		}
		for (;;) {
			if (k == n || !walk(w, json_array_get(v, k++)))
				return false;
			skip_ws(w);
			if (at_char(w, ',')) {
				w->i++;
				continue;
			}
			if (!at_char(w, ']') || k != n)
				return false;
			w->i++;
			break;
		}
		break;
	}
	case JSON_STRING:
		if (!skip_string(w))
			return false;
		break;
	case JSON_INTEGER:
	case JSON_REAL:
		if (!(at_char(w, '-') || (w->i < w->len && w->t[w->i] >= '0' && w->t[w->i] <= '9')))
			return false;
		while (w->i < w->len && w->t[w->i] && strchr("+-.eE0123456789", w->t[w->i]))
			w->i++;
		break;
	case JSON_TRUE:
		return skip_word(w, "true");
	case JSON_FALSE:
		return skip_word(w, "false");
	case JSON_NULL:
		return skip_word(w, "null");
	}
	note(w, v, start, w->i);
	return true;
}

static int cmp_jpos(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct jpos *)a)->key, y = (uintptr_t)((const struct jpos *)b)->key;
	return x < y ? -1 : x > y;
}

static void index_positions(struct jreader *r, json_t *root, size_t base)
{
	struct walker w = { r->src->text + base, r->src->len - base, 0, (uint32_t)base, r->arena, { 0 } };
	if (!walk(&w, root))
		return;
	qsort(w.out.items, w.out.n, sizeof *w.out.items, cmp_jpos);
	r->pos = w.out.items;
	r->n_pos = w.out.n;
}

static struct span span_of(const struct jreader *r, const void *key)
{
	if (!r->n_pos)
		return NO_SPAN;
	struct jpos probe = { key, NO_SPAN };
	const struct jpos *p = bsearch(&probe, r->pos, r->n_pos, sizeof *r->pos, cmp_jpos);
	return p ? p->span : NO_SPAN;
}

static bool known(struct span s)
{
	return s.end > s.start;
}

/* ---- paths and messages ------------------------------------------------- */

/* Text from the file, made safe for a one-line message: control characters
** become '?', and long text is cut (on a character boundary) with "...". */
static void printable(char *out, size_t cap, const char *s)
{
	size_t n = 0, limit = cap > 4 ? cap - 4 : 0;
	for (; *s && n < limit; s++)
		out[n++] = (unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s;
	if (*s) {
		while (n > 0 && ((unsigned char)out[n - 1] & 0xC0) == 0x80)
			n--;
		if (n > 0 && ((unsigned char)out[n - 1] & 0xC0) == 0xC0)
			n--;  /* drop a lead byte whose continuation was cut */
		memcpy(out + n, "...", 3);
		n += 3;
	}
	out[n] = '\0';
}

static void path_put(struct jreader *r, const char *text)
{
	size_t len = strlen(text);
	if (r->path_len + len >= PATH_CAP)
		len = PATH_CAP - 1 - r->path_len;
	memcpy(r->path + r->path_len, text, len);
	r->path_len += len;
	r->path[r->path_len] = '\0';
}

/* Enter the member `key` of obj, whose value is v. */
static struct mark enter_key(struct jreader *r, json_t *obj, const char *key, json_t *v)
{
	struct mark m = { r->path_len, r->at };
	char buf[72];
	printable(buf, sizeof buf, key);
	if (r->path_len)
		path_put(r, ".");
	path_put(r, buf);
	struct span sp = is_singleton(v) ? span_of(r, json_object_iter_key(json_object_iter_at(obj, key)))
	                                 : span_of(r, v);
	if (known(sp))
		r->at = sp;
	return m;
}

/* Enter element i of an array, whose value is v. */
static struct mark enter_index(struct jreader *r, size_t i, json_t *v)
{
	struct mark m = { r->path_len, r->at };
	char buf[32];
	snprintf(buf, sizeof buf, "[%zu]", i);
	path_put(r, buf);
	struct span sp = is_singleton(v) ? NO_SPAN : span_of(r, v);
	if (known(sp))
		r->at = sp;
	return m;
}

static void leave(struct jreader *r, struct mark m)
{
	r->path_len = m.len;
	r->path[m.len] = '\0';
	r->at = m.at;
}

static void fail(struct jreader *r, enum diag_code code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Report an error about the value at the current path. */
static void fail(struct jreader *r, enum diag_code code, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	r->n_errors++;
	diag_report(r->diag, code, loc_of(r->src, r->at), "%s: %s",
	            r->path_len ? r->path : "the record", msg);
}

static const char *json_kind(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER: return "a whole number";
	case JSON_REAL: return "a number with a fraction";
	case JSON_TRUE: return "true";
	case JSON_FALSE: return "false";
	case JSON_NULL: return "null";
	}
	return "a value";
}

static void fail_type(struct jreader *r, const json_t *v, const char *want)
{
	fail(r, D_TYPE, "expected %s, found %s", want, json_kind(v));
}

/* ---- keys ----------------------------------------------------------------- */

/* Edit distance (Levenshtein), for "did you mean"; 99 when too long to matter. */
static unsigned edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 40 || lb > 40)
		return 99;
	unsigned row[41];
	for (size_t j = 0; j <= lb; j++)
		row[j] = (unsigned)j;
	for (size_t i = 1; i <= la; i++) {
		unsigned diag = row[0];
		row[0] = (unsigned)i;
		for (size_t j = 1; j <= lb; j++) {
			unsigned up = row[j];
			unsigned best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

/*
** Report every key of obj that is not in `known_keys` (NULL-terminated), at the
** key, with a suggestion when one is close.  `what` names the object.
*/
static void check_keys(struct jreader *r, json_t *obj, const char *const *known_keys, const char *what)
{
	const char *key;
	json_t *v;
	json_object_foreach(obj, key, v) {
		bool ok = false;
		const char *near = NULL;
		unsigned best = 3;
		for (const char *const *k = known_keys; *k; k++) {
			if (strcmp(key, *k) == 0) {
				ok = true;
				break;
			}
			unsigned d = edit_distance(key, *k);
			if (d < best) {
				best = d;
				near = *k;
			}
		}
		if (ok)
			continue;
		struct span saved = r->at, sp = span_of(r, key); /* json_object_foreach's key is jansson's own */
		if (known(sp))
			r->at = sp;
		char shown[72];
		printable(shown, sizeof shown, key);
		if (near) {
			fail(r, D_SYNTAX, "unknown key \"%s\" in %s (did you mean \"%s\"?)", shown, what, near);
		} else {
			char list[256] = "";
			size_t n = 0;
			for (const char *const *k = known_keys; *k && n < sizeof list - 1; k++)
				n += (size_t)snprintf(list + n, sizeof list - n, "%s\"%s\"", k == known_keys ? "" : ", ", *k);
			fail(r, D_SYNTAX, "unknown key \"%s\" in %s (known keys: %s)", shown, what, list);
		}
		r->at = saved;
	}
}

/* ---- scalar values -------------------------------------------------------- */

/* A string copied into the arena, or NULL (reported).  `want` says what it is. */
static const char *read_string(struct jreader *r, json_t *v, const char *want)
{
	if (!json_is_string(v)) {
		fail_type(r, v, want);
		return NULL;
	}
	size_t len = json_string_length(v);
	if (len > PARSE_MAX_STRING) {
		fail(r, D_LIMIT, "string longer than %d bytes", PARSE_MAX_STRING);
		return NULL;
	}
	/* jansson refuses \u0000 (JSON_ALLOW_NUL is not set), so strlen == len. */
	return arena_strndup(r->arena, json_string_value(v), len);
}

static bool is_ident(const char *s)
{
	if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || *s == '_'))
		return false;
	for (s++; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

/* A member id as the native syntax writes it: letters, digits and '_'. */
static const char *read_id(struct jreader *r, json_t *v)
{
	if (!json_is_string(v)) {
		fail_type(r, v, "a string (a member id)");
		return NULL;
	}
	const char *s = json_string_value(v);
	char shown[72];
	printable(shown, sizeof shown, s);
	if (json_string_length(v) > PARSE_MAX_IDENT) {
		fail(r, D_LIMIT, "member id longer than %d characters: \"%s\"", PARSE_MAX_IDENT, shown);
		return NULL;
	}
	if (!is_ident(s)) {
		fail(r, D_TYPE, "\"%s\" is not a member id (an id is letters, digits and _, "
		                "not starting with a digit, as in the terms)", shown);
		return NULL;
	}
	return arena_strdup(r->arena, s);
}

/* A member id as a name, at the current position. */
static bool read_name(struct jreader *r, json_t *v, struct rec_name *out)
{
	const char *id = read_id(r, v);
	if (!id)
		return false;
	*out = (struct rec_name){ id, r->at, NULL };
	return true;
}

static const struct rec_name *one_name(struct jreader *r, json_t *v)
{
	struct rec_name nm;
	if (!read_name(r, v, &nm))
		return NULL;
	struct rec_name *p = arena_alloc(r->arena, sizeof *p);
	*p = nm;
	return p;
}

static bool read_date(struct jreader *r, json_t *v, qdate *out)
{
	if (!json_is_string(v)) {
		fail_type(r, v, "a date string \"YYYY-MM-DD\"");
		return false;
	}
	const char *s = json_string_value(v);
	char shown[72];
	printable(shown, sizeof shown, s);
	switch (date_parse(s, json_string_length(v), out)) {
	case DATE_OK:
		return true;
	case DATE_BAD_MONTH:
		fail(r, D_DATE, "the date %s has no such month", shown);
		return false;
	case DATE_BAD_DAY:
		fail(r, D_DATE, "the date %s has no such day in that month", shown);
		return false;
	case DATE_BAD_YEAR:
		fail(r, D_DATE, "the date %s is outside the years 0001 to 9999", shown);
		return false;
	default:
		fail(r, D_DATE, "\"%s\" is not a date of the form YYYY-MM-DD", shown);
		return false;
	}
}

static const char *const OUTCOMES[] = {
	[OUTCOME_CARRIED] = "carried",
	[OUTCOME_NOT_CARRIED] = "not carried",
	[OUTCOME_VOID] = "void",
	[OUTCOME_PROVISIONAL] = "provisional",
	[OUTCOME_UNDETERMINED] = "undetermined",
};

static bool read_outcome(struct jreader *r, json_t *v, enum outcome *out)
{
	const char *want = "an outcome: \"carried\", \"not carried\", \"void\", \"provisional\" or \"undetermined\"";
	if (!json_is_string(v)) {
		fail_type(r, v, want);
		return false;
	}
	for (int o = OUTCOME_CARRIED; o <= OUTCOME_UNDETERMINED; o++)
		if (strcmp(json_string_value(v), OUTCOMES[o]) == 0) {
			*out = (enum outcome)o;
			return true;
		}
	char shown[72];
	printable(shown, sizeof shown, json_string_value(v));
	fail(r, D_TYPE, "\"%s\" is not %s", shown, want);
	return false;
}

/* A motion number or a ratified motion's number: a string, or a whole number. */
static const char *read_number_text(struct jreader *r, json_t *v)
{
	if (json_is_integer(v)) {
		if (json_integer_value(v) >= 0)
			return arena_printf(r->arena, "%lld", (long long)json_integer_value(v));
		fail(r, D_TYPE, "a motion number cannot be negative");
		return NULL;
	}
	if (!json_is_string(v)) {
		fail_type(r, v, "a string (the motion's number as minuted, such as \"4\")");
		return NULL;
	}
	if (json_string_length(v) == 0) {
		fail(r, D_TYPE, "a motion number cannot be empty");
		return NULL;
	}
	return read_string(r, v, "a string");
}

/* ---- names ---------------------------------------------------------------- */

/* An array of member ids appended to `to`, counted against MINUTES_MAX_NAMES as
** minutes.c counts attendance, arrivals and departures. */
static void read_names(struct jreader *r, json_t *v, struct rec_names *to, bool nonempty)
{
	if (!json_is_array(v)) {
		fail_type(r, v, "an array of member ids");
		return;
	}
	size_t extra = json_array_size(v);
	if (nonempty && extra == 0) {
		fail(r, D_MISSING, "expected at least one member id");
		return;
	}
	if (r->n_names + extra > MINUTES_MAX_NAMES) {
		fail(r, D_LIMIT, "more than %d names in one meeting record", MINUTES_MAX_NAMES);
		return;
	}
	r->n_names += (unsigned)extra;
	to->items = arena_grow(r->arena, to->items, to->n, to->n + extra, sizeof *to->items);
	size_t i;
	json_t *id;
	json_array_foreach(v, i, id) {
		struct mark mk = enter_index(r, i, id);
		if (read_name(r, id, &to->items[to->n]))
			to->n++;
		leave(r, mk);
	}
}

/* Declarations of interest and objections: each {"member": id, "reason": text}
** or just the member's id. */
static void read_reasoned(struct jreader *r, json_t *v, struct rec_names *to, const char *what)
{
	static const char *const keys[] = { "member", "reason", NULL };
	if (!json_is_array(v)) {
		fail_type(r, v, "an array");
		return;
	}
	if (json_array_size(v) > MINUTES_MAX_NAMES) {
		fail(r, D_LIMIT, "more than %d %s on one motion", MINUTES_MAX_NAMES, what);
		return;
	}
	to->items = arena_grow(r->arena, to->items, to->n, to->n + json_array_size(v), sizeof *to->items);
	size_t i;
	json_t *e;
	json_array_foreach(v, i, e) {
		struct mark mk = enter_index(r, i, e);
		struct rec_name nm = { NULL, NO_SPAN, NULL };
		bool ok = false;
		if (json_is_string(e)) {
			ok = read_name(r, e, &nm);
		} else if (json_is_object(e)) {
			check_keys(r, e, keys, what);
			json_t *m = json_object_get(e, "member"), *why = json_object_get(e, "reason");
			if (!m) {
				fail(r, D_MISSING, "missing \"member\" (the member's id)");
			} else {
				struct mark m2 = enter_key(r, e, "member", m);
				ok = read_name(r, m, &nm);
				leave(r, m2);
			}
			if (why) {
				struct mark m2 = enter_key(r, e, "reason", why);
				nm.reason = read_string(r, why, "a string (the reason)");
				ok = ok && nm.reason;
				leave(r, m2);
			}
		} else {
			fail_type(r, e, "an object {\"member\": ..., \"reason\": ...} or a member id");
		}
		if (ok)
			to->items[to->n++] = nm;
		leave(r, mk);
	}
}

/* ---- motions -------------------------------------------------------------- */

/* A plain decimal as the native scanner reads one: digits, optionally '.' and
** digits, optionally '%'.  0 not a decimal, 1 read, -1 too large (reported). */
static int read_decimal(struct jreader *r, const char *s, size_t len, struct rat *out)
{
	bool percent = len > 0 && s[len - 1] == '%';
	size_t n = len - (percent ? 1 : 0);
	struct rat v;
	enum rat_status st = rat_parse(s, n, &v);
	if (st == RAT_SYNTAX)
		return 0;
	if (st == RAT_OK && percent)
		st = rat_div(v, rat_int(100), &v);
	if (st != RAT_OK) {
		char shown[72];
		printable(shown, sizeof shown, s);
		fail(r, D_NUMBER, "the number %s is too large or too precise to represent exactly", shown);
		return -1;
	}
	*out = v;
	return 1;
}

/*
** An attribute value: true/false; a whole number; a string, which is a number
** if it is a plain decimal ("40000.50", "66.67%") and text otherwise; or, to
** say the type outright, {"number": ...}, {"string": ...} or {"date": ...}.
*/
static bool read_attr_value(struct jreader *r, json_t *v, struct value *out)
{
	static const char *const typed_keys[] = { "number", "string", "date", NULL };
	switch (json_typeof(v)) {
	case JSON_TRUE:
	case JSON_FALSE:
		*out = (struct value){ .type = VT_BOOL, .u.boolean = json_is_true(v) };
		return true;
	case JSON_INTEGER:
		if (json_integer_value(v) < 0) {
			fail(r, D_TYPE, "a motion attribute cannot be a negative number");
			return false;
		}
		*out = (struct value){ .type = VT_NUM, .u.num = rat_int((int64_t)json_integer_value(v)) };
		return true;
	case JSON_REAL:
		fail(r, D_TYPE, "a number with a fraction or an exponent cannot be read exactly from JSON: "
		                "write it as a decimal string, such as \"40000.50\"");
		return false;
	case JSON_STRING: {
		struct rat num;
		int d = read_decimal(r, json_string_value(v), json_string_length(v), &num);
		if (d < 0)
			return false;
		if (d > 0) {
			*out = (struct value){ .type = VT_NUM, .u.num = num };
			return true;
		}
		const char *s = read_string(r, v, "a string");
		if (!s)
			return false;
		*out = (struct value){ .type = VT_STR, .u.str = s };
		return true;
	}
	case JSON_OBJECT:
		break;
	default:
		fail_type(r, v, "true, false, a whole number, a string or {\"number\"|\"string\"|\"date\": ...}");
		return false;
	}
	check_keys(r, v, typed_keys, "a typed attribute value");
	if (json_object_size(v) != 1) {
		fail(r, D_TYPE, "a typed attribute value has exactly one key: \"number\", \"string\" or \"date\"");
		return false;
	}
	json_t *x;
	bool ok = false;
	struct mark mk;
	if ((x = json_object_get(v, "number"))) {
		mk = enter_key(r, v, "number", x);
		if (json_is_string(x)) {
			struct rat num;
			int d = read_decimal(r, json_string_value(x), json_string_length(x), &num);
			if (d == 0)
				fail(r, D_TYPE, "expected a decimal such as \"40000.50\" or \"66.67%%\"");
			if (d > 0) {
				*out = (struct value){ .type = VT_NUM, .u.num = num };
				ok = true;
			}
		} else if (json_is_integer(x)) {
			ok = read_attr_value(r, x, out);
		} else {
			fail_type(r, x, "a decimal string or a whole number");
		}
		leave(r, mk);
	} else if ((x = json_object_get(v, "string"))) {
		mk = enter_key(r, v, "string", x);
		const char *s = read_string(r, x, "a string");
		if (s) {
			*out = (struct value){ .type = VT_STR, .u.str = s };
			ok = true;
		}
		leave(r, mk);
	} else if ((x = json_object_get(v, "date"))) {
		mk = enter_key(r, v, "date", x);
		qdate d;
		if (read_date(r, x, &d)) {
			*out = (struct value){ .type = VT_DATE, .u.date = d };
			ok = true;
		}
		leave(r, mk);
	}
	return ok;
}

static void read_attributes(struct jreader *r, struct rec_motion *m, json_t *v)
{
	if (!json_is_object(v)) {
		fail_type(r, v, "an object of attributes, such as {\"financial\": true, \"amount\": 40000}");
		return;
	}
	m->attrs = arena_array(r->arena, json_object_size(v) + 1, sizeof *m->attrs);
	const char *key;
	json_t *val;
	json_object_foreach(v, key, val) {
		struct mark mk = enter_key(r, v, key, val);
		char shown[72];
		printable(shown, sizeof shown, key);
		if (strlen(key) > PARSE_MAX_IDENT) {
			fail(r, D_LIMIT, "attribute name longer than %d characters", PARSE_MAX_IDENT);
		} else if (!is_ident(key)) {
			fail(r, D_SYNTAX, "\"%s\" is not an attribute name (letters, digits and _, "
			                  "as the terms write motion.NAME)", shown);
		} else {
			struct attr at = { arena_strdup(r->arena, key), { 0 } };
			if (read_attr_value(r, val, &at.value))
				m->attrs[m->n_attrs++] = at;
		}
		leave(r, mk);
	}
}

static void read_votes(struct jreader *r, struct rec_motion *m, json_t *v)
{
	static const char *const keys[] = { "for", "against", "abstain", NULL };
	if (!json_is_object(v)) {
		fail_type(r, v, "an object {\"for\": [...], \"against\": [...], \"abstain\": [...]}");
		return;
	}
	check_keys(r, v, keys, "the votes");
	struct vote_vec votes = { 0 };
	bool limited = false;
	for (int k = VOTE_FOR; k <= VOTE_ABSTAIN; k++) {
		json_t *list = json_object_get(v, keys[k]);
		if (!list)
			continue;
		struct mark mk = enter_key(r, v, keys[k], list);
		if (!json_is_array(list)) {
			fail_type(r, list, "an array of member ids");
		} else {
			size_t i;
			json_t *id;
			json_array_foreach(list, i, id) {
				struct mark m2 = enter_index(r, i, id);
				struct rec_vote rv = { .kind = (enum vote_kind)k };
				bool ok = read_name(r, id, &rv.who);
				if (ok && votes.n == MINUTES_MAX_NAMES) {
					if (!limited)
						fail(r, D_LIMIT, "more than %d votes on one motion", MINUTES_MAX_NAMES);
					limited = true;
				} else if (ok) {
					VEC_PUSH(r->arena, votes, rv);
				}
				leave(r, m2);
			}
		}
		leave(r, mk);
	}
	m->votes = votes.items;
	m->n_votes = (unsigned)votes.n;
}

static void read_tally(struct jreader *r, struct rec_motion *m, json_t *v)
{
	static const char *const keys[] = { "for", "against", "abstain", NULL };
	if (!json_is_object(v)) {
		fail_type(r, v, "an object {\"for\": N, \"against\": N, \"abstain\": N}");
		return;
	}
	check_keys(r, v, keys, "the tally");
	bool ok = true;
	for (int k = VOTE_FOR; k <= VOTE_ABSTAIN; k++) {
		json_t *n = json_object_get(v, keys[k]);
		if (!n) {
			if (k != VOTE_ABSTAIN) {
				fail(r, D_MISSING, "missing \"%s\" (a tally gives the votes for and against)", keys[k]);
				ok = false;
			}
			continue;
		}
		struct mark mk = enter_key(r, v, keys[k], n);
		if (!json_is_integer(n)) {
			fail(r, D_TYPE, "a tally counts votes: expected a whole number from 0 to %d, found %s",
			     TALLY_MAX, json_kind(n));
			ok = false;
		} else if (json_integer_value(n) < 0 || json_integer_value(n) > TALLY_MAX) {
			fail(r, D_TYPE, "a tally counts votes: a whole number from 0 to %d", TALLY_MAX);
			ok = false;
		} else {
			m->tally[k] = (int64_t)json_integer_value(n);
		}
		leave(r, mk);
	}
	m->has_tally = ok;
	m->tally_has_abstain = ok && json_object_get(v, "abstain") != NULL;
	m->tally_span = r->at;
	if (!ok)
		memset(m->tally, 0, sizeof m->tally);
}

static void read_ratifies(struct jreader *r, struct rec_motion *m, json_t *v)
{
	static const char *const keys[] = { "meeting", "motion", NULL };
	if (!json_is_object(v)) {
		fail_type(r, v, "an object {\"meeting\": \"...\", \"motion\": \"...\"}");
		return;
	}
	check_keys(r, v, keys, "\"ratifies\"");
	json_t *mt = json_object_get(v, "meeting"), *mo = json_object_get(v, "motion");
	if (!mt)
		fail(r, D_MISSING, "missing \"meeting\" (the title of the meeting whose decision this ratifies)");
	if (!mo)
		fail(r, D_MISSING, "missing \"motion\" (the number of the motion it ratifies)");
	if (!mt || !mo)
		return;
	struct span at = r->at;
	struct mark mk = enter_key(r, v, "meeting", mt);
	const char *title = read_string(r, mt, "a string (a meeting's title)");
	leave(r, mk);
	mk = enter_key(r, v, "motion", mo);
	const char *num = read_number_text(r, mo);
	leave(r, mk);
	if (title && num) {
		m->ratifies_meeting = title;
		m->ratifies_motion = num;
		m->ratifies_span = at;
	}
}

static const char *const MOTION_KEYS[] = {
	"number", "title", "attributes", "interests", "votes", "tally", "consensus", "objections",
	"casting", "recorded", "declared", "expect", "notice_given", "virtual_on", "ratifies",
	"presiding", NULL
};

/*
** FIELD(obj, "key") is true when obj has the key, and then enters it (x is the
** value, r->at its position); DONE() goes back out.
*/
#define FIELD(obj, key) ((x = json_object_get((obj), (key))) != NULL && (mk = enter_key(r, (obj), (key), x), true))
#define DONE() leave(r, mk)

static struct rec_motion *read_motion(struct jreader *r, json_t *v, unsigned ordinal)
{
	struct rec_motion *m = arena_alloc(r->arena, sizeof *m);
	m->span = r->at;
	m->title = "";
	m->attrs = arena_array(r->arena, 1, sizeof *m->attrs);
	if (!json_is_object(v)) {
		fail_type(r, v, "an object (a motion)");
		m->number = arena_printf(r->arena, "%u", ordinal);
		return m;
	}
	check_keys(r, v, MOTION_KEYS, "a motion");
	json_t *x;
	struct mark mk = { 0, NO_SPAN };
	m->number = NULL;
	if (FIELD(v, "number")) {
		m->number = read_number_text(r, x);
		DONE();
	}
	if (!m->number)
		m->number = arena_printf(r->arena, "%u", ordinal);
	if (FIELD(v, "title")) {
		const char *t = read_string(r, x, "a string (the motion's title)");
		if (t)
			m->title = t;
		DONE();
	}
	if (FIELD(v, "attributes")) {
		read_attributes(r, m, x);
		DONE();
	}
	if (FIELD(v, "interests")) {
		read_reasoned(r, x, &m->interests, "declarations of interest");
		DONE();
	}
	if (FIELD(v, "votes")) {
		read_votes(r, m, x);
		DONE();
	}
	if (FIELD(v, "tally")) {
		read_tally(r, m, x);
		DONE();
	}
	if (FIELD(v, "consensus")) {
		if (json_is_boolean(x)) {
			m->consensus = json_is_true(x);
			m->consensus_span = r->at;
		} else {
			fail_type(r, x, "true or false");
		}
		DONE();
	}
	if (FIELD(v, "objections")) {
		read_reasoned(r, x, &m->objections, "objections");
		DONE();
	}
	if (FIELD(v, "casting")) {
		const char *s = json_string_value(x);  /* NULL if not a string */
		if (s && (strcmp(s, "for") == 0 || strcmp(s, "against") == 0)) {
			m->casting = s[0] == 'f' ? VOTE_FOR : VOTE_AGAINST;
			m->has_casting = true;
			m->casting_span = r->at;
		} else if (!s) {
			fail_type(r, x, "\"for\" or \"against\" (the casting vote)");
		} else {
			fail(r, D_TYPE, "a casting vote is \"for\" or \"against\"");
		}
		DONE();
	}
	if (FIELD(v, "recorded")) {
		if (read_outcome(r, x, &m->recorded))
			m->recorded_span = r->at;
		DONE();
	}
	if (FIELD(v, "declared")) {
		if (read_outcome(r, x, &m->declared))
			m->declared_span = r->at;
		DONE();
	}
	if (FIELD(v, "expect")) {
		if (read_outcome(r, x, &m->expected))
			m->expected_span = r->at;
		DONE();
	}
	if (FIELD(v, "notice_given")) {
		m->has_notice_given = read_date(r, x, &m->notice_given);
		DONE();
	}
	if (FIELD(v, "virtual_on")) {
		m->is_virtual = read_date(r, x, &m->virtual_on);
		DONE();
	}
	if (FIELD(v, "ratifies")) {
		read_ratifies(r, m, x);
		DONE();
	}
	if (FIELD(v, "presiding")) {
		m->presiding = one_name(r, x);
		DONE();
	}
	return m;
}

/* ---- the meeting ---------------------------------------------------------- */

static const char *const ITEM_KEYS[] = { "motion", "arrives", "leaves", NULL };

static void read_item(struct jreader *r, struct meeting *mt, json_t *v, struct step_vec *steps)
{
	if (!json_is_object(v)) {
		fail_type(r, v, "an object: {\"motion\": {...}}, {\"arrives\": [...]} or {\"leaves\": [...]}");
		return;
	}
	check_keys(r, v, ITEM_KEYS, "an item");
	const char *which = NULL;
	unsigned n_known = 0;
	for (const char *const *k = ITEM_KEYS; *k; k++)
		if (json_object_get(v, *k)) {
			if (!which)
				which = *k;
			n_known++;
		}
	if (n_known == 0) {
		if (json_object_size(v) == 0)
			fail(r, D_MISSING, "an item is one of {\"motion\": {...}}, {\"arrives\": [...]} or {\"leaves\": [...]}");
		return;
	}
	if (n_known > 1) {
		fail(r, D_SYNTAX, "an item has exactly one of \"motion\", \"arrives\" or \"leaves\" "
		                  "(write each as its own item, in the order they happened)");
		return;
	}
	json_t *x = json_object_get(v, which);
	struct mark mk = enter_key(r, v, which, x);
	struct rec_step step = { 0 };
	if (strcmp(which, "motion") == 0) {
		if (mt->n_motions == MINUTES_MAX_MOTIONS) {
			if (!r->motions_full)
				fail(r, D_LIMIT, "more than %d motions in one meeting", MINUTES_MAX_MOTIONS);
			r->motions_full = true;
			read_motion(r, x, MINUTES_MAX_MOTIONS + 1); /* still checked */
		} else {
			step.kind = STEP_MOTION;
			step.motion = read_motion(r, x, ++mt->n_motions);
			VEC_PUSH(r->arena, *steps, step);
		}
	} else {
		step.kind = strcmp(which, "arrives") == 0 ? STEP_ARRIVES : STEP_LEAVES;
		read_names(r, x, &step.names, true);
		VEC_PUSH(r->arena, *steps, step);
	}
	DONE();
}

static const char *const MEETING_KEYS[] = {
	"meeting", "date", "terms", "chair", "papers_sent", "minutes_circulated",
	"present", "apologies", "attending", "items", "$schema", NULL
};

static struct meeting *read_meeting(struct jreader *r, json_t *root)
{
	struct meeting *mt = arena_alloc(r->arena, sizeof *mt);
	mt->span = r->at;
	mt->src = r->src;
	mt->title = "";
	if (!json_is_object(root)) {
		fail_type(r, root, "an object (a meeting record)");
		return mt;
	}
	check_keys(r, root, MEETING_KEYS, "the meeting record");
	json_t *x;
	struct mark mk = { 0, NO_SPAN };
	if (FIELD(root, "meeting")) {
		const char *t = read_string(r, x, "a string (the meeting's title)");
		if (t)
			mt->title = t;
		DONE();
	} else {
		fail(r, D_MISSING, "missing \"meeting\" (the meeting's title, as in \"Leadership group, May 2024\")");
	}
	if (FIELD(root, "date")) {
		read_date(r, x, &mt->date);
		DONE();
	} else {
		fail(r, D_MISSING, "missing \"date\" (the date of the meeting, \"YYYY-MM-DD\")");
	}
	if (FIELD(root, "$schema")) {
		if (!json_is_string(x))
			fail_type(r, x, "a string (the schema's address)");
		DONE();
	}
	if (FIELD(root, "terms")) {
		mt->terms_name = read_string(r, x, "a string (the name of the body whose terms apply)");
		mt->terms_span = r->at;
		DONE();
	}
	if (FIELD(root, "chair")) {
		mt->chair = one_name(r, x);
		DONE();
	}
	if (FIELD(root, "papers_sent")) {
		mt->has_papers = read_date(r, x, &mt->papers_sent);
		mt->papers_span = r->at;
		DONE();
	}
	if (FIELD(root, "minutes_circulated")) {
		mt->has_minutes = read_date(r, x, &mt->minutes_circulated);
		mt->minutes_span = r->at;
		DONE();
	}
	if (FIELD(root, "present")) {
		read_names(r, x, &mt->present, false);
		DONE();
	}
	if (FIELD(root, "apologies")) {
		read_names(r, x, &mt->apologies, false);
		DONE();
	}
	if (FIELD(root, "attending")) {
		read_names(r, x, &mt->attending, false);
		DONE();
	}
	struct step_vec steps = { 0 };
	if (FIELD(root, "items")) {
		if (!json_is_array(x)) {
			fail_type(r, x, "an array of items (motions, arrivals and departures, in order)");
		} else {
			size_t i;
			json_t *it;
			json_array_foreach(x, i, it) {
				struct mark m2 = enter_index(r, i, it);
				read_item(r, mt, it, &steps);
				leave(r, m2);
			}
		}
		DONE();
	}
	mt->steps = steps.items;
	mt->n_steps = (unsigned)steps.n;
	return mt;
}

#undef FIELD
#undef DONE

/* ---- syntax errors and the entry point ------------------------------------ */

/*
** jansson's position is just past what it had read; its message ends with
** "near 'TOKEN'" when there was a token, and the token ends there, so the
** error is put at the token's start.
*/
static void report_syntax(struct diag_sink *diag, const struct source *src, size_t base, const json_error_t *e)
{
	size_t end = base + (e->position > 0 ? (size_t)e->position : 0);
	if (end > src->len)
		end = src->len;
	size_t start = end;
	const char *near = strstr(e->text, " near '");
	size_t tlen = strlen(e->text);
	if (near && tlen > 0 && e->text[tlen - 1] == '\'') {
		size_t tok = (size_t)(e->text + tlen - 1 - (near + 7));
		if (tok <= end - base)
			start = end - tok;
	}
	enum diag_code code = json_error_code(e) == json_error_duplicate_key ? D_DUPLICATE : D_SYNTAX;
	char msg[JSON_ERROR_TEXT_LENGTH + 8];
	printable(msg, sizeof msg, e->text);
	diag_report(diag, code, loc_of(src, (struct span){ (uint32_t)start, (uint32_t)end }),
	            "invalid JSON: %s", msg);
}

struct meeting *minutes_json_read(struct arena *a, struct diag_sink *diag, const struct source *src)
{
	/* A UTF-8 byte-order mark is skipped, as the native reader skips it. */
	size_t base = src->len >= 3 && memcmp(src->text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	json_error_t err;
	json_t *root = json_loadb(src->text + base, src->len - base, JSON_REJECT_DUPLICATES, &err);
	if (!root) {
		if (json_error_code(&err) == json_error_out_of_memory)
			mem_fail(a->mem);
		report_syntax(diag, src, base, &err);
		return NULL;
	}

	/*
	** From here an allocation failure in either arena would longjmp past the
	** json_decref below and leak the tree: catch the jump, free the tree and
	** pass the jump on.  Nothing assigned after setjmp is read after the jump.
	*/
	struct mem *m1 = a->mem, *m2 = diag->arena->mem;
	jmp_buf *outer1 = m1->on_oom, *outer2 = m2->on_oom;
	jmp_buf here1, here2;
	if (setjmp(here1)) {
		m1->on_oom = outer1;
		m2->on_oom = outer2;
		json_decref(root);
		longjmp(*outer1, 1);
	}
	if (setjmp(here2)) {
		m1->on_oom = outer1;
		m2->on_oom = outer2;
		json_decref(root);
		longjmp(*outer2, 1);
	}
	m1->on_oom = &here1;
	if (m2 != m1)
		m2->on_oom = &here2;

	struct jreader r = { .arena = a, .diag = diag, .src = src };
	r.path[0] = '\0';
	index_positions(&r, root, base);
	r.at = span_of(&r, root);
	struct meeting *mt = read_meeting(&r, root);

	m1->on_oom = outer1;
	m2->on_oom = outer2;
	json_decref(root);
	return r.n_errors ? NULL : mt;
}
