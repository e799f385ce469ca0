/*
** register: the attendance and interests registers of a history.  See
** register.h.
*/
#include "run/register.h"

#include <setjmp.h>
#include <string.h>

struct registers {
	struct arena *arena;
	const struct register_sink *sink;
	VEC(struct reg_body *) bodies;
	unsigned seq;              /* meetings seen, decisions outside meetings included */
	unsigned declarations;
	/* the roster of the terms last seen, by index into its body's members */
	const struct terms *map_terms;
	struct reg_body *map_body;
	unsigned *map;
	bool map_covers;           /* the roster names every member of its body once */
};

/* ---- words --------------------------------------------------------------------- */

static const struct {
	const char *name, *letter;
} attendance_words[ATT__COUNT] = {
	[ATT_NOT_MEMBER] = { "not a member", "-" },
	[ATT_PRESENT] = { "present", "P" },
	[ATT_LATE] = { "arrived late", "L" },
	[ATT_EARLY] = { "left early", "E" },
	[ATT_LATE_EARLY] = { "arrived late and left early", "LE" },
	[ATT_OUT_FOR_PART] = { "out for part", "O" },
	[ATT_APOLOGIES] = { "apologies", "A" },
	[ATT_ABSENT] = { "absent without apologies", "X" },
};

const char *attendance_name(enum attendance a) { return attendance_words[a].name; }
const char *attendance_letter(enum attendance a) { return attendance_words[a].letter; }

unsigned reg_member_meetings(const struct reg_member *m)
{
	unsigned n = 0;
	for (int a = ATT_PRESENT; a < ATT__COUNT; a++)
		n += m->by_status[a];
	return n;
}

unsigned reg_member_part(const struct reg_member *m)
{
	return m->by_status[ATT_LATE] + m->by_status[ATT_EARLY] + m->by_status[ATT_LATE_EARLY] +
	       m->by_status[ATT_OUT_FOR_PART];
}

unsigned reg_member_present(const struct reg_member *m)
{
	return m->by_status[ATT_PRESENT] + reg_member_part(m);
}

/* Each word short and as prose, in one place. */
struct words {
	const char *brief, *prose;
};

static const char *word(const struct words *w, bool prose)
{
	return prose ? w->prose : w->brief;
}

const char *interest_rule_text(const struct reg_interest *d, bool prose)
{
	static const struct words rule[] = {
		{ "void", "vote void" },
		{ "allowed", "vote allowed" },
		{ "no vote", "no vote (not a voting member)" },
		{ "to be agreed", "vote void or not: still to be agreed" },
	};
	const struct interest_result *e = d->effect;
	return word(&rule[!e->entitled ? 2 : e->vote_open ? 3 : e->vote_void ? 0 : 1], prose);
}

const char *interest_quorum_text(const struct reg_interest *d, bool prose)
{
	static const struct words quorum[] = {
		{ "counted", "counted towards the quorum" },
		{ "deemed present", "deemed present for the quorum" },
		{ "not counted", "not counted towards the quorum" },
		{ "not applicable", "no quorum (decided outside a meeting)" },
		{ "to be agreed", "counted towards the quorum or not: still to be agreed" },
	};
	const struct interest_result *e = d->effect;
	int k = e->room == ROOM_OUTSIDE ? 3 : e->quorum_open ? 4 : !e->quorum_counted ? 2 : e->room == ROOM_LEFT ? 1 : 0;
	return word(&quorum[k], prose);
}

const char *interest_room_text(const struct reg_interest *d, bool prose)
{
	static const struct words room[] = {
		[ROOM_STAYED] = { "stayed", "stayed in the room" },
		[ROOM_LEFT] = { "left", "left the room" },
		[ROOM_TO_LEAVE] = { "to leave", "to leave the room (no departure is recorded)" },
		[ROOM_STAYED_VOTED] = { "stayed to vote", "stayed and voted, though the terms say leave" },
		[ROOM_ABSENT] = { "absent", "not present at the motion" },
		[ROOM_OUTSIDE] = { "outside a meeting", "decided outside a meeting" },
	};
	return word(&room[d->effect->room], prose);
}

const char *interest_voted_text(const struct reg_interest *d, bool prose, bool *anyway)
{
	static const struct words voted[] = {
		[VOTE_FOR] = { "for", "voted for" },
		[VOTE_AGAINST] = { "against", "voted against" },
		[VOTE_ABSTAIN] = { "abstained", "abstained" },
	};
	static const struct words none = { "did not vote", "did not vote" };
	static const struct words unknown = { "not known", "vote not known (a secret ballot)" };
	const struct interest_result *e = d->effect;
	*anyway = e->voted && ((e->vote_void && !e->vote_open) || !e->entitled);
	if (e->voted)
		return word(&voted[e->vote], prose);
	return word(e->votes_named ? &none : &unknown, prose);
}

static int year_of(qdate d)
{
	int y, m, day;
	date_to_ymd(d, &y, &m, &day);
	return y;
}

/* The year of a table starting on d: its first day and the next year's
** (a meeting is then in the table's year by two comparisons, not by its
** date's year worked out: a meeting's most costly step before). */
static void table_year(struct reg_body *b, qdate d)
{
	int y = year_of(d);
	b->year_from = DATE_FIRST_DAY;
	b->year_to = DATE_LAST_DAY + 1;
	date_from_ymd(y, 1, 1, &b->year_from);
	date_from_ymd(y + 1, 1, 1, &b->year_to);
}

/* ---- gathering ----------------------------------------------------------------- */

struct registers *register_new(struct arena *run_arena, const struct register_sink *sink)
{
	struct registers *rg = arena_alloc(run_arena, sizeof *rg);
	rg->arena = run_arena;
	rg->sink = sink;
	return rg;
}

size_t register_n_bodies(const struct registers *rg) { return rg->bodies.n; }
const struct reg_body *register_body(const struct registers *rg, size_t i) { return rg->bodies.items[i]; }
unsigned register_n_declarations(const struct registers *rg) { return rg->declarations; }

static struct reg_body *body_named(struct registers *rg, const char *name)
{
	for (size_t i = 0; i < rg->bodies.n; i++)
		if (strcmp(rg->bodies.items[i]->name, name) == 0)
			return rg->bodies.items[i];
	struct reg_body *b = arena_alloc(rg->arena, sizeof *b);
	b->name = arena_strdup(rg->arena, name);
	arena_init(&b->table_arena, rg->arena->mem);
	VEC_PUSH(rg->arena, rg->bodies, b);
	return b;
}

/* Room in the table's grid for every member of b, the rows added empty
** (the grid lives as long as the body: it grows with its members only). */
static void grid_room(struct registers *rg, struct reg_body *b)
{
	size_t n = b->members.n;
	if (n <= b->grid_rows)
		return;
	unsigned rows = b->grid_rows ? b->grid_rows : 16;
	while (rows < n)
		rows *= 2;
	enum attendance *grid = arena_array(rg->arena, (size_t)rows * REGISTER_TABLE_MEETINGS, sizeof *grid);
	unsigned *in_table = arena_array(rg->arena, rows, sizeof *in_table);
	if (b->grid_rows) {
		memcpy(grid, b->grid, (size_t)b->grid_rows * REGISTER_TABLE_MEETINGS * sizeof *grid);
		memcpy(in_table, b->in_table, b->grid_rows * sizeof *in_table);
	}
	b->grid = grid;
	b->in_table = in_table;
	b->grid_rows = rows;
}

/* A new member's row: not a member at the table's meetings so far. */
static void new_row(struct reg_body *b, size_t k)
{
	for (unsigned c = 0; c < REGISTER_TABLE_MEETINGS; c++)
		b->grid[k * REGISTER_TABLE_MEETINGS + c] = ATT_NOT_MEMBER;
	b->in_table[k] = 0;
}

/* The body's row for each member of these terms (added when new); the
** names and voting rights follow the latest terms seen. */
static const unsigned *roster_map(struct registers *rg, struct reg_body *b, const struct terms *t)
{
	if (rg->map_terms == t && rg->map_body == b)
		return rg->map;
	rg->map_terms = t;
	rg->map_body = b;
	rg->map = arena_array(rg->arena, t->n_members + 1, sizeof *rg->map);
	unsigned distinct = 0;
	for (unsigned i = 0; i < t->n_members; i++) {
		const struct member *mb = &t->members[i];
		size_t k = 0;
		while (k < b->members.n && strcmp(b->members.items[k]->id, mb->id) != 0)
			k++;
		if (k == b->members.n) {
			struct reg_member *rm = arena_alloc(rg->arena, sizeof *rm);
			rm->id = arena_strdup(rg->arena, mb->id);
			VEC_PUSH(rg->arena, b->members, rm);
			grid_room(rg, b);
			new_row(b, k);
		}
		/* a roster naming a member twice (not refused before here); a long
		** roster is not checked, and its columns are cleared first */
		bool seen = t->n_members > 64;
		for (unsigned j = 0; j < i && !seen; j++)
			seen = rg->map[j] == k;
		distinct += !seen;
		struct reg_member *rm = b->members.items[k];
		if (!rm->name || strcmp(rm->name, mb->name ? mb->name : mb->id) != 0) {
			rm->name = arena_strdup(rg->arena, mb->name ? mb->name : mb->id);
			rm->name_width = 0;
			for (const char *c = rm->name; *c; c++)
				rm->name_width += ((unsigned char)*c & 0xC0) != 0x80; /* the first byte of each character */
		}
		rm->voting = mb->voting;
		rg->map[i] = (unsigned)k;
	}
	rg->map_covers = distinct == b->members.n;
	return rg->map;
}

/* Hand the body's table to the sink and start an empty one. */
static void flush_table(struct registers *rg, struct reg_body *b, bool continues)
{
	if (b->n_columns == 0)
		return;
	unsigned nc = b->n_columns;
	struct arena *a = &b->table_arena;
	const struct reg_member **rows = arena_array(a, b->members.n + 1, sizeof *rows);
	enum attendance *cells = arena_array(a, (b->members.n + 1) * nc, sizeof *cells);
	unsigned n_rows = 0;
	for (size_t k = 0; k < b->members.n; k++) {
		if (b->in_table[k] == 0)
			continue;
		memcpy(&cells[n_rows * nc], &b->grid[k * REGISTER_TABLE_MEETINGS], nc * sizeof *cells);
		rows[n_rows++] = b->members.items[k];
		b->in_table[k] = 0;
	}
	struct reg_table t = {
		b->name, year_of(b->columns[0].date), ++b->part, continues, b->columns, nc, rows, n_rows, cells,
	};
	if (!continues)
		b->part = 0;
	rg->sink->table(rg->sink->ctx, &t);
	b->n_columns = 0;
	arena_reset(a);
}

static void add_column(struct registers *rg, struct reg_body *b, const struct meeting_result *r, const char *file)
{
	const struct meeting *m = r->meeting;
	if (b->n_columns > 0 && (m->date < b->year_from || m->date >= b->year_to))
		flush_table(rg, b, false);
	else if (b->n_columns == REGISTER_TABLE_MEETINGS)
		flush_table(rg, b, true);
	if (b->n_columns == 0)
		table_year(b, m->date);
	const unsigned *map = roster_map(rg, b, r->terms);
	struct arena *a = &b->table_arena;
	unsigned c = b->n_columns++;
	/* a history's meetings are mostly in one file: its name kept once a table */
	const char *kept = c ? b->columns[c - 1].file : NULL;
	kept = kept && strcmp(kept, file) == 0 ? kept : arena_strdup(a, file);
	/* its title copied into the column's room (not measured and copied into the arena) */
	size_t n = strlen(m->title);
	const char *title = b->titles[c];
	if (n < REGISTER_TITLE_KEPT)
		memcpy(b->titles[c], m->title, n + 1);
	else
		title = arena_strdup(a, m->title);
	b->columns[c] = (struct reg_meeting){ m->date, title, kept, rg->seq };
	enum attendance *column = b->grid + c;
	if (!rg->map_covers)
		for (size_t k = 0; k < b->members.n; k++)
			column[k * REGISTER_TABLE_MEETINGS] = ATT_NOT_MEMBER;
	/* read once: the stores below could otherwise be to any of them */
	const enum attendance *attendance = r->attendance;
	unsigned *in_table = b->in_table;
	struct reg_member *const *members = b->members.items;
	for (unsigned i = 0, roster = r->terms->n_members; i < roster; i++) {
		enum attendance at = attendance[i];
		unsigned k = map[i];
		column[k * REGISTER_TABLE_MEETINGS] = at;
		in_table[k] += at != ATT_NOT_MEMBER;
		members[k]->by_status[at]++;
	}
	if (b->meetings == 0 || m->date < b->first)
		b->first = m->date;
	if (b->meetings == 0 || m->date > b->last)
		b->last = m->date;
	b->meetings++;
}

/* The declarations at motion mr of r, handed to the sink. */
static void declarations(struct registers *rg, struct reg_body *b, const struct meeting_result *r,
                         const struct motion_result *mr)
{
	for (unsigned k = 0; k < mr->n_interests; k++) {
		const struct interest_result *e = &mr->interests[k];
		struct reg_interest d = {
			b->name, r->meeting, rg->seq, mr->motion, e,
			e->member >= 0 ? r->terms->members[e->member].name : NULL, r->terms,
		};
		b->declarations++;
		rg->declarations++;
		rg->sink->interest(rg->sink->ctx, &d);
	}
}

void register_meeting(struct registers *rg, const struct meeting_result *r, const char *file)
{
	rg->seq++;
	/* the body of the terms last mapped, else found by its name */
	struct reg_body *b = rg->map_terms == r->terms ? rg->map_body : body_named(rg, r->terms->name);
	if (r->attendance)
		add_column(rg, b, r, file);
	else
		b->outside++;
	/* most motions declare nothing: a pointer down them, read once, one
	** test a motion (the declarations' loop apart) */
	const struct motion_result *mr = r->motions, *end = mr + r->n_motions;
	for (; mr < end; mr++)
		if (mr->n_interests)
			declarations(rg, b, r, mr);
}

static void release(struct registers *rg)
{
	for (size_t i = 0; i < rg->bodies.n; i++)
		arena_free(&rg->bodies.items[i]->table_arena);
}

void register_rewind(struct registers *rg)
{
	release(rg);
	rg->bodies.n = 0;
	rg->seq = 0;
	rg->declarations = 0;
	rg->map_terms = NULL;
	rg->map_body = NULL;
	rg->map = NULL;
}

void register_finish(struct registers *rg)
{
	for (size_t i = 0; i < rg->bodies.n; i++)
		flush_table(rg, rg->bodies.items[i], false);
	release(rg);
}

void register_run(struct registers *rg, void (*fn)(void *ctx), void *ctx)
{
	/* The tables being gathered are not in the run arena: free them
	** before passing an out-of-memory jump on. */
	struct mem *mem = rg->arena->mem;
	jmp_buf *outer = mem->on_oom;
	jmp_buf here;
	mem->on_oom = &here;
	if (setjmp(here)) {
		mem->on_oom = outer;
		release(rg);
		mem_fail(mem);
	}
	fn(ctx);
	mem->on_oom = outer;
}
