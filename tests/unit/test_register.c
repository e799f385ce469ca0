/*
** Unit tests of the registers' data: eval's attendance of each member and the
** effect of each declared interest (src/run/eval.c), and the gathering of
** them across a history into tables and totals (src/run/register.c).
**
** Terms "T": voting members m1..m5 (m5 joins on 2024-03-01), an observer obs
** without a vote, a quorum of 3, the interests settings of each test.
** Meetings are parsed from text and judged as a replay would.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"
#include "memout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/wbuf.h"
#include "check/load.h"
#include "check/sema.h"
#include "front/parse.h"
#include "record/minutes.h"
#include "report/register_int.h"
#include "run/eval.h"
#include "run/register.h"

struct run {
	struct fixture f;
	const struct terms *t;
	/* what the register handed over */
	unsigned n_tables;
	struct reg_table tables[8];        /* the fields that are not pointers (those are valid only in the call) */
	unsigned first_seq[8];
	char table_cells[8][256];          /* letters, row by row, rows split by '/' */
	unsigned n_interests;
	const char *interest_lines[16];
};

FIXTURE_STATE(struct run)


static const char *const stdlib_dirs[] = { "stdlib" };

/* The terms, with a quorum's requirements and the interests settings. */
static void load_terms_with(struct run *R, const char *quorum, const char *interests)
{
	char text[2048];
	snprintf(text, sizeof text,
	         "terms \"T\" {\n"
	         "  effective 2024-01-01\n"
	         "  role m \"Member\" voting\n"
	         "  role observer \"Observer\" attending\n"
	         "  member m1 \"Dr One\" m\n  member m2 \"Two\" m\n  member m3 \"Three\" m\n"
	         "  member m4 \"Four\" m\n  member m5 \"Five\" m from 2024-03-01\n"
	         "  member obs \"Observer\" observer\n"
	         "  quorum §3.1 { %s }\n"
	         "  casting vote none\n"
	         "  %s\n"
	         "  class c §4 { require yes > half of cast }\n"
	         "}\n", quorum, interests);
	if (setjmp(R->f.oom) != 0)
		fail_msg("out of memory");
	loader_init(&R->f.ld, &R->f.arena, &R->f.diag, stdlib_dirs, 1);
	struct source *src = arena_alloc(&R->f.arena, sizeof *src);
	source_from_memory(src, &R->f.arena, "terms.tor", arena_strdup(&R->f.arena, text), strlen(text));
	struct ast_file f;
	const struct node *tn = parse_file(&R->f.arena, &R->f.diag, src, &f) == 0 ? fixture_first_item(&f, N_TERMS) : NULL;
	R->t = tn ? sema_terms(&R->f.arena, &R->f.diag, &R->f.ld, tn, src) : NULL;
	if (!R->t) {
		fixture_dump_diags(&R->f);
		fail_msg("the terms do not check");
	}
}

static void load_terms(struct run *R, const char *interests)
{
	load_terms_with(R, "require present >= 3", interests);
}

static const struct meeting_result *judge(struct run *R, const char *date, const char *body)
{
	char text[4096];
	snprintf(text, sizeof text, "meeting \"M %s\" on %s {\n  terms \"T\"\n%s\n}\n", date, date, body);
	if (setjmp(R->f.oom) != 0)
		fail_msg("out of memory");
	struct source *src = arena_alloc(&R->f.arena, sizeof *src);
	source_from_memory(src, &R->f.arena, "m.minutes", arena_strdup(&R->f.arena, text), strlen(text));
	struct ast_file f;
	const struct node *mn = parse_file(&R->f.arena, &R->f.diag, src, &f) == 0 ? fixture_first_item(&f, N_MEETING) : NULL;
	const struct meeting *m = mn ? minutes_from_ast(&R->f.arena, &R->f.diag, mn, src) : NULL;
	if (!m || R->f.diag.n_errors) {
		fixture_dump_diags(&R->f);
		fail_msg("the record does not read");
	}
	return eval_meeting(&R->f.arena, R->t, m);
}

static enum attendance att(const struct meeting_result *r, const char *id)
{
	int i = terms_find_member(r->terms, id);
	assert_true(i >= 0);
	assert_non_null(r->attendance);
	return r->attendance[i];
}

/* ==== attendance ================================================================= */

static void test_attendance_of_each_member(void **state)
{
	struct run *R = *state;
	load_terms(R, "");
	const struct meeting_result *r = judge(R, "2024-02-10",
	                                       "  present m1, m2, m3\n  apologies m4\n  attending obs\n"
	                                       "  motion 1 { for m1, m2, m3 }\n"
	                                       "  leaves m2\n  arrives m4\n"
	                                       "  motion 2 { for m1, m3, m4 }\n"
	                                       "  leaves m3\n  arrives m3\n"
	                                       "  motion 3 { for m1, m3, m4 }\n  leaves m4\n");
	assert_int_equal(att(r, "m1"), ATT_PRESENT);
	assert_int_equal(att(r, "m2"), ATT_EARLY);
	assert_int_equal(att(r, "m3"), ATT_OUT_FOR_PART);
	assert_int_equal(att(r, "m4"), ATT_LATE_EARLY);  /* sent apologies, came, left */
	assert_int_equal(att(r, "m5"), ATT_NOT_MEMBER);  /* joins in March */
	assert_int_equal(att(r, "obs"), ATT_PRESENT);    /* members without a vote are in the register too */

	r = judge(R, "2024-03-10", "  present m1, m2, m3\n  apologies m4\n  motion 1 { for m1, m2, m3 }\n  arrives m5\n");
	assert_int_equal(att(r, "m4"), ATT_APOLOGIES);
	assert_int_equal(att(r, "m5"), ATT_LATE);
	assert_int_equal(att(r, "obs"), ATT_ABSENT);

	/* decisions taken outside a meeting have no attendance */
	r = judge(R, "2024-03-20", "  motion 1 { virtual on 2024-03-20\n  for m1, m2, m3, m4 }\n");
	assert_null(r->attendance);
}

/* ==== interests ================================================================== */

#define INTERESTS(vote, quorum, leaves) \
	"interests §3.4 { conflicted vote: " vote "  conflicted quorum: " quorum "  conflicted leaves: " leaves " }"

static const struct interest_result *declared(const struct meeting_result *r, unsigned motion, unsigned k)
{
	assert_true(motion >= 1 && motion <= r->n_motions);
	const struct motion_result *mr = &r->motions[motion - 1];
	assert_true(k < mr->n_interests);
	return &mr->interests[k];
}

static void test_interest_void_and_excluded(void **state)
{
	struct run *R = *state;
	load_terms(R, INTERESTS("void", "excluded", "no"));
	const struct meeting_result *r = judge(R, "2024-04-10",
	                                       "  present m1, m2, m3, m4\n"
	                                       "  motion 1 { interest m2 \"owns the site\"\n  for m1, m2 against m3 }\n"
	                                       "  motion 2 { interest m3\n  for m1, m2 }\n"
	                                       "  motion 3 { interest m4\n  tally for 2 against 1 }\n"
	                                       "  motion 4 { interest m5\n  interest nobody\n  for m1, m2 }\n");
	const struct interest_result *e = declared(r, 1, 0);
	assert_string_equal(e->who->id, "m2");
	assert_string_equal(e->who->reason, "owns the site");
	assert_true(e->entitled);
	assert_int_equal(e->room, ROOM_STAYED);
	assert_true(e->vote_void);
	assert_false(e->quorum_counted);
	assert_true(e->voted && e->votes_named);
	assert_int_equal(e->vote, VOTE_FOR);

	e = declared(r, 2, 0);
	assert_false(e->voted);
	assert_true(e->votes_named);

	e = declared(r, 3, 0); /* a secret ballot: who voted is not known */
	assert_false(e->voted);
	assert_false(e->votes_named);

	e = declared(r, 4, 0); /* a member on the roster who is not at the meeting */
	assert_int_equal(e->room, ROOM_ABSENT);
	assert_false(e->quorum_counted);
	e = declared(r, 4, 1); /* someone not on the roster */
	assert_int_equal(e->member, -1);
	assert_false(e->entitled);
	assert_int_equal(e->room, ROOM_ABSENT);
}

static void test_interest_counted_allowed_and_leaving(void **state)
{
	struct run *R = *state;
	load_terms(R, INTERESTS("allowed", "counted", "no"));
	const struct meeting_result *r = judge(R, "2024-04-10", "  present m1, m2, m3\n"
	                                                        "  motion 1 { interest m2\n  for m1, m2 against m3 }\n");
	const struct interest_result *e = declared(r, 1, 0);
	assert_false(e->vote_void);
	assert_true(e->quorum_counted);
	assert_int_equal(e->room, ROOM_STAYED);

	load_terms(R, INTERESTS("allowed", "counted", "yes"));
	r = judge(R, "2024-04-10", "  present m1, m2, m3, m4\n"
	                           "  motion 1 { interest m2\n  for m1, m2 against m3 }\n"
	                           "  motion 2 { interest m3\n  for m1, m2 against m4 }\n");
	e = declared(r, 1, 0);
	assert_true(e->vote_void);             /* one who must leave has no vote */
	assert_false(e->quorum_counted);       /* counted only while in the room */
	assert_int_equal(e->room, ROOM_STAYED_VOTED);
	e = declared(r, 2, 0);
	assert_int_equal(e->room, ROOM_TO_LEAVE);

	load_terms(R, INTERESTS("void", "deemed present", "yes"));
	r = judge(R, "2024-04-10", "  present m1, m2, m3\n  leaves m2\n"
	                           "  motion 1 { interest m2\n  for m1, m3 }\n  arrives m2\n");
	e = declared(r, 1, 0);
	assert_int_equal(e->room, ROOM_LEFT);
	assert_true(e->quorum_counted);         /* deemed present */
	assert_int_equal(att(r, "m2"), ATT_OUT_FOR_PART);

	r = judge(R, "2024-04-11", "  motion 1 { virtual on 2024-04-11\n  interest m2\n  for m1, m3, m4 }\n");
	e = declared(r, 1, 0);
	assert_int_equal(e->room, ROOM_OUTSIDE);
	assert_false(e->quorum_counted);
}

/* Where the quorum counts attendees, one without a vote who declares an
** interest counts as a voting member would; elsewhere, never. */
static void test_interest_of_an_attendee(void **state)
{
	struct run *R = *state;
	const char *meeting = "  present m1, m2, m3\n  attending obs\n  motion 1 { interest obs\n  for m1, m2 }\n";
	load_terms_with(R, "require present >= 3\n require attendees >= 1", INTERESTS("void", "counted", "no"));
	const struct interest_result *e = declared(judge(R, "2024-04-10", meeting), 1, 0);
	assert_false(e->entitled);
	assert_true(e->quorum_counted);
	load_terms_with(R, "require present >= 3\n require attendees >= 1", INTERESTS("void", "excluded", "no"));
	assert_false(declared(judge(R, "2024-04-10", meeting), 1, 0)->quorum_counted);
	load_terms_with(R, "require present >= 3", INTERESTS("void", "counted", "no"));
	assert_false(declared(judge(R, "2024-04-10", meeting), 1, 0)->quorum_counted);
}

/* ==== the register across meetings ================================================ */

static void on_table(void *ctx, const struct reg_table *t)
{
	struct run *R = ctx;
	assert_true(R->n_tables < 8);
	char *cells = R->table_cells[R->n_tables];
	size_t w = 0;
	for (unsigned row = 0; row < t->n_members; row++) {
		w += (size_t)snprintf(cells + w, 256 - w, "%s%s:", row ? "/" : "", t->members[row]->id);
		for (unsigned c = 0; c < t->n_meetings; c++)
			w += (size_t)snprintf(cells + w, 256 - w, "%s", attendance_letter(t->cells[row * t->n_meetings + c]));
	}
	for (unsigned row = 0; row < t->n_members; row++) /* measured once, when named */
		assert_int_equal(t->members[row]->name_width, reg_width(t->members[row]->name));
	R->first_seq[R->n_tables] = t->meetings[0].seq;
	R->tables[R->n_tables++] = *t;
}

/* reg_declarant and reg_effect (joined by hand) say what snprintf said, cut
** where snprintf cuts at every size of buffer. */
static void check_declaration_words(const struct reg_interest *d)
{
	char want[2][512], got[512], cut[512];
	bool anyway;
	const char *voted = interest_voted_text(d, true, &anyway);
	const char *clause = d->terms->interests_clause;
	snprintf(want[0], sizeof want[0], "%s (%s)", d->member_name ? d->member_name : d->effect->who->id,
	         d->member_name ? d->effect->who->id : "not on the roster");
	snprintf(want[1], sizeof want[1], "%s%s%s%s; %s; %s; %s%s", clause ? "§" : "", clause ? clause : "",
	         clause ? ": " : "", interest_rule_text(d, true), interest_quorum_text(d, true),
	         interest_room_text(d, true), voted, anyway ? ", though the vote is void" : "");
	for (int k = 0; k < 2; k++)
		for (size_t size = 1; size <= strlen(want[k]) + 2; size++) {
			snprintf(cut, size, "%s", want[k]);
			assert_string_equal(k ? reg_effect(d, got, size) : reg_declarant(d, got, size), cut);
		}
}

/* register_text_declaration (written by hand into a wbuf) says what
** reg_declarant and reg_effect say with text_interest's 512 bytes, for d
** and for d with names of lengths about where 512 bytes cut them. */
static void check_text_declaration(const struct reg_interest *d)
{
	static char name[600];
	if (!name[0])
		memset(name, 'n', sizeof name - 1);
	for (size_t len = 0; len <= 520; len += len < 20 || len > 480 ? 1 : 23) {
		struct reg_interest e = *d;
		if (len)
			e.member_name = name + sizeof name - 1 - len;
		char who[512], effect[512], want[1100];
		snprintf(want, sizeof want, "%s|%s", reg_declarant(&e, who, sizeof who), reg_effect(&e, effect, sizeof effect));
		struct out o;
		out_open(&o);
		struct wbuf b;
		wbuf_init(&b, o.f);
		register_text_declaration(&b, &e);
		wbuf_flush(&b);
		assert_string_equal(out_text(&o), want);
		out_close(&o);
	}
}

/* What write(w, ctx, i) writes for each i < n, inside `depth` arrays: a
** string to free. */
static char *json_written(void (*write)(struct json_writer *w, const void *ctx, unsigned i), const void *ctx,
                          unsigned n, unsigned depth)
{
	struct out o;
	out_open(&o);
	struct json_writer w;
	jw_init(&w, o.f);
	for (unsigned i = 0; i < depth; i++)
		jw_begin_array(&w);
	for (unsigned i = 0; i < n; i++)
		write(&w, ctx, i);
	for (unsigned i = 0; i < depth; i++)
		jw_end_array(&w);
	jw_finish(&w);
	char *text = strdup(out_text(&o));
	out_close(&o);
	assert_non_null(text);
	return text;
}

/* Declarations d[0..n) as JSON, line by line or whole (with the lines kept in k). */
struct interests_json {
	const struct reg_interest *d;
	struct json_interest_tails *k;
};

static void write_interest(struct json_writer *w, const void *ctx, unsigned i)
{
	const struct interests_json *c = ctx;
	if (c->k)
		register_json_interest_whole(w, c->k, &c->d[i]);
	else
		register_json_interest(w, &c->d[i]);
}

static char *interest_json(const struct reg_interest *d, unsigned n, struct json_interest_tails *k, unsigned depth)
{
	return json_written(write_interest, &(struct interests_json){ d, k }, n, depth);
}

/* The text register's effects of d[0..n), kept in slots or written afresh (NULL). */
static char *effects_text(const struct reg_interest *d, unsigned n, struct reg_effect_text *slots)
{
	struct out o;
	out_open(&o);
	struct wbuf b;
	wbuf_init(&b, o.f);
	for (unsigned i = 0; i < n; i++) {
		register_text_effect_kept(&b, slots, &d[i]);
		wbuf_putc(&b, '\n');
	}
	wbuf_flush(&b);
	char *text = strdup(out_text(&o));
	out_close(&o);
	assert_non_null(text);
	return text;
}

/*
** A declaration written whole (register_json_interest_whole) says what it
** says line by line (and the text register's effect kept says what it
** says written afresh): for d and for d changed every way that changes its
** lines (each effect, its member off the roster or spelt otherwise,
** reasons and clauses none, escaped and long, a long title; a few effects
** again and again with each clause), at depths
** from 0 to past where whole lines are kept, enough of them that the
** writer's buffer fills, with the lines kept from one to the next.
*/
static void check_json_declaration(const struct reg_interest *d)
{
	enum { N = 1200 };
	static struct reg_interest v[N];
	static struct interest_result e[N];
	static struct rec_name who[N];
	static struct terms terms[4];
	static struct rec_motion motion;
	static struct meeting lasting; /* its names of a run-wide table (meeting.names_lasting) */
	static char long_text[3000], other_name[64], id_copy[64], id_other[64];
	memset(long_text, 'x', sizeof long_text - 1);
	memcpy(long_text + 7, "\"\\\t", 3);
	static const char *const clauses[] = { NULL, "3.4", "a \"quoted\" clause", "a clause of more than thirty-two characters" };
	static const char *const reasons[] = { NULL, "a reason", "a \"reason\"\n", long_text };
	for (unsigned c = 0; c < 4; c++) {
		terms[c] = *d->terms;
		terms[c].interests_clause = clauses[c];
	}
	motion = *d->motion;
	motion.title = long_text + 2000;
	snprintf(other_name, sizeof other_name, "%s", d->member_name ? d->member_name : "x");
	snprintf(id_copy, sizeof id_copy, "%s", d->effect->who->id);
	snprintf(id_other, sizeof id_other, "%s_", d->effect->who->id);
	lasting = *d->meeting;
	lasting.names_lasting = true;
	for (unsigned i = 0; i < N; i++) {
		unsigned bits = i * 2654435761u;
		who[i] = *d->effect->who;
		who[i].reason = reasons[bits % 4];
		e[i] = *d->effect;
		e[i].who = &who[i];
		e[i].room = (enum interest_room)(i % 6);
		e[i].entitled = bits >> 3 & 1;
		e[i].vote_void = bits >> 4 & 1;
		e[i].vote_open = (bits >> 5 & 3) == 0;
		e[i].quorum_open = (bits >> 7 & 3) == 0;
		e[i].quorum_counted = bits >> 9 & 1;
		e[i].voted = bits >> 10 & 1;
		e[i].votes_named = bits >> 11 & 1;
		e[i].vote = (enum vote_kind)(bits >> 12) % 3;
		v[i] = *d;
		v[i].effect = &e[i];
		v[i].terms = &terms[bits >> 14 & 3];
		if (i % 97 == 5)
			v[i].member_name = NULL;
		if (i % 89 == 7)
			v[i].member_name = other_name; /* the same words at another address */
		if (i % 101 == 3)
			v[i].motion = &motion;
		/* the id at another address spelt the same, or spelt otherwise
		** (each at its own address, as a run-wide table has them), in
		** meetings whose names last the run and others */
		if (i % 2 == 0)
			v[i].meeting = &lasting;
		if (i % 5 == 1)
			who[i].id = id_copy;
		else if (i % 7 == 2)
			who[i].id = id_other;
	}
	/* the second half says again what the first sixteen say, with other
	** terms (clauses) and members: tails found again by their effect's
	** fields (json_effect_fields) must be those of the same terms */
	for (unsigned i = N / 2; i < N; i++) {
		e[i] = e[i % 16];
		e[i].who = &who[i];
	}
	/* the last 300 say what the first five say, with the same terms, in no
	** order: tails found again at each place of the list of those seen
	** (tail_for), and made again where one is pushed off its end */
	for (unsigned i = N - 300; i < N; i++) {
		unsigned bits = i * 2654435761u;
		e[i] = e[(bits >> 16) % (i < N - 150 ? 5 : 11)];
		e[i].who = &who[i];
		v[i].terms = &terms[1];
	}
	static const unsigned depths[] = { 0, 3, 29, 30 };
	static struct json_interest_tails k;
	for (unsigned i = 0; i < sizeof depths / sizeof depths[0]; i++) {
		register_json_tails_init(&k);
		char *general = interest_json(v, N, NULL, depths[i]), *whole = interest_json(v, N, &k, depths[i]);
		assert_true(strlen(general) > JSON_BUFFER); /* the buffer filled */
		assert_string_equal(whole, general);
		free(general);
		free(whole);
	}
	static struct reg_effect_text slots[REG_EFFECT_SLOTS];
	reg_effect_slots_init(slots);
	char *afresh = effects_text(v, N, NULL), *kept = effects_text(v, N, slots);
	assert_string_equal(kept, afresh);
	free(afresh);
	free(kept);
}

static void on_interest(void *ctx, const struct reg_interest *d)
{
	struct run *R = ctx;
	check_declaration_words(d);
	check_text_declaration(d);
	check_json_declaration(d);
	bool anyway;
	const char *voted = interest_voted_text(d, false, &anyway);
	assert_true(R->n_interests < 16);
	R->interest_lines[R->n_interests++] =
		arena_printf(&R->f.arena, "%s motion %s %s (%s): vote %s, quorum %s, %s, voted %s%s", d->meeting->title,
		             d->motion->number, d->effect->who->id, d->member_name ? d->member_name : "?",
		             interest_rule_text(d, false), interest_quorum_text(d, false), interest_room_text(d, false), voted,
		             anyway ? " anyway" : "");
}

static void test_register_tables_and_totals(void **state)
{
	struct run *R = *state;
	load_terms(R, "");
	struct register_sink sink = { R, on_table, on_interest };
	struct registers *rg = register_new(&R->f.arena, &sink);
	/* 14 meetings in 2024 (two tables: 12 and 2), one in 2025, one e-mail decision */
	for (int month = 1; month <= 12; month++) {
		char date[16];
		snprintf(date, sizeof date, "2024-%02d-10", month);
		register_meeting(rg, judge(R, date, month == 2 ? "  present m1, m2, m3\n  apologies m4\n"
		                                                 "  motion 1 { interest m1 \"a reason\"\n  for m1, m2 }\n"
		                                               : "  present m1, m2, m3, m4\n  motion 1 { for m1, m2 }\n"),
		                 "f.minutes");
	}
	register_meeting(rg, judge(R, "2024-12-11", "  motion 1 { virtual on 2024-12-11\n  for m1, m2, m3, m4 }\n"), "e.minutes");
	register_meeting(rg, judge(R, "2024-12-20", "  present m1, m2, m3\n  motion 1 { for m1, m2 }\n"), "f.minutes");
	register_meeting(rg, judge(R, "2024-12-21", "  present m1, m2, m3\n  motion 1 { for m1, m2 }\n"), "f.minutes");
	assert_int_equal(R->n_tables, 1); /* the first 12 went as soon as the 13th came */
	register_meeting(rg, judge(R, "2025-01-10", "  present m1, m2, m5\n  motion 1 { for m1, m2 }\n  leaves m5\n"),
	                 "f.minutes");
	assert_int_equal(R->n_tables, 2); /* the year changed */
	register_finish(rg);
	assert_int_equal(R->n_tables, 3);

	const struct reg_table *t = &R->tables[0];
	assert_int_equal(t->year, 2024);
	assert_int_equal(t->part, 1);
	assert_true(t->continues);
	assert_int_equal(t->n_meetings, 12);
	/* m5 joined in March but never came; nor did obs */
	assert_string_equal(R->table_cells[0], "m1:PPPPPPPPPPPP/m2:PPPPPPPPPPPP/m3:PPPPPPPPPPPP/m4:PAPPPPPPPPPP/"
	                                       "m5:--XXXXXXXXXX/obs:XXXXXXXXXXXX");
	t = &R->tables[1];
	assert_int_equal(t->year, 2024);
	assert_int_equal(t->part, 2);
	assert_false(t->continues);
	assert_int_equal(R->first_seq[1], 14); /* the e-mail decision was 13th */
	assert_string_equal(R->table_cells[1], "m1:PP/m2:PP/m3:PP/m4:XX/m5:XX/obs:XX");
	t = &R->tables[2];
	assert_int_equal(t->year, 2025);
	assert_int_equal(t->part, 1);
	assert_string_equal(R->table_cells[2], "m1:P/m2:P/m3:X/m4:X/m5:E/obs:X");

	assert_int_equal(register_n_bodies(rg), 1);
	const struct reg_body *b = register_body(rg, 0);
	assert_string_equal(b->name, "T");
	assert_int_equal(b->meetings, 15);
	assert_int_equal(b->outside, 1);
	assert_int_equal(b->members.n, 6);
	const struct reg_member *m4 = b->members.items[3], *m5 = b->members.items[4];
	assert_string_equal(m4->id, "m4");
	assert_int_equal(reg_member_meetings(m4), 15);
	assert_int_equal(reg_member_present(m4), 11);
	assert_int_equal(m4->by_status[ATT_APOLOGIES], 1);
	assert_int_equal(m4->by_status[ATT_ABSENT], 3);
	assert_int_equal(reg_member_meetings(m5), 13);
	assert_int_equal(reg_member_part(m5), 1);
	assert_true(m5->voting);
	assert_false(b->members.items[5]->voting);

	assert_int_equal(register_n_declarations(rg), 1);
	assert_int_equal(R->n_interests, 1);
	assert_string_equal(R->interest_lines[0], "M 2024-02-10 motion 1 m1 (Dr One): vote void, quorum not counted, "
	                                          "stayed, voted for anyway");
}

static void test_interest_words(void **state)
{
	struct run *R = *state;
	load_terms(R, INTERESTS("allowed", "deemed present", "yes"));
	struct register_sink sink = { R, on_table, on_interest };
	struct registers *rg = register_new(&R->f.arena, &sink);
	register_meeting(rg, judge(R, "2024-04-10", "  present m1, m2, m3, m4, obs\n"
	                                            "  motion 1 { interest m2\n  tally for 2 against 1 }\n"
	                                            "  motion 2 { interest obs\n  for m1, obs }\n"
	                                            "  leaves m3\n"
	                                            "  motion 3 { interest m3\n  for m1, m2 }\n"
	                                            "  motion 4 { interest m4\n  against m4 for m1, m2 }\n"),
	                 "f.minutes");
	register_meeting(rg, judge(R, "2024-04-11", "  motion 1 { virtual on 2024-04-11\n  interest m1\n  for m2, m3, m4 }\n"),
	                 "e.minutes");
	register_finish(rg);
	assert_int_equal(R->n_interests, 5);
	assert_string_equal(R->interest_lines[0], "M 2024-04-10 motion 1 m2 (Two): vote void, quorum counted, "
	                                          "to leave, voted not known");
	assert_string_equal(R->interest_lines[1], "M 2024-04-10 motion 2 obs (Observer): vote no vote, quorum not counted, "
	                                          "stayed to vote, voted for anyway");
	assert_string_equal(R->interest_lines[2], "M 2024-04-10 motion 3 m3 (Three): vote void, quorum deemed present, "
	                                          "left, voted did not vote");
	assert_string_equal(R->interest_lines[3], "M 2024-04-10 motion 4 m4 (Four): vote void, quorum counted, "
	                                          "stayed to vote, voted against anyway");
	assert_string_equal(R->interest_lines[4], "M 2024-04-11 motion 1 m1 (Dr One): vote void, quorum not applicable, "
	                                          "outside a meeting, voted did not vote");
	assert_int_equal(register_body(rg, 0)->first, register_body(rg, 0)->last);
	assert_string_equal(attendance_name(ATT_LATE_EARLY), "arrived late and left early");
	assert_string_equal(attendance_letter(ATT_ABSENT), "X");
}

/* A file's name that changes from one table to the next at the same
** address, as a table's names do in the registers' arena. */
static char moving_file[32];

/* Tables as JSON: each whole from lines kept across them (jl), or as
** register_json_table writes it line by line. */
struct tables_json {
	const struct reg_table *t;
	struct json_table_lines *jl;
};

static void write_table(struct json_writer *w, const void *ctx, unsigned i)
{
	const struct tables_json *c = ctx;
	snprintf(moving_file, sizeof moving_file, "table%u.minutes", i % 3);
	if (c->jl)
		register_json_table_whole(w, c->jl, &c->t[i]);
	else
		register_json_table(w, &c->t[i]);
}

static char *tables_json(const struct reg_table *t, unsigned n, struct json_table_lines *jl, unsigned depth)
{
	return json_written(write_table, &(struct tables_json){ t, jl }, n, depth);
}

/*
** A register table's meetings written whole from lines kept for the body
** (register_json_table_whole): as line by line, one table after another
** with the same lines (rows that move, members that change), members whose
** lines fit 64 bytes and do not, keys too long for a line, escapes, more
** members than are kept, a meeting without members, titles long and
** escaped, files that change and one too long to keep, at depths from 0 to
** past where lines are kept, the writer's buffer filled many times.
*/
static void test_table_json_whole(void **state)
{
	(void)state;
	enum { MEMBERS = 70, MEETINGS = 1200 };
	static struct reg_member members[MEMBERS];
	static const struct reg_member *rows[MEMBERS];
	static struct reg_meeting meetings[MEETINGS];
	static enum attendance cells[MEMBERS * MEETINGS];
	static char ids[MEMBERS][100], long_title[3000], long_file[400];
	memset(long_title, 'T', sizeof long_title - 1);
	memcpy(long_title + 100, "\"\\\n", 3);
	memset(long_file, 'f', sizeof long_file - 1);
	for (unsigned r = 0; r < MEMBERS; r++) {
		if (r == 3)
			snprintf(ids[r], sizeof ids[r], "%s", "an_id_of_forty_characters_that_is_long_");
		else if (r == 4)
			snprintf(ids[r], sizeof ids[r], "%s", "an id of seventy characters, too long for a line of its own...........");
		else if (r == 5)
			snprintf(ids[r], sizeof ids[r], "%s", "quo\"te\\");
		else if (r == 6)
			snprintf(ids[r], sizeof ids[r], "%s", "caf\xc3\xa9\x01");
		else
			snprintf(ids[r], sizeof ids[r], "m%u", r);
		members[r] = (struct reg_member){ .id = ids[r], .name = ids[r] };
		rows[r] = &members[r];
	}
	static const char *const titles[] = { "A \"meeting\"", "Board", "", NULL };
	static const char *const files[] = { "f.minutes", "f.minutes", "g/h.minutes", "f.minutes", moving_file, NULL };
	for (unsigned c = 0; c < MEETINGS; c++) {
		const char *title = titles[c % 3], *file = c % 12 < 6 ? moving_file : files[c % 5];
		if (c % 50 == 9)
			title = long_title;
		if (c % 70 == 11)
			file = long_file;
		meetings[c] = (struct reg_meeting){ .date = (qdate)(-800000 + 9000 * c), .title = title, .file = file };
		for (unsigned r = 0; r < MEMBERS; r++)
			cells[r * MEETINGS + c] = c == 7 ? ATT_NOT_MEMBER : (enum attendance)((r * 7 + c * 3) % ATT__COUNT);
	}
	/* tables of 12 meetings, their rows from `from`, `count` of them: all
	** 70, the first 3, the long one alone, the one too long, 5 to 10, the
	** first 64 */
	static const unsigned from[] = { 0, 0, 3, 4, 5, 0, 2 }, count[] = { MEMBERS, 3, 1, 1, 5, 64, 2 };
	enum { N = sizeof from / sizeof from[0], PER = 12 };
	static const unsigned depths[] = { 0, 1, 5, 28, 29 };
	static struct json_table_lines jl;
	for (unsigned k = 0; k < sizeof depths / sizeof depths[0]; k++) {
		struct reg_table t[MEETINGS / PER];
		unsigned n = 0;
		for (unsigned c = 0; c + PER <= MEETINGS; c += PER, n++) {
			unsigned shape = (c / PER) % N;
			static enum attendance part[MEETINGS / PER][MEMBERS * PER];
			for (unsigned r = 0; r < count[shape]; r++)
				for (unsigned i = 0; i < PER; i++)
					part[n][r * PER + i] = cells[(from[shape] + r) * MEETINGS + c + i];
			t[n] = (struct reg_table){ .body = "b", .meetings = meetings + c, .n_meetings = PER,
			                           .members = rows + from[shape], .n_members = count[shape], .cells = part[n] };
		}
		register_json_lines_init(&jl);
		char *general = tables_json(t, n, NULL, depths[k]), *whole = tables_json(t, n, &jl, depths[k]);
		assert_true(strlen(general) > JSON_BUFFER); /* the buffer filled */
		assert_string_equal(whole, general);
		free(general);
		free(whole);
	}
}

/* A text table's row, by 8-byte copies or letter by letter. */
static char *text_cells(const enum attendance *cells, unsigned n, bool by_copies)
{
	struct out o;
	out_open(&o);
	struct wbuf b;
	wbuf_init(&b, o.f);
	for (unsigned k = 0; k < 2100; k++) /* past the buffer's end */
		register_text_cells(&b, cells, n, by_copies);
	wbuf_flush(&b);
	char *text = strdup(out_text(&o));
	out_close(&o);
	assert_non_null(text);
	return text;
}

/* A text table's rows written by 8-byte copies say what letter by letter
** said: rows of 1 to 12 cells, every attendance first, last and between. */
static void test_text_cells_by_copies(void **state)
{
	(void)state;
	enum attendance cells[REGISTER_TABLE_MEETINGS];
	for (unsigned k = 0; k < 400; k++) {
		unsigned n = 1 + k % REGISTER_TABLE_MEETINGS;
		for (unsigned c = 0; c < n; c++)
			cells[c] = (enum attendance)((k * 7 + c * 5 + k / 12) % ATT__COUNT);
		char *letters = text_cells(cells, n, false), *copies = text_cells(cells, n, true);
		assert_true(strlen(letters) > WBUF_SIZE);
		assert_string_equal(copies, letters);
		free(letters);
		free(copies);
	}
}

/* Dates written from the month kept say what date_format says: day by
** day across months, years and leap days, in jumps forwards and back, and
** outside the calendar at both ends; every byte after the end zeroed. */
static void test_date_text_by_month(void **state)
{
	(void)state;
	struct reg_month k;
	reg_month_init(&k);
	qdate d = DATE_FIRST_DAY - 3;
	for (unsigned i = 0; i < 200000; i++) {
		char want[DATE_FMT_MAX] = { 0 }, got[DATE_FMT_MAX];
		memset(got, 'x', sizeof got);
		date_format(d, want);
		size_t n = reg_date_text(&k, d, got);
		assert_int_equal(n, strlen(want));
		assert_memory_equal(got, want, sizeof want);
		if (i == 40)
			d = -400; /* around 1970 */
		else if (i == 3000)
			d = DATE_LAST_DAY - 70;
		else if (i == 3100)
			d = 10000;
		else if (i % 7 == 3)
			d -= (qdate)(i % 45); /* back, into the month before or the same */
		else
			d += (qdate)(i % 11 == 0 ? 40 : 1);
	}
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_attendance_of_each_member),
		T(test_interest_void_and_excluded),
		T(test_interest_counted_allowed_and_leaving),
		T(test_interest_of_an_attendee),
		T(test_register_tables_and_totals),
		T(test_interest_words),
		cmocka_unit_test(test_table_json_whole),
		cmocka_unit_test(test_text_cells_by_copies),
		cmocka_unit_test(test_date_text_by_month),
	};
	return cmocka_run_group_tests_name("register", tests, NULL, NULL);
}
