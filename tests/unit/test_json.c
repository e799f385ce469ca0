/*
** Unit tests for src/report/json.c: the writer gathers what is written and
** gives it to the FILE when its buffer fills or at jw_flush, escapes every character RFC 8259
** asks for, in short strings and in strings longer than its buffer, and
** writes what it holds before anything else writes to the same FILE.
*/
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "report/json.h"
#include "memout.h"

static void test_document(void **state)
{
	(void)state;
	struct out o;
	out_open(&o);
	struct json_writer w;
	jw_init(&w, o.f);
	jw_begin_object(&w);
	jw_key(&w, "n");
	jw_int(&w, -9223372036854775807 - 1);
	jw_key(&w, "ok");
	jw_bool(&w, true);
	jw_key(&w, "no");
	jw_bool(&w, false);
	jw_key(&w, "none");
	jw_null(&w);
	jw_key(&w, "x");
	jw_raw(&w, "6.75");
	jw_key(&w, "empty");
	jw_begin_array(&w);
	jw_end_array(&w);
	jw_key(&w, "list");
	jw_begin_array(&w);
	jw_string(&w, "a\"b\\c\nd\re\tf\x01g\x1fh\xC3\xB4");
	jw_int(&w, 0);
	jw_end_array(&w);
	jw_end_object(&w);
	jw_finish(&w);
	assert_string_equal(out_text(&o),
	                    "{\n  \"n\": -9223372036854775808,\n  \"ok\": true,\n  \"no\": false,\n  \"none\": null,\n"
	                    "  \"x\": 6.75,\n  \"empty\": [],\n  \"list\": [\n"
	                    "    \"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001fh\xC3\xB4\",\n    0\n  ]\n}\n");
	out_close(&o);
}

/* Braces, keys and values wait in the writer until jw_flush (or a full
** buffer) gives them out, so another writer of the FILE comes after them. */
static void test_flush_points(void **state)
{
	(void)state;
	struct out o;
	out_open(&o);
	struct json_writer w;
	jw_init(&w, o.f);
	jw_begin_object(&w);
	jw_key(&w, "k");
	jw_int(&w, 1);
	assert_string_equal(out_text(&o), "");
	jw_flush(&w);
	assert_string_equal(out_text(&o), "{\n  \"k\": 1");
	/* a part copied in as register's splice does: after the bracket */
	jw_key(&w, "spliced");
	jw_begin_array(&w);
	jw_flush(&w);
	fputs("\n    1", o.f);
	w.first[w.depth] = false;
	jw_int(&w, 2);
	jw_end_array(&w);
	jw_end_object(&w);
	jw_flush(&w);
	assert_string_equal(out_text(&o), "{\n  \"k\": 1,\n  \"spliced\": [\n    1,\n    2\n  ]\n}");
	out_close(&o);
}

/* Strings longer than the buffer, plain and every character escaped, and
** many values: the same text as written piece by piece. */
static void test_long_strings(void **state)
{
	(void)state;
	enum { LONG = 3 * JSON_BUFFER + 7 };
	char *plain = malloc(LONG + 1), *quotes = malloc(LONG + 1), *want = malloc(8 * LONG + 64);
	assert_non_null(plain);
	assert_non_null(quotes);
	assert_non_null(want);
	for (size_t i = 0; i < LONG; i++) {
		plain[i] = (char)('a' + i % 26);
		quotes[i] = i % 2 ? '"' : '\x02';
	}
	plain[LONG] = quotes[LONG] = '\0';
	struct out o;
	out_open(&o);
	struct json_writer w;
	jw_init(&w, o.f);
	jw_begin_array(&w);
	jw_string(&w, plain);
	jw_string(&w, quotes);
	for (int i = 0; i < 500; i++)
		jw_int(&w, i);
	jw_end_array(&w);
	jw_flush(&w);
	char *p = want;
	p += sprintf(p, "[\n  \"%s\",\n  \"", plain);
	for (size_t i = 0; i < LONG; i++)
		p += sprintf(p, "%s", i % 2 ? "\\\"" : "\\u0002");
	p += sprintf(p, "\"");
	for (int i = 0; i < 500; i++)
		p += sprintf(p, ",\n  %d", i);
	sprintf(p, "\n]");
	assert_string_equal(out_text(&o), want);
	out_close(&o);
	free(plain);
	free(quotes);
	free(want);
}

/* s quoted and escaped one byte at a time, as RFC 8259 asks, at p; returns the end. */
static char *escaped_by_hand(char *p, const char *s)
{
	p += sprintf(p, "\"");
	for (; *s; s++) {
		unsigned char b = (unsigned char)*s;
		if (b == '"' || b == '\\')
			p += sprintf(p, "\\%c", b);
		else if (b == '\n')
			p += sprintf(p, "\\n");
		else if (b == '\r')
			p += sprintf(p, "\\r");
		else if (b == '\t')
			p += sprintf(p, "\\t");
		else if (b < 0x20)
			p += sprintf(p, "\\u%04x", b);
		else
			*p++ = (char)b;
	}
	return p + sprintf(p, "\"");
}

/* Every byte at every place of a string of a few words: escaped exactly
** as one at a time would (the writer tests eight bytes at once). */
static void test_every_byte_everywhere(void **state)
{
	(void)state;
	for (unsigned c = 1; c < 256; c++) {
		for (unsigned at = 0; at < 24; at++) {
			char s[25];
			memset(s, 'x', 24);
			s[24] = '\0';
			s[at] = (char)c;
			char want[64];
			escaped_by_hand(want, s);
			struct out o;
			out_open(&o);
			struct json_writer w;
			jw_init(&w, o.f);
			jw_string(&w, s);
			jw_finish(&w);
			size_t n = strlen(want);
			want[n] = '\n';
			want[n + 1] = '\0';
			assert_string_equal(out_text(&o), want);
			out_close(&o);
		}
	}
}

/*
** Strings of every length up to past the longest written in one piece,
** plain or with one byte to escape at each place, ending at every place
** before a page nothing may read (the writer reads sixteen bytes a step,
** past a string's end but never into the next page), as keys and values:
** as escaped one byte at a time.
*/
static void test_strings_at_page_ends(void **state)
{
	(void)state;
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	char *map = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	assert_true(map != MAP_FAILED);
	assert_int_equal(mprotect(map + page, page, PROT_NONE), 0);
	char *want = malloc(4096), *p;
	assert_non_null(want);
	for (unsigned len = 0; len <= 200; len++) {
		for (unsigned pad = 0; pad < 18; pad++) {
			for (int bad = -1; bad < (int)len; bad += bad < 20 ? 1 : 37) {
				char *s = map + page - 1 - pad - len; /* its NUL pad bytes before the page's end */
				memset(map + page - 1 - pad - len, 0, len + pad + 1);
				for (unsigned i = 0; i < len; i++) /* letters: 'A' + 27 is a backslash, where a step stops */
					s[i] = (char)('A' + i % 26);
				if (bad >= 0)
					s[bad] = "\"\\\n\x01"[bad % 4];
				struct out o;
				out_open(&o);
				struct json_writer w;
				jw_init(&w, o.f);
				jw_begin_object(&w);
				jw_key(&w, s);
				jw_string(&w, s);
				jw_end_object(&w);
				jw_finish(&w);
				p = want + sprintf(want, "{\n  ");
				p = escaped_by_hand(p, s);
				p += sprintf(p, ": ");
				p = escaped_by_hand(p, s);
				sprintf(p, "\n}\n");
				assert_string_equal(out_text(&o), want);
				out_close(&o);
			}
		}
	}
	free(want);
	munmap(map, 2 * page);
}

/* A key and its string in one step (jw_key_string, jw_quoted_string): as
** the key and then the string, for strings plain, escaped, short and long,
** keys short and long, first in their object or not, after a key (an
** array's first element then), through many buffers full. */
static void test_key_and_string(void **state)
{
	(void)state;
	static char long_key[101], long_plain[3000];
	memset(long_key, 'k', sizeof long_key - 1);
	memset(long_plain, 'p', sizeof long_plain - 1);
	const char *strings[] = { "", "x", "Cluster leadership group, meeting 12", "tab\there", "q\"", long_plain,
	                          "sixteen bytes ok", "seventeen bytes!!" };
	char quoted_long[6 * sizeof long_key + 8];
	size_t n_long = jw_quote_key(quoted_long, sizeof quoted_long, long_key);
	assert_true(n_long > 64);
	struct out a, b;
	out_open(&a);
	out_open(&b);
	struct json_writer wa, wb;
	jw_init(&wa, a.f);
	jw_init(&wb, b.f);
	jw_begin_array(&wa);
	jw_begin_array(&wb);
	for (unsigned round = 0; round < 300; round++) {
		for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++) {
			jw_begin_object(&wa);
			jw_begin_object(&wb);
			jw_key_string(&wa, "title", strings[i]);
			jw_key_lit(&wb, "title");
			jw_string(&wb, strings[i]);
			jw_quoted_string(&wa, quoted_long, n_long, strings[(i + 1) % 8]);
			jw_key_quoted(&wb, quoted_long, n_long);
			jw_string(&wb, strings[(i + 1) % 8]);
			jw_key_lit(&wa, "list");
			jw_key_lit(&wb, "list");
			jw_begin_array(&wa);
			jw_begin_array(&wb);
			jw_end_array(&wa);
			jw_end_array(&wb);
			jw_key_string(&wa, "message", strings[(i + round) % 8]);
			jw_key_lit(&wb, "message");
			jw_string(&wb, strings[(i + round) % 8]);
			jw_end_object(&wa);
			jw_end_object(&wb);
		}
	}
	jw_end_array(&wa);
	jw_end_array(&wb);
	jw_finish(&wa);
	jw_finish(&wb);
	assert_true(strlen(out_text(&b)) > 10 * JSON_BUFFER);
	assert_string_equal(out_text(&a), out_text(&b));
	out_close(&a);
	out_close(&b);
}

/* Kept strings are written as jw_string writes them: the first time, again
** from their slot, after another key took the slot, too long to keep, with
** escapes, and by a writer without slots; many keys, each its own text. */
static void test_kept(void **state)
{
	(void)state;
	enum { KEYS = 3 * JW_KEPT_SLOTS };
	static const char *const texts[] = {
		"ordinary", "3.3.2", "yes > half of cast", "kind == \"amendment\"", "tab\there",
		"a rule long enough that its quoted text does not fit one slot: it is written as any other string is",
	};
	enum { N = sizeof texts / sizeof texts[0] };
	static struct jw_kept kept;
	struct out a, b;
	out_open(&a);
	out_open(&b);
	struct json_writer wk, ws, none;
	jw_init(&wk, a.f);
	jw_keep(&wk, &kept);
	jw_init(&ws, b.f);
	jw_begin_array(&wk);
	jw_begin_array(&ws);
	static char keys[KEYS]; /* one byte a key: a pointer each */
	for (int round = 0; round < 3; round++) {
		for (unsigned k = 0; k < KEYS; k++) {
			jw_string_kept(&wk, &keys[k], texts[k % N]);
			jw_string(&ws, texts[k % N]);
		}
	}
	jw_end_array(&wk);
	jw_end_array(&ws);
	jw_finish(&wk);
	jw_finish(&ws);
	assert_string_equal(out_text(&a), out_text(&b));
	out_close(&a);
	/* without slots: as jw_string */
	out_open(&a);
	jw_init(&none, a.f);
	jw_string_kept(&none, texts[3], texts[3]);
	jw_finish(&none);
	assert_string_equal(out_text(&a), "\"kind == \\\"amendment\\\"\"\n");
	out_close(&a);
	out_close(&b);
}

/* Runs of lines: written as they are the first time, copied after; the
** same text as writing them every time, whatever they leave open, at the
** start of a container (never kept), too long to keep, cut by a flush,
** closing the container they are in, or deeper than a run may leave open. */
struct run_case {
	int kind;
	const char *s;
};

static void write_run(struct json_writer *w, const void *ctx)
{
	const struct run_case *c = ctx;
	switch (c->kind) {
	case 0: /* a key and an object left open, its first key written */
		jw_key_lit(w, "head");
		jw_begin_object(w);
		jw_key_lit(w, "rule");
		jw_string(w, c->s);
		jw_key_lit(w, "met");
		break;
	case 1: /* a closed object */
		jw_key_lit(w, "class");
		jw_begin_object(w);
		jw_key_lit(w, "name");
		jw_string(w, c->s);
		jw_end_object(w);
		break;
	case 2: /* deeper than a run may leave open */
		jw_key_lit(w, "deep");
		for (int i = 0; i < JW_RUN_LEVELS + 1; i++)
			jw_begin_array(w);
		break;
	case 3: /* the end of the object it is in */
		jw_key_lit(w, "last");
		jw_null(w);
		jw_end_object(w);
		break;
	}
}

static void finish_run(struct json_writer *w, int kind)
{
	if (kind == 0) {
		jw_bool(w, true);
		jw_end_object(w);
	} else if (kind == 2) {
		for (int i = 0; i < JW_RUN_LEVELS + 1; i++)
			jw_end_array(w);
	}
}

static void test_runs(void **state)
{
	(void)state;
	static struct jw_kept kept;
	char *longer = malloc(JSON_BUFFER + 10);
	assert_non_null(longer);
	memset(longer, 'x', JSON_BUFFER + 9);
	longer[JSON_BUFFER + 9] = '\0';
	const struct run_case cases[] = {
		{ 0, "present >= 8" }, { 1, "ordinary" }, { 2, "" },
		{ 1, "a name longer than a run may hold, a name longer than a run may hold, a name longer than a run "
		     "may hold, a name longer than a run may hold, a name longer than a run may hold, a name longer "
		     "than a run may hold, a name longer than a run may hold, a name longer than a run may hold" },
		{ 1, longer },
	};
	enum { N = sizeof cases / sizeof cases[0] };
	struct out a, b;
	out_open(&a);
	out_open(&b);
	struct json_writer wr, wd;
	jw_init(&wr, a.f);
	jw_keep(&wr, &kept);
	jw_init(&wd, b.f);
	jw_begin_array(&wr);
	jw_begin_array(&wd);
	for (int round = 0; round < 40; round++) {
		jw_begin_object(&wr);
		jw_begin_object(&wd);
		for (unsigned k = 0; k < N; k++) { /* the first is at the start of its object: never kept */
			int kind = cases[k].kind;
			jw_run(&wr, &cases[k], write_run, &cases[k]);
			write_run(&wd, &cases[k]);
			finish_run(&wr, kind);
			finish_run(&wd, kind);
		}
		static const struct run_case closing = { 3, "" };
		jw_run(&wr, &closing, write_run, &closing);
		write_run(&wd, &closing);
	}
	/* more keys than slots, each its own text: taken back and forth */
	static const char *const names[] = { "ordinary", "financial", "urgent", "amendment", "standing" };
	static struct run_case many[8 << JW_RUN_BITS];
	for (unsigned k = 0; k < sizeof many / sizeof many[0]; k++)
		many[k] = (struct run_case){ 1, names[k % 5] };
	jw_begin_object(&wr);
	jw_begin_object(&wd);
	jw_key_lit(&wr, "many");
	jw_key_lit(&wd, "many");
	jw_null(&wr);
	jw_null(&wd);
	for (int round = 0; round < 3; round++) {
		for (unsigned k = 0; k < sizeof many / sizeof many[0]; k += 1 + (unsigned)round) {
			jw_run(&wr, &many[k], write_run, &many[k]);
			write_run(&wd, &many[k]);
		}
	}
	/* one key at two depths: two runs (indented differently), one each */
	for (int round = 0; round < 4; round++) {
		for (int deeper = 0; deeper < 2; deeper++) {
			if (deeper) {
				jw_key_lit(&wr, "in");
				jw_key_lit(&wd, "in");
				jw_begin_object(&wr);
				jw_begin_object(&wd);
				jw_key_lit(&wr, "first");
				jw_key_lit(&wd, "first");
				jw_null(&wr);
				jw_null(&wd);
			}
			jw_run(&wr, &many[0], write_run, &many[0]);
			write_run(&wd, &many[0]);
			if (deeper) {
				jw_end_object(&wr);
				jw_end_object(&wd);
			}
		}
	}
	jw_end_object(&wr);
	jw_end_object(&wd);
	jw_end_array(&wr);
	jw_end_array(&wd);
	jw_finish(&wr);
	jw_finish(&wd);
	assert_string_equal(out_text(&a), out_text(&b));
	out_close(&a);
	out_close(&b);
	free(longer);
}

/* A block's text, a function of its words: of several shapes by in[0] */
static void write_block(struct json_writer *w, const uint64_t *in, unsigned n)
{
	switch (in[0] % 5) {
	case 0: /* closed objects of its numbers */
		jw_key_lit(w, "numbers");
		jw_begin_object(w);
		for (unsigned i = 1; i < n; i++) {
			jw_key_lit(w, "n");
			jw_int(w, (int64_t)in[i]);
		}
		jw_end_object(w);
		break;
	case 1: /* an object left open, ending with a key: its caller ends it */
		jw_key_lit(w, "open");
		jw_begin_object(w);
		jw_key_lit(w, "first");
		jw_int(w, (int64_t)in[n - 1]);
		jw_key_lit(w, "then");
		break;
	case 2: /* deeper than a block may leave open */
		jw_key_lit(w, "deep");
		for (int i = 0; i < JW_RUN_LEVELS + 1; i++)
			jw_begin_array(w);
		jw_int(w, (int64_t)in[1]);
		break;
	case 3: /* longer than a block holds */
		jw_key_lit(w, "long");
		jw_begin_array(w);
		for (unsigned i = 0; i < JW_BLOCK_MAX / 8; i++)
			jw_int(w, (int64_t)(in[1] + i));
		jw_end_array(w);
		break;
	case 4: /* the end of the object it is in */
		jw_key_int(w, "last", (int64_t)in[1]);
		jw_end_object(w);
		break;
	}
}

static void finish_block(struct json_writer *w, const uint64_t *in)
{
	if (in[0] % 5 == 1) {
		jw_bool(w, true);
		jw_end_object(w);
	} else if (in[0] % 5 == 2) {
		for (int i = 0; i < JW_RUN_LEVELS + 1; i++)
			jw_end_array(w);
	}
}

/*
** Blocks kept by their words and copied are the blocks written afresh:
** words drawn from a space larger than the slots (so blocks are copied,
** and put out by others), blocks of every shape, at two depths, across
** the buffer's drains, with too many words or none (never kept).
*/
static void test_blocks(void **state)
{
	(void)state;
	static struct jw_kept kept;
	struct out a, b;
	out_open(&a);
	out_open(&b);
	struct json_writer wk, wd;
	jw_init(&wk, a.f);
	jw_keep(&wk, &kept);
	jw_init(&wd, b.f);
	jw_begin_array(&wk);
	jw_begin_array(&wd);
	unsigned copied = 0, seed = 12345;
	for (int round = 0; round < 3000; round++) {
		bool deeper = round % 3 == 0;
		for (int d = 0; d <= deeper; d++) {
			if (d) {
				jw_key_lit(&wk, "nested");
				jw_key_lit(&wd, "nested");
			}
			jw_begin_object(&wk);
			jw_begin_object(&wd);
			jw_key_lit(&wk, "inside"); /* a block is never the first of its container */
			jw_key_lit(&wd, "inside");
			jw_int(&wk, d);
			jw_int(&wd, d);
		}
		bool closed = false;
		for (int k = 0; k < 4 && !closed; k++) {
			seed = seed * 1103515245u + 12345u;
			uint64_t in[JW_BLOCK_WORDS + 1];
			unsigned n = 2 + (seed >> 8) % 4;
			if (round % 97 == 5)
				n = JW_BLOCK_WORDS + 1;
			for (unsigned i = 0; i < n; i++)
				in[i] = (seed >> (10 + i % 16)) % (i ? 23 : 5);
			struct jw_block_at at;
			if (jw_block(&wk, in, n, &at)) {
				copied++;
			} else {
				write_block(&wk, in, n);
				jw_block_keep(&wk, &at);
			}
			write_block(&wd, in, n);
			finish_block(&wk, in);
			finish_block(&wd, in);
			closed = in[0] % 5 == 4;
		}
		if (!closed) {
			jw_end_object(&wk);
			jw_end_object(&wd);
		}
		if (deeper) {
			jw_end_object(&wk);
			jw_end_object(&wd);
		}
	}
	struct jw_block_at none;
	assert_false(jw_block(&wk, NULL, 0, &none)); /* no words: never kept */
	assert_null(none.slot);
	jw_end_array(&wk);
	jw_end_array(&wd);
	jw_finish(&wk);
	jw_finish(&wd);
	assert_true(copied > 1000);
	assert_true(strlen(out_text(&b)) > 4 * JSON_BUFFER);
	assert_string_equal(out_text(&a), out_text(&b));
	out_close(&a);
	out_close(&b);
}

/* What one writer and stdio write in turn to a FILE with a descriptor
** (a full buffer goes straight to it, jw_drain) reads back as they were
** written: the same as through a memory stream, which has none. */
static void write_turns(FILE *f)
{
	struct json_writer w;
	jw_init(&w, f);
	jw_begin_array(&w);
	for (int turn = 0; turn < 5; turn++) {
		fprintf(f, "<stdio %d>", turn); /* before the writer's first byte, and after each jw_flush */
		for (int i = 0; i < 3000 * turn; i++) {
			jw_string(&w, "a string of some length, to fill the buffer");
			jw_int(&w, i);
		}
		jw_flush(&w);
	}
	jw_end_array(&w);
	jw_finish(&w);
	fputs("<end>", f);
}

static void test_drain_to_descriptor(void **state)
{
	(void)state;
	struct out m;
	out_open(&m);
	write_turns(m.f);
	FILE *t = tmpfile();
	assert_non_null(t);
	write_turns(t);
	const char *want = out_text(&m);
	size_t n = strlen(want);
	assert_true(n > 4 * JSON_BUFFER);
	char *got = malloc(n + 2);
	assert_non_null(got);
	rewind(t);
	assert_int_equal(fread(got, 1, n + 1, t), n);
	got[n] = '\0';
	assert_string_equal(got, want);
	free(got);
	fclose(t);
	out_close(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_document),
		cmocka_unit_test(test_flush_points),
		cmocka_unit_test(test_long_strings),
		cmocka_unit_test(test_every_byte_everywhere),
		cmocka_unit_test(test_strings_at_page_ends),
		cmocka_unit_test(test_key_and_string),
		cmocka_unit_test(test_kept),
		cmocka_unit_test(test_runs),
		cmocka_unit_test(test_blocks),
		cmocka_unit_test(test_drain_to_descriptor),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
