/*
** fastrec: native records read by their own lean grammar, the full path as
** the fallback.  See fastrec.h; the grammar is grammar/record.[ly].
*/
#include "record/fastrec.h"

#include <setjmp.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "front/names.h"
#include "front/parse.h"
#include "record/fastrec_state.h"
#include "record/name_key.h"
#include "record_parse.h"
#include "record_scan.h"

/* The few helpers of the per-name loops, inlined where they are used more
** than once (GCC and Clang would otherwise call them: a fifth more a name). */
#if defined(QUORATE_COVERAGE)
/* make coverage: gcov would count each inlined copy's branches apart (a
** literal word's eight constant tests in every copy), not the source's */
#define ALWAYS_INLINE inline
#define NO_INLINE
#elif defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#define NO_INLINE __attribute__((noinline))
#else
#define ALWAYS_INLINE inline
#define NO_INLINE
#endif

struct fastrec_reader {
	struct fastrec L;
	enum fastrec_status status;
	unsigned n_meetings;       /* handed out */
	uint32_t boundary;         /* where the last one handed out ends (its '}'), or where reading began */
};

/* ---- the scanner's helpers ------------------------------------------------ */

size_t fr_scan_input(struct fastrec *L, char *buf, size_t max)
{
	size_t n = source_copy(L->src, L->input, buf, max); /* a mapped file: not through the mapping */
	L->input += (uint32_t)n;
	return n;
}

/* A name is found in the table by its key: its length and head
** (record/name_key.h). */
static inline bool same_name(const struct fr_slot *s, const char *text, size_t len, uint64_t head)
{
	return name_head_equal(s->text, s->head, s->len, text, len, head);
}

static struct fr_slot *find_slot(struct fastrec_names *N, const char *text, size_t len, uint32_t h, uint64_t head)
{
	uint32_t mask = N->cap - 1;
	for (uint32_t i = h & mask;; i = (i + 1) & mask) {
		struct fr_slot *s = &N->slots[i];
		if (!s->text || same_name(s, text, len, head))
			return s;
	}
}

static void grow_slots(struct fastrec_names *N)
{
	struct fr_slot *old = N->slots;
	uint32_t old_cap = N->cap;
	struct fr_slot *slots = arena_array(N->arena, old_cap ? old_cap * 2 : 64, sizeof *slots);
	N->slots = slots; /* allocated: the table changes only now (out of memory leaves it whole) */
	N->cap = old_cap ? old_cap * 2 : 64;
	for (uint32_t i = 0; i < old_cap; i++)
		if (old[i].text)
			*find_slot(N, old[i].text, old[i].len, old[i].hash, old[i].head) = old[i];
}

struct fastrec_names *fastrec_names_new(struct arena *a)
{
	struct fastrec_names *N = arena_alloc(a, sizeof *N);
	N->arena = a;
	return N;
}

/* The one form of a name as written, with whether it can be a name at all
** here (a keyword of the terms language is the full path's to read). */
static void make_name(struct arena *a, const char *text, size_t len, bool ascii, struct fr_slot *s)
{
	s->not_a_name = false;
	if (ascii) {
		s->id = arena_strndup(a, text, len);
		s->not_a_name = parse_is_keyword(text, len);
		return;
	}
	size_t bad, bad_len;
	s->id = name_make(a, text, len, &bad, &bad_len);
	s->not_a_name = s->id == NULL;
}

static inline struct fr_slot *intern(struct fastrec_names *N, const char *text, size_t len, uint64_t head, bool ascii);

/* A name not in the table yet: its slot filled (its one form made, and for
** a name written decomposed, that form's own pointer).  NULL when the table
** is full. */
static struct fr_slot *intern_new(struct fastrec_names *N, const char *text, size_t len, uint32_t h, uint64_t head,
                                  bool ascii)
{
	struct fr_slot *s;
	if (N->n_slots >= FASTREC_MAX_NAMES)
		return NULL;
	struct fr_slot made = { NULL, NULL, head, h, (uint32_t)len, false, NULL };
	make_name(N->arena, text, len, ascii, &made);
	made.text = ascii ? made.id : arena_strndup(N->arena, text, len);
	if (!ascii && made.id && strcmp(made.id, made.text) != 0) {
		size_t n = strlen(made.id);
		struct fr_slot *composed = intern(N, made.id, n, name_head_of(made.id, n), false);
		if (composed)
			made.id = composed->id;
	}
	made.name = made.not_a_name ? NULL : made.id;
	if (2 * (N->n_slots + 1) > N->cap)
		grow_slots(N);
	s = find_slot(N, text, len, h, head);
	*s = made;
	N->n_slots++;
	return s;
}

/* The slot of a name as written, by its head: found (inline: most names
** were met before), or filled.  NULL when the table is full. */
static inline struct fr_slot *intern(struct fastrec_names *N, const char *text, size_t len, uint64_t head, bool ascii)
{
	uint32_t h = name_head_hash(text, len, head);
	if (N->slots) {
		uint32_t mask = N->cap - 1;
		for (uint32_t i = h & mask; N->slots[i].text; i = (i + 1) & mask)
			if (same_name(&N->slots[i], text, len, head))
				return &N->slots[i];
	}
	return intern_new(N, text, len, h, head, ascii);
}

/* The one form of the name [text, text + len) (head, ascii: name_head's),
** or NULL when it cannot be a name here (the token is then BAD). */
static inline const char *name_id(struct fastrec *L, const char *text, size_t len, uint64_t head, bool ascii)
{
	if (len > PARSE_MAX_IDENT)
		return NULL;
	struct fr_slot own, *s = intern(L->names, text, len, head, ascii);
	if (!s) { /* the table is full: a copy of its own */
		make_name(L->out, text, len, ascii, &own);
		s = &own;
	}
	return s->not_a_name ? NULL : s->id;
}

/* A word and its blanks (record.l's {WORD}{WS}, len bytes): the token's
** span ends with the word. */
int fr_scan_name(struct fastrec *L, const char *text, size_t len, struct span *at, const char **out)
{
	uint64_t head;
	bool ascii;
	size_t n = name_head(text, len, &head, &ascii);
	at->end = at->start + (uint32_t)n;
	*out = name_id(L, text, n, head, ascii);
	return *out ? FR_IDENT : FR_BAD;
}

/* The bytes of a LIST token between two names: blanks and a comma. */
static const bool between_names[256] = {
	[' '] = true, ['\t'] = true, ['\n'] = true, ['\v'] = true, ['\f'] = true, ['\r'] = true, [','] = true,
};

/* `alice, bob,\n carol` and the blanks after it (record.l's LIST, len
** bytes): each name interned as it is found, with its own span, into
** L->run; the token's span ends with the last name. */
int fr_scan_list(struct fastrec *L, const char *text, size_t len, struct span *at)
{
	struct fr_names *run = &L->run;
	run->n = 0;
	size_t i = 0, end = 0;
	while (i < len) {
		uint64_t head;
		bool ascii;
		size_t n = name_head(text + i, len - i, &head, &ascii);
		const char *id = name_id(L, text + i, n, head, ascii);
		if (!id || run->n == MINUTES_MAX_NAMES)
			return FR_BAD;
		if (run->n == run->cap) {
			size_t cap = run->cap ? 2 * run->cap : 32;
			run->items = arena_grow(L->arena, run->items, run->n, cap, sizeof *run->items);
			run->cap = cap;
		}
		run->items[run->n++] = (struct rec_name){ id, { at->start + (uint32_t)i, at->start + (uint32_t)(i + n) }, NULL };
		end = i + n;
		for (i = end; i < len && between_names[(unsigned char)text[i]]; i++)
			;
	}
	at->end = at->start + (uint32_t)end;
	return FR_LIST;
}

/* ---- a statement's words after its keyword, read by hand ---------------------
**
** record.l's actions for the keywords a statement's names, a motion's number
** and title, or an outcome follow call these with the text after the
** keyword and its blanks (`p`, at byte offset `at` of the source): they
** read what the scanner would have read as the next tokens, and the token
** grows by the bytes they return.  Those are what flex would have cut the
** same way (record.l's WORD, LIST, NUMBER, STRING, '{' and their blanks),
** read in one pass instead of the DFA's and a second over a LIST's names.
** Anything else (a comment, a keyword or a character no name has, a text
** to decode, the NUL that ends flex's window or the file) returns 0: the
** keyword is then its token alone, and the scanner reads on from it as
** it always has, its tokens, its BAD, its errors.
*/

/* Bytes of record.l's WS, WORD, the first byte of a WORD, and the bytes
** that can begin what follows a blank (not a blank, '#' or the NUL). */
enum { BLANK = 1, WORD_BYTE = 2, WORD_START = 4, STARTS = 8 };
static const unsigned char byte_class[256] = {
	 0,  8,  8,  8,  8,  8,  8,  8,  8,  1,  1,  1,  1,  1,  8,  8,  8,  8,  8,  8,  8,  8,  8,  8,  8,  8,  8,  8,  8,  8,  8,  8,
	 1,  8,  8,  0,  8,  8,  8,  8,  8,  8,  8,  8,  8,  8,  8,  8, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10,  8,  8,  8,  8,  8,  8,
	 8, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14,  8,  8,  8,  8, 14,
	 8, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14,  8,  8,  8,  8,  8,
	14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14,
	14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14,
	14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14,
	14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14,
};

#if NAME_HEAD_WORDS
static inline uint64_t load8(const char *p)
{
	uint64_t x;
	memcpy(&x, p, 8);
	return x;
}

/* The top bit of each byte of x that is zero (exact in every byte). */
static inline uint64_t zero_bytes(uint64_t x)
{
	const uint64_t low7 = 0x7F7F7F7F7F7F7F7Full;
	return ~(((x & low7) + low7) | x | low7);
}

#define EACH_BYTE(c) ((uint64_t)(unsigned char)(c) * 0x0101010101010101ull)
#endif

/* n bytes from `from` to `to` (a title: a few dozen), sixteen a step, the
** last step overlapping the one before; none read or written outside the
** n.  memcpy's call and its dispatch on the size cost more than the copy. */
static ALWAYS_INLINE void copy_short(char *to, const char *from, size_t n)
{
#if defined(__SSE2__)
	if (n >= 16) {
		for (size_t k = 0; k + 16 < n; k += 16)
			_mm_storeu_si128((__m128i *)(void *)(to + k), _mm_loadu_si128((const __m128i *)(const void *)(from + k)));
		_mm_storeu_si128((__m128i *)(void *)(to + n - 16),
		                 _mm_loadu_si128((const __m128i *)(const void *)(from + n - 16)));
		return;
	}
	if (n >= 8) {
		uint64_t a, b;
		memcpy(&a, from, 8);
		memcpy(&b, from + n - 8, 8);
		memcpy(to, &a, 8);
		memcpy(to + n - 8, &b, 8);
		return;
	}
#endif
	for (size_t k = 0; k < n; k++)
		to[k] = from[k];
}

/* skip_blanks' way past a run of blanks that is not spaces after one
** blank: sixteen bytes a step. */
static size_t skip_blank_run(const char *p, size_t i, size_t avail)
{
#if defined(__SSE2__)
	const __m128i space16 = _mm_set1_epi8(' '), tab16 = _mm_set1_epi8('\t'), four16 = _mm_set1_epi8(4);
	while (i + 16 <= avail) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		__m128i control = _mm_sub_epi8(x, tab16); /* '\t' to '\r': 0 to 4 */
		__m128i blank = _mm_or_si128(_mm_cmpeq_epi8(x, space16),
		                             _mm_cmpeq_epi8(_mm_min_epu8(control, four16), control));
		unsigned other = (unsigned)_mm_movemask_epi8(blank) ^ 0xFFFFu;
		if (other)
			return i + (size_t)__builtin_ctz(other);
		i += 16;
	}
#else
	(void)avail;
#endif
	while (byte_class[(unsigned char)p[i]] & BLANK)
		i++;
	return i;
}

/* The first byte from p[i] on that is not a blank (p[avail] is the NUL
** that ends flex's buffer).  Blanks come as none, one space between two
** words, or a line's end and the next line's indent: those are read here
** (inlined, in one load of eight bytes), any other run by skip_blank_run. */
static ALWAYS_INLINE size_t skip_blanks(const char *p, size_t i, size_t avail)
{
#if NAME_HEAD_WORDS
	while (p[i] == '\n' && avail - i > 8) {
		/* a line's end and the next line's indent, as a statement ends
		** (or an empty line's, as a motion does): the first byte after
		** the line's end that is not a space */
		uint64_t other = load8(p + i + 1) ^ EACH_BYTE(' ');
		size_t k = i + 1 + (unsigned)__builtin_ctzll(other | 1ull << 63) / 8;
		if (!(byte_class[(unsigned char)p[k]] & BLANK))
			return k;
		i = k;
	}
#endif
	if (!(byte_class[(unsigned char)p[i]] & BLANK))
		return i;
	i++; /* p[i - 1] was a blank, not the NUL at p[avail]: i <= avail */
	if (!(byte_class[(unsigned char)p[i]] & BLANK))
		return i;
#if NAME_HEAD_WORDS
	if (avail - i >= 8) {
		uint64_t other = load8(p + i) ^ EACH_BYTE(' ');
		if (other) {
			size_t k = i + (size_t)__builtin_ctzll(other) / 8;
			if (!(byte_class[(unsigned char)p[k]] & BLANK))
				return k;
		}
	}
#endif
	return skip_blank_run(p, i, avail);
}

/* A name of the table, by its key (NULL: not there). */
static inline const struct fr_slot *known_name(const struct fastrec_names *N, const char *text, size_t len, uint64_t head)
{
	if (!N->slots)
		return NULL;
	uint32_t mask = N->cap - 1;
	for (uint32_t i = name_head_hash(text, len, head) & mask; N->slots[i].text; i = (i + 1) & mask)
		if (same_name(&N->slots[i], text, len, head))
			return &N->slots[i];
	return NULL;
}

/* The name at p (p[0] begins one; p[avail] is readable): its length, its
** one form in *id (NULL: not a name here).  Its end is guessed at the
** first byte below '0' (name_head) and the guess looked up: a name of the
** table is made of WORD bytes, so a guess found there is the name.  Any
** other is read byte by byte, its end where WORD ends, and interned. */
static ALWAYS_INLINE size_t read_name(struct fastrec *L, const char *p, size_t avail, const char **id)
{
	uint64_t head = 0;
	bool ascii;
	size_t n = name_head(p, avail, &head, &ascii);
	const struct fr_slot *s = known_name(L->names, p, n, head);
	if (s) {
		*id = s->name;
		return n;
	}
	unsigned char high = 0, c;
	head = 0;
	for (n = 0; n < 8 && (byte_class[c = (unsigned char)p[n]] & WORD_BYTE); n++) {
		head |= (uint64_t)c << (8 * n);
		high |= c;
	}
	if (n == 8)
		for (; byte_class[c = (unsigned char)p[n]] & WORD_BYTE; n++)
			high |= c;
	*id = name_id(L, p, n, head, high < 0x80);
	return n;
}

/* The name at q, of up to seven bytes, as most are, found in the table
** (slots, mask: the table as it is) in one load of eight bytes: its length,
** its slot in *found; 0 for any other (read_name's to read). */
static ALWAYS_INLINE size_t short_known_name(const struct fr_slot *slots, uint32_t mask, const char *q,
                                             size_t avail, const struct fr_slot **found)
{
#if NAME_HEAD_WORDS
	const uint64_t ones = 0x0101010101010101ull, tops = 0x8080808080808080ull;
	if (avail < 8 || !slots)
		return 0;
	uint64_t x = load8(q);
	uint64_t ends = (x - NAME_END_BELOW * ones) & ~x & tops;
	if (!ends)
		return 0;
	size_t n = (size_t)__builtin_ctzll(ends) / 8; /* at least 1: q[0] begins a name */
	uint64_t head = x & ((ends ^ (ends - 1)) >> 8); /* its n bytes */
	/* A head of up to seven bytes is the name's length too (no name has a
	** NUL; a longer name's head has eight bytes); an empty slot's is 0,
	** and no name's. */
	for (uint32_t k = name_head_hash(q, n, head) & mask;; k = (k + 1) & mask) {
		if (slots[k].head == head) {
			*found = &slots[k];
			return n;
		}
		if (!slots[k].text)
			break;
	}
#else
	(void)slots, (void)mask, (void)q, (void)avail, (void)found;
#endif
	return 0;
}

/* The name at q (q[0] begins a word) in a list: its length, its one form
** in *id (NULL: not a name here); *slots and *mask follow the table (which
** read_name may grow). */
static ALWAYS_INLINE size_t list_name(struct fastrec *L, const struct fr_slot **slots, uint32_t *mask, const char *q,
                                      size_t avail, const char **id)
{
	const struct fr_slot *s;
	size_t n = short_known_name(*slots, *mask, q, avail, &s);
	if (n) {
		*id = s->name;
		return n;
	}
	n = read_name(L, q, avail, id);
	*slots = L->names->slots;
	*mask = L->names->cap - 1;
	return n;
}

/* After a name of a list, ending at p[i]: where the next name begins
** (*more), or where the blanks after the list end (the next statement's
** first byte); 0 where that is not plain (a comment, the window's end). */
static ALWAYS_INLINE size_t list_next(const char *p, size_t i, size_t avail, bool *more)
{
	*more = true;
	if (p[i] == ',' && p[i + 1] == ' ' && byte_class[(unsigned char)p[i + 2]] & WORD_START)
		return i + 2; /* `, ` between two names, as most are written */
	i = skip_blanks(p, i, avail);
	if (p[i] == ',')
		return skip_blanks(p, i + 1, avail);
	*more = false;
	return p[i] != '#' && p[i] != '\0' ? i : 0;
}

/* The usual run of a list, as most are written: names of up to seven
** bytes met before (short_known_name's), `, ` between them, from p[i] (a
** name's first byte) on, stored at items (stride: the size of a struct
** rec_name, or of a struct rec_vote, then of this kind) from the *n-th on
** while *n is below `room`.  Where it stops: after a name
** (*after: list_next's to say what follows) or at one that is not so plain
** (read_name's to read).  Inlined: the stride a constant. */
static ALWAYS_INLINE size_t known_run(const struct fr_slot *slots, uint32_t mask, const char *p, size_t i,
                                      size_t avail, uint32_t at, void *items, size_t stride, enum vote_kind kind,
                                      size_t *n, size_t room, bool *after)
{
	size_t k = *n;
	*after = false;
#if NAME_HEAD_WORDS
	const uint64_t ones = EACH_BYTE(1), tops = EACH_BYTE(0x80);
	while (k < room && i + 8 <= avail) {
		uint64_t x = load8(p + i);
		uint64_t ends = (x - NAME_END_BELOW * ones) & ~x & tops;
		if (!ends)
			break; /* eight bytes or more */
		size_t len = (unsigned)__builtin_ctzll(ends) / 8; /* (unsigned: not sign-extended) */
		uint64_t head = x & ((ends ^ (ends - 1)) >> 8);
		/* name_head_hash for a name of up to seven bytes */
		uint32_t h = (uint32_t)((head * 0x9E3779B97F4A7C15ull) >> 32) & mask;
		while (slots[h].head != head) {
			if (!slots[h].text)
				goto out;
			h = (h + 1) & mask;
		}
		const char *id = slots[h].name;
		if (!id)
			break;
		struct rec_name nm = { id, { at + (uint32_t)i, at + (uint32_t)(i + len) }, NULL };
		void *item = (char *)items + k++ * stride;
		if (stride == sizeof(struct rec_vote))
			*(struct rec_vote *)item = (struct rec_vote){ nm, kind };
		else
			*(struct rec_name *)item = nm;
		i += len;
		uint16_t between;
		memcpy(&between, p + i, 2); /* `, ` in one comparison (little-endian) */
		if (between != (',' | ' ' << 8) || !(byte_class[(unsigned char)p[i + 2]] & WORD_START)) {
			*after = true;
			break;
		}
		i += 2;
	}
out:
#else
	(void)slots, (void)mask, (void)p, (void)avail, (void)at, (void)items, (void)stride, (void)kind, (void)room;
#endif
	*n = k;
	return i;
}

/* The names of a statement, `alice, bob,\n carol` (record.l's WORD or
** LIST) and the blanks after them, added to L->said (as it was if they
** are not plain); *end where the last ends.  The list and the table are
** kept in locals while it runs (a store of a name could otherwise be a
** store to either, for the compiler). */
static size_t names_into(struct fastrec *L, const char *p, size_t avail, uint32_t at, uint32_t *end)
{
	struct fr_names *said = &L->said;
	const struct fr_slot *slots = L->names->slots;
	uint32_t mask = L->names->cap - 1;
	struct rec_name *items = said->items;
	size_t had = said->n, n_said = had, cap = said->cap;
	for (size_t i = 0;;) {
		const char *id;
		bool more;
		if (!(byte_class[(unsigned char)p[i]] & WORD_START))
			break;
		if (slots) {
			bool after;
			i = known_run(slots, mask, p, i, avail, at, items, sizeof *items, VOTE_FOR, &n_said,
			              cap < MINUTES_MAX_NAMES ? cap : MINUTES_MAX_NAMES, &after);
			if (after) {
				uint32_t last = items[n_said - 1].span.end;
				i = list_next(p, i, avail, &more);
				if (more)
					continue;
				if (!i)
					break;
				said->n = n_said;
				*end = last;
				return i;
			}
		}
		size_t n = list_name(L, &slots, &mask, p + i, avail - i, &id);
		if (!id || n_said == MINUTES_MAX_NAMES)
			break;
		if (n_said == cap) {
			cap = cap ? 2 * cap : 32;
			items = arena_grow(L->arena, items, n_said, cap, sizeof *items);
			said->items = items;
			said->cap = cap;
		}
		items[n_said++] = (struct rec_name){ id, { at + (uint32_t)i, at + (uint32_t)(i + n) }, NULL };
		uint32_t last = at + (uint32_t)(i + n);
		i = list_next(p, i + n, avail, &more);
		if (more)
			continue;
		if (!i)
			break;
		said->n = n_said;
		*end = last;
		return i;
	}
	said->n = had;
	return 0;
}

size_t fr_scan_names(struct fastrec *L, const char *p, size_t avail, uint32_t at, uint32_t *end)
{
	L->said.n = 0;
	L->n_said_by = 0;
	return names_into(L, p, avail, at, end);
}

#if NAME_HEAD_WORDS
/* The first n bytes (n <= 8) of a word, byte i at bits 8i: written out, so
** that for a literal word it is a constant (a loop is not folded). */
#define WORD_BYTE_AT(w, n, i) ((n) > (i) ? (uint64_t)(unsigned char)(w)[i] << (8 * (i)) : 0)
static ALWAYS_INLINE uint64_t word_head(const char *w, size_t n)
{
	return WORD_BYTE_AT(w, n, 0) | WORD_BYTE_AT(w, n, 1) | WORD_BYTE_AT(w, n, 2) | WORD_BYTE_AT(w, n, 3) |
	       WORD_BYTE_AT(w, n, 4) | WORD_BYTE_AT(w, n, 5) | WORD_BYTE_AT(w, n, 6) | WORD_BYTE_AT(w, n, 7);
}
#endif

/* After a word matched at p (len bytes): the blanks after it, or 0 where
** it goes on (a longer word) or what follows is not known (a comment, the
** window's end). */
static ALWAYS_INLINE size_t word_end(const char *p, size_t avail, size_t len)
{
	if (p[len] == ' ' && byte_class[(unsigned char)p[len + 1]] & STARTS)
		return len + 1; /* one space, and the next word: as most are written */
	if (byte_class[(unsigned char)p[len]] & WORD_BYTE || p[len] == '\0')
		return 0;
	size_t i = skip_blanks(p, len, avail);
	return p[i] == '#' || p[i] == '\0' ? 0 : i;
}

/* The word `word` (record.l's keyword; len bytes, a literal) and the
** blanks after it, or 0.  Inlined: with the word known, the comparison is
** a few instructions. */
static ALWAYS_INLINE size_t word_at(const char *p, size_t avail, const char *word, size_t len)
{
#if NAME_HEAD_WORDS
	if (avail >= 8) {
		/* its first eight bytes (a constant, inlined) in one comparison:
		** where the first byte is known (record.y's dispatch on it), the
		** word mostly matches, and byte by byte costs its length */
		size_t n = len < 8 ? len : 8;
		uint64_t mask = n == 8 ? ~0ull : (1ull << (8 * n)) - 1, x = load8(p);
		if (len < 8) {
			/* the word and one space, as most are written, in one
			** comparison (a constant), and what follows it */
			uint64_t spaced = len == 7 ? ~0ull : (1ull << (8 * len + 8)) - 1;
			if ((x & spaced) == (word_head(word, n) | (uint64_t)' ' << (8 * len)) &&
			    byte_class[(unsigned char)p[len + 1]] & STARTS)
				return len + 1;
		}
		if ((x & mask) != word_head(word, n))
			return 0;
		for (size_t k = 8; k < len; k++) /* stops at p's NUL, which no word has */
			if (p[k] != word[k])
				return 0;
	} else
#endif
	{
		for (size_t k = 0; k < len; k++)
			if (p[k] != word[k])
				return 0;
	}
	return word_end(p, avail, len);
}

/* The same for a word known only as the program runs (one of a table):
** byte by byte, as word_head would not be a constant. */
static size_t any_word_at(const char *p, size_t avail, const char *word)
{
	size_t len = 0;
	for (; word[len]; len++) /* stops at p's NUL, which no word has */
		if (p[len] != word[len])
			return 0;
	return word_end(p, avail, len);
}

/* The same for the words after `papers` and `minutes`, each compared as
** a literal (any_word_at for any other). */
static size_t known_word_at(const char *p, size_t avail, const char *word)
{
	if (strcmp(word, "sent") == 0)
		return word_at(p, avail, "sent", 4);
	if (strcmp(word, "circulated") == 0)
		return word_at(p, avail, "circulated", 10);
	if (strcmp(word, "amended") == 0)
		return word_at(p, avail, "amended", 7);
	return any_word_at(p, avail, word);
}

/* fr_scan_outcome, `carried` and `not carried` (most outcomes) inlined:
** a comparison or two (the words of `not carried` one space apart, as
** they mostly are, compared as one word). */
static ALWAYS_INLINE size_t outcome_at(const char *p, size_t avail, int *outcome, uint32_t *len)
{
	size_t n;
	if (p[0] == 'c') {
		n = word_at(p, avail, "carried", 7);
		if (n)
			*outcome = OUTCOME_CARRIED, *len = 7;
		return n;
	}
	if (p[0] == 'n' && (n = word_at(p, avail, "not carried", 11))) {
		*outcome = OUTCOME_NOT_CARRIED, *len = 11;
		return n;
	}
	return fr_scan_outcome(p, avail, outcome, len);
}

/* `recorded <outcome> }` and the blanks after it, as most motions end:
** the outcome in L->outcome, *end where the '}' ends; or 0.  Inlined in
** whole_motion (close_at), a call from the scanner's actions. */
static ALWAYS_INLINE size_t close_at(struct fastrec *L, const char *p, size_t avail, uint32_t at, uint32_t *end)
{
	size_t r = word_at(p, avail, "recorded", 8), o = 0;
	uint32_t len;
	if (r)
		o = outcome_at(p + r, avail - r, &L->outcome.outcome, &len);
	if (!o || p[r + o] != '}')
		return 0;
	L->outcome.said = (struct span){ at, at + (uint32_t)r + len };
	*end = at + (uint32_t)(r + o + 1);
	return skip_blanks(p, r + o + 1, avail);
}

size_t fr_scan_close(struct fastrec *L, const char *p, size_t avail, uint32_t at, uint32_t *end)
{
	return close_at(L, p, avail, at, end);
}

/* `for`, `against` or `abstain` and the blanks after it: its length, its
** kind in *kind; 0 for any other word. */
static size_t vote_word_at(const char *p, size_t avail, enum vote_kind *kind)
{
	size_t w;
	if ((w = word_at(p, avail, "for", 3)))
		*kind = VOTE_FOR;
	else if ((w = word_at(p, avail, "against", 7)))
		*kind = VOTE_AGAINST;
	else if ((w = word_at(p, avail, "abstain", 7)))
		*kind = VOTE_ABSTAIN;
	return w;
}

/* The names after `for`, `against` or `abstain` (kind), and the statements
** of the same three that follow, as plainly written (up to
** FR_MAX_SAID_BY): one token for them all, their names in L->said, whose
** they are in L->said_by; and `recorded <outcome> }` if it follows them
** (*closes, the outcome in L->outcome). */
size_t fr_scan_votes(struct fastrec *L, enum vote_kind kind, const char *p, size_t avail, uint32_t at,
                     uint32_t *end, bool *closes)
{
	*closes = false;
	size_t i = fr_scan_names(L, p, avail, at, end);
	if (!i)
		return 0;
	for (;;) {
		L->said_by[L->n_said_by++] = (struct fr_said_by){ kind, L->said.n };
		size_t w = L->n_said_by < FR_MAX_SAID_BY ? vote_word_at(p + i, avail - i, &kind) : 0;
		size_t n = w ? names_into(L, p + i + w, avail - i - w, at + (uint32_t)(i + w), end) : 0;
		if (!n)
			break; /* the next statement is the scanner's, but for the motion's outcome and end */
		i += w + n;
	}
	size_t c = fr_scan_close(L, p + i, avail - i, at + (uint32_t)i, end);
	*closes = c != 0;
	return i + c;
}

/* Where the string from p[i] on ends: its '"', or a byte that makes it the
** scanner's (a '\\' to decode, a line end, the NUL), eight at a time. */
static ALWAYS_INLINE size_t string_end(const char *p, size_t i, size_t avail)
{
#if defined(__SSE2__)
	/* sixteen bytes a step: a title is a few dozen */
	const __m128i quote16 = _mm_set1_epi8('"'), slash16 = _mm_set1_epi8('\\'), below16 = _mm_set1_epi8(0x1F);
	while (i + 16 <= avail) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		__m128i control = _mm_cmpeq_epi8(_mm_min_epu8(x, below16), x); /* x <= 0x1F */
		unsigned stop = (unsigned)_mm_movemask_epi8(
			_mm_or_si128(control, _mm_or_si128(_mm_cmpeq_epi8(x, quote16), _mm_cmpeq_epi8(x, slash16))));
		if (!stop) {
			i += 16;
			continue;
		}
		i += (size_t)__builtin_ctz(stop);
		if (p[i] == '"' || p[i] == '\\' || p[i] == '\n' || p[i] == '\0')
			return i;
		i++; /* a tab, say: part of the string */
	}
#endif
#if NAME_HEAD_WORDS
	const uint64_t ones = EACH_BYTE(1), tops = EACH_BYTE(0x80);
	while (i + 8 <= avail) {
		/* the first byte below 0x20 (a line's end, the NUL or another
		** control character), '"' or '\\': each test is exact in the lowest
		** byte it flags (a borrow runs only upwards, from a flagged byte) */
		uint64_t x = load8(p + i), quote = x ^ EACH_BYTE('"'), slash = x ^ EACH_BYTE('\\');
		uint64_t stop = (((x - EACH_BYTE(0x20)) & ~x) | ((quote - ones) & ~quote) | ((slash - ones) & ~slash)) & tops;
		if (!stop) {
			i += 8;
			continue;
		}
		i += (size_t)__builtin_ctzll(stop) / 8;
		if (p[i] == '"' || p[i] == '\\' || p[i] == '\n' || p[i] == '\0')
			return i;
		i++; /* a tab, say: part of the string */
	}
#else
	(void)avail;
#endif
	while (p[i] != '"' && p[i] != '\\' && p[i] != '\n' && p[i] != '\0')
		i++;
	return i;
}

/* The outcome after `recorded`: carried, not carried, void, provisional
** or undetermined. */
size_t fr_scan_outcome(const char *p, size_t avail, int *outcome, uint32_t *len)
{
	size_t n;
	switch (p[0]) {
	case 'c':
		if ((n = word_at(p, avail, "carried", 7)))
			*outcome = OUTCOME_CARRIED, *len = 7;
		return n;
	case 'n': {
		size_t k = word_at(p, avail, "not", 3);
		if (k && (n = word_at(p + k, avail - k, "carried", 7))) {
			*outcome = OUTCOME_NOT_CARRIED, *len = (uint32_t)k + 7;
			return k + n;
		}
		return 0;
	}
	case 'v':
		if ((n = word_at(p, avail, "void", 4)))
			*outcome = OUTCOME_VOID, *len = 4;
		return n;
	case 'p':
		if ((n = word_at(p, avail, "provisional", 11)))
			*outcome = OUTCOME_PROVISIONAL, *len = 11;
		return n;
	case 'u':
		if ((n = word_at(p, avail, "undetermined", 12)))
			*outcome = OUTCOME_UNDETERMINED, *len = 12;
		return n;
	default:
		return 0;
	}
}

size_t fr_scan_blanks_after(const char *p, size_t i, size_t avail)
{
	return skip_blanks(p, i, avail);
}

/* A count (a whole number up to 1000000, as a tally's: a tally of more is
** the full path's to report) and the blanks after it (at least one), or 0. */
static ALWAYS_INLINE size_t count_at(const char *p, size_t avail, int64_t *count, size_t *digits)
{
	size_t n = 0;
	int64_t v = 0;
	for (; p[n] >= '0' && p[n] <= '9' && n < 8; n++)
		v = v * 10 + (p[n] - '0');
	if (n == 0 || v > 1000000 || !(byte_class[(unsigned char)p[n]] & BLANK))
		return 0;
	*count = v;
	*digits = n;
	return skip_blanks(p, n, avail);
}

/* Does flex's window end (its NUL) in the word at p or the blanks after
** it?  Then what comes after the word, and so whether it begins the
** statement that follows, is not known yet. */
static bool window_ends_after_word(const char *p)
{
	size_t k = 0;
	while (byte_class[(unsigned char)p[k]] & WORD_BYTE)
		k++;
	while (byte_class[(unsigned char)p[k]] & BLANK)
		k++;
	return p[k] == '\0';
}

/* One count of a tally, `word N` at p + i (word: len bytes, a literal),
** into L->tally.count[k]: i past it and its blanks, *end where its digits
** end; 0 where it is not there. */
static ALWAYS_INLINE size_t tally_count(struct fastrec *L, const char *p, size_t i, size_t avail, const char *word,
                                        size_t len, int k, uint32_t at, uint32_t *end)
{
	size_t digits, w = word_at(p + i, avail - i, word, len), n;
	if (!w || !(n = count_at(p + i + w, avail - i - w, &L->tally.count[k], &digits)))
		return 0;
	*end = at + (uint32_t)(i + w + digits);
	return i + w + n;
}

/* What follows `tally`: for N against N, and abstain N if it follows, into
** L->tally.  Not read where the window ends in the word after the counts,
** which may be the `abstain` that belongs to the tally.  Written out, each
** word a literal (a loop over the three compared them as variables). */
size_t fr_scan_tally(struct fastrec *L, const char *p, size_t avail, uint32_t at, uint32_t *end)
{
	size_t i, j;
	L->tally.has_abstain = false;
	if (!(i = tally_count(L, p, 0, avail, "for", 3, 0, at, end)) ||
	    !(i = tally_count(L, p, i, avail, "against", 7, 1, at, end)))
		return 0;
	if (p[i] == 'a' && (j = tally_count(L, p, i, avail, "abstain", 7, 2, at, end))) {
		i = j;
		L->tally.has_abstain = true;
	} else if (word_at(p + i, avail - i, "abstain", 7) || window_ends_after_word(p + i)) {
		return 0; /* `abstain` and no count, or the window ends in the word after the counts */
	}
	return p[i] == '#' || p[i] == '\0' ? 0 : i;
}

/* `true` or `false` as a word (a keyword, not a name's beginning). */
static bool is_boolean_at(const char *p)
{
	return (strncmp(p, "true", 4) == 0 && !(byte_class[(unsigned char)p[4]] & WORD_BYTE)) ||
	       (strncmp(p, "false", 5) == 0 && !(byte_class[(unsigned char)p[5]] & WORD_BYTE));
}

/* An attribute of a motion's head, its name and the blanks after it
** (record.y's `motion_head IDENT`), with a whole number (up to 18 digits),
** `true` or `false` after it (motion_head IDENT NUMBER/TRUE/FALSE), into
** L->head.attrs; 0 where it is not written so plainly. */
static size_t motion_attribute(struct fastrec *L, const char *p, size_t avail, uint32_t at, uint32_t *end)
{
	const char *id;
	const struct fr_slot *slots = L->names->slots;
	uint32_t mask = L->names->cap - 1;
	size_t n = list_name(L, &slots, &mask, p, avail, &id), i, k;
	if (!id)
		return 0;
	struct fr_head *h = &L->head;
	if (h->n_attrs == h->cap_attrs) {
		size_t cap = h->cap_attrs ? 2 * h->cap_attrs : 8;
		h->attrs = arena_grow(L->arena, h->attrs, h->n_attrs, cap, sizeof *h->attrs);
		h->cap_attrs = cap;
	}
	/* made in place, counted once it is read (not built aside and copied) */
	struct fr_attr_read *a = &h->attrs[h->n_attrs];
	a->name = id;
	a->name_at = (struct span){ at, at + (uint32_t)n };
	a->has_value = false;
	a->value_at = (struct span){ at + (uint32_t)n, at + (uint32_t)n };
	i = skip_blanks(p, n, avail);
	if (p[i] >= '0' && p[i] <= '9') {
		int64_t v = 0;
		size_t d = 0;
		for (; p[i + d] >= '0' && p[i + d] <= '9' && d < 18; d++)
			v = v * 10 + (p[i + d] - '0');
		char c = p[i + d];
		if (!(byte_class[(unsigned char)c] & BLANK || c == '{'))
			return 0; /* a decimal, a percentage, a date, a longer number */
		a->has_value = true;
		a->value = (struct value){ .type = VT_NUM, .u.num = { v, 1 } };
		a->value_at = (struct span){ at + (uint32_t)i, at + (uint32_t)(i + d) };
		i = skip_blanks(p, i + d, avail);
	} else if (p[i] != 't' && p[i] != 'f') {
		/* another attribute, or the '{' */
	} else if ((k = word_at(p + i, avail - i, "true", 4)) || (k = word_at(p + i, avail - i, "false", 5))) {
		size_t len = p[i] == 't' ? 4 : 5;
		a->has_value = true;
		a->value = (struct value){ .type = VT_BOOL, .u.boolean = len == 4 };
		a->value_at = (struct span){ at + (uint32_t)i, at + (uint32_t)(i + len) };
		i += k;
	} else if (is_boolean_at(p + i)) {
		return 0; /* `true` with a comment after it */
	}
	h->n_attrs++;
	*end = a->has_value ? a->value_at.end : a->name_at.end;
	return i;
}

/* A date (record.l's DATE) followed by a blank or '{', or 0. */
static ALWAYS_INLINE size_t date_at(struct fastrec *L, const char *p, size_t avail, qdate *date)
{
	if (avail < 11) {
		for (size_t k = 0; k < 10; k++) /* stops at the NUL */
			if (k == 4 || k == 7 ? p[k] != '-' : !(p[k] >= '0' && p[k] <= '9'))
				return 0;
	}
	if (!(p[8] >= '0' && p[8] <= '9' && p[9] >= '0' && p[9] <= '9') ||
	    !(byte_class[(unsigned char)p[10]] & BLANK || p[10] == '{'))
		return 0;
	/* a month met lately: its `YYYY-MM-` is a date's (checked when it
	** was kept), and only the day is left to check */
	uint64_t key;
	memcpy(&key, p, 8);
	int day = (p[8] - '0') * 10 + (p[9] - '0');
	for (unsigned k = 0; k < FR_MONTHS; k++) {
		const struct fr_month *mo = &L->months[k];
		if (mo->key == key) {
			if (day < 1 || day > mo->days)
				return 0;
			*date = mo->first + day - 1;
			return 10;
		}
	}
	for (size_t k = 0; k < 8; k++)
		if (k == 4 || k == 7 ? p[k] != '-' : !(p[k] >= '0' && p[k] <= '9'))
			return 0;
	if (date_parse(p, 10, date) != DATE_OK)
		return 0;
	struct fr_month *mo = &L->months[L->next_month++ % FR_MONTHS];
	mo->key = key;
	mo->first = *date - (day - 1);
	mo->days = date_days_in_month((p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0'),
	                              (p[5] - '0') * 10 + (p[6] - '0'));
	return 10;
}

/* A string with nothing to decode (record.l's STRING, no longer than the
** full path takes) and the blanks after it, into a copy in the meeting's
** arena and its span; or 0. */
static size_t string_at(struct fastrec *L, const char *p, size_t avail, uint32_t at, struct fr_string *out)
{
	if (p[0] != '"')
		return 0;
	size_t i = string_end(p, 1, avail);
	if (p[i] != '"' || i - 1 > PARSE_MAX_STRING)
		return 0;
	char *text = arena_alloc_uninit(L->out, i);
	copy_short(text, p + 1, i - 1);
	text[i - 1] = '\0';
	out->text = text;
	out->at = (struct span){ at, at + (uint32_t)i + 1 };
	return skip_blanks(p, i + 1, avail);
}

size_t fr_scan_terms(struct fastrec *L, const char *p, size_t avail, uint32_t at)
{
	return string_at(L, p, avail, at, &L->string);
}

/* `sent DATE` after `papers`, `circulated DATE` or `amended DATE` after
** `minutes` (words[0], words[1]: which of them in L->dated). */
size_t fr_scan_dated(struct fastrec *L, const char *p, size_t avail, const char *const words[2], uint32_t at,
                     uint32_t *end)
{
	for (int k = 0; k < 2 && words[k]; k++) {
		size_t w = known_word_at(p, avail, words[k]);
		if (!w || !date_at(L, p + w, avail - w, &L->dated.date))
			continue;
		L->dated.which = k;
		*end = at + (uint32_t)w + 10;
		return skip_blanks(p, w + 10, avail);
	}
	return 0;
}

/* fr_scan_dated for whole_items, the words literals: `sent DATE` after
** `papers`, `circulated DATE` or `amended DATE` after `minutes`. */
static ALWAYS_INLINE size_t dated_at(struct fastrec *L, const char *p, size_t avail, bool minutes, uint32_t at,
                                     uint32_t *end)
{
	size_t w = minutes ? word_at(p, avail, "circulated", 10) : word_at(p, avail, "sent", 4);
	L->dated.which = 0;
	if (!w || !date_at(L, p + w, avail - w, &L->dated.date)) {
		if (!minutes || !(w = word_at(p, avail, "amended", 7)) || !date_at(L, p + w, avail - w, &L->dated.date))
			return 0;
		L->dated.which = 1;
	}
	*end = at + (uint32_t)w + 10;
	return skip_blanks(p, w + 10, avail);
}

/* What follows `meeting`: its title, `on`, its date and its '{', into
** L->meeting_head. */
size_t fr_scan_meeting(struct fastrec *L, const char *p, size_t avail, uint32_t at, uint32_t *end)
{
	size_t i = string_at(L, p, avail, at, &L->meeting_head.title);
	size_t w = i ? word_at(p + i, avail - i, "on", 2) : 0;
	if (!w || !date_at(L, p + i + w, avail - i - w, &L->meeting_head.date))
		return 0;
	i = skip_blanks(p, i + w + 10, avail);
	if (p[i] != '{')
		return 0;
	*end = at + (uint32_t)++i;
	return skip_blanks(p, i, avail);
}

/* What follows `motion`: its number (digits), its title (a string with
** nothing to decode), or both, and the '{' after them if it is there
** (*open), into L->head; *end is where the last of them ends. */
size_t fr_scan_motion(struct fastrec *L, const char *p, size_t avail, uint32_t at, bool *open, uint32_t *end)
{
	size_t i = 0, digits = 0;
	L->head.number = L->head.title = NULL;
	while (p[digits] >= '0' && p[digits] <= '9')
		digits++;
	if (digits) {
		char c = p[digits];
		if (digits > 9 || !(byte_class[(unsigned char)c] & BLANK || c == '"' || c == '{'))
			return 0; /* a number of another kind, a date, a word: the scanner's */
		*end = at + (uint32_t)digits;
		i = skip_blanks(p, digits, avail);
	}
	size_t start = 0, len = 0;
	if (p[i] == '"') {
		start = ++i;
		i = string_end(p, i, avail);
		if (p[i] != '"' || i - start > PARSE_MAX_STRING)
			return 0;
		len = i - start;
		*end = at + (uint32_t)++i;
		i = skip_blanks(p, i, avail);
	}
	if (!digits && !start)
		return 0;
	/* the number and the title in one piece of the meeting's arena */
	char *text = arena_alloc_uninit(L->out, digits + 1 + len + 1);
	if (digits) {
		memcpy(text, p, digits);
		text[digits] = '\0';
		L->head.number = text;
		text += digits + 1;
	}
	if (start) {
		memcpy(text, p + start, len);
		text[len] = '\0';
		L->head.title = text;
	}
	L->head.n_attrs = 0;
	while (byte_class[(unsigned char)p[i]] & WORD_START) {
		size_t n = motion_attribute(L, p + i, avail - i, at + (uint32_t)i, end);
		if (!n)
			break; /* the scanner's to read, from its name on */
		i += n;
	}
	*open = p[i] == '{';
	if (*open) {
		*end = at + (uint32_t)++i;
		i = skip_blanks(p, i, avail);
	}
	return p[i] == '#' || p[i] == '\0' ? 0 : i;
}

/* Decode \" and \\ (quorate.l's scan_string); anything else is the full
** path's to report. */
int fr_scan_string(struct fastrec *L, const char *text, size_t len, const char **out)
{
	if (len - 2 > PARSE_MAX_STRING)
		return FR_BAD;
	const char *body = text + 1;
	size_t n = len - 2;
	char *s = arena_alloc_uninit(L->out, n + 1);
	if (!memchr(body, '\\', n)) { /* the common case: nothing to decode */
		memcpy(s, body, n);
		s[n] = '\0';
		*out = s;
		return FR_STRING;
	}
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (body[i] == '\\') {
			i++;
			if (body[i] != '"' && body[i] != '\\')
				return FR_BAD;
		}
		s[k++] = body[i];
	}
	s[k] = '\0';
	*out = s;
	return FR_STRING;
}

/* A number and its blanks (record.l's {NUMBER}{WS}, len bytes); a whole
** number of up to 18 digits is read here, any other by rat_parse. */
int fr_scan_number(struct fastrec *L, const char *text, size_t len, struct span *at, const struct fr_number **number)
{
	int64_t v = 0;
	size_t digits = 0;
	for (; text[digits] >= '0' && text[digits] <= '9' && digits < 18; digits++)
		v = v * 10 + (text[digits] - '0');
	bool whole = text[digits] == '\0' || between_names[(unsigned char)text[digits]];
	if (whole)
		len = digits;
	while (len > 0 && between_names[(unsigned char)text[len - 1]]) /* the blanks after it */
		len--;
	at->end = at->start + (uint32_t)len;
	/* the number and its text in one piece of the meeting's arena */
	struct fr_number *out = arena_alloc_uninit(L->out, sizeof *out + len + 1);
	char *copy = (char *)(out + 1);
	memcpy(copy, text, len);
	copy[len] = '\0';
	out->text = copy;
	*number = out;
	if (whole) {
		out->v = (struct rat){ v, 1 };
		return FR_NUMBER;
	}
	bool percent = text[len - 1] == '%';
	enum rat_status st = rat_parse(text, len - (percent ? 1 : 0), &out->v);
	if (st == RAT_OK && percent)
		st = rat_div(out->v, rat_int(100), &out->v);
	return st == RAT_OK ? FR_NUMBER : FR_BAD;
}

int fr_scan_date(struct fastrec *L, const char *text, size_t len, qdate *out)
{
	(void)L;
	return date_parse(text, len, out) == DATE_OK ? FR_DATE : FR_BAD;
}

/* ---- the grammar's actions -------------------------------------------------- */

static void give_up(struct fastrec *L)
{
	L->give_up = true;
}

bool fr_once(struct fastrec *L, unsigned *seen, unsigned bit)
{
	if (*seen & bit) {
		give_up(L);
		return false;
	}
	*seen |= bit;
	return true;
}

bool fr_word(struct fastrec *L, const char *word, const char *expected)
{
	if (strcmp(word, expected) == 0)
		return true;
	give_up(L);
	return false;
}

struct rec_name *fr_name(struct fastrec *L, const char *id, struct span at)
{
	struct rec_name *nm = arena_alloc_uninit(L->out, sizeof *nm); /* each field set: no memset's call */
	*nm = (struct rec_name){ id, at, NULL };
	return nm;
}

void fr_list_start(struct fastrec *L)
{
	L->list.n = 0;
}

void fr_list_add(struct fastrec *L, const char *id, struct span at)
{
	if (L->list.n == MINUTES_MAX_NAMES) { /* past every limit a list meets */
		give_up(L);
		return;
	}
	if (L->list.n == L->list.cap) {
		size_t cap = L->list.cap ? 2 * L->list.cap : 32;
		L->list.items = arena_grow(L->arena, L->list.items, L->list.n, cap, sizeof *L->list.items);
		L->list.cap = cap;
	}
	L->list.items[L->list.n++] = (struct rec_name){ id, at, NULL };
}

/* The names of a LIST token join the list (taken whole when it is the
** first: the two buffers change places).  An empty run means bison read a
** lookahead LIST that could not be scanned (`for a, b` then `against , c`,
** which is one LIST starting with a keyword) before reducing the statement
** before it; the statement is a syntax error, and the full path says so. */
void fr_list_add_run(struct fastrec *L)
{
	if (L->run.n == 0) {
		give_up(L);
		return;
	}
	if (L->list.n == 0) {
		struct fr_names t = L->list;
		L->list = L->run;
		L->run = t;
		return;
	}
	for (size_t i = 0; i < L->run.n && !L->give_up; i++)
		fr_list_add(L, L->run.items[i].id, L->run.items[i].span);
}

/* Names counted against MINUTES_MAX_NAMES (minutes.c counts the same). */
static bool count_names(struct fastrec *L, size_t n)
{
	if (L->n_names + n > MINUTES_MAX_NAMES) {
		give_up(L);
		return false;
	}
	L->n_names += (unsigned)n;
	return true;
}

static void append(struct fastrec *L, struct fr_names *to, const struct rec_name *items, size_t n)
{
	if (to->n + n > to->cap) {
		/* not zeroed: only the first to->n are read (at most twice
		** MINUTES_MAX_NAMES: count_names bounds every list) */
		size_t cap = to->cap ? 2 * to->cap : 16;
		while (cap < to->n + n)
			cap *= 2;
		struct rec_name *grown = arena_alloc_uninit(L->out, cap * sizeof *grown);
		if (to->n)
			memcpy(grown, to->items, to->n * sizeof *grown);
		to->items = grown;
		to->cap = cap;
	}
	memcpy(to->items + to->n, items, n * sizeof *items);
	to->n += n;
}

void fr_names_to(struct fastrec *L, const struct fr_names *names, struct fr_names *to)
{
	if (count_names(L, names->n))
		append(L, to, names->items, names->n);
}

static struct rec_names names_of(const struct fr_names *v)
{
	return (struct rec_names){ v->items, (unsigned)v->n };
}

/* The steps grown (VEC_PUSH's growth, the block not zeroed: only the
** first n are read). */
static NO_INLINE void grow_steps(struct fastrec *L)
{
	size_t cap = L->steps.cap ? 2 * L->steps.cap : 16;
	struct rec_step *grown = arena_alloc_uninit(L->out, cap * sizeof *grown);
	if (L->steps.n)
		memcpy(grown, L->steps.items, L->steps.n * sizeof *grown);
	L->steps.items = grown;
	L->steps.cap = cap;
}

/* A step of the meeting's body added (inlined: a motion's end is one). */
static ALWAYS_INLINE void push_step(struct fastrec *L, struct rec_step step)
{
	if (L->steps.n == L->steps.cap)
		grow_steps(L);
	L->steps.items[L->steps.n++] = step;
}

void fr_step(struct fastrec *L, const struct fr_names *names, enum step_kind kind)
{
	if (!count_names(L, names->n))
		return;
	struct rec_step step = { kind, NULL, { NULL, 0 } };
	step.names.items = arena_array(L->out, names->n, sizeof *step.names.items);
	memcpy(step.names.items, names->items, names->n * sizeof *names->items);
	step.names.n = (unsigned)names->n;
	push_step(L, step);
}

void fr_deputy(struct fastrec *L, const char *deputy, struct span at, const char *principal, struct span pat)
{
	if (!count_names(L, 2))
		return;
	struct rec_deputy d = { { deputy, at, NULL }, { principal, pat, NULL } };
	VEC_PUSH(L->out, L->deputies, d);
}

void fr_motion_begin(struct fastrec *L, const char *number, const char *title)
{
	if (L->mt->n_motions == MINUTES_MAX_MOTIONS) {
		give_up(L);
		return;
	}
	/* zeroed in place, not by a call (a motion a few hundred bytes) */
	struct rec_motion *m = arena_alloc_uninit(L->out, sizeof *m);
	*m = (struct rec_motion){ .title = title ? title : "" };
	L->motion = m;
	L->ordinal = ++L->mt->n_motions;
	m->number = number ? number : arena_printf(L->out, "%u", L->ordinal);
	L->motion_seen = 0;
	memset(&L->votes, 0, sizeof L->votes);
	L->attrs.n = L->attr_at.n = 0; /* (in the reader's arena, reused: fr_motion_end copies them) */
	L->interests = L->objections = (struct fr_names){ 0 };
}

void fr_motion_head(struct fastrec *L, const struct fr_head *h)
{
	fr_motion_begin(L, h->number, h->title);
	for (size_t k = 0; k < h->n_attrs && !L->give_up; k++) {
		const struct fr_attr_read *a = &h->attrs[k];
		fr_attribute(L, a->name, a->name_at, a->has_value ? &a->value : NULL, a->value_at);
	}
}

/* minutes.c's read_attribute: the decimals of a number kept as written. */
struct value fr_number_value(const struct fr_number *n)
{
	return (struct value){ .type = VT_NUM, .u.num = n->v,
	                       .places = (unsigned char)rat_places_written(n->text, strlen(n->text)) };
}

void fr_attribute(struct fastrec *L, const char *name, struct span name_at, const struct value *value, struct span value_at)
{
	for (size_t k = 0; k < L->attrs.n; k++)
		if (L->attrs.items[k].name[0] == name[0] && strcmp(L->attrs.items[k].name, name) == 0) {
			give_up(L); /* given twice */
			return;
		}
	struct attr a = { name, value ? *value : (struct value){ .type = VT_BOOL, .u.boolean = true } };
	VEC_PUSH(L->arena, L->attrs, a);
	/* minutes.c's attr_at: the name as long as its one form */
	struct rec_attr_at at = { { name_at.start, name_at.start + (uint32_t)strlen(name) }, value_at };
	VEC_PUSH(L->arena, L->attr_at, at);
}

/* Room for `more` votes after the motion's (NULL: past every limit). */
static struct rec_vote *votes_room(struct fastrec *L, size_t more)
{
	size_t n = L->votes.n + more;
	if (n > MINUTES_MAX_NAMES) {
		give_up(L);
		return NULL;
	}
	if (n > L->votes.cap) { /* room for the list at once */
		size_t cap = L->votes.cap ? 2 * L->votes.cap : 16;
		while (cap < n)
			cap *= 2;
		L->votes.items = arena_grow(L->out, L->votes.items, L->votes.n, cap, sizeof *L->votes.items);
		L->votes.cap = cap;
	}
	return L->votes.items + L->votes.n;
}

void fr_votes(struct fastrec *L, const struct fr_names *names, enum vote_kind kind)
{
	struct rec_vote *v = votes_room(L, names->n);
	if (!v)
		return;
	for (size_t i = 0; i < names->n; i++)
		v[i] = (struct rec_vote){ names->items[i], kind };
	L->votes.n += names->n;
}

void fr_votes_said(struct fastrec *L, const struct fr_names *names)
{
	struct rec_vote *v = votes_room(L, names->n);
	if (!v)
		return;
	size_t i = 0;
	for (unsigned k = 0; k < L->n_said_by; k++)
		for (enum vote_kind kind = L->said_by[k].kind; i < L->said_by[k].end; i++)
			v[i] = (struct rec_vote){ names->items[i], kind };
	L->votes.n += names->n;
}

void fr_reasoned(struct fastrec *L, struct fr_names *to, const char *id, struct span at, const char *reason)
{
	if (!count_names(L, 1))
		return;
	struct rec_name nm = { id, at, reason };
	append(L, to, &nm, 1);
}

/* A tally counts votes: whole numbers from 0 to 1000000 (minutes.c). */
static bool tally_part(struct fastrec *L, const struct fr_number *n, int64_t *out)
{
	if (!rat_is_int(n->v) || n->v.num < 0 || n->v.num > 1000000) {
		give_up(L);
		return false;
	}
	*out = n->v.num;
	return true;
}

void fr_tally(struct fastrec *L, const struct fr_number *yes, const struct fr_number *no,
              const struct fr_number *abstain, struct span at)
{
	struct rec_motion *m = L->motion;
	if (!m) { /* a tally outside a motion (a motion's braces broken): the full path says what is wrong */
		give_up(L);
		return;
	}
	if (!tally_part(L, yes, &m->tally[VOTE_FOR]) || !tally_part(L, no, &m->tally[VOTE_AGAINST]) ||
	    (abstain && !tally_part(L, abstain, &m->tally[VOTE_ABSTAIN])))
		return;
	m->has_tally = true;
	m->tally_has_abstain = abstain != NULL;
	m->tally_span = at;
}

void fr_tally_counts(struct fastrec *L, const struct fr_tally *t, struct span at)
{
	struct rec_motion *m = L->motion;
	m->tally[VOTE_FOR] = t->count[0];
	m->tally[VOTE_AGAINST] = t->count[1];
	m->tally[VOTE_ABSTAIN] = t->has_abstain ? t->count[2] : 0;
	m->has_tally = true;
	m->tally_has_abstain = t->has_abstain;
	m->tally_span = at;
}

void fr_motion_end(struct fastrec *L, struct span at)
{
	struct rec_motion *m = L->motion;
	m->span = at;
	m->n_attrs = (unsigned)L->attrs.n;
	/* both arrays in one piece, each one longer than its attributes (the
	** last zero, as arena_array gives it) */
	size_t n = L->attrs.n;
	char *both = arena_alloc_uninit(L->out, (n + 1) * (sizeof *m->attrs + sizeof *m->attr_at));
	m->attrs = (struct attr *)(void *)both;
	m->attr_at = (struct rec_attr_at *)(void *)(both + (n + 1) * sizeof *m->attrs);
	if (n) {
		memcpy(m->attrs, L->attrs.items, n * sizeof *m->attrs);
		memcpy(m->attr_at, L->attr_at.items, n * sizeof *m->attr_at);
	}
	memset(&m->attrs[n], 0, sizeof *m->attrs);
	memset(&m->attr_at[n], 0, sizeof *m->attr_at);
	m->votes = L->votes.items;
	m->n_votes = (unsigned)L->votes.n;
	m->interests = names_of(&L->interests);
	m->objections = names_of(&L->objections);
	struct rec_step step = { STEP_MOTION, m, { NULL, 0 } };
	push_step(L, step);
}

void fr_meeting_end(struct fastrec *L, const char *title, qdate date, struct span at)
{
	struct meeting *mt = L->mt;
	mt->title = title;
	mt->date = date;
	mt->span = at;
	mt->present = names_of(&L->present);
	mt->apologies = names_of(&L->apologies);
	mt->attending = names_of(&L->attending);
	mt->steps = L->steps.items;
	mt->n_steps = (unsigned)L->steps.n;
	mt->deputies = L->deputies.items;
	mt->n_deputies = (unsigned)L->deputies.n;
}

/* ---- a whole meeting read by hand --------------------------------------------
**
** The meetings of a history are nearly all written the same plain way: the
** `meeting` keyword's action reads the whole meeting, to its '}', as one
** token (record.y's MEETING_WHOLE), statement by statement with the readers
** above, calling the grammar's own actions in the order the grammar would
** (so the model is the one the tokens build, field by field).  Only the
** statements most records use are read here; at anything else (a statement
** of another kind, a comment inside a statement, a word the readers above
** leave to the scanner, a statement an action would give up on, the end of
** flex's window) nothing is read: the meeting's state is begun again and
** the scanner reads the meeting token by token, as it always has, giving up
** where it always did.  test_fastrec's test_whole_meeting compares the two.
*/

static void begin_meeting(struct fastrec *L, struct arena *out);

/* The blanks and comments from p[i] on, between two statements: where the
** next begins (a NUL there: the window ends, or the file). */
static size_t skip_comments(const char *p, size_t i, size_t avail)
{
	for (i = skip_blanks(p, i, avail); p[i] == '#'; i = skip_blanks(p, i, avail))
		while (p[i] != '\n' && p[i] != '\0')
			i++;
	return i;
}

/* The same, inlined where the next statement begins at p[i] already (the
** readers of a statement skip the blanks after it), as it mostly does. */
static ALWAYS_INLINE size_t skip_between(const char *p, size_t i, size_t avail)
{
	if (byte_class[(unsigned char)p[i]] & STARTS)
		return i;
	return skip_comments(p, i, avail);
}

/* The one word `word` that a statement's keyword is, at p (the blanks after
** it included), or 0. */
#define KEYWORD_AT(p, avail, word) word_at((p), (avail), word, sizeof word - 1)

/* The names after `for`, `against` or `abstain` (kind; at p, offset at)
** and the blanks after them, as the motion's votes (L->votes, as they
** were if they are not plain: what fr_votes_said makes of them). */
static size_t votes_into(struct fastrec *L, enum vote_kind kind, const char *p, size_t avail, uint32_t at)
{
	const struct fr_slot *slots = L->names->slots;
	uint32_t mask = L->names->cap - 1;
	struct rec_vote *items = L->votes.items;
	size_t n_votes = L->votes.n, cap = L->votes.cap;
	if (!cap) { /* a motion's first: room for known_run's names (nothing to copy) */
		cap = 16;
		items = arena_alloc_uninit(L->out, cap * sizeof *items);
		L->votes.items = items;
		L->votes.cap = cap;
	}
	for (size_t i = 0;;) {
		const char *id;
		bool more;
		if (!(byte_class[(unsigned char)p[i]] & WORD_START))
			return 0;
		if (slots) {
			bool after;
			i = known_run(slots, mask, p, i, avail, at, items, sizeof *items, kind, &n_votes,
			              cap < MINUTES_MAX_NAMES ? cap : MINUTES_MAX_NAMES, &after);
			if (after) {
				i = list_next(p, i, avail, &more);
				if (more)
					continue;
				if (i)
					L->votes.n = n_votes;
				return i;
			}
		}
		size_t n = list_name(L, &slots, &mask, p + i, avail - i, &id);
		if (!id || n_votes == MINUTES_MAX_NAMES) /* past every limit: votes_room gives up */
			return 0;
		if (n_votes == cap) {
			cap *= 2;
			items = arena_grow(L->out, items, n_votes, cap, sizeof *items);
			L->votes.items = items;
			L->votes.cap = cap;
		}
		items[n_votes++] = (struct rec_vote){ { id, { at + (uint32_t)i, at + (uint32_t)(i + n) }, NULL }, kind };
		i = list_next(p, i + n, avail, &more);
		if (more)
			continue;
		if (i)
			L->votes.n = n_votes;
		return i;
	}
}

/* `recorded`'s outcome, as record.y's RECORDED: once a motion. */
static bool whole_recorded(struct fastrec *L, const struct fr_outcome *o)
{
	if (!fr_once(L, &L->motion_seen, SAID_RECORDED))
		return false;
	L->motion->recorded = (enum outcome)o->outcome;
	L->motion->recorded_span = o->said;
	return true;
}

/* `interest NAME "reason"` or `objection NAME` (after the keyword, at q):
** the name, its blanks, and a plain string if one follows; or 0. */
static size_t whole_reasoned(struct fastrec *L, const char *q, size_t avail, uint32_t at, struct fr_names *to)
{
	const char *id;
	if (!(byte_class[(unsigned char)q[0]] & WORD_START))
		return 0;
	const struct fr_slot *slots = L->names->slots;
	uint32_t mask = L->names->cap - 1;
	size_t n = list_name(L, &slots, &mask, q, avail, &id);
	if (!id)
		return 0;
	size_t j = skip_blanks(q, n, avail);
	struct fr_string reason = { NULL, { 0, 0 } };
	if (q[j] == '"') {
		size_t s = string_at(L, q + j, avail - j, at + (uint32_t)j, &reason);
		if (!s)
			return 0;
		j += s;
	}
	if (q[j] == ',' || q[j] == '#' || q[j] == '\0')
		return 0; /* a list (a syntax error), or what follows unknown */
	fr_reasoned(L, to, id, (struct span){ at, at + (uint32_t)n }, reason.text);
	return L->give_up ? 0 : j;
}

/* `casting for`, `casting against` or `casting declined` (after `casting`,
** at q, which is at `at`; the keyword began at `start`), or 0. */
static size_t whole_casting(struct fastrec *L, const char *q, size_t avail, uint32_t start, uint32_t at)
{
	size_t w, len;
	enum vote_kind kind = VOTE_FOR;
	bool declined = false;
	if ((w = KEYWORD_AT(q, avail, "for")))
		len = 3;
	else if ((w = KEYWORD_AT(q, avail, "against")))
		len = 7, kind = VOTE_AGAINST;
	else if ((w = KEYWORD_AT(q, avail, "declined")))
		len = 8, declined = true;
	else
		return 0;
	if (q[w] == ',' || !fr_once(L, &L->motion_seen, SAID_CASTING))
		return 0;
	struct rec_motion *m = L->motion;
	m->has_casting = !declined;
	m->casting_declined = declined;
	m->casting = kind;
	m->casting_span = (struct span){ start, at + (uint32_t)len };
	return w;
}

/* A motion zeroed: GCC's `*m = (struct rec_motion){ 0 }` is `rep stos`,
** a step for each of its 35 words; sixteen bytes a store, one for each
** two.  (A loop of them GCC would make a memset again: written out.) */
static ALWAYS_INLINE void zero_motion(struct rec_motion *m)
{
#if defined(__SSE2__)
	char *b = (char *)(void *)m;
	const __m128i z = _mm_setzero_si128();
	_Static_assert(sizeof *m <= 18 * 16 && sizeof *m >= 16, "zero_motion's stores cover a motion");
#define ZERO16(k) \
	if ((k) * 16 + 16 <= sizeof *m) \
		_mm_storeu_si128((__m128i *)(void *)(b + (k) * 16), z)
	ZERO16(0); ZERO16(1); ZERO16(2); ZERO16(3); ZERO16(4); ZERO16(5); ZERO16(6); ZERO16(7); ZERO16(8);
	ZERO16(9); ZERO16(10); ZERO16(11); ZERO16(12); ZERO16(13); ZERO16(14); ZERO16(15); ZERO16(16); ZERO16(17);
#undef ZERO16
	if (sizeof *m % 16) /* the last bytes, by a store that overlaps the one before */
		_mm_storeu_si128((__m128i *)(void *)(b + sizeof *m - 16), z);
#else
	*m = (struct rec_motion){ 0 };
#endif
}

/* The motion begun (fr_motion_begin and fr_attribute's model) from its
** head as read (number: digits bytes at p, title: len bytes at p + start;
** start 0: none; the attributes in L->head), in one piece of the
** meeting's arena: the motion, its attributes and where they are written
** (each ended by a zero one, as fr_motion_end makes them), its number and
** title.  False where an action would give up. */
static bool whole_motion_begin(struct fastrec *L, const char *p, size_t digits, size_t start, size_t len)
{
	const struct fr_head *h = &L->head;
	size_t n = h->n_attrs;
	if (L->mt->n_motions == MINUTES_MAX_MOTIONS)
		return false;
	for (size_t k = 1; k < n; k++) /* an attribute given twice */
		for (size_t j = 0; j < k; j++)
			if (h->attrs[j].name[0] == h->attrs[k].name[0] && strcmp(h->attrs[j].name, h->attrs[k].name) == 0)
				return false;
	char *piece = arena_alloc_uninit(L->out, sizeof(struct rec_motion) + (n + 1) * sizeof(struct attr) +
	                                         (n + 1) * sizeof(struct rec_attr_at) + digits + 1 + len + 1);
	struct rec_motion *m = (struct rec_motion *)(void *)piece;
	struct attr *attrs = (struct attr *)(void *)(piece + sizeof *m);
	struct rec_attr_at *attr_at = (struct rec_attr_at *)(void *)(attrs + n + 1);
	char *text = (char *)(attr_at + n + 1);
	zero_motion(m);
	m->title = "";
	L->motion = m;
	L->ordinal = ++L->mt->n_motions;
	if (digits) {
		copy_short(text, p, digits);
		text[digits] = '\0';
		m->number = text;
		text += digits + 1;
	} else {
		m->number = arena_printf(L->out, "%u", L->ordinal);
	}
	if (start) {
		copy_short(text, p + start, len);
		text[len] = '\0';
		m->title = text;
	}
	for (size_t k = 0; k < n; k++) {
		const struct fr_attr_read *a = &h->attrs[k];
		attrs[k].name = a->name; /* (a field at a time: the value as one struct was `rep movsq`) */
		if (a->has_value)
			attrs[k].value = a->value;
		else
			attrs[k].value = (struct value){ .type = VT_BOOL, .u.boolean = true };
		/* minutes.c's attr_at: the name as long as its one form */
		attr_at[k] = (struct rec_attr_at){ { a->name_at.start, a->name_at.start + (uint32_t)strlen(a->name) }, a->value_at };
	}
	memset(&attrs[n], 0, sizeof *attrs);
	memset(&attr_at[n], 0, sizeof *attr_at);
	m->attrs = attrs;
	m->attr_at = attr_at;
	m->n_attrs = (unsigned)n;
	L->motion_seen = 0;
	memset(&L->votes, 0, sizeof L->votes);
	L->attrs.n = L->attr_at.n = 0;
	L->interests = L->objections = (struct fr_names){ 0 };
	return true;
}

/* What follows `motion` (at p, offset at), as fr_scan_motion reads it,
** and the '{' it must end with: the motion begun; the bytes read and the
** blanks after them, or 0. */
static size_t whole_motion_head(struct fastrec *L, const char *p, size_t avail, uint32_t at)
{
	size_t i = 0, digits = 0, start = 0, len = 0;
	uint32_t end;
	while (p[digits] >= '0' && p[digits] <= '9')
		digits++;
	if (digits) {
		char c = p[digits];
		if (digits > 9 || !(byte_class[(unsigned char)c] & BLANK || c == '"' || c == '{'))
			return 0;
		i = skip_blanks(p, digits, avail);
	}
	if (p[i] == '"') {
		start = ++i;
		i = string_end(p, i, avail);
		if (p[i] != '"' || i - start > PARSE_MAX_STRING)
			return 0;
		len = i - start;
		i = skip_blanks(p, i + 1, avail);
	}
	if (!digits && !start)
		return 0;
	L->head.n_attrs = 0;
	while (byte_class[(unsigned char)p[i]] & WORD_START) {
		size_t n = motion_attribute(L, p + i, avail - i, at + (uint32_t)i, &end);
		if (!n)
			return 0; /* the scanner's to read (whole_motion gives up at anything not '{') */
		i += n;
	}
	if (p[i] != '{')
		return 0;
	i = skip_blanks(p, i + 1, avail);
	if (p[i] == '#' || p[i] == '\0' || !whole_motion_begin(L, p, digits, start, len))
		return 0;
	return i;
}

/* The motion ends (fr_motion_end's model; its attributes are in place). */
static ALWAYS_INLINE void whole_motion_end(struct fastrec *L, struct span at)
{
	struct rec_motion *m = L->motion;
	m->span = at;
	m->votes = L->votes.items;
	m->n_votes = (unsigned)L->votes.n;
	m->interests = names_of(&L->interests);
	m->objections = names_of(&L->objections);
	struct rec_step step = { STEP_MOTION, m, { NULL, 0 } };
	push_step(L, step);
}

/* A motion, from its `motion` keyword at p (offset at; the keyword and its
** blanks are i bytes, whole_items' to match) to its '}' and the blanks
** after it; or 0.  Out of line, as whole_items is: inlined into
** each other, GCC keeps the name loops' values on the stack (about 3% more
** instructions in all). */
static NO_INLINE size_t whole_motion(struct fastrec *L, const char *p, size_t avail, uint32_t at, size_t i)
{
	uint32_t end;
	size_t n;
	if (!(n = whole_motion_head(L, p + i, avail - i, at + (uint32_t)i)))
		return 0;
	for (i += n;; i = skip_between(p, i, avail)) {
		const char *q = p + i;
		uint32_t qat = at + (uint32_t)i;
		size_t w = 0, left = avail - i;
		enum vote_kind kind = VOTE_FOR;
		switch (q[0]) {
		case '}':
			whole_motion_end(L, (struct span){ at, qat + 1 });
			return i + 1;
		case 'f':
			w = KEYWORD_AT(q, left, "for");
			break;
		case 'a':
			if ((w = KEYWORD_AT(q, left, "against")))
				kind = VOTE_AGAINST;
			else if ((w = KEYWORD_AT(q, left, "abstain")))
				kind = VOTE_ABSTAIN;
			break;
		case 't': {
			if (!(w = KEYWORD_AT(q, left, "tally")) ||
			    !(n = fr_scan_tally(L, q + w, left - w, qat + (uint32_t)w, &end)) ||
			    !fr_once(L, &L->motion_seen, SAID_TALLY))
				return 0;
			L->tally.at = (struct span){ qat, end };
			fr_tally_counts(L, &L->tally, L->tally.at);
			i += w + n;
			size_t c = close_at(L, p + i, avail - i, at + (uint32_t)i, &end);
			if (c) {
				if (!whole_recorded(L, &L->outcome))
					return 0;
				whole_motion_end(L, (struct span){ at, end });
				return i + c;
			}
			continue;
		}
		case 'c':
			if ((w = KEYWORD_AT(q, left, "consensus"))) {
				L->motion->consensus = true;
				L->motion->consensus_span = (struct span){ qat, qat + 9 };
				size_t c = close_at(L, q + w, left - w, qat + (uint32_t)w, &end);
				if (c) {
					if (!whole_recorded(L, &L->outcome))
						return 0;
					whole_motion_end(L, (struct span){ at, end });
					return i + w + c;
				}
				i += w;
				continue;
			}
			if (!(w = KEYWORD_AT(q, left, "casting")) ||
			    !(n = whole_casting(L, q + w, left - w, qat, qat + (uint32_t)w)))
				return 0;
			i += w + n;
			continue;
		case 'r': {
			struct fr_outcome *o = &L->outcome;
			uint32_t len;
			if (!(w = KEYWORD_AT(q, left, "recorded")) || !(n = outcome_at(q + w, left - w, &o->outcome, &len)))
				return 0;
			o->said = (struct span){ qat, qat + (uint32_t)w + len };
			if (!whole_recorded(L, o))
				return 0;
			i += w + n;
			continue;
		}
		case 'i':
			if (!(w = KEYWORD_AT(q, left, "interest")) ||
			    !(n = whole_reasoned(L, q + w, left - w, qat + (uint32_t)w, &L->interests)))
				return 0;
			i += w + n;
			continue;
		case 'o':
			if (!(w = KEYWORD_AT(q, left, "objection")) ||
			    !(n = whole_reasoned(L, q + w, left - w, qat + (uint32_t)w, &L->objections)))
				return 0;
			i += w + n;
			continue;
		default:
			return 0;
		}
		/* for, against or abstain */
		if (!w || !(n = votes_into(L, kind, q + w, left - w, qat + (uint32_t)w)))
			return 0;
		i += w + n;
	}
}

/* A statement of a meeting that names people (after its keyword, at q):
** its names in L->said; or 0. */
static size_t whole_names(struct fastrec *L, const char *q, size_t avail, uint32_t at)
{
	uint32_t end;
	return fr_scan_names(L, q, avail, at, &end);
}

/* The statements of a meeting from p (offset at) to its '}', read into
** L->mt; how many bytes they and the '}' take (0: not read). */
static NO_INLINE size_t whole_items(struct fastrec *L, const char *p, size_t avail, uint32_t at)
{
	struct meeting *mt = L->mt;
	/* (the blanks after a statement skipped inline: after a motion's '}'
	** they are a line's end and an empty line, skip_comments' call) */
	for (size_t i = skip_between(p, 0, avail);; i = skip_between(p, skip_blanks(p, i, avail), avail)) {
		const char *q = p + i;
		uint32_t qat = at + (uint32_t)i, end;
		size_t w = 0, n = 0, left = avail - i;
		switch (q[0]) {
		case '}':
			return i + 1;
		case 'm':
			if ((w = KEYWORD_AT(q, left, "motion"))) {
				n = whole_motion(L, q, left, qat, w); /* (from the keyword, which it reads past) */
				w = 0;
			} else if ((w = KEYWORD_AT(q, left, "minutes"))) {
				if (!(n = dated_at(L, q + w, left - w, true, qat + (uint32_t)w, &end)))
					return 0;
				bool amended = L->dated.which == 1;
				if (!fr_once(L, &L->seen, amended ? SAID_AMENDED : SAID_MINUTES))
					return 0;
				if (amended) {
					mt->has_amended = true;
					mt->minutes_amended = L->dated.date;
					mt->amended_span = (struct span){ qat, end };
				} else {
					mt->has_minutes = true;
					mt->minutes_circulated = L->dated.date;
					mt->minutes_span = (struct span){ qat, end };
				}
			}
			break;
		case 't':
			if ((w = KEYWORD_AT(q, left, "terms")) && (n = fr_scan_terms(L, q + w, left - w, qat + (uint32_t)w))) {
				if (!fr_once(L, &L->seen, SAID_TERMS))
					return 0;
				mt->terms_name = L->string.text;
				mt->terms_span = L->string.at;
			}
			break;
		case 'c':
			if ((w = KEYWORD_AT(q, left, "chair")) && (n = whole_names(L, q + w, left - w, qat + (uint32_t)w))) {
				if (L->said.n != 1 || !fr_once(L, &L->seen, SAID_CHAIR))
					return 0;
				mt->chair = fr_name(L, L->said.items[0].id, L->said.items[0].span);
			}
			break;
		case 'p':
			if ((w = KEYWORD_AT(q, left, "present"))) {
				if ((n = whole_names(L, q + w, left - w, qat + (uint32_t)w)))
					fr_names_to(L, &L->said, &L->present);
			} else if ((w = KEYWORD_AT(q, left, "papers"))) {
				if (!(n = dated_at(L, q + w, left - w, false, qat + (uint32_t)w, &end)) ||
				    !fr_once(L, &L->seen, SAID_PAPERS))
					return 0;
				mt->has_papers = true;
				mt->papers_sent = L->dated.date;
				mt->papers_span = (struct span){ qat, end };
			}
			break;
		case 'a':
			if ((w = KEYWORD_AT(q, left, "apologies"))) {
				if ((n = whole_names(L, q + w, left - w, qat + (uint32_t)w)))
					fr_names_to(L, &L->said, &L->apologies);
			} else if ((w = KEYWORD_AT(q, left, "attending"))) {
				if ((n = whole_names(L, q + w, left - w, qat + (uint32_t)w)))
					fr_names_to(L, &L->said, &L->attending);
			} else if ((w = KEYWORD_AT(q, left, "arrives"))) {
				if ((n = whole_names(L, q + w, left - w, qat + (uint32_t)w)))
					fr_step(L, &L->said, STEP_ARRIVES);
			}
			break;
		case 'l':
			if ((w = KEYWORD_AT(q, left, "leaves")) && (n = whole_names(L, q + w, left - w, qat + (uint32_t)w)))
				fr_step(L, &L->said, STEP_LEAVES);
			break;
		default:
			return 0;
		}
		if (!n || L->give_up)
			return 0;
		i += w + n;
	}
}

size_t fr_scan_meeting_whole(struct fastrec *L, const char *p, size_t avail, uint32_t at, uint32_t *end)
{
	if (L->names->by_tokens)
		return 0;
	uint32_t head_end;
	size_t i = fr_scan_meeting(L, p, avail, at, &head_end), n;
	if (i && (n = whole_items(L, p + i, avail - i, at + (uint32_t)i))) {
		i += n;
		*end = at + (uint32_t)i;
		L->names->n_whole++;
		return skip_blanks(p, i, avail);
	}
	/* not read: the meeting begins again, for the scanner */
	L->give_up = false;
	begin_meeting(L, L->out);
	return 0;
}

/* ---- the reader ------------------------------------------------------------ */

/*
** flex's scanner and buffer are malloc'd outside the arena: an
** out-of-memory jump from inside the reader frees them, then passes the jump
** on to the caller's recovery point (as the item reader does).
*/
static void release(struct fastrec_reader *r)
{
	struct fastrec *L = &r->L;
	if (!L->scanner)
		return;
	fr_scan_restore(L->scanner);
	if (L->buffer)
		fr_yy_delete_buffer(L->buffer, L->scanner);
	if (L->names != &L->own && !L->names->spare_scanner) {
		/* A run's readers share a scanner: with no buffer current (a
		** mapped file's window popped too), the next switches to its own. */
		if (!L->buffer)
			fr_yypop_buffer_state(L->scanner);
		L->names->spare_scanner = L->scanner;
	} else {
		fr_yylex_destroy(L->scanner);
	}
	L->scanner = NULL;
	L->buffer = NULL;
}

void fastrec_names_by_tokens(struct fastrec_names *names)
{
	names->by_tokens = true;
}

unsigned long fastrec_names_read_whole(const struct fastrec_names *names)
{
	return names->n_whole;
}

void fastrec_names_release(struct fastrec_names *names)
{
	if (names->spare_scanner)
		fr_yylex_destroy(names->spare_scanner);
	names->spare_scanner = NULL;
}

static _Noreturn void reader_oom(struct fastrec_reader *r, struct mem *mem, jmp_buf *outer)
{
	mem->on_oom = outer;
	release(r);
	r->status = FASTREC_GIVE_UP;
	mem_fail(mem);
}

struct fastrec *fastrec_open(struct arena *a, const struct source *src, struct fastrec_names *names)
{
	uint32_t start = 0;
	char head[3];
	if (source_copy(src, 0, head, 3) == 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0)
		start = 3; /* a byte-order mark, as the item reader skips it */
	if (!parse_encoding_clean(src, start))
		return NULL;
	struct fastrec_reader *r = arena_alloc(a, sizeof *r);
	struct fastrec *L = &r->L;
	L->arena = a;
	L->own.arena = a;
	L->names = names ? names : &L->own;
	L->src = src;
	L->offset = L->input = start;
	r->boundary = start;
	r->status = FASTREC_MEETING;
	struct mem *mem = a->mem;
	jmp_buf *outer = mem->on_oom;
	jmp_buf inner;
	mem->on_oom = &inner;
	if (setjmp(inner) != 0)
		reader_oom(r, mem, outer);
	if (L->names->spare_scanner) { /* the scanner of the run's last file */
		L->scanner = L->names->spare_scanner;
		L->names->spare_scanner = NULL;
		fr_yyset_extra(L, L->scanner);
	} else if (fr_yylex_init_extra(L, &L->scanner) != 0) {
		mem_fail(mem);
	}
	if (src->map_len) {
		if (fr_scan_window(L->scanner) != 0)
			mem_fail(mem);
	} else {
		/* in place: the text ends in two NULs (flex writes one after each
		** token, and fr_scan_restore puts the byte back) */
		L->buffer = fr_yy_scan_buffer((char *)src->text + L->offset, src->len - L->offset + 2, L->scanner);
		if (!L->buffer)
			mem_fail(mem);
	}
	mem->on_oom = outer;
	return (struct fastrec *)r;
}

static void begin_meeting(struct fastrec *L, struct arena *out)
{
	L->out = out;
	L->mt = arena_alloc(out, sizeof *L->mt);
	L->mt->src = L->src;
	L->motion = NULL;
	L->n_names = 0;
	L->seen = 0;
	L->present = L->apologies = L->attending = (struct fr_names){ 0 };
	memset(&L->steps, 0, sizeof L->steps);
	memset(&L->deputies, 0, sizeof L->deputies);
}

/*
** A mapped file is read from the mapping itself while its meetings are
** plain: each read whole (fr_scan_meeting_whole) from where the `meeting`
** before it ended, and the `meeting` after it found by hand, as the
** scanner would have found it; no byte copied into flex's window.  Where
** either is not plain, the scanner reads on from there, its window filled
** again from that place (fr_scan_refill).
*/

/* The token after a meeting read from the window, from p (offset at):
** `meeting` and the title it begins, or the end of the file, by hand;
** anything else (a window that ends first among it) by the scanner. */
static void peek_direct(struct fastrec *L, const char *p, size_t avail, uint32_t at)
{
	size_t i = skip_between(p, 0, avail);
	L->has_pending = true;
	if (i == avail && at + i == L->src->len) { /* not a window cut short (source_view) */
		L->pending = FR_END;
		L->offset = at + (uint32_t)i;
		L->pending_at = (struct span){ L->offset, L->offset };
		return;
	}
	size_t w = KEYWORD_AT(p + i, avail - i, "meeting");
	if (w && p[i + w] == '"') { /* not `meeting, ...` (a LIST) */
		L->pending = FR_MEETING;
		L->pending_at = (struct span){ at + (uint32_t)i, at + (uint32_t)i + 7 };
		L->offset = at + (uint32_t)(i + w);
		return;
	}
	fr_scan_refill(L->scanner);
	L->offset = L->input = at;
	L->window_stale = false;
	FR_STYPE value;
	L->peeking = true;
	L->pending = fr_yylex(&value, &L->pending_at, L->scanner);
	L->peeking = false;
}

/* The meeting after a `meeting` read past the last (L->pending), read
** whole from the file's window (source_view), and the token after it;
** false if it is not plain, or cut by the window's end, or not a mapped
** file (flex reads a text in memory in place). */
static bool read_direct(struct fastrec *L)
{
	if (!L->src->map_len || !L->has_pending || L->pending != FR_MEETING)
		return false;
	size_t avail; /* the window from there: a meeting cut at its end is not plain */
	const char *p = source_view(L->src, L->offset, &avail);
	uint32_t end;
	size_t used = fr_scan_meeting_whole(L, p, avail, L->offset, &end);
	if (!used)
		return false;
	fr_meeting_end(L, L->meeting_head.title.text, L->meeting_head.date, (struct span){ L->pending_at.start, end });
	L->window_stale = true;
	peek_direct(L, p + used, avail - used, L->offset + (uint32_t)used);
	return true;
}

/* One meeting, and the token after it: a meeting is handed out only when
** what follows is another meeting or the end of the file, so that the full
** path, resuming after it, starts where nothing was read ahead. */
static enum fastrec_status read_meeting(struct fastrec_reader *r, struct arena *out, struct meeting **m)
{
	struct fastrec *L = &r->L;
	begin_meeting(L, out);
	if (!read_direct(L)) {
		if (L->window_stale) { /* the scanner reads on from the mapping's place */
			fr_scan_refill(L->scanner);
			L->input = L->offset;
			L->window_stale = false;
		}
		if (fr_parse(L) != 0 || L->give_up)
			return FASTREC_GIVE_UP;
		if (L->at_end)
			return r->n_meetings ? FASTREC_END : FASTREC_GIVE_UP; /* no meeting: the full path says so */
		FR_STYPE value;
		L->peeking = true; /* `meeting` alone: what follows is the next meeting's (fr_scan_meeting_after) */
		L->pending = fr_yylex(&value, &L->pending_at, L->scanner);
		L->peeking = false;
		L->has_pending = true;
	}
	/* one item of a mapped file is bounded (parse.c's item_too_long) */
	if ((L->pending != FR_MEETING && L->pending != FR_END) || L->pending_at.end - r->boundary > SOURCE_MAX_BYTES)
		return FASTREC_GIVE_UP;
	r->boundary = L->mt->span.end;
	r->n_meetings++;
	*m = L->mt;
	return FASTREC_MEETING;
}

enum fastrec_status fastrec_next(struct fastrec *fr, struct arena *out, struct meeting **m)
{
	struct fastrec_reader *r = (struct fastrec_reader *)fr;
	if (r->status != FASTREC_MEETING)
		return r->status;
	struct mem *mem = out->mem;
	jmp_buf *outer = mem->on_oom;
	jmp_buf inner;
	mem->on_oom = &inner;
	if (setjmp(inner) != 0)
		reader_oom(r, mem, outer);
	r->status = read_meeting(r, out, m);
	mem->on_oom = outer;
	if (r->status == FASTREC_MEETING) {
		(*m)->names_lasting = r->L.names != &r->L.own && r->L.names->n_slots < FASTREC_MAX_NAMES; /* none made apart */
		fr_scan_restore(r->L.scanner); /* the text as written, for whoever reads it next */
		source_forget_behind(r->L.src, r->boundary);
	} else {
		release(r);
	}
	return r->status;
}

unsigned fastrec_resume(const struct fastrec *fr, struct span *brace)
{
	const struct fastrec_reader *r = (const struct fastrec_reader *)fr;
	*brace = (struct span){ r->boundary - 1, r->boundary };
	return r->n_meetings;
}

void fastrec_close(struct fastrec *fr)
{
	if (fr)
		release((struct fastrec_reader *)fr);
}
