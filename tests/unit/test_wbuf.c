/*
** Unit tests for src/base/wbuf.c: what a writer gives a wbuf reaches the
** FILE in order, whole, after wbuf_flush, however the writes fall against
** the buffer's end (short, longer than the buffer, printf's that do not fit).
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "base/wbuf.h"
#include "memout.h"

static void test_small_writes(void **state)
{
	(void)state;
	struct out o;
	out_open(&o);
	struct wbuf b;
	wbuf_init(&b, o.f);
	wbuf_puts(&b, "n=");
	wbuf_int(&b, -9223372036854775807 - 1);
	wbuf_putc(&b, ' ');
	wbuf_uint(&b, 18446744073709551615u);
	wbuf_putc(&b, ' ');
	wbuf_date(&b, 0);
	wbuf_printf(&b, " [%-5s|%3d]", "ab", 7);
	assert_string_equal(out_text(&o), ""); /* nothing before the flush */
	wbuf_flush(&b);
	assert_string_equal(out_text(&o), "n=-9223372036854775808 18446744073709551615 1970-01-01 [ab   |  7]");
	out_close(&o);
}

/* Writes across the buffer's end, one longer than the buffer, and printf's
** that fit only after a flush and that never fit: the same text in order. */
static void test_boundaries(void **state)
{
	(void)state;
	enum { BIG = 2 * WBUF_SIZE + 3 };
	char *big = malloc(BIG + 1), *want = malloc(4 * BIG + 4 * WBUF_SIZE);
	assert_non_null(big);
	assert_non_null(want);
	for (size_t i = 0; i < BIG; i++)
		big[i] = (char)('a' + i % 26);
	big[BIG] = '\0';
	struct out o;
	out_open(&o);
	struct wbuf b;
	wbuf_init(&b, o.f);
	char *p = want;
	for (int i = 0; i < WBUF_SIZE / 3; i++) { /* fills past the end one character at a time */
		wbuf_putc(&b, (char)('0' + i % 10));
		*p++ = (char)('0' + i % 10);
	}
	wbuf_puts(&b, big);                      /* longer than the buffer: straight out, after what it held */
	p += sprintf(p, "%s", big);
	for (int i = 0; i < 3; i++) {            /* a printf that fits only after a flush */
		wbuf_printf(&b, "<%.*s>", WBUF_SIZE / 2, big);
		p += sprintf(p, "<%.*s>", WBUF_SIZE / 2, big);
	}
	wbuf_printf(&b, "[%s]", big);            /* one that never fits */
	p += sprintf(p, "[%s]", big);
	for (int i = 0; i < WBUF_SIZE / 4; i++) { /* numbers across the end */
		wbuf_int(&b, i % 3 ? -(int64_t)i * 1000003 : i % 100);
		wbuf_uint(&b, (uint64_t)i * 7919);
		p += sprintf(p, "%lld%llu", i % 3 ? -(long long)i * 1000003 : (long long)(i % 100), (unsigned long long)i * 7919);
	}
	wbuf_flush(&b);
	assert_string_equal(out_text(&o), want);
	out_close(&o);
	free(big);
	free(want);
}

/* Lines written in place (wbuf_space, wbuf_wrote) across the end of a
** buffer given to the wbuf (wbuf_init_mem), mixed with ordinary writes: the
** same text in order; no room is promised beyond the buffer. */
static void test_in_place(void **state)
{
	(void)state;
	enum { CAP = WBUF_SIZE + 17, LINES = 3000 };
	char *mem = malloc(CAP), *want = malloc((size_t)LINES * 64);
	assert_non_null(mem);
	assert_non_null(want);
	struct out o;
	out_open(&o);
	struct wbuf b;
	wbuf_init_mem(&b, o.f, mem, CAP);
	assert_null(wbuf_space(&b, CAP + 1));
	char *w = want;
	for (int i = 0; i < LINES; i++) {
		if (i % 3 == 0) {
			wbuf_puts(&b, "plain ");
			w += sprintf(w, "plain ");
		}
		char *p = wbuf_space(&b, 8 + 2 * NUMFMT_MAX + (size_t)(i % 40));
		assert_non_null(p);
		WBUF_LIT(p, "n=");
		WBUF_INT(p, i % 7 ? -(int64_t)i * 1000003 : i);
		*p++ = ' ';
		p = wbuf_put_str(p, "abcdefghijklmnopqrstuvwxyzabcdefghijklmn" + 40 - i % 40);
		*p++ = '\n';
		wbuf_wrote(&b, p);
		w += sprintf(w, "n=%lld %s\n", i % 7 ? -(long long)i * 1000003 : (long long)i,
		             "abcdefghijklmnopqrstuvwxyzabcdefghijklmn" + 40 - i % 40);
	}
	wbuf_flush(&b);
	assert_string_equal(out_text(&o), want);
	out_close(&o);
	free(mem);
	free(want);
}

/* A block for key k and the text it stands for, written by hand. */
static void block_text(char *buf, unsigned k)
{
	sprintf(buf, "<block %u: %.*s>\n", k, (int)(k % 50), "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz");
}

/* Blocks kept by their keys and copied: the same text as written afresh,
** whatever the slots' collisions; keys that are not ok, blocks that span a
** flush and blocks longer than a slot holds are written, never kept. */
static void test_memo(void **state)
{
	(void)state;
	struct wbuf_kept *slots = malloc(WBUF_MEMO_SLOTS * sizeof *slots);
	char *want = malloc(1u << 20), *w = want, *big = malloc(WBUF_KEPT_MAX + 2);
	assert_non_null(slots);
	assert_non_null(want);
	assert_non_null(big);
	memset(big, 'x', WBUF_KEPT_MAX + 1);
	big[WBUF_KEPT_MAX + 1] = '\0';
	struct wbuf_memo m;
	wbuf_memo_init(&m, slots);
	struct out o;
	out_open(&o);
	struct wbuf b;
	wbuf_init(&b, o.f);
	for (unsigned i = 0; i < 4000; i++) {
		unsigned k = (i * 7919u) % (i % 3 ? 60 : 700); /* some hot, some sharing a slot */
		char text[128];
		block_text(text, k);
		struct wbuf_key key;
		wbuf_key_init(&key, 1);
		for (unsigned j = 0; j <= k % 5; j++)
			wbuf_key_push(&key, k);
		if (!wbuf_memo_copy(&b, &m, &key)) {
			struct wbuf_mark at = wbuf_memo_begin(&b);
			wbuf_puts(&b, text);
			wbuf_memo_keep(&b, &m, &key, at);
		}
		w += sprintf(w, "%s", text);
	}
	assert_true(m.hits > 1000);
	unsigned long kept = m.kept;
	/* a key with more words than a key holds */
	struct wbuf_key full;
	wbuf_key_init(&full, 2);
	for (unsigned j = 0; j < WBUF_KEY_WORDS; j++)
		wbuf_key_push(&full, j);
	assert_false(full.ok);
	assert_false(wbuf_memo_copy(&b, &m, &full));
	struct wbuf_mark at = wbuf_memo_begin(&b);
	wbuf_puts(&b, "not ok\n");
	wbuf_memo_keep(&b, &m, &full, at);
	w += sprintf(w, "not ok\n");
	/* a block longer than a slot holds, and one across a flush */
	struct wbuf_key k3;
	wbuf_key_init(&k3, 3);
	at = wbuf_memo_begin(&b);
	wbuf_puts(&b, big);
	wbuf_memo_keep(&b, &m, &k3, at);
	w += sprintf(w, "%s", big);
	at = wbuf_memo_begin(&b);
	wbuf_puts(&b, "across ");
	wbuf_flush(&b);
	wbuf_puts(&b, "a flush\n");
	wbuf_memo_keep(&b, &m, &k3, at);
	w += sprintf(w, "across a flush\n");
	assert_int_equal(m.kept, kept);
	assert_false(wbuf_memo_copy(&b, &m, &k3));
	wbuf_flush(&b);
	assert_string_equal(out_text(&o), want);
	out_close(&o);
	free(slots);
	free(want);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_small_writes),
		cmocka_unit_test(test_boundaries),
		cmocka_unit_test(test_in_place),
		cmocka_unit_test(test_memo),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
