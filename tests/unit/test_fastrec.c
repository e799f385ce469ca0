/*
** test_fastrec: the fast record path (src/record/fastrec.c) reads what the
** full path reads.  Every .minutes file of examples/ and tests/ is read
** three ways, the full path alone, the fast path from memory and the fast
** path from a mapped file, and the three write the same meetings, field by
** field, and the same diagnostics (record_dump); then the names it interns
** and the records it hands over part-way.
*/
#define _XOPEN_SOURCE 700
#include "fixture.h"

#include <ftw.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/sbuf.h"
#include "front/source.h"
#include "record/fastrec.h"
#include "record/record_file.h"

struct ctx {
	struct fixture f;
};

FIXTURE_STATE(struct ctx)

/* nftw has no context pointer: the walk's state, for the one walk at a time */
static struct walk {
	struct ctx *x;
	unsigned files, fast_whole;
} *walking;

static const char *dump(struct ctx *x, const struct source *src, bool full_only)
{
	struct diag_sink d;
	diag_init(&d, &x->f.arena);
	struct sbuf out;
	sbuf_init(&out, &x->f.arena);
	record_dump(&x->f.arena, &d, src, full_only, &out);
	return sbuf_str(&out);
}

/* Did the fast path read the whole file, to its end? */
static bool fast_reads_whole(struct ctx *x, const struct source *src)
{
	struct fastrec *r = fastrec_open(&x->f.arena, src, NULL);
	if (!r)
		return false;
	struct meeting *m;
	enum fastrec_status st;
	while ((st = fastrec_next(r, &x->f.arena, &m)) == FASTREC_MEETING)
		;
	assert_int_equal(fastrec_next(r, &x->f.arena, &m), st); /* it says so again */
	fastrec_close(r);
	return st == FASTREC_END;
}

static void compare_ways(struct ctx *x, const char *path)
{
	struct source full, fast, mapped;
	const char *why = NULL;
	struct stat st;
	assert_int_equal(source_load(&full, &x->f.arena, path, &why), 0);
	assert_int_equal(source_load(&fast, &x->f.arena, path, &why), 0);
	const char *want = dump(x, &full, true), *got = dump(x, &fast, false);
	if (strcmp(want, got) != 0)
		fail_msg("%s: the fast path read\n%s\nthe full path\n%s", path, got, want);
	if (full.len > 0) { /* an empty file cannot be mapped */
		assert_int_equal(source_map_over(&mapped, &x->f.arena, path, 0, &st, &why), 0);
		const char *from_map = dump(x, &mapped, false);
		source_close(&mapped);
		if (strcmp(want, from_map) != 0)
			fail_msg("%s: the fast path read the mapped file as\n%s\nthe full path\n%s", path, from_map, want);
	}
	walking->files++;
	walking->fast_whole += fast_reads_whole(x, &fast);
}

static int visit(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	size_t n = strlen(path);
	if (type == FTW_F && n > 8 && strcmp(path + n - 8, ".minutes") == 0)
		compare_ways(walking->x, path);
	return 0;
}

static void test_every_record(void **state)
{
	FIXTURE_ENTER(struct ctx, x);
	struct walk w = { x, 0, 0 };
	walking = &w;
	assert_int_equal(nftw("examples", visit, 16, FTW_PHYS), 0);
	assert_int_equal(nftw("tests", visit, 16, FTW_PHYS), 0);
	walking = NULL;
	/* the records of the examples are clean; the tests' include broken ones */
	assert_true(w.files > 50);
	assert_true(w.fast_whole > 10 && w.fast_whole < w.files);
}

static const struct source *text_source(struct ctx *x, const char *text)
{
	struct source *s = arena_alloc(&x->f.arena, sizeof *s);
	source_from_memory(s, &x->f.arena, "t.minutes", text, strlen(text));
	return s;
}

static void assert_same_both_ways(struct ctx *x, const char *text)
{
	const char *want = dump(x, text_source(x, text), true), *got = dump(x, text_source(x, text), false);
	if (strcmp(want, got) != 0)
		fail_msg("the fast path read\n%s\nthe full path\n%s", got, want);
}

/* One pointer per name, however often and however it is written (composed
** or as a letter and a combining mark). */
static void test_interned(void **state)
{
	FIXTURE_ENTER(struct ctx, x);
	const char *text = "meeting \"M\" on 2024-05-14 {\n"
	                   "  chair alice\n"
	                   "  present alice, si\xC3\xB4n, bob\n"
	                   "  motion \"A\" {\n    for alice, sio\xCC\x82n\n    against bob\n    recorded carried\n  }\n"
	                   "}\n";
	struct fastrec *r = fastrec_open(&x->f.arena, text_source(x, text), NULL);
	assert_non_null(r);
	struct meeting *m;
	assert_int_equal(fastrec_next(r, &x->f.arena, &m), FASTREC_MEETING);
	const struct rec_motion *mo = m->steps[0].motion;
	assert_ptr_equal(m->chair->id, m->present.items[0].id);
	assert_ptr_equal(mo->votes[0].who.id, m->present.items[0].id);
	assert_ptr_equal(mo->votes[1].who.id, m->present.items[1].id); /* sion with U+0302 is sîon composed */
	assert_string_equal(mo->votes[1].who.id, "si\xC3\xB4n");
	assert_ptr_equal(mo->votes[2].who.id, m->present.items[2].id);
	assert_int_equal(fastrec_next(r, &x->f.arena, &m), FASTREC_END);
	fastrec_close(r);
	assert_same_both_ways(x, text);
}

/* The same for names of eight to sixteen bytes (read in two loads of
** eight), their letter past ASCII at each byte from the first to the
** fifteenth, written composed and decomposed: one pointer per name, the
** full path's. */
static void test_interned_long(void **state)
{
	FIXTURE_ENTER(struct ctx, x);
	for (int k = 0; k <= 14; k++) {
		char composed[32], decomposed[32];
		/* k letters, then o with a circumflex, then more to ten or sixteen bytes in all */
		int tail = k < 7 ? 7 - k : 1;
		snprintf(composed, sizeof composed, "%.*s\xC3\xB4%.*s", k, "abcdefghijklmnop", tail, "qrstuvw");
		snprintf(decomposed, sizeof decomposed, "%.*so\xCC\x82%.*s", k, "abcdefghijklmnop", tail, "qrstuvw");
		struct sbuf b;
		sbuf_init(&b, &x->f.arena);
		sbuf_addf(&b, "meeting \"M\" on 2024-05-14 {\n  chair alice\n  present alice, %s, bob\n"
		              "  motion \"A\" {\n    for alice, %s\n    against bob\n    recorded carried\n  }\n}\n",
		          composed, decomposed);
		/* a name alone (record.l's WORD, with its blanks: sixteen bytes or
		** more), where the scanner reads it */
		sbuf_addf(&b, "meeting \"N\" on 2024-05-15 {\n  present alice, bob\n  deputy %sz          for bob\n}\n",
		          decomposed);
		for (int by_tokens = 0; by_tokens < 2; by_tokens++) { /* read whole, and token by token */
			struct fastrec_names *names = fastrec_names_new(&x->f.arena);
			if (by_tokens)
				fastrec_names_by_tokens(names);
			struct fastrec *r = fastrec_open(&x->f.arena, text_source(x, sbuf_str(&b)), names);
			assert_non_null(r);
			struct meeting *m;
			assert_int_equal(fastrec_next(r, &x->f.arena, &m), FASTREC_MEETING);
			const struct rec_motion *mo = m->steps[0].motion;
			assert_ptr_equal(mo->votes[1].who.id, m->present.items[1].id);
			assert_string_equal(mo->votes[1].who.id, composed);
			assert_int_equal(fastrec_next(r, &x->f.arena, &m), FASTREC_MEETING);
			assert_int_equal(m->n_deputies, 1);
			assert_true(strncmp(m->deputies[0].deputy.id, composed, strlen(composed)) == 0);
			assert_string_equal(m->deputies[0].deputy.id + strlen(composed), "z");
			fastrec_close(r);
			fastrec_names_release(names);
		}
		assert_same_both_ways(x, sbuf_str(&b));
	}
}

/* Readers sharing a table of names (a replay's files): one pointer per name
** across files, and a keyword written as a name is one in every file. */
static void test_shared_names(void **state)
{
	FIXTURE_ENTER(struct ctx, x);
	struct fastrec_names *names = fastrec_names_new(&x->f.arena);
	const char *ids[2];
	for (int i = 0; i < 2; i++) {
		struct fastrec *r = fastrec_open(&x->f.arena, text_source(x, i ? "meeting \"B\" on 2024-05-15 {\n  chair alexandra_long\n}\n"
		                                                               : "meeting \"A\" on 2024-05-14 {\n  present bob, alexandra_long\n}\n"),
		                                 names);
		struct meeting *m;
		assert_int_equal(fastrec_next(r, &x->f.arena, &m), FASTREC_MEETING);
		ids[i] = i ? m->chair->id : m->present.items[1].id;
		fastrec_close(r);
	}
	assert_ptr_equal(ids[0], ids[1]);
	for (int i = 0; i < 2; i++) {
		struct fastrec *r = fastrec_open(&x->f.arena, text_source(x, "meeting \"C\" on 2024-05-16 {\n  chair quorum\n}\n"), names);
		struct meeting *m;
		assert_int_equal(fastrec_next(r, &x->f.arena, &m), FASTREC_GIVE_UP);
		fastrec_close(r);
	}
	fastrec_names_release(names); /* the scanner the readers shared */
}

/* More names than the table keeps: the rest are copies, the model the same. */
static void test_many_names(void **state)
{
	FIXTURE_ENTER(struct ctx, x);
	struct sbuf b;
	sbuf_init(&b, &x->f.arena);
	sbuf_add(&b, "meeting \"M\" on 2024-05-14 {\n  present m0");
	for (unsigned i = 1; i < FASTREC_MAX_NAMES + 100; i++)
		sbuf_addf(&b, ", m%u", i);
	sbuf_add(&b, "\n  motion \"A\" {\n    for m0, m5000\n    recorded carried\n  }\n}\n");
	assert_same_both_ways(x, sbuf_str(&b));
	assert_true(fast_reads_whole(x, text_source(x, sbuf_str(&b))));
}

/* Clean meetings, then one the full path has something to say about: it
** resumes after the last clean one, with the diagnostics it always had. */
static void test_hands_over(void **state)
{
	FIXTURE_ENTER(struct ctx, x);
	static const char *const broken[] = {
		"  motion \"C\" {\n    recorded carried\n    recorded carried\n  }\n",   /* said twice */
		"  present alice,\n  apologies bob\n",                                   /* a stray comma */
		"  present chair\n",                                                     /* a keyword as a name */
		"  papers given 2024-05-01\n",                                           /* the wrong word */
		"  motion \"C\" {\n    tally for 2.5 against 1\n  }\n",                   /* not a count */
		"  motion \"C\" lead 1 lead 2 {\n  }\n",                                  /* an attribute twice */
		"  motion \"C\" {\n    casting maybe\n  }\n",
		"  present al\xC3\x97x\n",                                                /* no name has U+00D7 */
		"  motion \"C\" {\n    tally for 3 against 1 abstain 1\n    tally for 3 against 1\n  }\n",
		"  motion \"C\" {\n    notice sent 2024-01-01\n  }\n",
		"  terms \"X\"\n  terms \"Y\"\n",
		"  minutes amended 2024-05-27\n  minutes amended 2024-05-28\n",
		"  minutes amnded 2024-05-27\n",
		"  motion \"C\" \"D\" {\n  }\n",
		"  motion \"C\" {\n    tally for 1234567890123456789012 against 1\n  }\n",      /* past 18 digits */
	};
	for (size_t i = 0; i < sizeof broken / sizeof broken[0]; i++) {
		struct sbuf b;
		sbuf_init(&b, &x->f.arena);
		sbuf_add(&b, "meeting \"A\" on 2024-05-14 {\n  chair alice\n}\n"
		             "meeting \"B\" on 2024-05-15 {\n  chair alice\n}\n"
		             "meeting \"C\" on 2024-05-16 {\n");
		sbuf_add(&b, broken[i]);
		sbuf_add(&b, "}\nmeeting \"D\" on 2024-05-17 {\n  chair bob\n}\n");
		assert_same_both_ways(x, sbuf_str(&b));
		assert_false(fast_reads_whole(x, text_source(x, sbuf_str(&b))));
	}
	/* not a meeting after one; nothing at all; not UTF-8 */
	assert_same_both_ways(x, "meeting \"A\" on 2024-05-14 {\n}\nterms \"T\" {\n}\n");
	assert_same_both_ways(x, "meeting \"A\" on 2024-05-14 {\n} }\n");
	assert_same_both_ways(x, "# nothing\n");
	assert_same_both_ways(x, "meeting \"A\" on 2024-05-14 {\n  chair al\xFF\n}\n");
	assert_null(fastrec_open(&x->f.arena, text_source(x, "meeting \"A\" on 2024-05-14 {\n  chair al\xFF\n}\n"), NULL));
	fastrec_close(NULL);
}

/* Every statement of a record, read both ways. */
static void test_every_statement(void **state)
{
	FIXTURE_ENTER(struct ctx, x);
	const char *text =
		"\xEF\xBB\xBFmeeting \"Full \\\"quoted\\\" \\\\ title\" on 2024-05-14 {  # a comment\n"
		"  terms \"Anytown\"\n  chair alice\n  papers sent 2024-05-07\n  minutes circulated 2024-05-20\n"
		"  minutes amended 2024-05-27\n"
		"  present alice, bob,\n    carol\n  apologies dan\n  attending eve\n  deputy frank for dan\n"
		"  motion 3.1 \"First\" financial amount 31000.50 rate 5% kind \"grant\" due 2024-06-01 urgent true old false {\n"
		"    interest bob \"a director\"\n    interest carol\n    for alice, carol\n    against bob\n    abstain eve\n"
		"    tally for 2 against 1 abstain 1\n    casting for\n    recorded carried\n    declared carried\n"
		"    expect not carried\n    notice given 2024-05-01\n    chair bob\n    objection carol \"too soon\"\n"
		"    objection dan\n  }\n"
		"  arrives gina\n  leaves bob, carol\n"
		"  arrives hal # a comment among names: more than one token\n    , ian, jo # and again\n    , kim\n"
		"  leaves ian, jo # the same, from a list\n    , kim\n"
		"  motion {\n    consensus\n    virtual on 2024-05-15\n    ratifies \"Earlier\" motion 2\n"
		"    approved by \"Health Board\" on 2024-06-01\n    casting against\n    recorded void\n  }\n"
		"  motion 7 {\n    refused by \"Health Board\" on 2024-06-02\n    casting declined\n"
		"    recorded provisional\n    declared undetermined\n    tally for 3 against 4\n  }\n"
		"}\n";
	assert_same_both_ways(x, text);
	assert_true(fast_reads_whole(x, text_source(x, text)));
}

/* A LIST that is a syntax error, read as bison's lookahead before the
** statement with a LIST before it is reduced (fuzz_fastrec found the fast
** path copying an empty run there): the fast path gives up, and both paths
** report the same error, for every statement that takes names. */
static void test_bad_list_after_list(void **state)
{
	FIXTURE_ENTER(struct ctx, x);
	static const char *const statements[] = {
		"  present a, b\n  apologies , c\n  motion \"M\" {\n    for a\n    recorded carried\n  }\n",
		"  present a, b\n  motion \"M\" {\n    for a, b\n    against , c\n    recorded carried\n  }\n",
		"  present a, b\n  motion \"M\" {\n    against a, b\n    abstain , c\n    recorded carried\n  }\n",
		"  present a, b\n  motion \"M\" {\n    abstain a, b\n    for , c\n    recorded carried\n  }\n",
		"  present a\n  arrives b, c\n  leaves , b\n",
		"  present a, b, c\n  leaves b, c\n  arrives , b\n",
		"  present a, b # one more\n    , c\n  attending , d\n",
	};
	for (size_t i = 0; i < sizeof statements / sizeof *statements; i++) {
		char *text = arena_printf(&x->f.arena, "meeting \"X\" on 2024-05-01 {\n  terms \"T\"\n  chair a\n%s}\n",
		                          statements[i]);
		assert_same_both_ways(x, text);
		assert_false(fast_reads_whole(x, text_source(x, text)));
	}
}

/* The words after a keyword read with it (a statement's names, `recorded`
** and its outcome, `motion` and its number, title and '{'), where they are
** plain, and left to the scanner where they are not: both ways read the
** same, and the fast path reads the plain ones whole. */
static void test_read_with_keyword(void **state)
{
	FIXTURE_ENTER(struct ctx, x);
	static const struct {
		const char *items;
		bool whole; /* the fast path reads it to its end */
	} cases[] = {
		{ "  present a, b,c ,d\n    , e\n  motion 1 \"M\" {\n    for a,b\n    against c ,\n d\n    recorded carried\n  }\n", true },
		{ "  present a\n  motion 2 \"M\"{\n    casting for\n    recorded not\n\n  carried\n  }\n", true },
		{ "  present a\n  motion 2 \"M\" {\n    casting against\n    abstain a\n    recorded void\n  }\n", true },
		{ "  present a\n  motion 2 \"M\" {\n    casting for\n    chair a\n    recorded provisional}\n", true },
		{ "  present a\n  motion 2 {\n    recorded undetermined  # why\n  }\n", true },
		{ "  present a\n  motion 007\"M\"{for a}\n", true },
		{ "  present a\n  motion 007\"M\"{for a\nrecorded carried}\n", true },
		{ "  present a\n  motion \"M\" x {\n    recorded carried\n  }\n", true },
		{ "  present a\n  motion 4 lead 1 {\n    recorded carried\n  }\n", true },
		{ "  present a\n  motion 4 # the number\n  \"M\" {\n    recorded carried\n  }\n", true },
		{ "  present a\n  motion 3.5 \"M\" {\n    recorded carried\n  }\n", true },
		{ "  present a\n  motion 3% \"M\" {\n    recorded carried\n  }\n", true },
		{ "  present a\n  motion 1234567890 \"M\" {\n    recorded carried\n  }\n", true },
		{ "  present a\n  motion 3abc \"M\" {\n    recorded carried\n  }\n", false },
		{ "  present a\n  motion 3. \"M\" {\n    recorded carried\n  }\n", false },
		{ "  present a\n  motion 2024-05-01 \"M\" {\n    recorded carried\n  }\n", false },
		{ "  present a\n  motion 3 \"M \\\"q\\\"\" {\n    recorded carried\n  }\n", true },
		{ "  present a\n  motion 3 \"M\n\" {\n    recorded carried\n  }\n", false },
		{ "  present a\n  motion 3 \"M\" {\n    recorded carriedx\n  }\n", false },
		{ "  present a\n  motion 3 \"M\" {\n    recorded notcarried\n  }\n", false },
		{ "  present a\n  motion 3 \"M\" {\n    recorded not # c\n carried\n  }\n", true },
		{ "  present a\n  motion 3 \"M\" {\n    recorded not void\n  }\n", false },
		{ "  present a\n  motion 3 \"M\" {\n    recorded carried for a\n  }\n", true },
		{ "  present a\n  motion 3 \"M\" {\n    ratifies \"E\" motion 2\n    recorded carried\n  }\n", true },
		{ "  present a\n  motion 3 \"M\" {\n    ratifies \"E\" motion 2 \"T\"\n    recorded carried\n  }\n", false },
		{ "  present a\n  motion 3 \"M\" {\n    ratifies \"E\" motion 2 {\n    recorded carried\n  }\n", false },
		{ "  present a\n  motion 3 \"M\" {\n    ratifies \"E\" motion \"T\"\n    recorded carried\n  }\n", false },
		{ "  present a\n  motion 3 \"M\" {\n    recorded carriedfor a\n  }\n", false },
		{ "  present a, b\n  motion 3 \"M\" {\n    for a # c\n, b\n    recorded carried\n  }\n", true },
		{ "  present a, b\n  motion 3 \"M\" {\n    for # c\n a, b\n    recorded carried\n  }\n", true },
		{ "  present a, b\n  motion 3 \"M\" {\n    for a, # c\n b\n    recorded carried\n  }\n", false },
		{ "  present a, b\n  motion 3 \"M\" {\n    for a, recorded\n  }\n", false },
		{ "  present a, b\n  motion 3 \"M\" {\n    for a b\n    recorded carried\n  }\n", false },
		{ "  present a, b\n  motion 3 \"M\" {\n    for a\"x\"\n    recorded carried\n  }\n", false },
		{ "  present a, b\n  motion 3 \"M\" {\n    tally for 1 against 1\n    abstain b\n    recorded carried\n  }\n", false },
		{ "  present a, b\n  motion 3 \"M\" {\n    tally for 1 against 1\n    for b\n    recorded carried\n  }\n", true },
		{ "  present a, b\n  motion 3 \"M\" {\n    tally for b against 1\n    recorded carried\n  }\n", false },
		{ "  motion 3 \"M\" {\n    tally for 0 against 1000000 abstain 007\n    recorded carried\n  }\n", true },
		{ "  motion 3 \"M\" {\n    tally for 1\n    against 2 # c\n    recorded carried\n  }\n", true },
		{ "  motion 3 \"M\" {\n    tally for 1 # c\n against 2\n    recorded carried\n  }\n", true },
		{ "  motion 3 \"M\" {\n    tally for 1 against 2}\n", true },
		{ "  motion 3 \"M\" {\n    tally for 1 against 2 abstain 3 abstain 4\n  }\n", false },
		{ "  motion 3 \"M\" {\n    tally for 1 against 1000001\n  }\n", false },
		{ "  motion 3 \"M\" {\n    tally for 12345678 against 1\n  }\n", false },
		{ "  motion 3 \"M\" {\n    tally for 1.0 against 1\n  }\n", true },
		{ "  motion 3 \"M\" {\n    tally for 1 against 1 abstain\n    recorded carried\n  }\n", false },
		{ "  motion 3 \"M\" {\n    tally for 1 against 1 abstain x\n  }\n", false },
		{ "  motion 3 \"M\" {\n    tally against 1 for 1\n  }\n", false },
		{ "  motion 3 \"M\" {\n    tally for 1 against 1\n    tally for 1 against 1\n  }\n", false },
		{ "  motion 3 \"M\" {\n    tally for1 against 1\n  }\n", false },
		{ "  motion 3 \"M\" financial amount 81500 {\n    recorded carried\n  }\n", true },
		{ "  motion 3 \"M\" {\n    recorded carried}  # c\n  motion 4 \"N\" {\n    recorded void }\n", true },
		{ "  motion 3 \"M\" {\n    recorded carried\n    recorded carried }\n", false },
		{ "  motion 3 \"M\" x {\n    recorded carried\n    chair a }\n", true },
		{ "  motion 3 \"M\" x {\n    recorded carried }\n  recorded carried\n", false },
		{ "  recorded carried }\n", false },
		{ "  chair b\n", false },
		{ "  present a, b, c, d\n  motion 3 \"M\" {\n    for a\n    against b, c\n    abstain d for b against a\n    recorded carried }\n", true },
		{ "  present a, b\n  motion 3 \"M\" {\n    for a for a for a for a for a for a for a for a for a for b, a for a\n    recorded carried }\n", true },
		{ "  present a, b\n  motion 3 \"M\" {\n    for a\n    against # c\n b\n    recorded carried }\n", true },
		{ "  present a, b\n  motion 3 \"M\" {\n    for a\n    against b # c\n    abstain a\n    recorded carried }\n", true },
		{ "  present a, b\n  motion 3 \"M\" {\n    for a\n    against 3\n    recorded carried }\n", false },
		{ "  present a, b\n  motion 3 \"M\" {\n    for a\n    against quorum\n    recorded carried }\n", false },
		{ "  present a, b\n  motion 3 \"M\" {\n    for a\n    againstb\n    recorded carried }\n", false },
		{ "  present a, b\n  deputy c for a\n  against b\n", false },
		{ "  present a, b\n  motion 3 \"M\" {\n    for a\n    against b\n    recorded not carried\n  }\n", true },
		{ "  present a, b\n  motion 3 \"M\" {\n    for a recorded carried # c\n  }\n", true },
		{ "  present a, b\n  motion 3 \"M\" {\n    for a recorded carried recorded carried }\n", false },
		{ "  present a, b\n  motion 3 \"M\" {\n    recorded carried for a recorded carried }\n", false },
		{ "  present a, b\n  motion 3 \"M\" {\n    tally for 1 against 1\n    abstain a recorded carried }\n", false },
		{ "  present a, b\n  motion 3 \"M\" {\n    tally for 1 against 1\n    for a recorded carried }\n", true },
		{ "  present a, b\n  deputy c for a recorded carried }\n", false },
		{ "  motion 3 \"M\" {\n    tally for 1 against 2 abstain 3\n    recorded carried\n  }\n  motion 4 {\n    consensus\n    recorded carried\n  }\n", true },
		{ "  motion 3 \"M\" {\n    tally for 1 against 2 recorded carried recorded carried }\n", false },
		{ "  motion 3 \"M\" {\n    consensus recorded void }\n  motion 4 {\n    consensus consensus recorded void }\n", true },
		{ "  motion 3 \"M\" {\n    consensus recorded carried # c\n  }\n", true },
		{ "  consensus recorded carried }\n", false },
		{ "  motion 3 \"M\" {\n    tally for 1 against 2 recorded carried}\n", true },
		{ "  present a, b\n  motion 3 \"M\" {\n    for a recorded carried }\n  motion 4 \"N\" {\n    against a recorded void }\n", true },
		{ "  present a, b\n  motion 3 \"M\" {\n    tally for 1 against 1\n    abstain a for b\n    recorded carried }\n", false },
		{ "  present a, b\n  motion 3 \"M\" {\n    chair b\n    chair a\n  }\n", false },
		{ "  present a, b\n  motion 3 \"M\" {\n    chair a, b\n  }\n", false },
		{ "  present a, b\n  motion 3 \"M\" {\n    chair # c\n b\n    recorded carried }\n", true },
		{ "  present a, b\n  motion 3 \"M\" {\n    chair b recorded carried }\n", true },
		{ "  motion 3 \"M\"financial\namount 81500{\n    recorded carried\n  }\n", true },
		{ "  motion 3 a 1 b true c false d {\n    recorded carried\n  }\n", true },
		{ "  motion 3 a 1 b true # c\n c false d {\n    recorded carried\n  }\n", true },
		{ "  motion 3 a true# c\n {\n    recorded carried\n  }\n", true },
		{ "  motion 3 a truex {\n    recorded carried\n  }\n", true },
		{ "  motion 3 a 1.50 b 5% c 2024-06-01 d \"s\" {\n    recorded carried\n  }\n", true },
		{ "  motion 3 a 1 b 2 a 3 {\n    recorded carried\n  }\n", false },
		{ "  motion 3 a b a {\n    recorded carried\n  }\n", false },
		{ "  motion 3 a 1x {\n    recorded carried\n  }\n", false },
		{ "  motion 3 a for {\n    recorded carried\n  }\n", false },
		{ "  motion 3 quorum 1 {\n    recorded carried\n  }\n", false },
		{ "  motion 3 si\xC3\xB4n 1 sio\xCC\x82n 2 {\n    recorded carried\n  }\n", false },
		{ "  motion 3 al\xC3\x97x 1 {\n    recorded carried\n  }\n", false },
		{ "  motion 3 a 1 {\n    recorded carried\n  }\n  motion 4 a 2 {\n    recorded carried\n  }\n", true },
		{ "  present a, b\n  deputy c for a\n  deputy d for # c\n b\n", true },
		{ "  present a, b\n  deputy c for a, b\n", false },
		{ "  present a, si\xC3\xB4n, sio\xCC\x82n, \xC3\xA9mile\n  leaves sio\xCC\x82n\n", true },
		{ "  present a, al\xC3\x97x\n", false },
		{ "  present a, quorum\n", false },
		{ "  present a,\n  apologies b\n", false },
		{ "  present fin_officer_of_the_cluster, b\n  attending fin_officer_of_the_cluster\n", true },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *text = arena_printf(&x->f.arena, "meeting \"X\" on 2024-05-01 {\n  chair a\n%s}\n", cases[i].items);
		assert_same_both_ways(x, text);
		if (fast_reads_whole(x, text_source(x, text)) != cases[i].whole)
			fail_msg("case %zu: the fast path %s\n%s", i, cases[i].whole ? "gave up on" : "read", text);
	}
}

/* Meetings' heads, `terms`, `papers` and `minutes`, read with the keyword
** where they are plain (the meeting after another's '}' too, read past it
** as its first token), and by the scanner otherwise. */
static void test_meeting_heads(void **state)
{
	FIXTURE_ENTER(struct ctx, x);
	static const struct {
		const char *text;
		bool whole;
	} cases[] = {
		{ "meeting \"A\" on 2024-05-14 {\n}\nmeeting \"B \\\"q\\\"\" on 2024-05-15 {\n}\n"
		  "meeting \"C\"on 2024-05-16{}\nmeeting \"D\" # c\n on 2024-05-17 {\n}\nmeeting\"E\"\non\n2024-05-18\n{\n}\n", true },
		{ "meeting \"A\" on 2024-05-14 {\n}\nmeeting \"E\" on 2024-02-30 {\n}\n", false },
		{ "meeting \"A\" on 2024-05-14 {\n}\nmeeting \"E\" on 2024-05-150 {\n}\n", false },
		{ "meeting \"A\" on 2024-05-14 {\n}\nmeeting \"E\" 2024-05-15 {\n}\n", false },
		{ "meeting \"A\" on 2024-05-14 {\n}\nmeeting \"E\" on 2024-05-15\n  terms \"T\"\n}\n", false },
		{ "meeting \"A\" on 2024-05-14 {\n}\nmeeting \"E\nF\" on 2024-05-15 {\n}\n", false },
		{ "meeting \"A\" on 2024-05-14 {\n  terms \"T \\\\ x\"\n  papers sent 2024-05-01\n  minutes amended 2024-05-20\n"
		  "  minutes circulated 2024-05-19\n}\n", true },
		{ "meeting \"A\" on 2024-05-14 {\n  terms\"T\"papers sent 2024-05-01 minutes amended 2024-05-20}\n", true },
		{ "meeting \"A\" on 2024-05-14 {\n  papers sent 2024-05-01x\n}\n", false },
		{ "meeting \"A\" on 2024-05-14 {\n  papers sent # c\n 2024-05-01\n}\n", true },
		{ "meeting \"A\" on 2024-05-14 {\n  papers circulated 2024-05-01\n}\n", false },
		{ "meeting \"A\" on 2024-05-14 {\n  minutes sent 2024-05-01\n}\n", false },
		{ "meeting \"A\" on 2024-05-14 {\n  minutes amended 2024-05-01\n  minutes amended 2024-05-02\n}\n", false },
		{ "meeting \"A\" on 2024-05-14 {\n  terms \"T\"\n  terms \"U\"\n}\n", false },
		{ "meeting \"A\" on 2024-05-14 {\n  minutes circulated 2024-13-01\n}\n", false },
		/* a date in the month of the date before it (the month kept) */
		{ "meeting \"A\" on 2024-02-10 {\n  papers sent 2024-02-01\n  minutes circulated 2024-02-29\n}\n", true },
		{ "meeting \"A\" on 2023-02-10 {\n  papers sent 2023-02-01\n  minutes circulated 2023-02-29\n}\n", false },
		{ "meeting \"A\" on 2024-05-14 {\n  papers sent 2024-05-00\n}\n", false },
		{ "meeting \"A\" on 2024-05-14 {\n  papers sent 2024-05-31\n  minutes circulated 2024-05-32\n}\n", false },
		{ "meeting \"A\" on 2024-04-14 {\n  papers sent 2024-04-30\n  minutes circulated 2024-04-31\n}\n", false },
		{ "meeting \"A\" on 2024-12-14 {\n  papers sent 2024-12-31\n}\nmeeting \"B\" on 2024-12-01 {\n}\n", true },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		assert_same_both_ways(x, cases[i].text);
		if (fast_reads_whole(x, text_source(x, cases[i].text)) != cases[i].whole)
			fail_msg("case %zu: the fast path %s\n%s", i, cases[i].whole ? "gave up on" : "read", cases[i].text);
	}
}

/* The same words where flex's window over a mapped file ends among them:
** the scanner reads on from the keyword, both ways read the same, and the
** fast path reads the file whole wherever the window ends. */
static void test_window_ends_among_words(void **state)
{
	FIXTURE_ENTER(struct ctx, x);
	const char *head = "meeting \"X\" on 2024-05-01 {\n  chair a\n  present a, bob, carol_the_third\n  #";
	const char *tail = "\n  motion 12 \"Fund the post\" {\n    for a, bob,\n carol_the_third\n"
	                   "    recorded not carried\n  }\n"
	                   "  motion 13 \"Fund a bid\" financial amount 237000 urgent true {\n"
	                   "    interest bob \"a director\"\n    tally for 6 against 4 abstain 0\n"
	                   "    recorded carried\n  }\n"
	                   "  motion 14 {\n    consensus\n    recorded carried\n  }\n"
	                   "  motion 15 {\n    tally for 1 against 2\n    abstain 3\n    recorded not carried\n  }\n}\n"
	                   "meeting \"Y\" on 2024-05-02 {\n  terms \"T\"\n  papers sent 2024-04-01\n  chair bob\n}\n";
	size_t tail_len = strlen(tail);
	for (size_t k = 0; k < tail_len; k++) {
		struct sbuf b;
		sbuf_init(&b, &x->f.arena);
		sbuf_add(&b, head);
		while (b.len < 65536 - k) /* the comment, up to the window's end less k */
			sbuf_add(&b, "x");
		sbuf_add(&b, tail);
		char path[] = "/tmp/quorate-test-fastrec.XXXXXX";
		int fd = mkstemp(path);
		assert_true(fd >= 0);
		assert_int_equal(write(fd, sbuf_str(&b), b.len), (ssize_t)b.len);
		close(fd);
		struct source full, mapped;
		struct stat st;
		const char *why = NULL;
		assert_int_equal(source_load(&full, &x->f.arena, path, &why), 0);
		assert_int_equal(source_map_over(&mapped, &x->f.arena, path, 0, &st, &why), 0);
		unlink(path);
		const char *want = dump(x, &full, true), *got = dump(x, &mapped, false);
		/* plain words: a window's end is never a reason to give up (the
		** full path would read the rest of a long file) */
		bool whole = fast_reads_whole(x, &mapped);
		source_close(&mapped);
		if (strcmp(want, got) != 0)
			fail_msg("window ending %zu bytes into the motion: the fast path read\n%s\nthe full path\n%s", k, got, want);
		if (!whole)
			fail_msg("window ending %zu bytes into the motions (at \"%.12s\"): the fast path gave up", k,
			         tail + k);
	}
}

/* text as a mapped file (as replay reads a long history) */
static void map_text(struct ctx *x, const char *text, struct source *mapped)
{
	char path[] = "/tmp/quorate-test-fastrec.XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	struct stat st;
	const char *why = NULL;
	assert_int_equal(source_map_over(mapped, &x->f.arena, path, 0, &st, &why), 0);
	unlink(path);
	mapped->name = "t.minutes"; /* as text_source's, for the dumps to compare */
}

/* The fast path's meetings, its status and where it stopped, written out;
** by_tokens: no meeting read whole.  *whole: how many were. */
static const char *dump_fast(struct ctx *x, const struct source *src, bool by_tokens, unsigned long *whole)
{
	struct fastrec_names *names = fastrec_names_new(&x->f.arena);
	if (by_tokens)
		fastrec_names_by_tokens(names);
	struct sbuf out;
	sbuf_init(&out, &x->f.arena);
	struct fastrec *r = fastrec_open(&x->f.arena, src, names);
	if (r) {
		struct meeting *m;
		enum fastrec_status st;
		while ((st = fastrec_next(r, &x->f.arena, &m)) == FASTREC_MEETING)
			minutes_dump(&out, m);
		struct span brace;
		unsigned n = fastrec_resume(r, &brace);
		sbuf_addf(&out, "status %d after %u meetings, brace [%u,%u)\n", (int)st, n, brace.start, brace.end);
		fastrec_close(r);
	}
	*whole = fastrec_names_read_whole(names);
	fastrec_names_release(names);
	return sbuf_str(&out);
}

/* The record read token by token, read whole in memory and read whole
** from a mapping: the same meetings, and the same place to give up; how
** many meetings were read whole. */
static unsigned long compare_whole(struct ctx *x, const char *text, int round)
{
	unsigned long whole, none, mapped_whole;
	const char *by_tokens = dump_fast(x, text_source(x, text), true, &none);
	const char *read_whole = dump_fast(x, text_source(x, text), false, &whole);
	assert_int_equal(none, 0);
	if (strcmp(by_tokens, read_whole) != 0)
		fail_msg("round %d: read whole\n%s\ntoken by token\n%s\nthe record\n%s", round, read_whole, by_tokens, text);
	/* mapped: the meetings after the first read from the mapping */
	struct source mapped;
	map_text(x, text, &mapped);
	const char *from_map = dump_fast(x, &mapped, false, &mapped_whole);
	source_close(&mapped);
	if (strcmp(by_tokens, from_map) != 0)
		fail_msg("round %d: read whole from the mapping\n%s\ntoken by token\n%s\nthe record\n%s", round, from_map,
		         by_tokens, text);
	assert_int_equal(mapped_whole, whole);
	if (round % 10 == 0)
		assert_same_both_ways(x, text);
	return whole;
}

/* A plain meeting is read whole, as one token, where it can be: the same
** meetings as token by token, and the same place to give up, on many
** meetings made of plain statements and a few that are not. */
static void test_whole_meeting(void **state)
{
	FIXTURE_ENTER(struct ctx, x);
	static const char *const items[] = {
		/* plain: the first 11 */
		"  terms \"T\"\n", "  chair a\n", "  papers sent 2024-04-01\n",
		"  minutes circulated 2024-05-20\n", "  minutes amended 2024-05-21\n", "  present a, b, c,\n    d\n",
		"  apologies e\n", "  attending f, g\n", "  arrives e\n", "  leaves b, c\n", "  # a comment\n",
		"  chair a, b\n", "  deputy h for e\n", "  present a # c\n , b\n", "  present a,b , c\n", "  terms \"T\" # c\n",
		"  papers sent 2024-02-30\n", "  present quorum\n", "  leaves\n", "  chair a\n  chair b\n",
	};
	static const char *const heads[] = {
		"  motion 1 \"M\" {\n", "  motion 9 \"A title\twith a tab, past eight bytes\" {\n", "  motion \"N\" financial amount 81500 {\n",
		"  motion 2 x true {\n", "  motion {\n", "  motion 3 \"O\" a 1.5 {\n", "  motion 4{", "  motion 5 \"P\" # c\n {\n",
	};
	static const char *const motion_items[] = {
		"    for a, b\n", "    against c\n", "    abstain d\n", "    tally for 3 against 1\n",
		"    tally for 3 against 1 abstain 0\n", "    consensus\n", "    recorded carried\n",
		"    recorded not carried\n", "    interest a \"why\"\n", "    interest b\n", "    objection c \"no\"\n",
		"    objection d\n", "    casting for\n", "    casting against\n", "    casting declined\n",
		"    chair a\n", "    declared carried\n", "    # c\n", "    for a recorded carried\n",
		"    consensus recorded void\n", "    interest a, b\n", "    casting maybe\n", "    interest quorum\n",
		"    recorded carried }\n", "    for a\n    against b\n    abstain c\n    recorded void\n",
		"    interest a \"x\\\"y\"\n", "    casting for a\n", "    objection e\"late\"\n", "    tally for 1 against 2 abstain\n",
		"    for a against b abstain c recorded carried\n", "    consensus\n    consensus\n",
	};
	unsigned seed = 12345;
#define PICK(n) ((seed = seed * 1103515245u + 12345u) >> 16) % (n)
	unsigned long whole_total = 0;
	for (int round = 0; round < 1500; round++) {
		struct sbuf b;
		sbuf_init(&b, &x->f.arena);
		for (unsigned k = 0, meetings = 1 + PICK(4); k < meetings; k++) {
			sbuf_addf(&b, "meeting \"M%d\" on 2024-05-%02u {\n", round, 1 + k);
			/* half the records plain but for one statement in twenty */
			bool plain = round % 2 == 0;
			for (unsigned s = 0, n = PICK(5); s < n; s++)
				sbuf_add(&b, items[plain && PICK(20) ? PICK(11) : PICK(sizeof items / sizeof *items)]);
			for (unsigned m = 0, n = PICK(4); m < n; m++) {
				sbuf_add(&b, heads[plain && PICK(20) ? PICK(4) : PICK(sizeof heads / sizeof *heads)]);
				for (unsigned s = 0, ni = PICK(5); s < ni; s++)
					sbuf_add(&b, motion_items[plain && PICK(20) ? PICK(15)
					                                            : PICK(sizeof motion_items / sizeof *motion_items)]);
				sbuf_add(&b, PICK(8) ? "  }\n" : "}");
			}
			sbuf_add(&b, PICK(10) ? "}\n" : "} # c\n");
		}
		whole_total += compare_whole(x, sbuf_str(&b), round);
	}
#undef PICK
	if (whole_total < 500) /* the plain ones were read whole */
		fail_msg("%lu meetings read whole", whole_total);
}

/* The words the whole-meeting reader reads by shortcuts, and their edges:
** names of seven, eight and nine bytes, met before or not, keywords and
** letters past ASCII among them, lists split over lines; blanks of every
** kind and runs longer than sixteen bytes; dates of many months (more than
** it keeps) and days a kept month does not have; attributes; outcomes.
** The same model as token by token, in memory and mapped. */
static void test_whole_meeting_words(void **state)
{
	FIXTURE_ENTER(struct ctx, x);
	static const char *const names[] = {
		"al", "bob", "carol12", "dan_smit", "erin_jone", "frank_longer_name", "gr\xC3\xA9ta", "quorum", "a1",
		"Zo\xC3\xAB", "x", "heidi", "ivanivan", "j0",
		/* eight to sixteen bytes, letters past ASCII past the eighth (one
		** written decomposed, its one form shorter) or before it */
		"officer_e\xCC\x81", "officer_\xC3\xA9", "\xC3\xA9lodie_officer", "fifteen_bytes_x", "sixteen_bytes_xy",
	};
	static const char *const seps[] = { ", ", ", ", ", ", ",", " , ", ",\n      ", ",\t", ", # c\n   " };
	static const char *const blanks[] = {
		"\n  ", "\n  ", "\n    ", "\r\n  ", "\n\t", "\n                    ", "\n\n   \f ", " ", "\n \v ",
	};
	static const char *const dates[] = {
		"2024-05-14", "2024-05-31", "2024-06-01", "2023-02-28", "2023-02-29", "2024-02-29", "2024-07-04",
		"2024-08-15", "2024-09-30", "2024-09-31", "2024-10-01", "1499-12-27", "2024-05-00", "2024-13-01",
	};
	static const char *const heads[] = {
		"motion 1 \"M\" {", "motion 12 \"Fund\" financial amount 81500 {", "motion \"N\" financial {",
		"motion 3 \"O\" flag true other false {", "motion 4 \"P\" amount 1.5 {", "motion 5 \"Q\" a a {",
		"motion 6 \"R\" quorum {", "motion 7 \"S\" flag true# c\n {", "motion 8 \"T\" financial amount 7{",
	};
	static const char *const outcomes[] = {
		"carried", "carried", "not carried", "void", "provisional", "undetermined", "carriedx", "not  carried",
	};
	static const char *const votes[] = { "for", "against", "abstain" };
	unsigned seed = 777;
#define PICK(n) ((seed = seed * 1103515245u + 12345u) >> 16) % (n)
#define BLANK() sbuf_add(&b, blanks[PICK(8) ? PICK(3) : PICK(sizeof blanks / sizeof *blanks)])
	unsigned long whole_total = 0;
	for (int round = 0; round < 600; round++) {
		struct sbuf b;
		sbuf_init(&b, &x->f.arena);
		bool plain = round % 2 == 0;
		size_t n_names = plain ? 6 : sizeof names / sizeof *names;
		size_t n_dates = plain ? 2 : sizeof dates / sizeof *dates;
		for (unsigned k = 0, meetings = 1 + PICK(5); k < meetings; k++) {
			sbuf_addf(&b, "meeting \"M%d\" on %s {", round, dates[plain ? k % 2 : PICK(n_dates)]);
			BLANK();
			sbuf_addf(&b, "papers sent %s", dates[PICK(n_dates)]);
			BLANK();
			sbuf_addf(&b, "minutes circulated %s", dates[PICK(n_dates)]);
			BLANK();
			sbuf_add(&b, "present ");
			for (unsigned s = 0, n = 1 + PICK(8); s < n; s++) {
				const char *sep = s ? seps[plain ? 0 : PICK(sizeof seps / sizeof *seps)] : "";
				sbuf_addf(&b, "%s%s", sep, names[PICK(n_names)]);
			}
			for (unsigned m = 0, n = PICK(4); m < n; m++) {
				BLANK();
				sbuf_add(&b, heads[plain ? PICK(3) : PICK(sizeof heads / sizeof *heads)]);
				for (unsigned v = 0, nv = PICK(4); v < nv; v++) {
					BLANK();
					sbuf_addf(&b, "  %s ", votes[v % 3]);
					for (unsigned s = 0, ns = 1 + PICK(9); s < ns; s++) {
						const char *sep = s ? seps[plain ? 0 : PICK(sizeof seps / sizeof *seps)] : "";
						sbuf_addf(&b, "%s%s", sep, names[PICK(n_names)]);
					}
				}
				BLANK();
				sbuf_addf(&b, "  recorded %s", outcomes[plain ? PICK(3) : PICK(sizeof outcomes / sizeof *outcomes)]);
				BLANK();
				sbuf_add(&b, "}");
			}
			BLANK();
			sbuf_add(&b, "}\n");
		}
		whole_total += compare_whole(x, sbuf_str(&b), round);
	}
#undef BLANK
#undef PICK
	if (whole_total < 300) /* the plain ones were read whole */
		fail_msg("%lu meetings read whole", whole_total);
}

/* A motion's head and end as the whole-meeting reader copies and compares
** them: titles of every length to forty bytes (copied sixteen bytes a
** step, eight, or byte by byte), numbers of one to nine digits, and the
** outcomes it compares as one word (`not carried`) beside those it does
** not; each read whole, the same as token by token. */
static void test_whole_motion_heads(void **state)
{
	FIXTURE_ENTER(struct ctx, x);
	static const char *const outcomes[] = {
		"carried", "not carried", "not  carried", "not carriedx", "not\tcarried", "void", "not carried}",
	};
	static const char title[] = "Approve the community pharmacy minor ailments scheme";
	for (int len = 0; len <= 40; len++)
		for (int k = 0; k < 7; k++) { /* a record each: the fast path gives up for good at a bad one */
			struct sbuf b;
			sbuf_init(&b, &x->f.arena);
			/* the number's digits: 1 to 9, the title's bytes shifted by k */
			sbuf_addf(&b, "meeting \"M%d\" on 2024-05-14 {\n  present a, b\n", len);
			sbuf_addf(&b, "  motion %.*s \"%.*s\" {\n    for a\n    recorded %s\n  }\n\n", 1 + (len + k) % 9,
			          "123456789", len, title + k, outcomes[k]);
			sbuf_addf(&b, "  motion \"%.*s\" {\n    consensus recorded %s }\n}\n", len, title + 7 - k, outcomes[k]);
			/* read whole but where the outcome is not one (`carriedx`; at
			** `carried}` the meeting ends early, read whole) */
			assert_int_equal(compare_whole(x, sbuf_str(&b), len * 7 + k), k != 3);
		}
	/* attributes: each motion's made where the last motion's were kept
	** (a flag after a number or a boolean, a number after a flag...), the
	** full path's */
	static const char *const attrs[] = { "", "financial", "amount 81500", "flag true", "other false", "a b c", "x 1 y" };
	for (size_t k = 0; k < sizeof attrs / sizeof *attrs; k++)
		for (size_t j = 0; j < sizeof attrs / sizeof *attrs; j++) {
			struct sbuf b;
			sbuf_init(&b, &x->f.arena);
			sbuf_addf(&b, "meeting \"A\" on 2024-05-14 {\n  present a, b\n  motion 1 \"M\" %s {\n    consensus\n"
			              "    recorded carried\n  }\n  motion 2 \"N\" %s {\n    for a\n    recorded carried\n  }\n}\n",
			          attrs[k], attrs[j]);
			const char *text = sbuf_str(&b);
			assert_int_equal(compare_whole(x, text, 1), 1);
			assert_same_both_ways(x, text);
		}
}

/* One byte changed, dropped or doubled at every offset of a record that
** uses every statement, or the record cut there: the whole-meeting reader
** and the token path read the same meetings and give up at the same place
** (in memory every time, from a mapping one offset in 29).  The reader's
** ways out of a meeting it cannot read whole are mostly met here. */
static void test_whole_meeting_mutated(void **state)
{
	FIXTURE_ENTER(struct ctx, x);
	static const char base[] =
		"meeting \"Cluster leadership group, meeting 1\" on 2024-05-14 {\n"
		"  terms \"Bench Cluster\"\n  chair alice\n  papers sent 2024-05-01\n"
		"  minutes circulated 2024-05-20\n  minutes amended 2024-05-21\n"
		"  present alice, bob, carol, dan, erin, frank_longer_name\n  apologies gr\xC3\xA9ta\n"
		"  attending fin_officer, phw_officer\n  arrives greta\n  leaves bob # gone\n"
		"  deputy heidi for erin\n\n"
		"  motion 1 \"Renew the locum bank agreement\" {\n    tally for 9 against 3 abstain 0\n"
		"    recorded carried\n  }\n"
		"  motion 2 \"Fund the pilot\" financial amount 81500 {\n    for alice, carol\n    against dan\n"
		"    abstain erin\n    interest bob \"partner\"\n    objection carol \"late\"\n    casting for\n"
		"    declared carried\n    recorded not carried\n  }\n"
		"  motion \"Agree the plan\" flag true {\n    consensus\n    recorded void\n  }\n"
		"}\n"
		"meeting \"Second\" on 2024-07-04 {\n  present alice, bob, carol\n"
		"  motion 3 \"X\" {\n    for alice, bob, carol\n    recorded carried\n  }\n}\n";
	static const char swaps[] = { ' ', '\n', '#', '"', ',', '}', '{', 'q', '9', '-', '\t', (char)0xC3 };
	size_t len = sizeof base - 1;
	char *text = malloc(len + 2);
	assert_non_null(text);
	for (size_t k = 0; k < len; k++) {
		unsigned kind = (unsigned)(k % (sizeof swaps + 3));
		size_t n = len;
		memcpy(text, base, len);
		if (kind < sizeof swaps) { /* a byte changed */
			text[k] = swaps[(kind + k / 7) % sizeof swaps];
		} else if (kind == sizeof swaps) { /* cut */
			n = k;
		} else if (kind == sizeof swaps + 1) { /* dropped */
			memmove(text + k, base + k + 1, len - k - 1);
			n = len - 1;
		} else { /* doubled */
			memcpy(text + k + 1, base + k, len - k);
			n = len + 1;
		}
		text[n] = '\0';
		unsigned long whole, none;
		const char *by_tokens = dump_fast(x, text_source(x, text), true, &none);
		const char *read_whole = dump_fast(x, text_source(x, text), false, &whole);
		if (strcmp(by_tokens, read_whole) != 0)
			fail_msg("offset %zu: read whole\n%s\ntoken by token\n%s\nthe record\n%s", k, read_whole, by_tokens,
			         text);
		if (k % 29 == 0 && n > 0)
			compare_whole(x, text, 1);
	}
	free(text);
}

/* The meetings in a dump_fast. */
static unsigned long count_meetings(const char *dumped)
{
	unsigned long n = 0;
	for (const char *p = dumped; (p = strstr(p, "meeting ")); p++)
		n++;
	return n;
}

/* A long record (more than source_view's window) with each meeting
** followed by `gap` comment lines and holding `motions` motions: the
** window's end falls among comments (gap large) or inside meetings
** (motions many). */
static char *long_record(unsigned gap, unsigned motions)
{
	size_t cap = 4u << 20, len = 0;
	char *text = malloc(cap);
	assert_non_null(text);
	for (unsigned m = 0; len < (5u << 19); m++) { /* 2.5 MiB */
		len += (size_t)snprintf(text + len, cap - len, "meeting \"M%u\" on 2024-%02u-%02u {\n  present alice, bob, carol\n",
		                        m, m / 28 % 12 + 1, m % 28 + 1);
		for (unsigned k = 1; k <= motions; k++)
			len += (size_t)snprintf(text + len, cap - len,
			                        "  motion %u \"Agree item %u\" {\n    for alice, bob\n    against carol\n"
			                        "    recorded carried\n  }\n",
			                        k, k);
		len += (size_t)snprintf(text + len, cap - len, "}\n");
		for (unsigned g = 0; g < gap; g++)
			len += (size_t)snprintf(text + len, cap - len, "# a note between meetings, line %u of %u\n", g, gap);
	}
	return text;
}

/*
** A mapped file is read through a window (source_view), not the mapping:
** where the window ends among the comments after a meeting, what follows
** is not the end of the file; where it ends inside a meeting, the meeting
** is not plain there and the scanner reads it.  The same meetings either
** way as token by token from memory.
*/
static void test_window_cut(void **state)
{
	FIXTURE_ENTER(struct ctx, x);
	/* comment lines after each meeting and its motions: comments longer
	** than the window (every peek after a meeting meets its end), meetings
	** longer than SOURCE_VIEW_MIN (some cut by it), and neither */
	const unsigned shapes[][2] = { { 30000, 1 }, { 0, 2000 }, { 40, 3 } };
	for (size_t k = 0; k < sizeof shapes / sizeof shapes[0]; k++) {
		char *text = long_record(shapes[k][0], shapes[k][1]);
		unsigned long none, whole;
		const char *want = dump_fast(x, text_source(x, text), true, &none);
		struct source mapped;
		map_text(x, text, &mapped);
		assert_true(mapped.len > 2 * SOURCE_WINDOW);
		const char *got = dump_fast(x, &mapped, false, &whole);
		source_close(&mapped);
		assert_true(whole > 0);
		if (k == 1) /* some cut by the window's end, so read by the scanner */
			assert_true(whole < count_meetings(want));
		if (strcmp(want, got) != 0)
			fail_msg("shape %zu: read through the window\n%.2000s\ntoken by token\n%.2000s", k, got, want);
		free(text);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_every_record, setup, teardown),
		cmocka_unit_test_setup_teardown(test_interned, setup, teardown),
		cmocka_unit_test_setup_teardown(test_interned_long, setup, teardown),
		cmocka_unit_test_setup_teardown(test_shared_names, setup, teardown),
		cmocka_unit_test_setup_teardown(test_many_names, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hands_over, setup, teardown),
		cmocka_unit_test_setup_teardown(test_every_statement, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_list_after_list, setup, teardown),
		cmocka_unit_test_setup_teardown(test_read_with_keyword, setup, teardown),
		cmocka_unit_test_setup_teardown(test_meeting_heads, setup, teardown),
		cmocka_unit_test_setup_teardown(test_window_ends_among_words, setup, teardown),
		cmocka_unit_test_setup_teardown(test_whole_meeting, setup, teardown),
		cmocka_unit_test_setup_teardown(test_whole_meeting_words, setup, teardown),
		cmocka_unit_test_setup_teardown(test_whole_meeting_mutated, setup, teardown),
		cmocka_unit_test_setup_teardown(test_whole_motion_heads, setup, teardown),
		cmocka_unit_test_setup_teardown(test_window_cut, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
