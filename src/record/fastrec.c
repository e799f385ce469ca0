/*
** fastrec: native records read by their own lean grammar, the full path as
** the fallback.  See fastrec.h; the grammar is grammar/record.[ly].
*/
#include "record/fastrec.h"

#include <setjmp.h>
#include <string.h>

#include "front/names.h"
#include "front/parse.h"
#include "record/fastrec_state.h"
#include "record/name_key.h"
#include "record_parse.h"
#include "record_scan.h"

struct fastrec_reader {
	struct fastrec L;
	enum fastrec_status status;
	unsigned n_meetings;       /* handed out */
	uint32_t boundary;         /* where the last one handed out ends (its '}'), or where reading began */
};

/* ---- the scanner's helpers ------------------------------------------------ */

size_t fr_scan_input(struct fastrec *L, char *buf, size_t max)
{
	size_t left = L->src->len - L->input, n = left < max ? left : max;
	memcpy(buf, L->src->text + L->input, n);
	L->input += (uint32_t)n;
	return n;
}

/* A name is found in the table by its key (record/name_key.h). */
static inline bool same_name(const struct fr_slot *s, const char *text, size_t len, uint32_t h, uint64_t tail)
{
	return name_key_equal(s->text, s->hash, s->tail, s->len, text, len, h, tail);
}

/* What ends a name in a token of record.l: a blank, a comma, or the NUL
** flex puts after the token. */
static const bool ends_name[256] = {
	['\0'] = true, [' '] = true, ['\t'] = true, ['\n'] = true, ['\v'] = true, ['\f'] = true, ['\r'] = true,
	[','] = true,
};

static struct fr_slot *find_slot(struct fastrec_names *N, const char *text, size_t len, uint32_t h, uint64_t tail)
{
	uint32_t mask = N->cap - 1;
	for (uint32_t i = h & mask;; i = (i + 1) & mask) {
		struct fr_slot *s = &N->slots[i];
		if (!s->text || same_name(s, text, len, h, tail))
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
			*find_slot(N, old[i].text, old[i].len, old[i].hash, old[i].tail) = old[i];
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

static inline struct fr_slot *intern(struct fastrec_names *N, const char *text, size_t len, uint32_t h, uint64_t tail,
                                     bool ascii);

/* A name not in the table yet: its slot filled (its one form made, and for
** a name written decomposed, that form's own pointer).  NULL when the table
** is full. */
static struct fr_slot *intern_new(struct fastrec_names *N, const char *text, size_t len, uint32_t h, uint64_t tail,
                                  bool ascii)
{
	struct fr_slot *s;
	if (N->n_slots >= FASTREC_MAX_NAMES)
		return NULL;
	struct fr_slot made = { NULL, NULL, tail, h, (uint32_t)len, false };
	make_name(N->arena, text, len, ascii, &made);
	made.text = ascii ? made.id : arena_strndup(N->arena, text, len);
	if (!ascii && made.id && strcmp(made.id, made.text) != 0) {
		size_t n = strlen(made.id);
		uint64_t t = name_tail(made.id, n);
		struct fr_slot *composed = intern(N, made.id, n, name_hash(made.id, n, t), t, false);
		if (composed)
			made.id = composed->id;
	}
	if (2 * (N->n_slots + 1) > N->cap)
		grow_slots(N);
	s = find_slot(N, text, len, h, tail);
	*s = made;
	N->n_slots++;
	return s;
}

/* The slot of a name as written (its name_hash h and name_tail): found
** (inline: most names were met before), or filled.  NULL when the table is
** full. */
static inline struct fr_slot *intern(struct fastrec_names *N, const char *text, size_t len, uint32_t h, uint64_t tail,
                                     bool ascii)
{
	if (N->slots) {
		uint32_t mask = N->cap - 1;
		for (uint32_t i = h & mask; N->slots[i].text; i = (i + 1) & mask)
			if (same_name(&N->slots[i], text, len, h, tail))
				return &N->slots[i];
	}
	return intern_new(N, text, len, h, tail, ascii);
}

static inline int name_token(struct fastrec *L, const char *text, size_t len, uint64_t tail, bool ascii, const char **out)
{
	if (len > PARSE_MAX_IDENT)
		return FR_BAD;
	struct fr_slot own, *s = intern(L->names, text, len, name_hash(text, len, tail), tail, ascii);
	if (!s) { /* the table is full: a copy of its own */
		make_name(L->out, text, len, ascii, &own);
		s = &own;
	}
	*out = s->id;
	return s->not_a_name ? FR_BAD : FR_IDENT;
}

/* A word and its blanks (record.l's {WORD}{WS}): the word's end found as
** its tail is gathered, the token's span ending there. */
int fr_scan_name(struct fastrec *L, const char *text, bool ascii, struct span *at, const char **out)
{
	uint64_t tail = 0;
	size_t len = 0;
	for (; !ends_name[(unsigned char)text[len]]; len++)
		tail = NAME_TAIL_STEP(tail, text[len]);
	at->end = at->start + (uint32_t)len;
	return name_token(L, text, len, tail, ascii, out);
}

/* `alice, bob,\n carol` and the blanks after it (record.l's LIST, len
** bytes): each name interned, with its own span, into L->run; the token's
** span ends with the last name. */
int fr_scan_list(struct fastrec *L, const char *text, size_t len, struct span *at)
{
	L->run.n = 0;
	size_t end = 0;
	for (size_t i = 0; i < len;) {
		size_t start = i;
		unsigned char high = 0;
		uint64_t tail = 0;
		for (; !ends_name[(unsigned char)text[i]]; i++) { /* a name ends before the token does */
			high |= (unsigned char)text[i];
			tail = NAME_TAIL_STEP(tail, text[i]);
		}
		const char *id;
		if (name_token(L, text + start, i - start, tail, high < 0x80, &id) != FR_IDENT || L->run.n == MINUTES_MAX_NAMES)
			return FR_BAD;
		if (L->run.n == L->run.cap) {
			size_t cap = L->run.cap ? 2 * L->run.cap : 32;
			L->run.items = arena_grow(L->arena, L->run.items, L->run.n, cap, sizeof *L->run.items);
			L->run.cap = cap;
		}
		L->run.items[L->run.n++] = (struct rec_name){ id, { at->start + (uint32_t)start, at->start + (uint32_t)i }, NULL };
		end = i;
		while (i < len && ends_name[(unsigned char)text[i]])
			i++;
	}
	at->end = at->start + (uint32_t)end;
	return FR_LIST;
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
	bool whole = ends_name[(unsigned char)text[digits]];
	if (whole)
		len = digits;
	while (len > 0 && ends_name[(unsigned char)text[len - 1]]) /* the blanks after it */
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
	struct rec_name *nm = arena_alloc(L->out, sizeof *nm);
	nm->id = id;
	nm->span = at;
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
		size_t cap = to->cap ? 2 * to->cap : 16;
		while (cap < to->n + n)
			cap *= 2;
		to->items = arena_grow(L->out, to->items, to->n, cap, sizeof *to->items);
		to->cap = cap;
	}
	memcpy(to->items + to->n, items, n * sizeof *items);
	to->n += n;
}

void fr_names_to(struct fastrec *L, struct fr_names *to)
{
	if (count_names(L, L->list.n))
		append(L, to, L->list.items, L->list.n);
}

static struct rec_names names_of(const struct fr_names *v)
{
	return (struct rec_names){ v->items, (unsigned)v->n };
}

void fr_step(struct fastrec *L, enum step_kind kind)
{
	if (!count_names(L, L->list.n))
		return;
	struct rec_step step = { kind, NULL, { NULL, 0 } };
	step.names.items = arena_array(L->out, L->list.n, sizeof *step.names.items);
	memcpy(step.names.items, L->list.items, L->list.n * sizeof *L->list.items);
	step.names.n = (unsigned)L->list.n;
	VEC_PUSH(L->out, L->steps, step);
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
	L->motion = arena_alloc(L->out, sizeof *L->motion);
	L->ordinal = ++L->mt->n_motions;
	L->motion->number = number ? number : arena_printf(L->out, "%u", L->ordinal);
	L->motion->title = title ? title : "";
	L->motion_seen = 0;
	memset(&L->votes, 0, sizeof L->votes);
	memset(&L->attrs, 0, sizeof L->attrs);
	memset(&L->attr_at, 0, sizeof L->attr_at);
	L->interests = L->objections = (struct fr_names){ 0 };
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
		if (strcmp(L->attrs.items[k].name, name) == 0) {
			give_up(L); /* given twice */
			return;
		}
	struct attr a = { name, value ? *value : (struct value){ .type = VT_BOOL, .u.boolean = true } };
	VEC_PUSH(L->out, L->attrs, a);
	/* minutes.c's attr_at: the name as long as its one form */
	struct rec_attr_at at = { { name_at.start, name_at.start + (uint32_t)strlen(name) }, value_at };
	VEC_PUSH(L->out, L->attr_at, at);
}

void fr_votes(struct fastrec *L, enum vote_kind kind)
{
	size_t n = L->votes.n + L->list.n;
	if (n > MINUTES_MAX_NAMES) {
		give_up(L);
		return;
	}
	if (n > L->votes.cap) { /* room for the list at once */
		size_t cap = L->votes.cap ? 2 * L->votes.cap : 16;
		while (cap < n)
			cap *= 2;
		L->votes.items = arena_grow(L->out, L->votes.items, L->votes.n, cap, sizeof *L->votes.items);
		L->votes.cap = cap;
	}
	struct rec_vote *v = L->votes.items + L->votes.n;
	for (size_t i = 0; i < L->list.n; i++)
		v[i] = (struct rec_vote){ L->list.items[i], kind };
	L->votes.n = n;
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
	if (!tally_part(L, yes, &m->tally[VOTE_FOR]) || !tally_part(L, no, &m->tally[VOTE_AGAINST]) ||
	    (abstain && !tally_part(L, abstain, &m->tally[VOTE_ABSTAIN])))
		return;
	m->has_tally = true;
	m->tally_has_abstain = abstain != NULL;
	m->tally_span = at;
}

void fr_motion_end(struct fastrec *L, struct span at)
{
	struct rec_motion *m = L->motion;
	m->span = at;
	m->n_attrs = (unsigned)L->attrs.n;
	m->attrs = arena_array(L->out, L->attrs.n + 1, sizeof *m->attrs);
	m->attr_at = arena_array(L->out, L->attrs.n + 1, sizeof *m->attr_at);
	if (L->attrs.n) {
		memcpy(m->attrs, L->attrs.items, L->attrs.n * sizeof *m->attrs);
		memcpy(m->attr_at, L->attr_at.items, L->attrs.n * sizeof *m->attr_at);
	}
	m->votes = L->votes.items;
	m->n_votes = (unsigned)L->votes.n;
	m->interests = names_of(&L->interests);
	m->objections = names_of(&L->objections);
	struct rec_step step = { STEP_MOTION, m, { NULL, 0 } };
	VEC_PUSH(L->out, L->steps, step);
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
	fr_yylex_destroy(L->scanner);
	L->scanner = NULL;
	L->buffer = NULL;
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
	if (src->len >= 3 && memcmp(src->text, "\xEF\xBB\xBF", 3) == 0)
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
	if (fr_yylex_init_extra(L, &L->scanner) != 0)
		mem_fail(mem);
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

/* One meeting, and the token after it: a meeting is handed out only when
** what follows is another meeting or the end of the file, so that the full
** path, resuming after it, starts where nothing was read ahead. */
static enum fastrec_status read_meeting(struct fastrec_reader *r, struct arena *out, struct meeting **m)
{
	struct fastrec *L = &r->L;
	begin_meeting(L, out);
	if (fr_parse(L) != 0 || L->give_up)
		return FASTREC_GIVE_UP;
	if (L->at_end)
		return r->n_meetings ? FASTREC_END : FASTREC_GIVE_UP; /* no meeting: the full path says so */
	FR_STYPE value;
	L->pending = fr_yylex(&value, &L->pending_at, L->scanner);
	L->has_pending = true;
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
