/*
** Unit tests for the language server's message framing (src/lsp/frame.c)
** and its conversion between byte offsets and protocol positions
** (src/lsp/position.c): UTF-16 code units by default, UTF-8 bytes when
** agreed.  Welsh letters (ŵ, ŷ) are two bytes and one unit; an astral
** character (😀) is four bytes and two units.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lsp/frame.h"
#include "lsp/position.h"

/* ---- a reader over memory, a few bytes at a time ----------------------------------- */

struct input {
	const char *data;
	size_t len, pos, chunk;
};

static size_t read_input(void *ctx, char *buf, size_t n)
{
	struct input *in = ctx;
	size_t left = in->len - in->pos;
	size_t take = n < left ? n : left;
	if (in->chunk && take > in->chunk)
		take = in->chunk;
	memcpy(buf, in->data + in->pos, take);
	in->pos += take;
	return take;
}

struct fixture {
	struct mem mem;
	jmp_buf oom;
	struct lsp_reader reader;
	struct input in;
};

static void start(struct fixture *f, const char *data, size_t len, size_t chunk)
{
	memset(f, 0, sizeof *f);
	f->mem.on_oom = &f->oom;
	f->in = (struct input){ data, len, 0, chunk };
	lsp_reader_init(&f->reader, &f->mem, read_input, &f->in);
}

static enum lsp_frame_status next(struct fixture *f, char *body, size_t cap)
{
	struct lsp_frame fr = { 0 };
	enum lsp_frame_status st = lsp_read_frame(&f->reader, &fr);
	body[0] = '\0';
	if (st == LSP_FRAME_MESSAGE) {
		assert_true(fr.len < cap);
		memcpy(body, fr.body, fr.len + 1);
		lsp_frame_free(&f->reader, &fr);
	} else if (st == LSP_FRAME_ERROR) {
		snprintf(body, cap, "%s", fr.error);
	}
	return st;
}

#define INPUT(f, text, chunk) start((f), (text), sizeof(text) - 1, (chunk))

static void test_two_messages_byte_by_byte(void **state)
{
	(void)state;
	struct fixture f;
	char body[256];
	INPUT(&f, "Content-Length: 2\r\n\r\n{}Content-Length: 7\r\nContent-Type: x\r\n\r\n[1,2,3]", 1);
	assert_int_equal(next(&f, body, sizeof body), LSP_FRAME_MESSAGE);
	assert_string_equal(body, "{}");
	assert_int_equal(next(&f, body, sizeof body), LSP_FRAME_MESSAGE);
	assert_string_equal(body, "[1,2,3]");
	assert_int_equal(next(&f, body, sizeof body), LSP_FRAME_EOF);
	assert_int_equal(f.mem.live_bytes, 0); /* every body freed */
}

static void test_header_case_and_bare_newlines(void **state)
{
	(void)state;
	struct fixture f;
	char body[256];
	INPUT(&f, "content-length:3\n\nabc", 0);
	assert_int_equal(next(&f, body, sizeof body), LSP_FRAME_MESSAGE);
	assert_string_equal(body, "abc");
}

static void test_missing_and_bad_lengths(void **state)
{
	(void)state;
	struct fixture f;
	char body[256];
	INPUT(&f, "Content-Type: a\r\n\r\nContent-Length: 1x\r\n\r\nContent-Length: 1\r\n\r\nZ", 3);
	assert_int_equal(next(&f, body, sizeof body), LSP_FRAME_ERROR);
	assert_non_null(strstr(body, "without a Content-Length"));
	assert_int_equal(next(&f, body, sizeof body), LSP_FRAME_ERROR);
	assert_non_null(strstr(body, "not a number"));
	assert_int_equal(next(&f, body, sizeof body), LSP_FRAME_MESSAGE);
	assert_string_equal(body, "Z");
}

/* JSON sent without headers: one error, then the next framed message. */
static void test_garbage_lines_reported_once(void **state)
{
	(void)state;
	struct fixture f;
	char body[256];
	INPUT(&f, "{\"a\": 1,\n \"b\": 2}\n\nContent-Length: 2\r\n\r\nok", 0);
	assert_int_equal(next(&f, body, sizeof body), LSP_FRAME_ERROR);
	assert_non_null(strstr(body, "must start with a Content-Length"));
	assert_int_equal(next(&f, body, sizeof body), LSP_FRAME_MESSAGE);
	assert_string_equal(body, "ok");
}

/* A body over the limit is skipped exactly; the next message is read. */
static void test_oversized_body_skipped(void **state)
{
	(void)state;
	size_t big = LSP_MAX_MESSAGE + 1;
	char head[64];
	int n = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", big);
	const char tail[] = "Content-Length: 4\r\n\r\nnext";
	size_t len = (size_t)n + big + sizeof tail - 1;
	char *data = malloc(len);
	assert_non_null(data);
	memcpy(data, head, (size_t)n);
	memset(data + n, 'x', big);
	memcpy(data + n + big, tail, sizeof tail - 1);
	struct fixture f;
	char body[256];
	start(&f, data, len, 0);
	assert_int_equal(next(&f, body, sizeof body), LSP_FRAME_ERROR);
	assert_non_null(strstr(body, "larger than the limit"));
	assert_int_equal(next(&f, body, sizeof body), LSP_FRAME_MESSAGE);
	assert_string_equal(body, "next");
	assert_true(f.mem.peak_bytes < 1024 * 1024); /* never held */
	free(data);
}

/* A long header line, and the end of input inside a body. */
static void test_long_line_and_truncated_body(void **state)
{
	(void)state;
	char data[3000];
	memset(data, 'A', 2000);
	memcpy(data + 2000, ": 1\r\nContent-Length: 1\r\n\r\n!Content-Length: 10\r\n\r\nabc", 52);
	struct fixture f;
	char body[256];
	start(&f, data, 2052, 0);
	assert_int_equal(next(&f, body, sizeof body), LSP_FRAME_ERROR);
	assert_non_null(strstr(body, "longer than 1024"));
	assert_int_equal(next(&f, body, sizeof body), LSP_FRAME_EOF);
	assert_int_equal(f.mem.live_bytes, 0);
}

static void test_write_frame(void **state)
{
	(void)state;
	char buf[64] = "";
	FILE *out = fmemopen(buf, sizeof buf, "w");
	assert_non_null(out);
	assert_true(lsp_write_frame(out, "{}", 2));
	fclose(out);
	assert_string_equal(buf, "Content-Length: 2\r\n\r\n{}");
}

/* ---- positions ------------------------------------------------------------------------ */

struct lines_fixture {
	struct mem mem;
	jmp_buf oom;
	struct arena arena;
	struct lsp_lines lines;
};

static void lines_of(struct lines_fixture *f, const char *text)
{
	memset(f, 0, sizeof *f);
	f->mem.on_oom = &f->oom;
	arena_init(&f->arena, &f->mem);
	lsp_lines_build(&f->lines, &f->arena, text, (uint32_t)strlen(text));
}

static void check_pos(const struct lsp_lines *l, uint32_t offset, enum lsp_encoding enc, uint32_t line, uint32_t ch)
{
	struct lsp_pos p = lsp_pos_of(l, offset, enc);
	assert_int_equal(p.line, line);
	assert_int_equal(p.character, ch);
	/* and back again, where the offset starts a character */
	assert_int_equal(lsp_offset_of(l, p, enc), offset);
}

static void test_welsh_letters(void **state)
{
	(void)state;
	struct lines_fixture f;
	/* "ŵ" is C5 B5, "ŷ" is C5 B7 */
	const char *text = "role llŷr \"Llŷr\"\nmember ŵyn x\n";
	lines_of(&f, text);
	uint32_t after_y = (uint32_t)(strstr(text, "r \"") - text); /* the r of llŷr */
	check_pos(&f.lines, after_y, LSP_UTF16, 0, 8);
	check_pos(&f.lines, after_y, LSP_UTF8, 0, 9);
	uint32_t x = (uint32_t)(strrchr(text, 'x') - text);
	check_pos(&f.lines, x, LSP_UTF16, 1, 11);
	check_pos(&f.lines, x, LSP_UTF8, 1, 12);
	arena_free(&f.arena);
}

static void test_astral_character(void **state)
{
	(void)state;
	struct lines_fixture f;
	const char *text = "a\xF0\x9F\x98\x80" "b"; /* a, U+1F600, b */
	lines_of(&f, text);
	check_pos(&f.lines, 5, LSP_UTF16, 0, 3); /* b: after a surrogate pair */
	check_pos(&f.lines, 5, LSP_UTF8, 0, 5);
	/* the middle of the pair means the character's first byte */
	assert_int_equal(lsp_offset_of(&f.lines, (struct lsp_pos){ 0, 2 }, LSP_UTF16), 1);
	assert_int_equal(lsp_offset_of(&f.lines, (struct lsp_pos){ 0, 3 }, LSP_UTF8), 1);
	unsigned bytes;
	assert_int_equal(lsp_char_units((const unsigned char *)text + 1, (const unsigned char *)text + 6, LSP_UTF16, &bytes), 2);
	assert_int_equal(bytes, 4);
	arena_free(&f.arena);
}

static void test_line_endings_and_clamping(void **state)
{
	(void)state;
	struct lines_fixture f;
	const char *text = "ab\r\ncd\ref\n\xFFg";
	lines_of(&f, text);
	assert_int_equal(f.lines.n, 4);
	check_pos(&f.lines, 4, LSP_UTF16, 1, 0);   /* c, after "\r\n" */
	check_pos(&f.lines, 7, LSP_UTF16, 2, 0);   /* e, after a lone "\r" */
	check_pos(&f.lines, 11, LSP_UTF16, 3, 1);  /* g, after a byte that is not UTF-8 */
	/* past the end of a line: its end, before the "\r\n" */
	assert_int_equal(lsp_offset_of(&f.lines, (struct lsp_pos){ 0, 99 }, LSP_UTF16), 2);
	assert_int_equal(lsp_offset_of(&f.lines, (struct lsp_pos){ 1, 99 }, LSP_UTF16), 6);
	/* past the last line: the end of the text */
	assert_int_equal(lsp_offset_of(&f.lines, (struct lsp_pos){ 99, 0 }, LSP_UTF16), (uint32_t)strlen(text));
	/* an offset past the end is the end */
	struct lsp_pos p = lsp_pos_of(&f.lines, 1000, LSP_UTF16);
	assert_int_equal(p.line, 3);
	assert_int_equal(p.character, 2);
	arena_free(&f.arena);
}

static void test_empty_text(void **state)
{
	(void)state;
	struct lines_fixture f;
	lines_of(&f, "");
	assert_int_equal(f.lines.n, 1);
	check_pos(&f.lines, 0, LSP_UTF16, 0, 0);
	assert_int_equal(lsp_offset_of(&f.lines, (struct lsp_pos){ 5, 5 }, LSP_UTF8), 0);
	arena_free(&f.arena);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_messages_byte_by_byte),
		cmocka_unit_test(test_header_case_and_bare_newlines),
		cmocka_unit_test(test_missing_and_bad_lengths),
		cmocka_unit_test(test_garbage_lines_reported_once),
		cmocka_unit_test(test_oversized_body_skipped),
		cmocka_unit_test(test_long_line_and_truncated_body),
		cmocka_unit_test(test_write_frame),
		cmocka_unit_test(test_welsh_letters),
		cmocka_unit_test(test_astral_character),
		cmocka_unit_test(test_line_endings_and_clamping),
		cmocka_unit_test(test_empty_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
