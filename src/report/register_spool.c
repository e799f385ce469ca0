/*
** register_spool: a JSON attendance register's tables as compact records
** in a temporary file.  See register_spool.h.
**
** A record is its length (a 32-bit count of the bytes after it) and then
** its fields: 32-bit numbers, and strings as their length, their bytes and
** a NUL (a length of SPOOL_NULL for none), so that a string read back is
** used where it lies in the record, without a copy.  A meeting's file that
** is the last meeting's (the same address: the registers keep a table's
** file name once) is a length of SPOOL_SAME and no bytes, and reads back as
** the last one's: the JSON writer then knows it by its address.
*/
#include "report/register_spool.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define SPOOL_NULL UINT32_MAX
#define SPOOL_SAME (UINT32_MAX - 1)
enum { TAG_TABLE = 'T' }; /* a record's kind, checked when it is read back */

/* ---- writing ------------------------------------------------------------------ */

/* A string's length as put_str takes it, and its size in a record */
static size_t str_len(const char *s)
{
	return s ? strlen(s) : SPOOL_NULL;
}

static size_t str_size(size_t len)
{
	return sizeof(uint32_t) + (len == SPOOL_NULL || len == SPOOL_SAME ? 0 : len + 1);
}

/* At p: v, or s (n bytes long, SPOOL_NULL: NULL, SPOOL_SAME: the last
** meeting's) as put_str says; where they end.  The record was measured
** first, so that it is made without a check for room at each field. */
static unsigned char *put_u32(unsigned char *p, uint32_t v)
{
	memcpy(p, &v, sizeof v);
	return p + sizeof v;
}

static unsigned char *put_str(unsigned char *p, const char *s, size_t n)
{
	p = put_u32(p, (uint32_t)n);
	if (s && n != SPOOL_SAME) {
		memcpy(p, s, n + 1);
		p += n + 1;
	}
	return p;
}

/* Cells (each below ATT__COUNT) as a byte each: sixteen a step where the
** machine has SSE2 and an enum is 32 bits, packed (a cell that large is
** not one: narrowed either way, it is out of range when read back). */
static void cells_to_bytes(unsigned char *p, const enum attendance *cells, size_t n)
{
	size_t i = 0;
#ifdef __SSE2__
	if (sizeof *cells == 4)
		for (; i + 16 <= n; i += 16) {
			const __m128i *c = (const __m128i *)(const void *)(cells + i);
			__m128i lo = _mm_packs_epi32(_mm_loadu_si128(c), _mm_loadu_si128(c + 1));
			__m128i hi = _mm_packs_epi32(_mm_loadu_si128(c + 2), _mm_loadu_si128(c + 3));
			_mm_storeu_si128((__m128i *)(void *)(p + i), _mm_packus_epi16(lo, hi));
		}
#endif
	for (; i < n; i++)
		p[i] = (unsigned char)cells[i];
}

/* The index of m among b's members (a table's rows are some of them),
** looked for from `from` on and then from the start: the rows are in the
** body's order, each found from where the last was. */
static uint32_t member_index(const struct reg_body *b, const struct reg_member *m, size_t from)
{
	for (size_t i = from; i < b->members.n; i++)
		if (b->members.items[i] == m)
			return (uint32_t)i;
	for (size_t i = 0; i < from && i < b->members.n; i++) /* not reached but for rows out of order */
		if (b->members.items[i] == m)
			return (uint32_t)i;
	return SPOOL_NULL; /* not reached: a table's rows are its body's members */
}

bool reg_spool_put_table(FILE *f, const struct reg_body *b, const struct reg_table *t)
{
	size_t n_cells = (size_t)t->n_members * t->n_meetings;
	size_t size = 6 * sizeof(uint32_t) + (size_t)t->n_members * sizeof(uint32_t) + n_cells;
	size_t title_len[REGISTER_TABLE_MEETINGS], file_len[REGISTER_TABLE_MEETINGS];
	if (t->n_meetings > REGISTER_TABLE_MEETINGS)
		return false; /* not reached: register.c's tables hold no more */
	for (unsigned c = 0; c < t->n_meetings; c++) {
		title_len[c] = str_len(t->meetings[c].title);
		file_len[c] = c > 0 && t->meetings[c].file == t->meetings[c - 1].file ? SPOOL_SAME
		                                                                      : str_len(t->meetings[c].file);
		size += 2 * sizeof(uint32_t) + str_size(title_len[c]) + str_size(file_len[c]);
	}
	if (size >= SPOOL_NULL)
		return false;
	/* made in memory and written with one call (a call a field cost more
	** than the record's bytes): on the stack, or for a long one (long
	** titles) allocated; the stack's not zeroed */
	unsigned char stack[8192];
	size_t whole = sizeof(uint32_t) + size;
	unsigned char *record = whole <= sizeof stack ? stack : malloc(whole);
	if (!record)
		return false;
	const uint32_t head[] = { (uint32_t)size, TAG_TABLE,    (uint32_t)t->year,
		                  t->part,        t->continues, t->n_meetings, t->n_members };
	memcpy(record, head, sizeof head);
	unsigned char *p = record + sizeof head;
	for (unsigned c = 0; c < t->n_meetings; c++) {
		const struct reg_meeting *m = &t->meetings[c];
		p = put_u32(p, (uint32_t)m->date);
		p = put_u32(p, m->seq);
		p = put_str(p, m->title, title_len[c]);
		p = put_str(p, m->file, file_len[c]);
	}
	uint32_t at = SPOOL_NULL; /* the last row's index: the next is looked for after it */
	for (unsigned r = 0; r < t->n_members; r++) {
		at = member_index(b, t->members[r], (uint32_t)(at + 1));
		p = put_u32(p, at);
	}
	cells_to_bytes(p, t->cells, n_cells);
	bool ok = fwrite(record, 1, whole, f) == whole;
	if (record != stack)
		free(record);
	return ok;
}

/* ---- reading back ------------------------------------------------------------- */

/* Set bytes after a record read back: the JSON writer reads a string up to
** 15 bytes past its NUL (json.c, copy_plain_short), and its strings are used
** where they lie in the record. */
#define RECORD_SLACK 16

/* A record read whole into memory, and the place its next field is read from. */
struct record {
	const unsigned char *at, *end;
	bool bad;                  /* a field ran past the record's end, or did not hold */
};

/*
** The file read in pieces of SPOOL_READ bytes or more (a record's whole,
** where longer), its records found in place: two calls a record cost more
** than its fields.  buf[from, to) is read and not yet handed over, and
** RECORD_SLACK set bytes follow it.
*/
#define SPOOL_READ (64u * 1024u)
struct spool_in {
	FILE *f;
	unsigned char *buf;
	size_t cap, from, to;
};

/* At least `need` bytes read from `from` on (false: the file has fewer,
** or the buffer cannot grow: *failed then set where the file was cut or
** unreadable, not where it ended between records). */
static bool have(struct spool_in *in, size_t need, bool *failed)
{
	if (in->to - in->from >= need)
		return true;
	size_t held = in->to - in->from, want = need > SPOOL_READ ? need : SPOOL_READ;
	if (want + RECORD_SLACK > in->cap) {
		unsigned char *grown = malloc(want + RECORD_SLACK);
		if (!grown) {
			*failed = true;
			return false;
		}
		if (held)
			memcpy(grown, in->buf + in->from, held);
		free(in->buf);
		in->buf = grown;
		in->cap = want + RECORD_SLACK;
	} else if (held) {
		memmove(in->buf, in->buf + in->from, held);
	}
	in->from = 0;
	in->to = held;
	in->to += fread(in->buf + in->to, 1, in->cap - RECORD_SLACK - in->to, in->f);
	memset(in->buf + in->to, 0, RECORD_SLACK);
	if (in->to >= need)
		return true;
	*failed = in->to != 0 || ferror(in->f);
	return false;
}

/* The next record into r; false at the end of the file, or if it could not
** be read whole (*failed then set). */
static bool next_record(struct spool_in *in, struct record *r, bool *failed)
{
	uint32_t size;
	if (!have(in, sizeof size, failed))
		return false;
	memcpy(&size, in->buf + in->from, sizeof size);
	if (!have(in, sizeof size + (size_t)size, failed)) {
		*failed = true; /* cut inside the record */
		return false;
	}
	r->at = in->buf + in->from + sizeof size;
	r->end = r->at + size;
	r->bad = false;
	in->from += sizeof size + (size_t)size;
	return true;
}

static uint32_t get_u32(struct record *r)
{
	uint32_t v = 0;
	if ((size_t)(r->end - r->at) < sizeof v) {
		r->bad = true;
		return 0;
	}
	memcpy(&v, r->at, sizeof v);
	r->at += sizeof v;
	return v;
}

static inline const char *get_str(struct record *r)
{
	uint32_t n = get_u32(r);
	if (n == SPOOL_NULL || r->bad)
		return NULL;
	if ((size_t)(r->end - r->at) <= n || r->at[n] != '\0') {
		r->bad = true;
		return NULL;
	}
	const char *s = (const char *)r->at;
	r->at += (size_t)n + 1;
	return s;
}

/* n bytes as cells (not yet checked); the bytes' bits or-ed together, where
** a cell out of range shows.  Sixteen a step where the machine has SSE2
** and an enum is 32 bits, widened. */
static unsigned bytes_to_cells(enum attendance *cells, const unsigned char *p, size_t n)
{
	_Static_assert(ATT__COUNT == 8, "a cell in range is one of the low 3 bits");
	unsigned all = 0;
	size_t i = 0;
#ifdef __SSE2__
	if (sizeof *cells == 4 && n >= 16) {
		__m128i zero = _mm_setzero_si128(), seen = zero;
		for (; i + 16 <= n; i += 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
			seen = _mm_or_si128(seen, v);
			__m128i lo = _mm_unpacklo_epi8(v, zero), hi = _mm_unpackhi_epi8(v, zero);
			__m128i *c = (__m128i *)(void *)(cells + i);
			_mm_storeu_si128(c, _mm_unpacklo_epi16(lo, zero));
			_mm_storeu_si128(c + 1, _mm_unpackhi_epi16(lo, zero));
			_mm_storeu_si128(c + 2, _mm_unpacklo_epi16(hi, zero));
			_mm_storeu_si128(c + 3, _mm_unpackhi_epi16(hi, zero));
		}
		/* a byte of 8 or more sets a bit from 3 to 7 somewhere in seen */
		all = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(seen, _mm_set1_epi8((char)0xF8)), zero)) != 0xFFFF
		              ? ATT__COUNT
		              : 0;
	}
#endif
	for (; i < n; i++) {
		all |= p[i];
		cells[i] = (enum attendance)p[i];
	}
	return all;
}

/* A meeting's file: a string, or the last meeting's (not for the first, NULL). */
static const char *get_file(struct record *r, const struct reg_meeting *last)
{
	if ((size_t)(r->end - r->at) >= sizeof(uint32_t)) {
		uint32_t n;
		memcpy(&n, r->at, sizeof n);
		if (n == SPOOL_SAME) {
			r->at += sizeof n;
			r->bad = r->bad || !last;
			return last ? last->file : NULL;
		}
	}
	return get_str(r);
}

/* Where a table's parts are put as it is read back: its columns, its rows
** (up to the terms' members) and its cells. */
struct table_in {
	struct reg_meeting meetings[REGISTER_TABLE_MEETINGS];
	const struct reg_member **rows;
	enum attendance *cells;
	size_t cap_rows, cap_cells;
};

static bool room_for(struct table_in *in, size_t rows, size_t cells)
{
	if (rows > in->cap_rows) {
		const struct reg_member **grown = realloc(in->rows, rows * sizeof *grown);
		if (!grown)
			return false;
		in->rows = grown;
		in->cap_rows = rows;
	}
	if (cells > in->cap_cells) {
		enum attendance *grown = realloc(in->cells, cells * sizeof *grown);
		if (!grown)
			return false;
		in->cells = grown;
		in->cap_cells = cells;
	}
	return true;
}

static bool read_table(struct record *r, const struct reg_body *b, struct table_in *in, struct reg_table *t)
{
	if (get_u32(r) != TAG_TABLE)
		return false;
	*t = (struct reg_table){ .body = b->name };
	t->year = (int)get_u32(r);
	t->part = get_u32(r);
	t->continues = get_u32(r) != 0;
	t->n_meetings = get_u32(r);
	t->n_members = get_u32(r);
	if (r->bad || t->n_meetings > REGISTER_TABLE_MEETINGS || t->n_members > b->members.n ||
	    !room_for(in, t->n_members, (size_t)t->n_members * t->n_meetings))
		return false;
	for (unsigned c = 0; c < t->n_meetings; c++) {
		struct reg_meeting *m = &in->meetings[c];
		uint32_t date_seq[2]; /* the two numbers checked for at once */
		if ((size_t)(r->end - r->at) < sizeof date_seq)
			return false;
		memcpy(date_seq, r->at, sizeof date_seq);
		r->at += sizeof date_seq;
		m->date = (qdate)date_seq[0];
		m->seq = date_seq[1];
		m->title = get_str(r);
		m->file = get_file(r, c > 0 ? m - 1 : NULL);
	}
	/* the rows' indexes, checked for at once */
	if (r->bad || (size_t)(r->end - r->at) / sizeof(uint32_t) < t->n_members)
		return false;
	struct reg_member *const *members = b->members.items;
	for (unsigned k = 0; k < t->n_members; k++) {
		uint32_t i;
		memcpy(&i, r->at + (size_t)k * sizeof i, sizeof i);
		if (i >= b->members.n)
			return false;
		in->rows[k] = members[i];
	}
	r->at += (size_t)t->n_members * sizeof(uint32_t);
	size_t n_cells = (size_t)t->n_members * t->n_meetings;
	if (r->bad || (size_t)(r->end - r->at) != n_cells)
		return false;
	if (bytes_to_cells(in->cells, r->at, n_cells) >= ATT__COUNT)
		return false;
	t->meetings = in->meetings;
	t->members = in->rows;
	t->cells = in->cells;
	return true;
}

bool reg_spool_each_table(FILE *f, const struct reg_body *b, void (*fn)(void *ctx, const struct reg_table *t),
                          void *ctx)
{
	if (!f)
		return true;
	struct spool_in in = { f, NULL, 0, 0, 0 };
	struct record r;
	struct table_in tin = { .rows = NULL };
	bool failed = fflush(f) != 0 || fseek(f, 0, SEEK_SET) != 0;
	struct reg_table t;
	while (!failed && next_record(&in, &r, &failed)) {
		if (!read_table(&r, b, &tin, &t)) {
			failed = true;
			break;
		}
		fn(ctx, &t);
	}
	free(in.buf);
	free(tin.rows);
	free(tin.cells);
	return !failed;
}
