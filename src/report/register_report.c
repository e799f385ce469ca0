/*
** register_report: the registers' temporary files and their assembly.  See
** register_report.h; each format is in register_{text,md,json,html}.c.
*/
#include "report/register_int.h"

#include <stddef.h>
#include <string.h>

#include "base/wbuf.h"

/*
** The stdio buffer of a file of tables (a writer of its own, as the
** interests' JSON writer, has one already).  stdio's own is a page: a
** history of 130,000 meetings wrote its 10 MB of tables, and read them
** back, in 5,000 calls of 4 KiB (issue 16).
*/
#define REGISTER_SPOOL_BUFFER (64u * 1024u)

static struct body_out *body_out_of(struct register_report *rr, const char *body)
{
	for (size_t i = 0; i < rr->bodies.n; i++)
		if (rr->bodies.items[i]->body->name == body)
			return rr->bodies.items[i];
	for (size_t i = 0; i < register_n_bodies(rr->rg); i++) {
		const struct reg_body *b = register_body(rr->rg, i);
		if (b->name == body) {
			/* one from before a rewind, or a new one: its writers are
			** made with its temporary files (scratch) */
			struct body_out *bo = rr->bodies.n < rr->bodies.cap ? rr->bodies.items[rr->bodies.n] : NULL;
			if (!bo) {
				bo = arena_alloc_uninit(rr->arena, sizeof *bo);
				bo->lines = NULL;
				bo->tails = NULL;
				bo->effects = NULL;
				bo->iw = NULL;
			}
			bo->body = b;
			bo->index = (unsigned)rr->bodies.n;
			bo->tables = bo->interests = NULL;
			reg_month_init(&bo->table_month);
			reg_month_init(&bo->interest_month);
			if (bo->lines) /* made for the registers before the rewind */
				register_json_lines_init(bo->lines);
			if (bo->tails)
				register_json_tails_init(bo->tails);
			if (bo->effects)
				reg_effect_slots_init(bo->effects);
			if (bo->iw) /* what it held was of the registers before the rewind */
				wbuf_init(bo->iw, NULL);
			bo->n_tables = bo->n_interests = 0;
			VEC_PUSH(rr->arena, rr->bodies, bo);
			return bo;
		}
	}
	return NULL; /* not reached: the registers name only their bodies */
}

/* A temporary file, made when first needed; NULL (and the report marked
** incomplete) if none can be made.  jw: where a JSON writer on it is to
** go, or NULL for none. */
static FILE *scratch(struct register_report *rr, FILE **f, struct json_writer **jw, unsigned depth)
{
	if (!*f && !rr->failed) {
		*f = rr->discard ? rr->discard : tmpfile();
		rr->failed = *f == NULL;
		if (*f && !jw && *f != rr->discard) /* see REGISTER_SPOOL_BUFFER */
			setvbuf(*f, arena_alloc_uninit(rr->arena, REGISTER_SPOOL_BUFFER), _IOFBF, REGISTER_SPOOL_BUFFER);
		if (*f && jw && rr->ops == &register_json_ops) {
			/* a writer inside the array it will be copied into; zeroed
			** but for its buffer, as the body_out that held it was */
			struct json_writer *w = arena_alloc_uninit(rr->arena, sizeof *w);
			memset(w, 0, offsetof(struct json_writer, buf));
			jw_init(w, *f);
			w->depth = depth;
			w->first[depth] = true;
			*jw = w;
		}
	}
	return *f;
}

static void on_table(void *ctx, const struct reg_table *t)
{
	struct register_report *rr = ctx;
	struct body_out *bo = body_out_of(rr, t->body);
	if (bo && rr->ops == &register_json_ops && !bo->lines) {
		/* zeroed once: its lines are copied whole, beyond their ends */
		bo->lines = arena_alloc(rr->arena, sizeof *bo->lines);
		register_json_lines_init(bo->lines);
	}
	if (bo && scratch(rr, &bo->tables, NULL, 0)) {
		rr->ops->table(rr, bo, t);
		bo->n_tables++;
	}
}

/* The body of d made ready for its declarations (its temporary file and
** writer); NULL where it cannot be. */
static struct body_out *declarations_out(struct register_report *rr, const char *body)
{
	struct body_out *bo = body_out_of(rr, body);
	if (bo && rr->ops == &register_json_ops && !bo->tails) {
		bo->tails = arena_alloc(rr->arena, sizeof *bo->tails); /* zeroed once: copied whole */
		register_json_tails_init(bo->tails);
	}
	if (bo && rr->ops == &register_text_ops && !bo->iw) {
		bo->effects = arena_alloc(rr->arena, REG_EFFECT_SLOTS * sizeof *bo->effects);
		reg_effect_slots_init(bo->effects);
		bo->iw = arena_alloc_uninit(rr->arena, sizeof *bo->iw);
		wbuf_init(bo->iw, NULL);
	}
	if (!bo || !scratch(rr, &bo->interests, &bo->ji, rr->json_depth + 4))
		return NULL;
	if (bo->iw && bo->iw->out != bo->interests) /* its temporary file, new */
		wbuf_init(bo->iw, bo->interests);
	return bo;
}

static void on_interest(void *ctx, const struct reg_interest *d)
{
	struct register_report *rr = ctx;
	/* a history's declarations are mostly of one body: the last one's ready */
	struct body_out *bo = rr->declaring;
	if (!bo || bo->body->name != d->body) {
		bo = rr->declaring = declarations_out(rr, d->body);
		if (!bo)
			return;
	}
	rr->ops->interest(rr, bo, d);
	bo->n_interests++;
}

struct register_report *register_report_new(struct arena *a, const struct report_ops *ops, unsigned json_depth)
{
	struct register_report *rr = arena_alloc(a, sizeof *rr);
	rr->arena = a;
	rr->ops = ops->registers;
	rr->json_depth = json_depth;
	rr->sink = (struct register_sink){ rr, on_table, on_interest };
	rr->rg = register_new(a, &rr->sink);
	return rr;
}

void register_report_discard(struct register_report *rr, FILE *out)
{
	rr->discard = out;
}

/* Close a temporary file (never out itself). */
static void close_scratch(struct register_report *rr, FILE **f)
{
	if (*f && *f != rr->discard)
		fclose(*f);
	*f = NULL;
}

void register_report_rewind(struct register_report *rr)
{
	for (size_t i = 0; i < rr->bodies.n; i++) {
		close_scratch(rr, &rr->bodies.items[i]->tables);
		close_scratch(rr, &rr->bodies.items[i]->interests);
	}
	rr->bodies.n = 0;
	rr->declaring = NULL;
	register_rewind(rr->rg);
}

struct registers *register_report_registers(struct register_report *rr)
{
	return rr->rg;
}

void register_report_link_meetings(struct register_report *rr)
{
	rr->link_meetings = true;
}

bool register_report_write(struct register_report *rr, FILE *out, struct json_writer *w, bool standalone)
{
	bool ok = !rr->failed;
	rr->ops->begin(rr, out, w, standalone);
	for (size_t i = 0; i < register_n_bodies(rr->rg); i++) {
		struct body_out *bo = body_out_of(rr, register_body(rr->rg, i)->name);
		if (bo->iw && bo->iw->out)
			wbuf_flush(bo->iw);
		ok = rr->ops->body(rr, bo, out, w) && ok;
		close_scratch(rr, &bo->tables);
		close_scratch(rr, &bo->interests);
	}
	rr->ops->end(rr, out, w, standalone);
	rr->declaring = NULL; /* its files closed */
	return ok;
}

/* ---- shared by the formats ------------------------------------------------------ */

void reg_month_init(struct reg_month *k)
{
	k->first = 1; /* no date is in it */
	k->end = 0;
}

const char reg_day_text[31][2] = {
	"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16",
	"17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31",
};

size_t reg_date_text_month(struct reg_month *k, qdate d, char *buf)
{
	memset(buf, 0, DATE_FMT_MAX);
	if (!date_in_range(d)) {
		reg_month_init(k);
		return strlen(date_format(d, buf));
	}
	int y, m, day;
	date_to_ymd(d, &y, &m, &day);
	k->first = d - (day - 1);
	k->end = k->first + date_days_in_month(y, m);
	date_format(d, buf);
	memset(k->text, 0, sizeof k->text);
	memcpy(k->text, buf, 8); /* "YYYY-MM-" */
	return 10;
}

void reg_effect_slots_init(struct reg_effect_text slots[REG_EFFECT_SLOTS])
{
	for (unsigned i = 0; i < REG_EFFECT_SLOTS; i++)
		slots[i].words[0] = NULL;
}

struct reg_effect_text *reg_effect_slot(struct reg_effect_text slots[REG_EFFECT_SLOTS], const struct reg_interest *d,
                                        bool prose, unsigned depth, const char *words[4], bool *anyway, bool *kept)
{
	const char *clause = d->terms->interests_clause;
	words[0] = interest_rule_text(d, prose);
	words[1] = interest_quorum_text(d, prose);
	words[2] = interest_room_text(d, prose);
	words[3] = interest_voted_text(d, prose, anyway);
	*kept = false;
	if (clause && strlen(clause) >= REG_EFFECT_CLAUSE)
		return NULL;
	/* the words are the code's own strings: their addresses stand for them */
	uint64_t h = ((uint64_t)(uintptr_t)words[0] ^ (uint64_t)(uintptr_t)words[1] * 31 ^
	              (uint64_t)(uintptr_t)words[2] * 131 ^ (uint64_t)(uintptr_t)words[3] * 1031 ^ *anyway ^ depth << 1) *
	             0x9E3779B97F4A7C15u;
	_Static_assert(REG_EFFECT_SLOTS == 8, "a slot from the hash's top 3 bits");
	struct reg_effect_text *t = &slots[h >> 61];
	*kept = t->words[0] == words[0] && t->words[1] == words[1] && t->words[2] == words[2] && t->words[3] == words[3] &&
	        t->anyway == *anyway && t->depth == depth && t->has_clause == (clause != NULL) &&
	        (!clause || strcmp(t->clause, clause) == 0);
	if (!*kept)
		t->words[0] = NULL; /* until its text is made */
	return t;
}

void reg_effect_keep(struct reg_effect_text *t, const struct reg_interest *d, const char *const words[4], bool anyway,
                     unsigned depth, size_t len)
{
	const char *clause = d->terms->interests_clause;
	t->len = (unsigned short)len;
	memcpy(t->words, words, sizeof t->words);
	t->anyway = anyway;
	t->depth = depth;
	t->has_clause = clause != NULL;
	if (clause)
		memcpy(t->clause, clause, strlen(clause) + 1); /* shorter than REG_EFFECT_CLAUSE: reg_effect_slot */
}

bool register_copy(FILE *from, FILE *to)
{
	return !from || from == to || report_copy_stream(from, to);
}

static const char *const month_names[] = {
	"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December",
};

const char *reg_date_long(qdate d, char *buf)
{
	int y, m, day;
	date_to_ymd(d, &y, &m, &day);
	snprintf(buf, REG_DATE_MAX, "%d %s %d", day, month_names[m - 1], y);
	return buf;
}

const char *reg_date_short(qdate d, char *buf)
{
	int y, m, day;
	date_to_ymd(d, &y, &m, &day);
	snprintf(buf, REG_DATE_MAX, "%d %.3s", day, month_names[m - 1]);
	return buf;
}

unsigned reg_width(const char *s)
{
	unsigned n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80; /* count the first byte of each character */
	return n;
}

void reg_pad(FILE *out, const char *s, unsigned width, bool right)
{
	unsigned w = reg_width(s);
	if (right)
		for (unsigned i = w; i < width; i++)
			fputc(' ', out);
	fputs(s, out);
	if (!right)
		for (unsigned i = w; i < width; i++)
			fputc(' ', out);
}

/* Strings joined into buf[size] as snprintf would: cut at size - 1 bytes.
** By hand: a text report writes two a declaration, thousands a history. */
struct joined {
	char *buf;
	size_t size, n;
};

static void join(struct joined *j, const char *s)
{
	size_t len = strlen(s), room = j->size - 1 - j->n;
	len = len < room ? len : room;
	memcpy(j->buf + j->n, s, len);
	j->n += len;
}

const char *reg_declarant(const struct reg_interest *d, char *buf, size_t size)
{
	struct joined j = { buf, size, 0 };
	join(&j, d->member_name ? d->member_name : d->effect->who->id);
	join(&j, " (");
	join(&j, d->member_name ? d->effect->who->id : "not on the roster");
	join(&j, ")");
	buf[j.n] = '\0';
	return buf;
}

const char *reg_effect(const struct reg_interest *d, char *buf, size_t size)
{
	bool anyway;
	const char *voted = interest_voted_text(d, true, &anyway);
	const char *clause = d->terms->interests_clause;
	struct joined j = { buf, size, 0 };
	if (clause) {
		join(&j, "§");
		join(&j, clause);
		join(&j, ": ");
	}
	join(&j, interest_rule_text(d, true));
	join(&j, "; ");
	join(&j, interest_quorum_text(d, true));
	join(&j, "; ");
	join(&j, interest_room_text(d, true));
	join(&j, "; ");
	join(&j, voted);
	if (anyway)
		join(&j, ", though the vote is void");
	buf[j.n] = '\0';
	return buf;
}

void reg_body_summary(FILE *out, const struct reg_body *b)
{
	char a[REG_DATE_MAX], z[REG_DATE_MAX];
	if (b->meetings == 0)
		fputs("No meetings.", out);
	else if (b->meetings == 1)
		fprintf(out, "1 meeting, %s.", reg_date_long(b->first, a));
	else
		fprintf(out, "%u meetings, %s to %s.", b->meetings, reg_date_long(b->first, a), reg_date_long(b->last, z));
	if (b->outside)
		fprintf(out, " %u record%s of decisions taken outside a meeting %s not in this register.", b->outside,
		        b->outside == 1 ? "" : "s", b->outside == 1 ? "is" : "are");
}
