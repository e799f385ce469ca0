/*
** Unit tests for src/front/diag.c and the offset-to-position mapping of
** src/front/source.c.
**
** Each rendering test builds a source in memory, reports at a byte span and
** compares the whole rendered text: the header with line and column, the
** quoted line, and the caret and tildes under the span.  The cases are the
** ones where column arithmetic goes wrong: tabs, multi-byte characters,
** bytes that are not UTF-8, a byte-order mark, CRLF, lines longer than the
** window, spans that run past the end of their line, and line numbers wider
** than the gutter.  The sink tests pin down the error cap and the order in
** which diagnostics are printed.
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
#include <unistd.h>

#include "front/diag.h"
#include "front/source.h"

/* ==== harness ================================================================ */

struct ctx {
	struct fixture f;
};

FIXTURE_STATE(struct ctx)


/* Every test starts here: the library jumps to c->f.oom when memory runs out,
** which must be a frame that is still live, i.e. the test's own. */
#define CTX(c) FIXTURE_ENTER(struct ctx, c)

static struct source *src_of(struct ctx *c, const char *name, const char *text, size_t len)
{
	struct source *s = arena_alloc(&c->f.arena, sizeof *s);
	source_from_memory(s, &c->f.arena, name, text, len);
	return s;
}

static struct source *src(struct ctx *c, const char *text)
{
	return src_of(c, "f.tor", text, strlen(text));
}

/* Render one diagnostic (with its notes) into a string owned by the arena. */
static char *render(struct ctx *c, const struct diag *d, bool color)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);
	assert_non_null(f);
	diag_print(d, f, color);
	fclose(f);
	char *copy = arena_strdup(&c->f.arena, buf);
	free(buf);
	return copy;
}

/* Report an error at [start, end) of s and render it. */
static char *at(struct ctx *c, const struct source *s, uint32_t start, uint32_t end)
{
	struct diag *d = diag_report(&c->f.diag, D_SYNTAX, (struct loc){ s, start, end }, "msg");
	assert_non_null(d);
	return render(c, d, false);
}

static uint32_t offset_of(const struct source *s, const char *needle)
{
	const char *p = strstr(s->text, needle);
	assert_non_null(p);
	return (uint32_t)(p - s->text);
}

/* ==== positions ============================================================== */

static void test_position(void **state)
{
	CTX(c);
	struct source *s = src(c, "ab\ncd\n\nZo\xC3\xAB x\n");
	static const struct {
		uint32_t offset;
		unsigned line, col;
	} cases[] = {
		{ 0, 1, 1 }, { 1, 1, 2 }, { 2, 1, 3 },   /* the '\n' ends line 1 */
		{ 3, 2, 1 }, { 5, 2, 3 },
		{ 6, 3, 1 },                            /* an empty line */
		{ 7, 4, 1 }, { 9, 4, 3 },               /* 'ë' is two bytes, one column */
		{ 11, 4, 4 }, { 12, 4, 5 },
		{ 14, 5, 1 },                           /* the end of the file */
		{ 999, 5, 1 },                          /* past the end: clamped */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		unsigned line = 0, col = 0;
		source_position(s, cases[i].offset, &line, &col);
		if (line != cases[i].line || col != cases[i].col)
			fail_msg("offset %u: %u:%u, want %u:%u", cases[i].offset, line, col,
			         cases[i].line, cases[i].col);
	}
}

/*
** source_line: the line alone, as source_position gives it, on a text of
** many blocks (lines of every length, one longer than a block), asked
** forwards, backwards, far and near and at both ends, by turns with
** source_position (both count on from the position asked last).
*/
static void test_line_alone(void **state)
{
	CTX(c);
	enum { LEN = 300000 };
	char *text = arena_alloc(&c->f.arena, LEN + 1);
	unsigned *line_of = arena_alloc(&c->f.arena, (LEN + 1) * sizeof *line_of);
	unsigned line = 1, k = 0;
	for (size_t i = 0; i < LEN; i++) {
		line_of[i] = line;
		bool end = i > 100000 && i < 170000 ? false : ++k % (1 + (i / 7) % 90) == 0;
		text[i] = end ? '\n' : (char)('a' + i % 26);
		line += end;
	}
	line_of[LEN] = line;
	text[LEN] = '\0';
	struct source *s = src_of(c, "f.minutes", text, LEN);
	uint32_t at = 0;
	for (unsigned step = 0; step < 4000; step++) {
		switch (step % 5) {
		case 0: at += 37; break;
		case 1: at += 70001; break;
		case 2: at = at > 513 ? at - 513 : 0; break;
		case 3: at = (uint32_t)((at * 2654435761u) % (LEN + 10)); break;
		default: at = step % 2 ? 0 : LEN; break;
		}
		if (at > LEN + 5)
			at %= LEN;
		uint32_t clamped = at < LEN ? at : LEN;
		unsigned got = source_line(s, at);
		if (got != line_of[clamped])
			fail_msg("step %u, offset %u: line %u, want %u", step, at, got, line_of[clamped]);
		unsigned pl, pc;
		source_position(s, (at * 7) % LEN, &pl, &pc);
		assert_int_equal(pl, line_of[(at * 7) % LEN]);
	}
}

static void test_line_text(void **state)
{
	CTX(c);
	struct source *s = src(c, "one\r\ntwo\nthree");
	size_t len;
	const char *t = source_line_text(s, 1, &len);
	assert_int_equal(len, 3); /* the '\r' of CRLF is not part of the line */
	assert_memory_equal(t, "one", 3);
	t = source_line_text(s, 3, &len);
	assert_int_equal(len, 5); /* no final newline */
	assert_memory_equal(t, "three", 5);
	t = source_line_text(s, 4, &len);
	assert_int_equal(len, 0);
	t = source_line_text(s, 0, &len);
	assert_int_equal(len, 0);
}

/* A byte that is not UTF-8 is one column, like the '?' it is shown as, so
** columns after it stay right; a stray continuation byte included. */
static void test_position_invalid_bytes(void **state)
{
	CTX(c);
	struct source *s = src(c, "a\x93" "b\x94 c\xFF" "d");
	unsigned line, col;
	source_position(s, offset_of(s, "b"), &line, &col);
	assert_int_equal(col, 3);
	source_position(s, offset_of(s, "c"), &line, &col);
	assert_int_equal(col, 6);
	source_position(s, offset_of(s, "d"), &line, &col);
	assert_int_equal(col, 8);
}

static void test_utf8_len(void **state)
{
	(void)state;
	static const struct {
		const char *bytes;
		size_t n, want;
	} cases[] = {
		{ "a", 1, 1 },
		{ "\xC3\xAB", 2, 2 },          /* ë */
		{ "\xC2\xA7", 2, 2 },          /* § */
		{ "\xE2\x82\xAC", 3, 3 },      /* € */
		{ "\xF0\x9F\x98\x80", 4, 4 },  /* an emoji */
		{ "\xC3", 1, 0 },              /* cut short */
		{ "\xE2\x82", 2, 0 },
		{ "\x80", 1, 0 },              /* a continuation byte alone */
		{ "\xC0\xAF", 2, 0 },          /* overlong '/' */
		{ "\xE0\x80\xAF", 3, 0 },      /* overlong */
		{ "\xED\xA0\x80", 3, 0 },      /* a UTF-16 surrogate */
		{ "\xF4\x90\x80\x80", 4, 0 },  /* above U+10FFFF */
		{ "\xFF", 1, 0 },
		{ "\xC3" "a", 2, 0 },          /* lead byte, then not a continuation */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const unsigned char *p = (const unsigned char *)cases[i].bytes;
		size_t got = source_utf8_len(p, p + cases[i].n);
		if (got != cases[i].want)
			fail_msg("case %zu: %zu, want %zu", i, got, cases[i].want);
	}
}

/* Reading files: the size limit is inclusive, and what cannot be read says
** why in words. */
static void test_source_load(void **state)
{
	CTX(c);
	char dir[] = "/tmp/quorate-test-diag.XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *path = arena_printf(&c->f.arena, "%s/big.tor", dir);
	/* a sparse file: the contents do not matter here, only the size */
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(ftruncate(fileno(f), SOURCE_MAX_BYTES), 0);
	fclose(f);

	/* exactly the limit: read (regression: it was "larger than the limit") */
	struct source s;
	const char *why = NULL;
	assert_int_equal(source_load(&s, &c->f.arena, path, &why), 0);
	assert_int_equal(s.len, SOURCE_MAX_BYTES);
	assert_int_equal(s.text[s.len], '\0');
	arena_reset(&c->f.arena);
	path = arena_printf(&c->f.arena, "%s/big.tor", dir);

	/* one byte more: refused */
	assert_int_equal(truncate(path, SOURCE_MAX_BYTES + 1), 0);
	why = NULL;
	assert_int_equal(source_load(&s, &c->f.arena, path, &why), -1);
	assert_string_equal(why, "file is larger than the 64 MiB limit");
	assert_int_equal(unlink(path), 0);

	assert_int_equal(source_load(&s, &c->f.arena, dir, &why), -1);
	assert_string_equal(why, "is a directory");
	assert_int_equal(source_load(&s, &c->f.arena, path, &why), -1);
	assert_string_equal(why, "No such file or directory");
	assert_int_equal(rmdir(dir), 0);
}

/* ==== rendering ============================================================== */

static void test_render_basic(void **state)
{
	CTX(c);
	struct source *s = src(c, "terms \"x\" {\n  role = 3\n}\n");
	uint32_t eq = offset_of(s, "=");
	assert_string_equal(at(c, s, eq, eq + 1),
	                    "f.tor:2:8: error: msg [syntax]\n"
	                    "    2 |   role = 3\n"
	                    "      |        ^\n");
	/* a span: caret, then one tilde per further character */
	uint32_t role = offset_of(s, "role");
	assert_string_equal(at(c, s, role, role + 4),
	                    "f.tor:2:3: error: msg [syntax]\n"
	                    "    2 |   role = 3\n"
	                    "      |   ^~~~\n");
}

static void test_render_severity_and_code(void **state)
{
	CTX(c);
	struct source *s = src(c, "size 1 to 2\n");
	struct diag *w = diag_report(&c->f.diag, D_ROSTER_SIZE, (struct loc){ s, 0, 4 }, "%d voting members", 7);
	assert_string_equal(render(c, w, false),
	                    "f.tor:1:1: warning: 7 voting members [roster.size]\n"
	                    "    1 | size 1 to 2\n"
	                    "      | ^~~~\n");
	struct diag *n = diag_report(&c->f.diag, D_DEFAULT, (struct loc){ s, 5, 6 }, "a default");
	assert_string_equal(render(c, n, false),
	                    "f.tor:1:6: note: a default [default]\n"
	                    "    1 | size 1 to 2\n"
	                    "      |      ^\n");
	assert_int_equal(c->f.diag.n_warnings, 1);
	assert_int_equal(c->f.diag.n_errors, 0);
}

static void test_render_no_location(void **state)
{
	CTX(c);
	struct diag *d = diag_report(&c->f.diag, D_INPUT, (struct loc){ NULL, 0, 0 }, "cannot read %s", "x.tor");
	assert_string_equal(render(c, d, false), "error: cannot read x.tor [input]\n");
}

static void test_render_notes(void **state)
{
	CTX(c);
	struct source *s = src(c, "role a \"A\" voting\nrole a \"B\" voting\n");
	uint32_t second = offset_of(s, "a \"B\"");
	struct diag *d = diag_report(&c->f.diag, D_DUPLICATE, (struct loc){ s, second, second + 1 },
	                             "role 'a' is defined twice");
	diag_note(&c->f.diag, d, (struct loc){ s, 5, 6 }, "first defined here");
	diag_note(&c->f.diag, d, (struct loc){ NULL, 0, 0 }, "rename one of them");
	assert_string_equal(render(c, d, false),
	                    "f.tor:2:6: error: role 'a' is defined twice [name.duplicate]\n"
	                    "    2 | role a \"B\" voting\n"
	                    "      |      ^\n"
	                    "f.tor:1:6: note: first defined here\n"
	                    "    1 | role a \"A\" voting\n"
	                    "      |      ^\n"
	                    "note: rename one of them\n");
	/* a note on a dropped diagnostic is dropped too */
	diag_note(&c->f.diag, NULL, (struct loc){ NULL, 0, 0 }, "ignored");
}

/* A fix-it on the diagnostic's line is shown under the caret, lined up
** with what it replaces (past tabs and two-byte letters); one elsewhere gets
** its own excerpt, said as a replacement or an insertion. */
static void test_render_fixit(void **state)
{
	CTX(c);
	struct source *s = src(c, "\tpresent si\xC3\xB4n, gareht\nleaves x\n");
	uint32_t typo = offset_of(s, "gareht");
	struct diag *d = diag_report(&c->f.diag, D_UNDEFINED, (struct loc){ s, typo, typo + 6 }, "no member 'gareht'");
	diag_fixit(&c->f.diag, d, (struct loc){ s, typo, typo + 6 }, "gareth");
	assert_non_null(d->fixit);
	assert_string_equal(d->fixit->text, "gareth");
	assert_string_equal(render(c, d, false),
	                    "f.tor:1:16: error: no member 'gareht' [name.undefined]\n"
	                    "    1 | \tpresent si\xC3\xB4n, gareht\n"
	                    "      | \t              ^~~~~~\n"
	                    "      | \t              gareth\n");
	uint32_t x = offset_of(s, "x\n");
	struct diag *e = diag_report(&c->f.diag, D_UNDEFINED, (struct loc){ s, typo, typo + 6 }, "elsewhere");
	diag_fixit(&c->f.diag, e, (struct loc){ s, x, x + 1 }, "y");
	assert_string_equal(render(c, e, false),
	                    "f.tor:1:16: error: elsewhere [name.undefined]\n"
	                    "    1 | \tpresent si\xC3\xB4n, gareht\n"
	                    "      | \t              ^~~~~~\n"
	                    "f.tor:2:8: fix-it: replace with 'y'\n"
	                    "    2 | leaves x\n"
	                    "      |        ^\n"
	                    "      |        y\n");
	struct diag *i = diag_report(&c->f.diag, D_SYNTAX, (struct loc){ s, typo, typo + 6 }, "insert");
	diag_fixit(&c->f.diag, i, (struct loc){ s, x, x }, ",");
	assert_non_null(strstr(render(c, i, false), "f.tor:2:8: fix-it: insert ','\n"));
	/* a fix-it on a dropped diagnostic is dropped too */
	diag_fixit(&c->f.diag, NULL, (struct loc){ s, 0, 0 }, "ignored");
}

/* Tabs in the line are copied into the padding, so the caret lines up
** whatever the terminal's tab width. */
static void test_render_tabs(void **state)
{
	CTX(c);
	struct source *s = src(c, "\trole\t= 3\n");
	uint32_t eq = offset_of(s, "=");
	assert_string_equal(at(c, s, eq, eq + 1),
	                    "f.tor:1:7: error: msg [syntax]\n"
	                    "    1 | \trole\t= 3\n"
	                    "      | \t    \t^\n");
}

/* Multi-byte characters are one column each: in the header, in the padding
** and in the tildes. */
static void test_render_utf8_columns(void **state)
{
	CTX(c);
	struct source *s = src(c, "member zo\xC3\xAB \"Zo\xC3\xAB \xC3\x84rnlund\" = 1\n");
	uint32_t name = offset_of(s, "\"Zo");
	uint32_t name_end = offset_of(s, " = 1");
	assert_string_equal(at(c, s, name, name_end),
	                    "f.tor:1:12: error: msg [syntax]\n"
	                    "    1 | member zo\xC3\xAB \"Zo\xC3\xAB \xC3\x84rnlund\" = 1\n"
	                    "      |            ^~~~~~~~~~~~~\n");
	uint32_t eq = offset_of(s, "=");
	assert_string_equal(at(c, s, eq, eq + 1),
	                    "f.tor:1:26: error: msg [syntax]\n"
	                    "    1 | member zo\xC3\xAB \"Zo\xC3\xAB \xC3\x84rnlund\" = 1\n"
	                    "      |                          ^\n");
	/* a span starting on a multi-byte character */
	uint32_t e = offset_of(s, "\xC3\xAB \"");
	assert_string_equal(at(c, s, e, e + 2),
	                    "f.tor:1:10: error: msg [syntax]\n"
	                    "    1 | member zo\xC3\xAB \"Zo\xC3\xAB \xC3\x84rnlund\" = 1\n"
	                    "      |          ^\n");
}

/* Nothing in a quoted line can reach the terminal as a control: control
** characters, C1 controls (U+0080..U+009F) and bytes that are not UTF-8 are
** each shown as one '?', and the caret still lines up. */
static void test_render_unprintable(void **state)
{
	CTX(c);
	static const char text[] = "a\x1b[31m\x7f\xC2\x9B" "b\xFF\x93" "c = 1\n";
	struct source *s = src(c, text);
	uint32_t eq = offset_of(s, "=");
	assert_string_equal(at(c, s, eq, eq + 1),
	                    "f.tor:1:14: error: msg [syntax]\n"
	                    "    1 | a?[31m??b??c = 1\n"
	                    "      |              ^\n");
	/* bidirectional overrides would reorder the line on screen */
	struct source *bidi = src(c, "role \"\xE2\x80\xAEnimda\xE2\x81\xA9\" = 1\n");
	eq = offset_of(bidi, "=");
	assert_string_equal(at(c, bidi, eq, eq + 1),
	                    "f.tor:1:16: error: msg [syntax]\n"
	                    "    1 | role \"?nimda?\" = 1\n"
	                    "      |                ^\n");
	/* ordinary non-ASCII text is shown as it is */
	struct source *welsh = src(c, "\"Ysgrifennydd \xC5\xB5 \xE2\x80\x94\" =\n");
	eq = offset_of(welsh, "=");
	assert_string_equal(at(c, welsh, eq, eq + 1),
	                    "f.tor:1:20: error: msg [syntax]\n"
	                    "    1 | \"Ysgrifennydd \xC5\xB5 \xE2\x80\x94\" =\n"
	                    "      |                    ^\n");
}

/* A byte-order mark is neither a column nor shown. */
static void test_render_bom(void **state)
{
	CTX(c);
	struct source *s = src(c, "\xEF\xBB\xBFterms = {\n");
	uint32_t eq = offset_of(s, "=");
	assert_string_equal(at(c, s, eq, eq + 1),
	                    "f.tor:1:7: error: msg [syntax]\n"
	                    "    1 | terms = {\n"
	                    "      |       ^\n");
	/* a location before the mark (the whole file) is at column 1 */
	assert_string_equal(at(c, s, 0, 0),
	                    "f.tor:1:1: error: msg [syntax]\n"
	                    "    1 | terms = {\n"
	                    "      | ^\n");
}

static void test_render_crlf(void **state)
{
	CTX(c);
	struct source *s = src(c, "a\r\nrole = 3\r\n");
	uint32_t eq = offset_of(s, "=");
	assert_string_equal(at(c, s, eq, eq + 1),
	                    "f.tor:2:6: error: msg [syntax]\n"
	                    "    2 | role = 3\n"
	                    "      |      ^\n");
}

/* A span that continues on later lines is underlined to the end of its
** first line only; an empty span at the end of the file gets a caret. */
static void test_render_spans(void **state)
{
	CTX(c);
	struct source *s = src(c, "quorum {\n  require x\n}");
	assert_string_equal(at(c, s, 0, (uint32_t)s->len),
	                    "f.tor:1:1: error: msg [syntax]\n"
	                    "    1 | quorum {\n"
	                    "      | ^~~~~~~~\n");
	uint32_t end = (uint32_t)s->len;
	assert_string_equal(at(c, s, end, end),
	                    "f.tor:3:2: error: msg [syntax]\n"
	                    "    3 | }\n"
	                    "      |  ^\n");
	struct source *empty = src(c, "");
	assert_string_equal(at(c, empty, 0, 0),
	                    "f.tor:1:1: error: msg [syntax]\n"
	                    "    1 | \n"
	                    "      | ^\n");
}

/* Lines longer than 100 bytes are shown as a window of 100 bytes around the
** caret, with "..." where text was cut; the caret moves with the window. */
static void test_render_long_line(void **state)
{
	CTX(c);
	char line[401];
	for (int i = 0; i < 400; i++)
		line[i] = (char)('a' + i % 26);
	line[400] = '\0';
	line[200] = '=';
	char *text = arena_printf(&c->f.arena, "%s\n", line);
	struct source *s = src(c, text);

	char *got = at(c, s, 200, 201);
	char *want = arena_printf(&c->f.arena,
	                          "f.tor:1:201: error: msg [syntax]\n"
	                          "    1 | ...%.100s...\n"
	                          "      |    %50s^\n",
	                          line + 150, "");
	assert_string_equal(got, want);

	/* near the start: no leading "..." */
	got = at(c, s, 3, 5);
	want = arena_printf(&c->f.arena,
	                    "f.tor:1:4: error: msg [syntax]\n"
	                    "    1 | %.100s...\n"
	                    "      |    ^~\n",
	                    line);
	assert_string_equal(got, want);

	/* at the very end: no trailing "...", and tildes stop at the window */
	got = at(c, s, 390, 400);
	want = arena_printf(&c->f.arena,
	                    "f.tor:1:391: error: msg [syntax]\n"
	                    "    1 | ...%s\n"
	                    "      |    %50s^~~~~~~~~~\n", /* ^ and 9 tildes */
	                    line + 340, "");
	assert_string_equal(got, want);
}

/* The window is cut on character boundaries, never inside a character. */
static void test_render_long_line_utf8(void **state)
{
	CTX(c);
	char *text = arena_alloc(&c->f.arena, 1024);
	size_t n = 0;
	for (int i = 0; i < 150; i++) {
		memcpy(text + n, "\xC3\xAB", 2); /* ë */
		n += 2;
	}
	text[n++] = '=';
	for (int i = 0; i < 150; i++) {
		memcpy(text + n, "\xC3\xAB", 2);
		n += 2;
	}
	text[n++] = '\n';
	struct source *s = src_of(c, "f.tor", text, n);
	char *got = at(c, s, 300, 301);
	/* 50 bytes either side of the '=' is 25 characters of 'ë' each way */
	char *left = arena_alloc(&c->f.arena, 64), *right = arena_alloc(&c->f.arena, 128);
	for (int i = 0; i < 25; i++)
		memcpy(left + 2 * i, "\xC3\xAB", 2);
	for (int i = 0; i < 24; i++)
		memcpy(right + 2 * i, "\xC3\xAB", 2);
	memcpy(right + 48, "\xC3\xAB", 2); /* the window's last byte completes a character */
	char *want = arena_printf(&c->f.arena,
	                          "f.tor:1:151: error: msg [syntax]\n"
	                          "    1 | ...%s=%s...\n"
	                          "      |    %25s^\n",
	                          left, right, "");
	assert_string_equal(got, want);
}

/* Line numbers of six digits and more widen the gutter, so '|' lines up. */
static void test_render_wide_line_numbers(void **state)
{
	CTX(c);
	size_t n_lines = 123456;
	char *text = arena_alloc(&c->f.arena, n_lines * 2 + 8);
	for (size_t i = 0; i < n_lines; i++) {
		text[2 * i] = 'x';
		text[2 * i + 1] = '\n';
	}
	struct source *s = src_of(c, "f.tor", text, n_lines * 2);
	uint32_t last = (uint32_t)(n_lines - 1) * 2;
	assert_string_equal(at(c, s, last, last + 1),
	                    "f.tor:123456:1: error: msg [syntax]\n"
	                    "123456 | x\n"
	                    "       | ^\n");
	assert_string_equal(at(c, s, 2 * 99, 2 * 99 + 1),
	                    "f.tor:100:1: error: msg [syntax]\n"
	                    "  100 | x\n"
	                    "      | ^\n");
}

static void test_render_color(void **state)
{
	CTX(c);
	struct source *s = src(c, "x = 1\n");
	struct diag *d = diag_report(&c->f.diag, D_SYNTAX, (struct loc){ s, 2, 3 }, "msg");
	char *plain = render(c, d, false);
	char *colored = render(c, d, true);
	assert_null(strchr(plain, '\033'));
	assert_non_null(strstr(colored, "\033[1;31merror:"));
	assert_non_null(strstr(colored, "\033[1;32m^"));
	assert_non_null(strstr(colored, "\033[0m"));
}

/* ==== the sink =============================================================== */

static void test_cap(void **state)
{
	CTX(c);
	struct source *s = src(c, "x\n");
	for (int i = 0; i < DIAG_MAX_ERRORS; i++)
		assert_non_null(diag_report(&c->f.diag, D_SYNTAX, (struct loc){ s, 0, 1 }, "e%d", i));
	/* warnings and notes are not errors: they never hit the cap */
	assert_non_null(diag_report(&c->f.diag, D_TBA, (struct loc){ s, 0, 1 }, "w"));
	assert_false(c->f.diag.stopped);
	/* the 21st error becomes "too many errors", and the sink stops */
	assert_null(diag_report(&c->f.diag, D_SYNTAX, (struct loc){ s, 0, 1 }, "e20"));
	assert_true(c->f.diag.stopped);
	assert_null(diag_report(&c->f.diag, D_SYNTAX, (struct loc){ s, 0, 1 }, "e21"));
	assert_null(diag_report(&c->f.diag, D_TBA, (struct loc){ s, 0, 1 }, "w2"));
	assert_int_equal(c->f.diag.items.n, DIAG_MAX_ERRORS + 2);
	const struct diag *last = &c->f.diag.items.items[c->f.diag.items.n - 1];
	assert_int_equal(last->code, D_TOO_MANY);
	assert_string_equal(last->msg, "too many errors (20); stopping here");
	assert_int_equal(c->f.diag.n_warnings, 1);
}

static void test_cap_configurable(void **state)
{
	CTX(c);
	c->f.diag.max_errors = 2;
	diag_report(&c->f.diag, D_SYNTAX, (struct loc){ NULL, 0, 0 }, "a");
	diag_report(&c->f.diag, D_SYNTAX, (struct loc){ NULL, 0, 0 }, "b");
	diag_report(&c->f.diag, D_SYNTAX, (struct loc){ NULL, 0, 0 }, "c");
	assert_int_equal(c->f.diag.items.n, 3);
	assert_string_equal(c->f.diag.items.items[2].msg, "too many errors (2); stopping here");
}

/* Sorted by file (in the order files were first reported), then offset;
** equal positions keep their order; "too many errors" stays last. */
static void test_sort(void **state)
{
	CTX(c);
	struct source *a = src_of(c, "a.tor", "0123456789", 10);
	struct source *b = src_of(c, "b.tor", "0123456789", 10);
	struct { const struct source *s; uint32_t at; const char *msg; } in[] = {
		{ b, 5, "b5" }, { a, 7, "a7" }, { b, 1, "b1" }, { a, 2, "a2-first" },
		{ NULL, 0, "nowhere" }, { a, 2, "a2-second" }, { a, 0, "a0" },
	};
	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++)
		diag_report(&c->f.diag, D_DUPLICATE, (struct loc){ in[i].s, in[i].at, in[i].at + 1 }, "%s", in[i].msg);
	diag_sort(&c->f.diag);
	static const char *const want[] = { "nowhere", "b1", "b5", "a0", "a2-first", "a2-second", "a7" };
	assert_int_equal(c->f.diag.items.n, 7);
	for (size_t i = 0; i < 7; i++)
		assert_string_equal(c->f.diag.items.items[i].msg, want[i]);

	/* notes move with their diagnostic */
	struct diag_sink *d = &c->f.diag;
	diag_init(d, &c->f.arena);
	struct diag *late = diag_report(d, D_SYNTAX, (struct loc){ a, 9, 10 }, "late");
	diag_note(d, late, (struct loc){ a, 1, 2 }, "late's note");
	diag_report(d, D_SYNTAX, (struct loc){ a, 3, 4 }, "early");
	d->max_errors = 2;
	diag_report(d, D_SYNTAX, (struct loc){ a, 0, 1 }, "dropped");
	diag_sort(d);
	assert_string_equal(d->items.items[0].msg, "early");
	assert_string_equal(d->items.items[1].msg, "late");
	assert_string_equal(d->items.items[1].notes->msg, "late's note");
	assert_int_equal(d->items.items[2].code, D_TOO_MANY);
}

/* The code table: names unique and stable, every code described. */
static void test_code_table(void **state)
{
	(void)state;
	for (int i = 0; i < D__COUNT; i++) {
		const char *name = diag_code_name((enum diag_code)i);
		assert_non_null(name);
		assert_true(name[0] != '\0');
		assert_true(strlen(diag_code_description((enum diag_code)i)) > 10);
		for (int j = 0; j < i; j++)
			if (strcmp(name, diag_code_name((enum diag_code)j)) == 0)
				fail_msg("code name '%s' used twice", name);
	}
	assert_string_equal(diag_code_name(D_SYNTAX), "syntax");
	assert_string_equal(diag_code_name(D_FIFTY_PLUS_ONE), "rule.fifty-plus-one");
	assert_int_equal(diag_code_severity(D_SYNTAX), DIAG_ERROR);
	assert_int_equal(diag_code_severity(D_ROSTER_SIZE), DIAG_WARNING);
	assert_int_equal(diag_code_severity(D_TBA), DIAG_WARNING);
	assert_int_equal(diag_code_severity(D_DEFAULT), DIAG_NOTE);
	assert_string_equal(diag_severity_name(DIAG_NOTE), "note");
	assert_string_equal(diag_severity_name(DIAG_WARNING), "warning");
	assert_string_equal(diag_severity_name(DIAG_ERROR), "error");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_position, setup, teardown),
		cmocka_unit_test_setup_teardown(test_line_alone, setup, teardown),
		cmocka_unit_test_setup_teardown(test_line_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_position_invalid_bytes, setup, teardown),
		cmocka_unit_test(test_utf8_len),
		cmocka_unit_test_setup_teardown(test_source_load, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_basic, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_severity_and_code, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_no_location, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_notes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_fixit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_tabs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_utf8_columns, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_unprintable, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_bom, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_crlf, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_spans, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_long_line, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_long_line_utf8, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_wide_line_numbers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_color, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cap, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cap_configurable, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sort, setup, teardown),
		cmocka_unit_test(test_code_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
