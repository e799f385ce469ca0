/*
** Unit tests for src/record/minutes_json.c.
**
** The JSON reader must give exactly the model the native reader gives for the
** same record: the Anytown example in both forms, and a record that uses
** every construct, are compared field by field.  Then each kind of malformed
** input must give its diagnostic code and a message naming the JSON path, at
** the right place in the text (syntax errors at the offending token, value
** errors at the value, unknown keys at the key); the model's spans must point
** into the JSON; numbers must be exact; and running out of memory at any
** allocation must end at the caller's recovery point with nothing left
** allocated.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/sbuf.h"
#include "front/parse.h"
#include "record/minutes_json.h"

/* ---- a context: mem with its OOM jump, arena, diagnostics ----------------- */

struct ctx {
	struct fixture f;
	struct source src;
	struct json_ids *run_ids; /* same_both_ways': one run's, for all it reads (in f.arena) */
};

FIXTURE_STATE(struct ctx)


/* Read JSON text; a jump to c->f.oom here fails the test. */
static const struct meeting *read_json(struct ctx *c, const char *text)
{
	source_from_memory(&c->src, &c->f.arena, "test.json", text, strlen(text));
	if (setjmp(c->f.oom))
		fail_msg("out of memory");
	return minutes_json_read(&c->f.arena, &c->f.diag, &c->src);
}

/* The first meeting of a native source. */
static const struct meeting *read_native_src(struct ctx *c, const struct source *src)
{
	struct ast_file file;
	if (setjmp(c->f.oom))
		fail_msg("out of memory");
	assert_int_equal(parse_file(&c->f.arena, &c->f.diag, src, &file), 0);
	for (const struct node *n = file.items; n; n = n->next)
		if (n->kind == N_MEETING)
			return minutes_from_ast(&c->f.arena, &c->f.diag, n, src);
	fail_msg("no meeting in %s", src->name);
	return NULL;
}

static const struct meeting *read_native(struct ctx *c, struct source *src, const char *text)
{
	source_from_memory(src, &c->f.arena, "test.minutes", text, strlen(text));
	return read_native_src(c, src);
}

/* examples/ from the repository root, or from build/tests. */
static const struct source *load_example(struct ctx *c, const char *rel)
{
	static const char *const roots[] = { "", "../../", "../../../" };
	struct source *s = arena_alloc(&c->f.arena, sizeof *s);
	for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++) {
		char path[512];
		snprintf(path, sizeof path, "%s%s", roots[i], rel);
		const char *why = NULL;
		if (setjmp(c->f.oom))
			fail_msg("out of memory");
		if (source_load(s, &c->f.arena, path, &why) == 0)
			return s;
	}
	fail_msg("cannot find %s (run from the repository root)", rel);
	return NULL;
}

static void print_diags(const struct ctx *c)
{
	for (size_t i = 0; i < c->f.diag.items.n; i++)
		diag_print(&c->f.diag.items.items[i], stderr, false);
}

static void assert_no_errors(const struct ctx *c)
{
	if (c->f.diag.n_errors) {
		print_diags(c);
		fail_msg("%u unexpected errors", c->f.diag.n_errors);
	}
}

/* ---- comparing models ----------------------------------------------------- */

#define SAME(cond, ...) do { if (!(cond)) fail_msg(__VA_ARGS__); } while (0)

static void same_str(const char *a, const char *b, const char *what)
{
	if (a == NULL || b == NULL)
		SAME(a == b, "%s: %s vs %s", what, a ? a : "(null)", b ? b : "(null)");
	else
		SAME(strcmp(a, b) == 0, "%s: \"%s\" vs \"%s\"", what, a, b);
}

static void same_name(const struct rec_name *a, const struct rec_name *b, const char *what)
{
	SAME((a == NULL) == (b == NULL), "%s: present in one model only", what);
	if (!a)
		return;
	same_str(a->id, b->id, what);
	same_str(a->reason, b->reason, what);
}

static void same_names(const struct rec_names *a, const struct rec_names *b, const char *what)
{
	SAME(a->n == b->n, "%s: %u names vs %u", what, a->n, b->n);
	for (unsigned i = 0; i < a->n; i++)
		same_name(&a->items[i], &b->items[i], what);
}

static void same_value(const struct value *a, const struct value *b, const char *what)
{
	SAME(a->type == b->type, "%s: type %d vs %d", what, (int)a->type, (int)b->type);
	switch (a->type) {
	case VT_NUM:
		SAME(a->u.num.num == b->u.num.num && a->u.num.den == b->u.num.den, "%s: %lld/%lld vs %lld/%lld",
		     what, (long long)a->u.num.num, (long long)a->u.num.den, (long long)b->u.num.num,
		     (long long)b->u.num.den);
		break;
	case VT_BOOL: SAME(a->u.boolean == b->u.boolean, "%s: boolean differs", what); break;
	case VT_STR: same_str(a->u.str, b->u.str, what); break;
	case VT_DATE: SAME(a->u.date == b->u.date, "%s: date differs", what); break;
	default: break;
	}
}

static void same_motion(const struct rec_motion *a, const struct rec_motion *b)
{
	char what[64];
	same_str(a->number, b->number, "motion number");
	snprintf(what, sizeof what, "motion %s", a->number);
	same_str(a->title, b->title, what);
	SAME(a->n_attrs == b->n_attrs, "%s: %u attributes vs %u", what, a->n_attrs, b->n_attrs);
	for (unsigned i = 0; i < a->n_attrs; i++) {
		same_str(a->attrs[i].name, b->attrs[i].name, what);
		same_value(&a->attrs[i].value, &b->attrs[i].value, a->attrs[i].name);
	}
	same_names(&a->interests, &b->interests, "interests");
	SAME(a->n_votes == b->n_votes, "%s: %u votes vs %u", what, a->n_votes, b->n_votes);
	for (unsigned i = 0; i < a->n_votes; i++) {
		same_name(&a->votes[i].who, &b->votes[i].who, "vote");
		SAME(a->votes[i].kind == b->votes[i].kind, "%s: vote %u kind differs", what, i);
	}
	SAME(a->has_tally == b->has_tally && a->tally_has_abstain == b->tally_has_abstain, "%s: tally", what);
	for (int k = 0; k < 3; k++)
		SAME(a->tally[k] == b->tally[k], "%s: tally[%d] %lld vs %lld", what, k, (long long)a->tally[k],
		     (long long)b->tally[k]);
	SAME(a->consensus == b->consensus, "%s: consensus", what);
	same_names(&a->objections, &b->objections, "objections");
	SAME(a->has_casting == b->has_casting && (!a->has_casting || a->casting == b->casting), "%s: casting", what);
	SAME(a->recorded == b->recorded, "%s: recorded %d vs %d", what, (int)a->recorded, (int)b->recorded);
	SAME(a->declared == b->declared, "%s: declared", what);
	SAME(a->expected == b->expected, "%s: expected", what);
	SAME(a->has_notice_given == b->has_notice_given &&
	     (!a->has_notice_given || a->notice_given == b->notice_given), "%s: notice given", what);
	SAME(a->is_virtual == b->is_virtual && (!a->is_virtual || a->virtual_on == b->virtual_on), "%s: virtual", what);
	same_str(a->ratifies_meeting, b->ratifies_meeting, "ratifies meeting");
	same_str(a->ratifies_motion, b->ratifies_motion, "ratifies motion");
	same_name(a->presiding, b->presiding, "presiding");
}

static void same_meeting(const struct meeting *a, const struct meeting *b)
{
	assert_non_null(a);
	assert_non_null(b);
	same_str(a->title, b->title, "title");
	SAME(a->date == b->date, "date differs");
	same_str(a->terms_name, b->terms_name, "terms");
	same_name(a->chair, b->chair, "chair");
	SAME(a->has_papers == b->has_papers && (!a->has_papers || a->papers_sent == b->papers_sent), "papers sent");
	SAME(a->has_minutes == b->has_minutes && (!a->has_minutes || a->minutes_circulated == b->minutes_circulated),
	     "minutes circulated");
	same_names(&a->present, &b->present, "present");
	same_names(&a->apologies, &b->apologies, "apologies");
	same_names(&a->attending, &b->attending, "attending");
	SAME(a->n_deputies == b->n_deputies, "%u deputies vs %u", a->n_deputies, b->n_deputies);
	for (unsigned i = 0; i < a->n_deputies; i++) {
		same_str(a->deputies[i].deputy.id, b->deputies[i].deputy.id, "deputy");
		same_str(a->deputies[i].principal.id, b->deputies[i].principal.id, "deputy for");
	}
	SAME(a->n_motions == b->n_motions, "%u motions vs %u", a->n_motions, b->n_motions);
	SAME(a->n_steps == b->n_steps, "%u steps vs %u", a->n_steps, b->n_steps);
	for (unsigned i = 0; i < a->n_steps; i++) {
		SAME(a->steps[i].kind == b->steps[i].kind, "step %u: kind differs", i);
		if (a->steps[i].kind == STEP_MOTION)
			same_motion(a->steps[i].motion, b->steps[i].motion);
		else
			same_names(&a->steps[i].names, &b->steps[i].names, "arrives/leaves");
	}
}

/* ---- the same record, two ways -------------------------------------------- */

static void test_example_equal(void **state)
{
	struct ctx *c = *state;
	const struct meeting *native = read_native_src(c, load_example(c, "examples/anytown/2024-05-14.minutes"));
	const struct source *js = load_example(c, "examples/json/anytown-2024-05-14.json");
	if (setjmp(c->f.oom))
		fail_msg("out of memory");
	const struct meeting *json = minutes_json_read(&c->f.arena, &c->f.diag, js);
	assert_no_errors(c);
	same_meeting(native, json);

	/* And what both say, so equality is not two empty models. */
	assert_int_equal(json->n_motions, 3);
	assert_int_equal(json->n_steps, 4);
	assert_int_equal(json->present.n, 7);
	assert_string_equal(json->chair->id, "alice");
	const struct rec_motion *m2 = json->steps[1].motion;
	assert_string_equal(m2->number, "2");
	assert_int_equal(m2->n_attrs, 2);
	assert_string_equal(m2->attrs[1].name, "amount");
	assert_int_equal(m2->attrs[1].value.type, VT_NUM);
	assert_int_equal(m2->attrs[1].value.u.num.num, 40000);
	assert_int_equal(m2->n_votes, 5);
	assert_string_equal(m2->interests.items[0].reason, "partner at the pilot site");
	assert_int_equal(json->steps[2].kind, STEP_LEAVES);
	const struct rec_motion *m3 = json->steps[3].motion;
	assert_true(m3->has_tally && m3->tally_has_abstain);
	assert_int_equal(m3->tally[VOTE_FOR], 3);
	assert_int_equal(m3->tally[VOTE_AGAINST], 2);
	assert_ptr_equal(json->src, js);
}

/* Every construct of the record syntax.  Named votes are written for,
** against, abstain: the JSON groups them so, the native reader keeps lines. */
static const char FULL_NATIVE[] =
	"meeting \"Extraordinary meeting\" on 2024-06-30 {\n"
	"  terms \"Anytown Cluster Leadership Group\"\n"
	"  chair alice\n"
	"  papers sent 2024-06-20\n"
	"  minutes circulated 2024-07-03\n"
	"  present alice, bob, carol\n"
	"  apologies grace, heidi\n"
	"  attending judy\n"
	"  arrives dan, erin\n"
	"  motion \"Amend clause 9\" kind \"amendment\" share 66.67% decided 2024-04-30 ref \"12\" urgent financial false {\n"
	"    notice given 2024-04-30\n"
	"    interest alice\n"
	"    interest bob \"a relative\"\n"
	"    chair carol\n"
	"    for bob, carol\n"
	"    for erin\n"
	"    against dan\n"
	"    abstain alice\n"
	"    casting for\n"
	"    declared carried\n"
	"    expect not carried\n"
	"  }\n"
	"  leaves erin\n"
	"  motion 7.1 \"By written resolution\" {\n"
	"    virtual on 2024-06-02\n"
	"    consensus\n"
	"    objection carol \"not consulted\"\n"
	"    objection dan\n"
	"    tally for 4 against 0\n"
	"    recorded provisional\n"
	"  }\n"
	"  motion {\n"
	"    ratifies \"Leadership group, May 2024\" motion 4\n"
	"    recorded void\n"
	"  }\n"
	"}\n";

static const char FULL_JSON[] =
	"{\n"
	"  \"meeting\": \"Extraordinary meeting\", \"date\": \"2024-06-30\",\n"
	"  \"terms\": \"Anytown Cluster Leadership Group\", \"chair\": \"alice\",\n"
	"  \"papers_sent\": \"2024-06-20\", \"minutes_circulated\": \"2024-07-03\",\n"
	"  \"present\": [\"alice\", \"bob\", \"carol\"], \"apologies\": [\"grace\", \"heidi\"],\n"
	"  \"attending\": [\"judy\"],\n"
	"  \"items\": [\n"
	"    {\"arrives\": [\"dan\", \"erin\"]},\n"
	"    {\"motion\": {\"title\": \"Amend clause 9\",\n"
	"      \"attributes\": {\"kind\": \"amendment\", \"share\": \"66.67%\", \"decided\": {\"date\": \"2024-04-30\"},\n"
	"                     \"ref\": {\"string\": \"12\"}, \"urgent\": true, \"financial\": false},\n"
	"      \"notice_given\": \"2024-04-30\",\n"
	"      \"interests\": [\"alice\", {\"member\": \"bob\", \"reason\": \"a relative\"}],\n"
	"      \"presiding\": \"carol\",\n"
	"      \"votes\": {\"for\": [\"bob\", \"carol\", \"erin\"], \"against\": [\"dan\"], \"abstain\": [\"alice\"]},\n"
	"      \"casting\": \"for\", \"declared\": \"carried\", \"expect\": \"not carried\"}},\n"
	"    {\"leaves\": [\"erin\"]},\n"
	"    {\"motion\": {\"number\": \"7.1\", \"title\": \"By written resolution\",\n"
	"      \"virtual_on\": \"2024-06-02\", \"consensus\": true,\n"
	"      \"objections\": [{\"member\": \"carol\", \"reason\": \"not consulted\"}, {\"member\": \"dan\"}],\n"
	"      \"tally\": {\"for\": 4, \"against\": 0}, \"recorded\": \"provisional\"}},\n"
	"    {\"motion\": {\"ratifies\": {\"meeting\": \"Leadership group, May 2024\", \"motion\": 4},\n"
	"      \"recorded\": \"void\"}}\n"
	"  ]\n"
	"}\n";

static void test_full_equal(void **state)
{
	struct ctx *c = *state;
	struct source nsrc;
	const struct meeting *native = read_native(c, &nsrc, FULL_NATIVE);
	assert_no_errors(c);
	const struct meeting *json = read_json(c, FULL_JSON);
	assert_no_errors(c);
	same_meeting(native, json);

	assert_int_equal(json->n_motions, 3);
	const struct rec_motion *m1 = json->steps[1].motion;
	assert_string_equal(m1->number, "1");              /* ordinal */
	assert_int_equal(m1->n_attrs, 6);
	assert_int_equal(m1->attrs[1].value.u.num.num, 6667);
	assert_int_equal(m1->attrs[1].value.u.num.den, 10000);
	assert_int_equal(m1->attrs[2].value.type, VT_DATE);
	assert_int_equal(m1->attrs[3].value.type, VT_STR);
	assert_null(m1->interests.items[0].reason);
	assert_string_equal(m1->presiding->id, "carol");
	assert_int_equal(m1->votes[3].kind, VOTE_AGAINST);
	assert_true(m1->has_casting);
	const struct rec_motion *m2 = json->steps[3].motion;
	assert_string_equal(m2->number, "7.1");
	assert_true(m2->has_tally);
	assert_false(m2->tally_has_abstain);
	assert_true(m2->is_virtual);
	const struct rec_motion *m3 = json->steps[4].motion;
	assert_string_equal(m3->number, "3");
	assert_string_equal(m3->ratifies_motion, "4");
	assert_string_equal(m3->title, "");
}

/* ---- malformed input ------------------------------------------------------ */

/* The diagnostic whose message contains `part` must exist, with `code`. */
static const struct diag *find_diag(const struct ctx *c, enum diag_code code, const char *part)
{
	for (size_t i = 0; i < c->f.diag.items.n; i++) {
		const struct diag *d = &c->f.diag.items.items[i];
		if (strstr(d->msg, part)) {
			if (d->code != code) {
				print_diags(c);
				fail_msg("\"%s\": code %s, want %s", d->msg, diag_code_name(d->code), diag_code_name(code));
			}
			return d;
		}
	}
	print_diags(c);
	fail_msg("no diagnostic mentions \"%s\"", part);
	return NULL;
}

static unsigned line_of(const struct diag *d)
{
	unsigned line, col;
	source_position(d->loc.src, d->loc.start, &line, &col);
	return line;
}

/* A record around one motion's body. */
static const char *with_motion(struct ctx *c, const char *motion)
{
	return arena_printf(&c->f.arena,
	                    "{\"meeting\": \"M\", \"date\": \"2024-05-14\", \"present\": [\"alice\"],\n"
	                    " \"items\": [{\"arrives\": [\"bob\"]}, {\"motion\": %s}]}\n", motion);
}

static void test_syntax_error_line(void **state)
{
	struct ctx *c = *state;
	assert_null(read_json(c, "{\n  \"meeting\": \"M\",\n  \"date\": \"2024-05-14\",\n}\n"));
	assert_int_equal(c->f.diag.n_errors, 1);
	const struct diag *d = find_diag(c, D_SYNTAX, "invalid JSON");
	assert_int_equal(line_of(d), 4);
	assert_ptr_equal(d->loc.src, &c->src);
}

static void test_syntax_error_token_start(void **state)
{
	struct ctx *c = *state;
	assert_null(read_json(c, "{\"meeting\": \"M\",\n \"date\": tru\n}"));
	const struct diag *d = find_diag(c, D_SYNTAX, "tru");
	unsigned line, col;
	source_position(&c->src, d->loc.start, &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 10); /* the 't' */
}

static void test_empty_input(void **state)
{
	struct ctx *c = *state;
	assert_null(read_json(c, ""));
	find_diag(c, D_SYNTAX, "invalid JSON");
}

static void test_duplicate_key(void **state)
{
	struct ctx *c = *state;
	assert_null(read_json(c, "{\"meeting\": \"M\",\n \"date\": \"2024-05-14\",\n \"date\": \"2024-05-15\"}"));
	const struct diag *d = find_diag(c, D_DUPLICATE, "duplicate");
	assert_int_equal(line_of(d), 3);
}

static void test_wrong_type_path(void **state)
{
	struct ctx *c = *state;
	assert_null(read_json(c, with_motion(c, "{\"votes\": {\"for\": [\"alice\", \"bob\", 42]}}")));
	assert_int_equal(c->f.diag.n_errors, 1);
	const struct diag *d = find_diag(c, D_TYPE, "items[1].motion.votes.for[2]: expected a string (a member id)");
	assert_ptr_equal(d->loc.src, &c->src);
	assert_int_equal(d->loc.end - d->loc.start, 2);
	assert_memory_equal(c->src.text + d->loc.start, "42", 2);   /* at the value itself */
}

/* Where values are: diagnostics and the model's spans point into the JSON. */
static const char POSITIONS_JSON[] =
	"{\n"                                                   /* 1 */
	"  \"meeting\": \"M\",\n"                              /* 2 */
	"  \"date\": \"2024-05-14\",\n"                        /* 3 */
	"  \"present\": [\"alice\",\n"                         /* 4 */
	"              \"bob\"],\n"                             /* 5 */
	"  \"items\": [\n"                                     /* 6 */
	"    {\"motion\": {\n"                                  /* 7 */
	"      \"title\": \"A \\\"quoted\\\" title\",\n"            /* 8 */
	"      \"consensus\": true,\n"                         /* 9 */
	"      \"recorded\": \"carried\"}}\n"                   /* 10 */
	"  ]\n"                                                 /* 11 */
	"}\n";

static unsigned line_at(const struct source *src, struct span sp)
{
	unsigned line, col;
	source_position(src, sp.start, &line, &col);
	return line;
}

static void test_positions(void **state)
{
	struct ctx *c = *state;
	const struct meeting *m = read_json(c, POSITIONS_JSON);
	assert_no_errors(c);
	assert_non_null(m);
	assert_int_equal(line_at(&c->src, m->span), 1);
	assert_int_equal(line_at(&c->src, m->present.items[0].span), 4);
	assert_int_equal(line_at(&c->src, m->present.items[1].span), 5);
	assert_memory_equal(c->src.text + m->present.items[1].span.start, "\"bob\"", 5);
	const struct rec_motion *mo = m->steps[0].motion;
	assert_string_equal(mo->title, "A \"quoted\" title");
	assert_int_equal(line_at(&c->src, mo->span), 7);
	assert_int_equal(line_at(&c->src, mo->consensus_span), 9);   /* a singleton: at its key */
	assert_int_equal(line_at(&c->src, mo->recorded_span), 10);

	/* An unknown key is reported at the key; a bad singleton at its key. */
	const char *bad = "{\"meeting\": \"M\",\n \"date\": \"2024-05-14\",\n \"chiar\": \"alice\",\n"
	                  " \"items\": [{\"motion\": {\"casting\": true}}]}";
	assert_null(read_json(c, bad));
	const struct diag *d = find_diag(c, D_SYNTAX, "\"chiar\"");
	assert_int_equal(line_of(d), 3);
	assert_memory_equal(c->src.text + d->loc.start, "\"chiar\"", 7);
	d = find_diag(c, D_TYPE, "items[0].motion.casting");
	assert_int_equal(line_of(d), 4);
	assert_memory_equal(c->src.text + d->loc.start, "\"casting\"", 9);
}

/* Keys written with escapes, and odd spacing, do not lose positions. */
static void test_positions_escapes(void **state)
{
	struct ctx *c = *state;
	const struct meeting *m = read_json(c, "{ \"\\u006deeting\" :\"M\\n\\u00e9\" ,\r\n\t\"date\":\"2024-05-14\","
	                                       "\"items\":[{\"motion\":{\"attributes\":{\"a\":-0,\"b\":[]}}}],"
	                                       " \"chair\" : \"bob\" }");
	assert_null(m); /* "b": [] is not an attribute value */
	const struct diag *d = find_diag(c, D_TYPE, "items[0].motion.attributes.b: expected true, false");
	assert_memory_equal(c->src.text + d->loc.start, "[]", 2);
	m = read_json(c, "{ \"\\u006deeting\" :\"M\\n\\u00e9\" ,\r\n\t\"date\":\"2024-05-14\", \"chair\" : \"bob\" }");
	assert_non_null(m);
	assert_string_equal(m->title, "M\n\xC3\xA9");
	assert_memory_equal(c->src.text + m->chair->span.start, "\"bob\"", 5);
}

/* A byte-order mark is skipped, and positions still count it. */
static void test_bom(void **state)
{
	struct ctx *c = *state;
	const struct meeting *m = read_json(c, "\xEF\xBB\xBF{\"meeting\": \"M\", \"date\": \"2024-05-14\", \"chair\": \"bob\"}");
	assert_no_errors(c);
	assert_non_null(m);
	assert_memory_equal(c->src.text + m->chair->span.start, "\"bob\"", 5);
	assert_null(read_json(c, "\xEF\xBB\xBF{\"meeting\": \"M\",\n \"date\": x}"));
	const struct diag *d = find_diag(c, D_SYNTAX, "invalid JSON");
	assert_int_equal(line_of(d), 2);
}

/* Escapes decode to the characters they stand for (src/record/json_scan.c). */
static void test_escapes(void **state)
{
	struct ctx *c = *state;
	const struct meeting *m = read_json(c, "{\"meeting\": \"a\\b\\f\\n\\r\\t\\/\\\\\\\"\\u0041\\u00e9\\u20ac\\ud83d\\ude00\","
	                                       " \"date\": \"2024-05-14\"}");
	assert_no_errors(c);
	assert_non_null(m);
	assert_string_equal(m->title, "a\b\f\n\r\t/\\\"A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
	/* A key written with escapes is still that key. */
	m = read_json(c, "{\"\\u0064ate\": \"2024-05-14\", \"meeting\": \"M\", \"ch\\u0061ir\": \"bob\"}");
	assert_no_errors(c);
	assert_string_equal(m->chair->id, "bob");
}

/* Text that is not JSON: one syntax error, at the right place, and nothing
** else (messages about values found before it are dropped). */
static void test_syntax_errors(void **state)
{
	struct ctx *c = *state;
	static const struct {
		const char *text;
		enum diag_code code;
		const char *part;     /* in the message */
		const char *at;       /* the text the error points at starts so */
	} cases[] = {
		{ "{\"meeting\": \"\\u12\"}", D_SYNTAX, "four hexadecimal digits", "\\u12" },
		{ "{\"meeting\": \"\\ud800x\"}", D_SYNTAX, "a high surrogate without its low one", "\\ud800" },
		{ "{\"meeting\": \"\\ud800\\u0041\"}", D_SYNTAX, "a high surrogate without its low one", "\\ud800" },
		{ "{\"meeting\": \"\\udc00\"}", D_SYNTAX, "a low surrogate alone", "\\udc00" },
		{ "{\"meeting\": \"\\u0000\"}", D_SYNTAX, "NUL", "\\u0000" },
		{ "{\"meeting\": \"\\x\"}", D_SYNTAX, "invalid escape '\\x'", "\\x" },
		{ "{\"meeting\": \"M", D_SYNTAX, "not closed", "\"M" },
		{ "{\"meeting\": \"M\\", D_SYNTAX, "not closed", "\"M" },
		{ "{\"meeting\": \"a\tb\"}", D_SYNTAX, "control character 0x09", "\tb" },
		{ "{\"meeting\": \"a\xFF\"}", D_SYNTAX, "invalid UTF-8 byte 0xFF", "\xFF" },
		{ "{\"meeting\": @}", D_SYNTAX, "a value expected, found '@'", "@" },
		{ "{\"meeting\": \xC3\xA9t\xE9}", D_SYNTAX, "not UTF-8", "\xC3\xA9" },
		{ "{\"meeting\": \x01}", D_SYNTAX, "control character 0x01", "\x01" },
		{ "{\"date\": 01}", D_SYNTAX, "found '01'", "01" },
		{ "{\"date\": 1.}", D_SYNTAX, "found '1.'", "1." },
		{ "{\"date\": 1e}", D_SYNTAX, "found '1e'", "1e" },
		{ "{\"date\": -}", D_SYNTAX, "found '-'", "-" },
		{ "{\"date\": 12abc}", D_SYNTAX, "found '12abc'", "12abc" },
		{ "{\"date\": 1e999}", D_SYNTAX, "too large", "1e999" },
		{ "{\"date\": 99999999999999999999}", D_SYNTAX, "too large", "99999999999999999999" },
		{ "{\"date\": -99999999999999999999}", D_SYNTAX, "too large", "-99999999999999999999" },
		{ "{\"date\": nul}", D_SYNTAX, "found 'nul'", "nul" },
		{ "{\"date\": truex}", D_SYNTAX, "found 'truex'", "truex" },
		{ "{\"date\" 1}", D_SYNTAX, "':' expected", "1}" },
		{ "{\"date\": 1 \"x\": 2}", D_SYNTAX, "',' or '}' expected, found a string", "\"x\"" },
		{ "{\"present\": [\"a\" \"b\"]}", D_SYNTAX, "',' or ']' expected", "\"b\"" },
		{ "{\"present\": [\"a\",]}", D_SYNTAX, "a value expected, found ']'", "]" },
		{ "{\"date\":", D_SYNTAX, "found the end of the text", "" },
		{ "{3: 4}", D_SYNTAX, "a key (a string) or '}' expected", "3" },
		{ "{\"meeting\": \"M\"} x", D_SYNTAX, "the end of the text expected", "x" },
		{ "\"M\"", D_SYNTAX, "'{' or '[' expected", "\"M\"" },
		{ "{\"colour\": {\"a\": 1, \"a\": 2}}", D_DUPLICATE, "duplicate object key \"a\"", "\"a\": 2" },
		{ "{\"items\": [{\"motion\": {\"attributes\": {\"x\": 1, \"x\": 2}}}]}", D_DUPLICATE, "duplicate", "\"x\": 2" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		c->f.diag.items.n = 0;
		c->f.diag.n_errors = 0;
		if (read_json(c, cases[i].text) != NULL || c->f.diag.items.n != 1)
			fail_msg("case %zu: %zu diagnostics, want one", i, c->f.diag.items.n);
		const struct diag *d = find_diag(c, cases[i].code, cases[i].part);
		if (strncmp(c->src.text + d->loc.start, cases[i].at, strlen(cases[i].at)) != 0)
			fail_msg("case %zu: the error points at \"%s\"", i, c->src.text + d->loc.start);
		assert_true(strncmp(d->msg, "invalid JSON: ", 14) == 0);
	}
}

/* Nesting is bounded; objects with many keys are checked for duplicates
** however many they have. */
static void test_depth_and_many_keys(void **state)
{
	struct ctx *c = *state;
	enum { DEEP = 2049, KEYS = 300 };
	char *text = malloc(2 * DEEP + 64 + KEYS * 16);
	assert_non_null(text);
	size_t n = (size_t)sprintf(text, "{\"x\": ");
	for (int i = 0; i < DEEP; i++)
		text[n++] = '[';
	for (int i = 0; i < DEEP; i++)
		text[n++] = ']';
	strcpy(text + n, "}");
	assert_null(read_json(c, text));
	find_diag(c, D_LIMIT, "nested more than 2048 levels deep");

	c->f.diag.items.n = 0;
	c->f.diag.n_errors = 0;
	n = (size_t)sprintf(text, "{\"meeting\": \"M\", \"date\": \"2024-05-14\", \"items\": [{\"motion\": {\"attributes\": {");
	for (int i = 0; i < KEYS; i++)
		n += (size_t)sprintf(text + n, "%s\"k%d\": %d", i ? ", " : "", i, i);
	strcpy(text + n, "}}}]}");
	const struct meeting *m = read_json(c, text);
	assert_no_errors(c);
	assert_int_equal(m->steps[0].motion->n_attrs, KEYS);
	assert_string_equal(m->steps[0].motion->attrs[KEYS - 1].name, "k299");
	strcpy(text + n, ", \"k7\": 1}}}]}");
	assert_null(read_json(c, text));
	find_diag(c, D_DUPLICATE, "duplicate object key \"k7\"");
	free(text);
}

/* `deputy foster for stocks` is "deputies": [{"member": "foster", "for": "stocks"}]. */
static void test_deputies(void **state)
{
	struct ctx *c = *state;
	struct source nsrc;
	const struct meeting *native = read_native(c, &nsrc,
		"meeting \"M\" on 2024-05-14 {\n  deputy foster for stocks\n  deputy gwen for cai\n  present foster\n}\n");
	assert_no_errors(c);
	const struct meeting *json = read_json(c,
		"{\"meeting\": \"M\", \"date\": \"2024-05-14\", \"present\": [\"foster\"],\n"
		" \"deputies\": [{\"member\": \"foster\", \"for\": \"stocks\"}, {\"for\": \"cai\", \"member\": \"gwen\"}]}\n");
	assert_no_errors(c);
	same_meeting(native, json);
	assert_int_equal(json->n_deputies, 2);
	assert_int_equal(line_of(&(struct diag){ .loc = loc_of(&c->src, json->deputies[1].deputy.span) }), 2);

	assert_null(read_json(c, "{\"meeting\": \"M\", \"date\": \"2024-05-14\", \"deputies\": [{\"member\": \"foster\"}]}"));
	find_diag(c, D_MISSING, "deputies[0]: missing \"for\"");
	assert_null(read_json(c, "{\"meeting\": \"M\", \"date\": \"2024-05-14\", \"deputies\": [\"foster\"]}"));
	find_diag(c, D_TYPE, "deputies[0]: expected an object");
	assert_null(read_json(c, "{\"meeting\": \"M\", \"date\": \"2024-05-14\", \"deputies\": [{\"member\": \"f\", \"fro\": \"s\"}]}"));
	find_diag(c, D_SYNTAX, "unknown key \"fro\" in a deputy (did you mean \"for\"?)");
}

static void test_approval(void **state)
{
	struct ctx *c = *state;
	struct source nsrc;
	const struct meeting *native = read_native(c, &nsrc,
		"meeting \"M\" on 2024-05-14 {\n  motion 1 { for a\n    approved by \"Board\" on 2024-06-01\n  }\n"
		"  motion 2 { for a\n    refused by \"Board\" on 2024-06-02\n  }\n}\n");
	assert_no_errors(c);
	const struct meeting *json = read_json(c,
		"{\"meeting\": \"M\", \"date\": \"2024-05-14\", \"items\": [\n"
		" {\"motion\": {\"number\": \"1\", \"votes\": {\"for\": [\"a\"]},\n"
		"   \"approval\": {\"by\": \"Board\", \"state\": \"approved\", \"on\": \"2024-06-01\"}}},\n"
		" {\"motion\": {\"number\": \"2\", \"votes\": {\"for\": [\"a\"]},\n"
		"   \"approval\": {\"on\": \"2024-06-02\", \"state\": \"refused\", \"by\": \"Board\"}}}]}\n");
	assert_no_errors(c);
	same_meeting(native, json);
	for (unsigned i = 0; i < 2; i++) {
		const struct rec_motion *n = native->steps[i].motion, *j = json->steps[i].motion;
		assert_true(n->has_approval && j->has_approval);
		assert_int_equal(n->approval_refused, i == 1);
		assert_int_equal(j->approval_refused, i == 1);
		assert_string_equal(j->approval_body, "Board");
		assert_int_equal(n->approval_on, j->approval_on);
	}
	assert_null(read_json(c, "{\"meeting\": \"M\", \"date\": \"2024-05-14\", \"items\": [{\"motion\": "
	                         "{\"approval\": {\"by\": \"B\", \"state\": \"approved\"}}}]}"));
	find_diag(c, D_MISSING, "missing \"on\"");
	assert_null(read_json(c, "{\"meeting\": \"M\", \"date\": \"2024-05-14\", \"items\": [{\"motion\": "
	                         "{\"approval\": {\"by\": \"B\", \"state\": \"maybe\", \"on\": \"2024-06-01\"}}}]}"));
	find_diag(c, D_TYPE, "an approval's state is \"approved\" or \"refused\"");
	assert_null(read_json(c, "{\"meeting\": \"M\", \"date\": \"2024-05-14\", \"items\": [{\"motion\": "
	                         "{\"approval\": {\"by\": \"B\", \"state\": 1, \"on\": \"2024-06-01\"}}}]}"));
	find_diag(c, D_TYPE, "expected \"approved\" or \"refused\"");
	assert_null(read_json(c, "{\"meeting\": \"M\", \"date\": \"2024-05-14\", \"items\": [{\"motion\": "
	                         "{\"approval\": \"yes\"}}]}"));
	find_diag(c, D_TYPE, "expected an object");
}

static void test_not_an_object(void **state)
{
	struct ctx *c = *state;
	assert_null(read_json(c, "[1, 2]"));
	find_diag(c, D_TYPE, "expected an object");
}

static void test_unknown_key(void **state)
{
	struct ctx *c = *state;
	assert_null(read_json(c, with_motion(c, "{\"recorderd\": \"carried\"}")));
	find_diag(c, D_SYNTAX, "items[1].motion: unknown key \"recorderd\" in a motion (did you mean \"recorded\"?)");
}

static void test_unknown_key_top(void **state)
{
	struct ctx *c = *state;
	assert_null(read_json(c, "{\"meeting\": \"M\", \"date\": \"2024-05-14\", \"colour\": \"blue\"}"));
	find_diag(c, D_SYNTAX, "unknown key \"colour\" in the meeting record (known keys:");
}

static void test_missing_date(void **state)
{
	struct ctx *c = *state;
	assert_null(read_json(c, "{\"meeting\": \"M\"}"));
	assert_int_equal(c->f.diag.n_errors, 1);
	find_diag(c, D_MISSING, "missing \"date\"");
}

static void test_invalid_date(void **state)
{
	struct ctx *c = *state;
	assert_null(read_json(c, "{\"meeting\": \"M\", \"date\": \"2024-02-30\"}"));
	find_diag(c, D_DATE, "date: the date 2024-02-30 has no such day in that month");
	assert_null(read_json(c, with_motion(c, "{\"notice_given\": \"30/04/2024\"}")));
	find_diag(c, D_DATE, "items[1].motion.notice_given: \"30/04/2024\" is not a date of the form YYYY-MM-DD");
}

static void test_tally_not_integer(void **state)
{
	struct ctx *c = *state;
	assert_null(read_json(c, with_motion(c, "{\"tally\": {\"for\": 3.5, \"against\": \"2\", \"abstain\": 1000001}}")));
	assert_int_equal(c->f.diag.n_errors, 3);
	find_diag(c, D_TYPE, "items[1].motion.tally.for: a tally counts votes");
	find_diag(c, D_TYPE, "items[1].motion.tally.against: a tally counts votes");
	find_diag(c, D_TYPE, "items[1].motion.tally.abstain: a tally counts votes");
}

static void test_tally_missing_against(void **state)
{
	struct ctx *c = *state;
	assert_null(read_json(c, with_motion(c, "{\"tally\": {\"for\": 3}}")));
	find_diag(c, D_MISSING, "items[1].motion.tally: missing \"against\"");
}

static void test_decimal_exact(void **state)
{
	struct ctx *c = *state;
	const struct meeting *m = read_json(c, with_motion(c,
		"{\"attributes\": {\"amount\": \"0.1\", \"big\": \"40000.50\", \"n\": 7, \"label\": \"2024-05-14\"}}"));
	assert_no_errors(c);
	assert_non_null(m);
	const struct rec_motion *mo = m->steps[1].motion;
	assert_int_equal(mo->n_attrs, 4);
	assert_string_equal(mo->attrs[0].name, "amount");
	assert_int_equal(mo->attrs[0].value.type, VT_NUM);
	assert_int_equal(mo->attrs[0].value.u.num.num, 1);
	assert_int_equal(mo->attrs[0].value.u.num.den, 10);
	assert_int_equal(mo->attrs[1].value.u.num.num, 80001);
	assert_int_equal(mo->attrs[1].value.u.num.den, 2);
	assert_int_equal(mo->attrs[2].value.u.num.num, 7);
	assert_int_equal(mo->attrs[2].value.u.num.den, 1);
	assert_int_equal(mo->attrs[3].value.type, VT_STR); /* a date-like string stays a string */
}

/* A JSON number is read exactly from its text (never as floating point)
** and keeps the decimals written; a tally is a whole number however written. */
static void test_json_numbers_exact(void **state)
{
	struct ctx *c = *state;
	const struct meeting *m = read_json(c, with_motion(c,
		"{\"attributes\": {\"amount\": 0.1, \"big\": 31000.50, \"e\": 4e4, \"small\": 25E-2, \"plus\": 1.5e+1},"
		" \"tally\": {\"for\": 3.0, \"against\": 2e0, \"abstain\": 0.00}}"));
	assert_no_errors(c);
	assert_non_null(m);
	const struct rec_motion *mo = m->steps[1].motion;
	assert_int_equal(mo->n_attrs, 5);
	assert_int_equal(mo->attrs[0].value.u.num.num, 1);
	assert_int_equal(mo->attrs[0].value.u.num.den, 10);
	assert_int_equal(mo->attrs[0].value.places, 1);
	assert_int_equal(mo->attrs[1].value.u.num.num, 62001);
	assert_int_equal(mo->attrs[1].value.u.num.den, 2);
	assert_int_equal(mo->attrs[1].value.places, 2);
	char buf[RAT_FMT_MAX];
	assert_string_equal(value_format(&mo->attrs[1].value, buf, sizeof buf), "31000.50");
	assert_int_equal(mo->attrs[2].value.u.num.num, 40000);
	assert_int_equal(mo->attrs[2].value.places, 0);
	assert_int_equal(mo->attrs[3].value.u.num.num, 1);
	assert_int_equal(mo->attrs[3].value.u.num.den, 4);
	assert_int_equal(mo->attrs[3].value.places, 2);
	assert_int_equal(mo->attrs[4].value.u.num.num, 15);
	assert_int_equal(mo->attrs[4].value.places, 0);
	assert_true(mo->has_tally && mo->tally_has_abstain);
	assert_int_equal(mo->tally[VOTE_FOR], 3);
	assert_int_equal(mo->tally[VOTE_AGAINST], 2);
	assert_int_equal(mo->tally[VOTE_ABSTAIN], 0);
}

static void test_json_numbers_refused(void **state)
{
	struct ctx *c = *state;
	assert_null(read_json(c, with_motion(c, "{\"attributes\": {\"amount\": \"99999999999999999999.5\"}}")));
	find_diag(c, D_NUMBER, "too large or too precise");
	assert_null(read_json(c, with_motion(c, "{\"attributes\": {\"amount\": 1e41}}")));
	find_diag(c, D_NUMBER, "the number 1e41 is too large or too precise to represent exactly");
	assert_null(read_json(c, with_motion(c, "{\"attributes\": {\"amount\": -0.5}}")));
	find_diag(c, D_TYPE, "cannot be a negative number");
	assert_null(read_json(c, with_motion(c, "{\"tally\": {\"for\": 3.5, \"against\": 1e99}}")));
	find_diag(c, D_TYPE, "items[1].motion.tally.for: a tally counts votes: expected a whole number from 0 to 1000000, found 3.5");
	find_diag(c, D_TYPE, "items[1].motion.tally.against: a tally counts votes: expected a whole number from 0 to 1000000, found 1e99");
}

static void test_bad_values(void **state)
{
	struct ctx *c = *state;
	assert_null(read_json(c, with_motion(c,
		"{\"recorded\": \"passed\", \"casting\": \"yes\", \"consensus\": 1, \"presiding\": \"Dr Bob\","
		" \"interests\": [{\"reason\": \"x\"}], \"ratifies\": {\"meeting\": \"May\"}}")));
	find_diag(c, D_TYPE, "items[1].motion.recorded: \"passed\" is not an outcome");
	find_diag(c, D_TYPE, "items[1].motion.casting: a casting vote is \"for\", \"against\" or \"declined\"");
	find_diag(c, D_TYPE, "items[1].motion.consensus: expected true or false, found a whole number");
	find_diag(c, D_TYPE, "items[1].motion.presiding: \"Dr Bob\" is not a member id");
	find_diag(c, D_MISSING, "items[1].motion.interests[0]: missing \"member\"");
	find_diag(c, D_MISSING, "items[1].motion.ratifies: missing \"motion\"");
}

/* Member ids in lists are read from the text and interned: one pointer per
** id, however it is written (an escape, composed or not); ids that are not
** names are quoted as written. */
static void test_ids_interned(void **state)
{
	struct ctx *c = *state;
	const struct meeting *m = read_json(c, "{\"meeting\": \"M\", \"date\": \"2024-05-14\", \"chair\": \"alice\","
	                                       " \"present\": [\"alice\", \"si\u00f4n\", \"bob\"], \"items\": [{\"motion\": {"
	                                       "\"votes\": {\"for\": [\"al\\u0069ce\", \"sio\u0302n\"], \"against\": [\"bob\"]}}}]}");
	assert_non_null(m);
	const struct rec_motion *mo = m->steps[0].motion;
	assert_ptr_equal(m->chair->id, m->present.items[0].id);
	assert_ptr_equal(mo->votes[0].who.id, m->present.items[0].id);
	assert_ptr_equal(mo->votes[1].who.id, m->present.items[1].id);
	assert_string_equal(mo->votes[1].who.id, "si\xC3\xB4n");
	assert_ptr_equal(mo->votes[2].who.id, m->present.items[2].id);
	assert_null(read_json(c, "{\"meeting\": \"M\", \"date\": \"2024-05-14\", \"present\": [\"1x\", \"Dr Bob\"]}"));
	find_diag(c, D_TYPE, "present[0]: \"1x\" is not a member id");
	find_diag(c, D_TYPE, "present[1]: \"Dr Bob\" is not a member id");
}

/* A list of ids is read a run of plain ids at a time (32 to a run), with
** anything else read the general way: in order, each at its place, and
** each one that is not an id said so at its index. */
static void test_id_runs(void **state)
{
	struct ctx *c = *state;
	struct sbuf text;
	sbuf_init(&text, &c->f.arena);
	sbuf_add(&text, "{\"meeting\": \"M\", \"date\": \"2024-05-14\", \"present\": [");
	for (int i = 0; i < 40; i++)
		sbuf_addf(&text, "%s\"m%d\"", i ? ",\n  " : "", i);
	sbuf_add(&text, "],\n \"apologies\": [\"a_very_long_member_id\", \"ab\\u0063\", \"Zo\u00eb\", \"x\"]}");
	const struct meeting *m = read_json(c, sbuf_str(&text));
	assert_non_null(m);
	assert_int_equal(m->present.n, 40);
	for (unsigned i = 0; i < 40; i++) {
		char want[8];
		snprintf(want, sizeof want, "m%u", i);
		assert_string_equal(m->present.items[i].id, want);
		const struct span sp = m->present.items[i].span;
		assert_int_equal(sp.end - sp.start, strlen(want) + 2);
		assert_memory_equal(c->src.text + sp.start + 1, want, strlen(want));
	}
	assert_int_equal(m->apologies.n, 4);
	assert_string_equal(m->apologies.items[0].id, "a_very_long_member_id");
	assert_string_equal(m->apologies.items[1].id, "abc");
	assert_string_equal(m->apologies.items[2].id, "Zo\xC3\xAB");
	assert_string_equal(m->apologies.items[3].id, "x");

	sbuf_init(&text, &c->f.arena);
	sbuf_add(&text, "{\"meeting\": \"M\", \"date\": \"2024-05-14\", \"present\": [");
	for (int i = 0; i < 36; i++)
		sbuf_addf(&text, "%s\"%s%d\"", i ? ", " : "", i == 33 ? "9" : "m", i);
	sbuf_add(&text, ", 5, \"\", \"m1\"]}");
	assert_null(read_json(c, sbuf_str(&text)));
	find_diag(c, D_TYPE, "present[33]: \"933\" is not a member id");
	find_diag(c, D_TYPE, "present[36]: expected a string (a member id), found a whole number");
	find_diag(c, D_TYPE, "present[37]: \"\" is not a member id");
	assert_int_equal(c->f.diag.n_errors, 3);
}

/* Keys in any order, the schema's or not; a key found again after the
** search has gone round is still a duplicate; a key is compared whole,
** past its first eight bytes. */
static void test_key_order(void **state)
{
	struct ctx *c = *state;
	const struct meeting *m = read_json(c, "{\"items\": [{\"motion\": {\"recorded\": \"carried\", \"title\": \"T\","
	                                       " \"number\": \"7\"}}], \"date\": \"2024-05-14\", \"meeting\": \"M\","
	                                       " \"minutes_circulated\": \"2024-05-20\"}");
	assert_non_null(m);
	assert_string_equal(m->steps[0].motion->number, "7");
	assert_string_equal(m->steps[0].motion->title, "T");
	assert_true(m->has_minutes);
	assert_null(read_json(c, "{\"date\": \"2024-05-14\", \"meeting\": \"M\", \"date\": \"2024-05-15\"}"));
	find_diag(c, D_DUPLICATE, "duplicate object key \"date\"");
	assert_null(read_json(c, "{\"meeting\": \"M\", \"date\": \"2024-05-14\", \"minutes_circulatex\": \"2024-05-20\","
	                         " \"papers_senT\": \"2024-05-01\"}"));
	find_diag(c, D_SYNTAX, "unknown key \"minutes_circulatex\" in the meeting record (did you mean \"minutes_circulated\"?)");
	find_diag(c, D_SYNTAX, "unknown key \"papers_senT\" in the meeting record (did you mean \"papers_sent\"?)");
}

static void test_item_shape(void **state)
{
	struct ctx *c = *state;
	assert_null(read_json(c, "{\"meeting\": \"M\", \"date\": \"2024-05-14\", \"items\": ["
	                         "{\"arrives\": [\"dan\"], \"leaves\": [\"dan\"]}, {}, {\"leaves\": []}, 3]}"));
	find_diag(c, D_SYNTAX, "items[0]: an item has exactly one of");
	find_diag(c, D_MISSING, "items[1]: an item is one of");
	find_diag(c, D_MISSING, "items[2].leaves: expected at least one member id");
	find_diag(c, D_TYPE, "items[3]: expected an object");
}

/* Reading goes on after an error: every problem in one run. */
static void test_several_errors(void **state)
{
	struct ctx *c = *state;
	assert_null(read_json(c, "{\"meeting\": 5, \"date\": \"2024-13-01\", \"present\": \"alice\", \"chiar\": \"x\"}"));
	assert_int_equal(c->f.diag.n_errors, 4);
	find_diag(c, D_TYPE, "meeting: expected a string");
	find_diag(c, D_DATE, "date: the date 2024-13-01 has no such month");
	find_diag(c, D_TYPE, "present: expected an array of member ids");
	find_diag(c, D_SYNTAX, "did you mean \"chair\"");
}

static void test_motion_limit(void **state)
{
	struct ctx *c = *state;
	size_t cap = 64 + (MINUTES_MAX_MOTIONS + 1) * 16;
	char *text = malloc(cap);
	assert_non_null(text);
	size_t n = (size_t)snprintf(text, cap, "{\"meeting\": \"M\", \"date\": \"2024-05-14\", \"items\": [");
	for (int i = 0; i <= MINUTES_MAX_MOTIONS; i++)
		n += (size_t)snprintf(text + n, cap - n, "%s{\"motion\": {}}", i ? "," : "");
	snprintf(text + n, cap - n, "]}");
	const struct meeting *m = read_json(c, text);
	free(text);
	assert_null(m);
	assert_int_equal(c->f.diag.n_errors, 1);
	find_diag(c, D_LIMIT, "more than 100000 motions");
}

/* A record big enough that reading it needs fresh arena chunks, so that
** allocations fail inside minutes_json_read (malloc'd; the caller frees). */
static char *big_record(bool with_errors)
{
	enum { MOTIONS = 400 };
	size_t cap = 128 + MOTIONS * 400;
	char *text = malloc(cap);
	if (!text)
		return NULL;
	size_t n = (size_t)snprintf(text, cap, "{\"meeting\": \"M\", \"date\": \"2024-05-14\", \"items\": [");
	for (int i = 0; i < MOTIONS; i++)
		n += (size_t)snprintf(text + n, cap - n,
		                      "%s{\"motion\": {\"title\": \"%0200d\", \"votes\": {\"for\": [\"alice\", \"bob\"]},"
		                      " \"attributes\": {\"amount\": \"1.5\"}%s}}",
		                      i ? "," : "", i, with_errors ? ", \"recordd\": 1" : "");
	snprintf(text + n, cap - n, "]}");
	return text;
}

/* One run with allocation number k failing: 1 if it completed, 0 if it ran
** out of memory before minutes_json_read, -1 if inside it.  Static state: the
** jump must not leave it indeterminate. */
static int oom_attempt(const char *text, unsigned long k)
{
	static jmp_buf oom;
	static struct mem mem;
	static struct arena arena;
	static struct diag_sink diag;
	static struct source src;
	static volatile int result;
	result = 0;
	mem = (struct mem){ .on_oom = &oom, .fail_at = k };
	arena_init(&arena, &mem);
	if (setjmp(oom) == 0) {
		diag_init(&diag, &arena);
		source_from_memory(&src, &arena, "oom.json", text, strlen(text));
		result = -1;
		const struct meeting *m = minutes_json_read(&arena, &diag, &src);
		assert_true((m != NULL) == (diag.n_errors == 0));
		result = 1;
	}
	arena_free(&arena);
	assert_int_equal(mem.live_bytes, 0);
	return result;
}

/* Running out of memory at every allocation in turn: each run must end in the
** caller's recovery point with nothing left allocated. */
static void test_oom_no_leak(void **state)
{
	(void)state;
	for (int errors = 0; errors < 2; errors++) {
		char *text = big_record(errors);
		assert_non_null(text);
		unsigned inside = 0;
		unsigned long k = 1;
		int r;
		while ((r = oom_attempt(text, k)) != 1 && k < 100000) {
			inside += r < 0;
			k++;
		}
		free(text);
		assert_int_equal(r, 1);
		if (inside < 2)
			fail_msg("only %u allocations failed inside the reader", inside);
	}
}

/* ---- the lean paths against the general path ------------------------------ */

/* One reading of text: its model, shared names and diagnostics written out
** (minutes_json_dump). */
static const char *read_both_ways_one(struct arena *a, const char *text, size_t len, bool lean,
                                      struct json_ids *ids)
{
	struct source src;
	struct diag_sink diag;
	diag_init(&diag, a);
	source_from_memory(&src, a, "test.json", text, len);
	struct sbuf out;
	sbuf_init(&out, a);
	minutes_json_dump(a, &diag, &src, lean, ids, &out);
	return sbuf_str(&out);
}

/* The model and diagnostics of text, read with the lean paths and without,
** and with the lean paths and one table of ids for all the texts a test
** reads (as a replay's files are read: the table fills, with the ids the
** mutations make, past its bound). */
static void same_both_ways(struct ctx *c, const char *text, size_t len, const char *what)
{
	struct arena a;
	arena_init(&a, &c->f.mem);
	if (!c->run_ids)
		c->run_ids = json_ids_new(&c->f.arena);
	const char *lean = read_both_ways_one(&a, text, len, true, NULL);
	const char *general = read_both_ways_one(&a, text, len, false, NULL);
	const char *run = read_both_ways_one(&a, text, len, true, c->run_ids);
	bool same = strcmp(lean, general) == 0, same_run = strcmp(run, general) == 0;
	if (!same)
		print_error("%s: %.*s\n--- lean:\n%s\n--- general:\n%s\n", what, (int)len, text, lean, general);
	if (!same_run)
		print_error("%s: %.*s\n--- with a run's ids:\n%s\n--- general:\n%s\n", what, (int)len, text, run,
		            general);
	arena_free(&a);
	if (!same)
		fail_msg("the lean path reads differently: %s", what);
	if (!same_run)
		fail_msg("the reader with a run's ids reads differently: %s", what);
}

/* A meeting of `n` members, ids "<prefix><k>" (k from `from`), each of
** them voting for a motion (and the first written decomposed). */
static char *many_ids_record(struct arena *a, const char *prefix, unsigned from, unsigned n)
{
	struct sbuf b;
	sbuf_init(&b, a);
	sbuf_add(&b, "{\"meeting\": \"M\", \"date\": \"2024-05-14\", \"present\": [");
	for (unsigned k = 0; k < n; k++)
		sbuf_addf(&b, "%s\"%s%u\"", k ? ", " : "", prefix, from + k);
	sbuf_add(&b, "], \"items\": [{\"motion\": {\"votes\": {\"for\": [");
	for (unsigned k = 0; k < n; k++)
		sbuf_addf(&b, "%s\"%s%u\"", k ? ", " : "", prefix, from + k);
	sbuf_add(&b, "]}}}]}");
	return (char *)sbuf_str(&b);
}

/* One table of ids for many records (a replay's, json_ids_new): an id has
** one pointer in all of them, a record's meeting is the one it has without
** the table, and past the table's bound (4,096 ids) the ids a record brings
** are interned in its own table, still one pointer each within it. */
static void test_run_ids(void **state)
{
	FIXTURE_ENTER(struct ctx, c);
	struct json_ids *ids = json_ids_new(&c->f.arena);
	const struct meeting *first = NULL;
	for (unsigned file = 0; file < 60; file++) {
		/* "m0".."m9" in every file; then 100 new ids a file: 6,010 in all */
		char *text = many_ids_record(&c->f.arena, "m", 0, 10);
		const struct meeting *m;
		for (int pass = 0; pass < 2; pass++) {
			if (pass)
				text = many_ids_record(&c->f.arena, "id_", 100 * file, 100);
			source_from_memory(&c->src, &c->f.arena, "run.json", text, strlen(text));
			m = minutes_json_read_ids(&c->f.arena, &c->f.diag, &c->src, true, ids);
			assert_non_null(m);
			const struct rec_motion *mo = m->steps[0].motion;
			for (unsigned k = 0; k < m->present.n; k++)
				assert_ptr_equal(mo->votes[k].who.id, m->present.items[k].id);
			same_both_ways(c, text, strlen(text), pass ? "new ids" : "ids met before");
			if (!pass && !first)
				first = m;
			if (!pass)
				for (unsigned k = 0; k < 10; k++)
					assert_ptr_equal(m->present.items[k].id, first->present.items[k].id);
		}
	}
	assert_int_equal(c->f.diag.n_errors, 0);
}

/* A record with every shape the lean paths read, and others next to them;
** `ws` is the blank between tokens ("\n" + an indent where it has one). */
static const char *lean_record(struct ctx *c, const char *ws)
{
	static const char *const parts[] = {
		"{", "\"$schema\":", "\"s\",", "\"meeting\":", "\"M\",", "\"date\":", "\"2024-05-14\",",
		"\"terms\":", "\"Body\",", "\"chair\":", "\"alice\",", "\"papers_sent\":", "\"2024-05-01\",",
		"\"minutes_circulated\":", "\"2024-05-20\",",
		"\"present\":", "[\"alice\",", "\"bob\",", "\"carol_2\",", "\"Dan\",", "\"erin\"],",
		"\"apologies\":", "[],", "\"attending\":", "[\"officer_one\"],",
		"\"items\":", "[",
		"{\"motion\":", "{\"number\":", "\"1\",", "\"title\":", "\"The first\",", "\"votes\":",
		"{\"for\":", "[\"alice\",", "\"bob\"],", "\"against\":", "[\"carol_2\"],", "\"abstain\":", "[]},",
		"\"recorded\":", "\"carried\"}},",
		"{\"arrives\":", "[\"frank\"]},",
		"{\"motion\":", "{\"title\":", "\"Second\",", "\"number\":", "\"2\",", "\"votes\":",
		"{\"against\":", "[\"Dan\"],", "\"for\":", "[\"erin\",", "\"alice\",", "\"frank\"]},",
		"\"declared\":", "\"not carried\",", "\"expect\":", "\"void\",", "\"recorded\":", "\"not carried\",",
		"\"tally\":", "{\"for\":", "1,", "\"against\":", "2}}},",
		"{\"leaves\":", "[\"frank\"]},",
		"{\"motion\":", "{\"number\":", "\"3\",", "\"attributes\":", "{\"financial\":", "true},",
		"\"title\":", "\"T3\",", "\"votes\":", "{\"for\":", "[\"alice\"]},",
		"\"recorded\":", "\"undetermined\"}}",
		"]}",
	};
	struct sbuf b;
	sbuf_init(&b, &c->f.arena);
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		sbuf_add(&b, parts[i]);
		sbuf_add(&b, ws);
	}
	return sbuf_str(&b);
}

/* Every byte of the record deleted, replaced and preceded by each of a set
** of bytes, and the record cut after it: each read the same both ways. */
static void lean_mutations(struct ctx *c, const char *base)
{
	static const char bytes[] = { '"', ',', ':', '{', '}', '[', ']', ' ', '\n', '\t', 'x', '_', '\\', '1', 'u',
	                              (char)0xC3, (char)0x80, '\0', 0x01 };
	size_t len = strlen(base);
	char *buf = malloc(len + 2);
	assert_non_null(buf);
	same_both_ways(c, base, len, "the record");
	for (size_t i = 0; i < len; i++) {
		char what[64];
		snprintf(what, sizeof what, "cut at %zu", i);
		same_both_ways(c, base, i, what);
		memcpy(buf, base, i);
		memcpy(buf + i, base + i + 1, len - i - 1);
		snprintf(what, sizeof what, "byte %zu deleted", i);
		same_both_ways(c, buf, len - 1, what);
		for (size_t k = 0; k < sizeof bytes; k++) {
			memcpy(buf, base, len);
			buf[i] = bytes[k];
			snprintf(what, sizeof what, "byte %zu replaced by 0x%02X", i, (unsigned char)bytes[k]);
			same_both_ways(c, buf, len, what);
			memcpy(buf, base, i);
			buf[i] = bytes[k];
			memcpy(buf + i + 1, base + i, len - i);
			snprintf(what, sizeof what, "0x%02X inserted at %zu", (unsigned char)bytes[k], i);
			same_both_ways(c, buf, len + 1, what);
		}
	}
	free(buf);
}

static void test_lean_mutations(void **state)
{
	FIXTURE_ENTER(struct ctx, c);
	lean_mutations(c, lean_record(c, ""));
	lean_mutations(c, lean_record(c, " "));
	lean_mutations(c, lean_record(c, "\n                    "));
}

/* Values the mutations do not reach: at and past the limits, other
** spellings, other types, in every member the lean paths read. */
static void test_lean_values(void **state)
{
	FIXTURE_ENTER(struct ctx, c);
	char long_id[200], long_title[PARSE_MAX_STRING + 8];
	static const char *const motion_members[] = {
		"\"number\": \"1\"", "\"number\": \"\"", "\"number\": 12", "\"number\": -1", "\"number\": \"1\\u0031\"",
		"\"number\": \"\xC3\xA9\"", "\"number\": null", "\"number\": [\"1\"]", "\"numbers\": \"1\"",
		"\"Number\": \"1\"", "\"numbe\": \"1\"", "\"nu\\u006dber\": \"1\"",
		"\"title\": \"T\"", "\"title\": \"\"", "\"title\": \"a\\\"b\"", "\"title\": \"tab\there\"",
		"\"title\": true", "\"title\": {}", "\"titles\": \"T\"",
		"\"recorded\": \"carried\"", "\"recorded\": \"not carried\"", "\"recorded\": \"provisional\"",
		"\"recorded\": \"undetermined\"", "\"recorded\": \"void\"", "\"recorded\": \"Carried\"",
		"\"recorded\": \"carried \"", "\"recorded\": \"\"", "\"recorded\": \"carriedcarriedcarried\"",
		"\"recorded\": 1", "\"recordedx\": \"carried\"", "\"declared\": \"carried\"", "\"declared\": \"x\"",
		"\"expect\": \"not carried\"", "\"expect\": false", "\"expects\": \"void\"",
		"\"votes\": {}", "\"votes\": []", "\"votes\": {\"for\": []}", "\"votes\": {\"for\": [\"a\"], \"for\": [\"b\"]}",
		"\"votes\": {\"fo\": [\"a\"]}", "\"votes\": {\"for\": \"a\"}", "\"votes\": {\"for\": [\"a\",]}",
		"\"votes\": {\"for\": [\"a\" \"b\"]}", "\"votes\": {\"for\": [\"1a\"]}", "\"votes\": {\"for\": [\"_a\"]}",
		"\"votes\": {\"for\": [\"a-b\"]}", "\"votes\": {\"for\": [\"\"]}", "\"votes\": {\"for\": [5]}",
		"\"votes\": {\"for\": [\"\\u0061\"]}", "\"votes\": {\"for\": [\"Zo\xC3\xAB\"]}", "\"votes\": {\"for\": [\"a\"]",
		"\"votes\": {\"abstain\": [\"a\", \"b\"], \"against\": [\"c\"], \"for\": [\"a\"]}",
		"\"votes\": {\"for\": [\"a\"], \"against\": [\"a\"]}", "\"votes\": {\"for\": [\"LONG\"]}",
		"\"votes\": {\"for\": [\"LONGx\"]}", "\"votes\": {\"for\": [\"a\"], \"against\": null}",
		"\"votes\": {\"for\": [[\"a\"]]}", "\"votes\": {\"for\": [\"a\"], \"x\": 1}",
		"\"tally\": {\"for\": 1, \"against\": 0}", "\"consensus\": true", "\"interests\": [\"a\"]",
		"\"tally\": {\"for\": 0, \"against\": 01}", "\"tally\": {\"against\": 123456789012345678, \"for\": 7}",
		"\"tally\": {\"against\": 12345, \"for\": 7, \"abstain\": 1000000}",
		"\"tally\": {\"for\": 1234567890123456789, \"against\": 1}", "\"tally\": {\"for\": -1, \"against\": 1}",
		"\"tally\": {\"for\": 1.0, \"against\": 1e0, \"abstain\": 2}", "\"tally\": {\"for\": 3x, \"against\": 1}",
		"\"tally\": {\"for\": true, \"against\": \"1\"}", "\"tally\": {\"for\": 1000001, \"against\": 1}",
		"\"tally\": {\"for\": 1, \"for\": 1}", "\"tally\": {\"for\": 1,\"against\":2,\"abstain\":0}",
		"\"consensus\": false", "\"consensus\": \"true\"", "\"consensus\": truex", "\"consensus\": true_",
		"\"consensus\": fals", "\"consensus\": 1", "\"notice_given\": \"2024-01-01\"",
		"\"attributes\": {\"a\": true, \"b\": 12, \"c\": false, \"d\": 0}", "\"attributes\": {}",
		"\"attributes\": {\"a\": true, \"a\": false}", "\"attributes\": {\"a\": 1, \"b\": \"x\"}",
		"\"attributes\": {\"a\": -1}", "\"attributes\": {\"1a\": true}", "\"attributes\": {\"a\u00e9\": true}",
		"\"attributes\": {\"a\": 01}", "\"attributes\": {\"a\": 1.5, \"b\": 1e2}", "\"attributes\": {\"a\": {\"number\": 1}}",
		"\"attributes\": {\"LONG\": true}", "\"attributes\": {\"LONGx\": true}", "\"attributes\": {\"a\": tru}",
		"\"attributes\": {\"a\": true,}", "\"attributes\": {\"a\" : true , \"b\":false}", "\"attributes\": []",
		"\"attributes\": {\"a1\": 1, \"a2\": 2, \"a3\": 3, \"a4\": 4, \"a5\": 5, \"a6\": 6, \"a7\": 7, \"a8\": 8, "
		"\"a9\": 9, \"a10\": 10, \"a11\": 11, \"a12\": 12, \"a13\": 13, \"a14\": 14, \"a15\": 15, \"a16\": 16, \"a17\": 17}",
		"\"attributes\": {\"a1\": 1, \"a2\": 2, \"a3\": 3, \"a4\": 4, \"a5\": 5, \"a6\": 6, \"a7\": 7, \"a8\": 8, "
		"\"a9\": 9, \"a10\": 10, \"a11\": 11, \"a12\": 12, \"a13\": 13, \"a14\": 14, \"a15\": 15, \"a1\": 16}",
		"\"attributes\": {\"amount\": 123456789012345678, \"x\": 1234567890123456789}",
		"\"casting\": \"for\"", "\"presiding\": \"a\"", "\"interests\": [{\"member\": \"a\", \"reason\": \"r\"}]",
		"\"title\": \"TITLE\"", "\"title\": \"TITLEx\"", "\"number\": \"TITLE\"",
	};
	memset(long_id, 'i', PARSE_MAX_IDENT);
	long_id[PARSE_MAX_IDENT] = '\0';
	memset(long_title, 't', PARSE_MAX_STRING);
	long_title[PARSE_MAX_STRING] = '\0';
	size_t n = sizeof motion_members / sizeof motion_members[0];
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			struct sbuf b;
			sbuf_init(&b, &c->f.arena);
			sbuf_add(&b, "{\"meeting\": \"M\", \"date\": \"2024-05-14\", \"present\": [\"a\", \"b\"], \"items\": [{\"motion\": {");
			const char *pair[2] = { motion_members[i], motion_members[j] };
			for (int k = 0; k < 2; k++) {
				const char *m = pair[k];
				const char *at = strstr(m, "LONG"), *title = strstr(m, "TITLE");
				if (k)
					sbuf_add(&b, ", ");
				if (at) { /* an id of the limit's length, or one past it */
					sbuf_addf(&b, "%.*s%s%s", (int)(at - m), m, long_id, at + 4);
				} else if (title) { /* a string of the limit's length, or one past it */
					sbuf_addf(&b, "%.*s%s%s", (int)(title - m), m, long_title, title + 5);
				} else {
					sbuf_add(&b, m);
				}
			}
			const char *head = sbuf_str(&b);
			static const char *const tails[] = {
				"}}]}", /* nothing else wrong: the model is compared */
				"}}, {\"motion\": {\"number\": \"2\"}, \"leaves\": [\"a\"]}, {\"arrives\": {}}, {\"leaves\": \"a\"}]}",
			};
			for (size_t t = 0; t < 2; t++) {
				struct sbuf whole;
				sbuf_init(&whole, &c->f.arena);
				sbuf_add(&whole, head);
				sbuf_add(&whole, tails[t]);
				same_both_ways(c, sbuf_str(&whole), strlen(sbuf_str(&whole)), motion_members[i]);
			}
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_example_equal, setup, teardown),
		cmocka_unit_test_setup_teardown(test_full_equal, setup, teardown),
		cmocka_unit_test_setup_teardown(test_syntax_error_line, setup, teardown),
		cmocka_unit_test_setup_teardown(test_syntax_error_token_start, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_input, setup, teardown),
		cmocka_unit_test_setup_teardown(test_duplicate_key, setup, teardown),
		cmocka_unit_test_setup_teardown(test_wrong_type_path, setup, teardown),
		cmocka_unit_test_setup_teardown(test_positions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_positions_escapes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bom, setup, teardown),
		cmocka_unit_test_setup_teardown(test_escapes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_syntax_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_depth_and_many_keys, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_an_object, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_key, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_key_top, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_date, setup, teardown),
		cmocka_unit_test_setup_teardown(test_invalid_date, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tally_not_integer, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tally_missing_against, setup, teardown),
		cmocka_unit_test_setup_teardown(test_decimal_exact, setup, teardown),
		cmocka_unit_test_setup_teardown(test_json_numbers_exact, setup, teardown),
		cmocka_unit_test_setup_teardown(test_json_numbers_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_values, setup, teardown),
		cmocka_unit_test_setup_teardown(test_id_runs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_key_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_item_shape, setup, teardown),
		cmocka_unit_test_setup_teardown(test_several_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_deputies, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lean_mutations, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lean_values, setup, teardown),
		cmocka_unit_test_setup_teardown(test_approval, setup, teardown),
		cmocka_unit_test_setup_teardown(test_motion_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ids_interned, setup, teardown),
		cmocka_unit_test_setup_teardown(test_run_ids, setup, teardown),
		cmocka_unit_test(test_oom_no_leak),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
