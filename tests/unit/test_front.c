/*
** Unit tests for the front end: the flex scanner and bison parser behind
** src/front/parse.c, fed from memory with source_from_memory.
**
** Good input is checked by the shape of its tree, printed as an
** s-expression by sexp() below, so precedence and associativity are visible
** in one line: `yes >= 2/3 of members + 1` must be
** (>= yes (+ (of (/ 2 3) members) 1)).  Bad input is checked by the codes
** and line:column of every diagnostic, in the order reported (summary()).
** Also here: the keyword table's order (the scanner's binary search needs
** it), the error cap, recovery, limits, the item reader, and a fault-injected
** parse that must fail cleanly at every allocation.
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
#include <sys/stat.h>
#include <unistd.h>

#include "base/sha256.h"
#include "front/parse.h"

/* ==== harness ================================================================ */

struct ctx {
	struct fixture f;
	struct source src;
	struct ast_file file;
	unsigned n_errors;       /* returned by the last parse */
};

FIXTURE_STATE(struct ctx)


/* The library jumps to c->f.oom when memory runs out: it must be a live frame,
** so every test sets it itself. */
#define CTX(c) FIXTURE_ENTER(struct ctx, c)

static const struct node *parse_n(struct ctx *c, const char *text, size_t len)
{
	diag_init(&c->f.diag, &c->f.arena);
	source_from_memory(&c->src, &c->f.arena, "t.tor", text, len);
	c->n_errors = parse_file(&c->f.arena, &c->f.diag, &c->src, &c->file);
	return c->file.items;
}

static const struct node *parse(struct ctx *c, const char *text)
{
	return parse_n(c, text, strlen(text));
}

/* Parse text that must have no diagnostics at all. */
static const struct node *parse_ok(struct ctx *c, const char *text)
{
	const struct node *items = parse(c, text);
	if (c->f.diag.items.n) {
		const struct diag *d = &c->f.diag.items.items[0];
		unsigned line, col;
		source_position(&c->src, d->loc.start, &line, &col);
		fail_msg("unexpected diagnostic at %u:%u: %s", line, col, d->msg);
	}
	return items;
}

/* "line:col code" for every diagnostic, one per line, in report order. */
static const char *summary(struct ctx *c)
{
	char *out = arena_strdup(&c->f.arena, "");
	for (size_t i = 0; i < c->f.diag.items.n; i++) {
		const struct diag *d = &c->f.diag.items.items[i];
		unsigned line = 0, col = 0;
		if (d->loc.src)
			source_position(d->loc.src, d->loc.start, &line, &col);
		out = arena_printf(&c->f.arena, "%s%u:%u %s\n", out, line, col, diag_code_name(d->code));
	}
	return out;
}

static const struct diag *diag_at(struct ctx *c, size_t i)
{
	assert_true(i < c->f.diag.items.n);
	return &c->f.diag.items.items[i];
}

/* ---- trees as s-expressions ------------------------------------------------ */

static char *sexp(struct arena *a, const struct node *n);

static char *sexp_list(struct arena *a, const struct node *n)
{
	char *out = arena_strdup(a, "");
	for (; n; n = n->next)
		out = arena_printf(a, "%s%s%s", out, *out ? " " : "", sexp(a, n));
	return out;
}

/* Expressions and literals; other nodes print as their kind name. */
static char *sexp(struct arena *a, const struct node *n)
{
	static const char *const funcs[] = { "min", "max", "floor", "ceil" };
	static const char *const rounds[] = { "rounded-?", "rounded-up", "rounded-down", "rounded-nearest" };
	char buf[RAT_FMT_MAX];
	switch (n->kind) {
	case N_NUMBER:
		return arena_strdup(a, rat_format(n->v.num, buf, sizeof buf));
	case N_STRING:
		return arena_printf(a, "\"%s\"", n->text);
	case N_DATE: {
		char d[DATE_FMT_MAX];
		return arena_strdup(a, date_format(n->v.date, d));
	}
	case N_DURATION: {
		char d[DUR_FMT_MAX];
		return arena_printf(a, "%s%s", n->op ? "clear " : "", duration_format(n->v.dur, d));
	}
	case N_BOOL:
		return arena_strdup(a, n->v.boolean ? "true" : "false");
	case N_IDENT: case N_NAME: case N_WORD:
		return arena_strdup(a, n->text);
	case N_ATTR:
		return arena_printf(a, "motion.%s", n->text);
	case N_COUNT:
		if (!n->a)
			return arena_strdup(a, ast_count_name((enum count_kind)n->op));
		return arena_printf(a, "(%s %s)", ast_count_name((enum count_kind)n->op), sexp_list(a, n->a));
	case N_CALL:
		return arena_printf(a, "(call %s%s%s)", n->text, n->a ? " " : "", sexp_list(a, n->a));
	case N_FUNC:
		return arena_printf(a, "(%s %s)", funcs[n->op], sexp_list(a, n->a));
	case N_UNARY:
		return arena_printf(a, "(%s %s)", ast_op_text((enum ast_op)n->op), sexp(a, n->a));
	case N_BINARY:
		return arena_printf(a, "(%s %s %s)", ast_op_text((enum ast_op)n->op), sexp(a, n->a), sexp(a, n->b));
	case N_ROUND:
		return arena_printf(a, "(%s %s)", rounds[n->op], sexp(a, n->a));
	case N_PAREN:
		return arena_printf(a, "[%s]", sexp(a, n->a));
	default:
		return arena_strdup(a, ast_kind_name(n->kind));
	}
}

/* The body of `rule r = EXPR` as an s-expression. */
static const char *expr_of(struct ctx *c, const char *expr)
{
	const struct node *items = parse_ok(c, arena_printf(&c->f.arena, "rule r = %s\n", expr));
	assert_non_null(items);
	assert_int_equal(items->kind, N_RULE);
	return sexp(&c->f.arena, items->b);
}

static const struct node *nth(const struct node *n, size_t i)
{
	while (n && i--)
		n = n->next;
	assert_non_null(n);
	return n;
}

/* Kinds of a list, space-separated. */
static const char *kinds(struct ctx *c, const struct node *n)
{
	char *out = arena_strdup(&c->f.arena, "");
	for (; n; n = n->next)
		out = arena_printf(&c->f.arena, "%s%s%s", out, *out ? " " : "", ast_kind_name(n->kind));
	return out;
}

/* ==== the keyword table ======================================================= */

static void test_keywords_sorted(void **state)
{
	(void)state;
	static const char *const words[] = {
#define KW(word, tok, cat) word,
#include "front/keywords.def"
#undef KW
	};
	size_t n = sizeof words / sizeof words[0];
	assert_true(n > 50);
	for (size_t i = 0; i < n; i++) {
		for (const char *p = words[i]; *p; p++)
			if (*p < 'a' || *p > 'z')
				fail_msg("keyword '%s' is not lower-case ASCII letters", words[i]);
		if (i > 0 && strcmp(words[i - 1], words[i]) >= 0)
			fail_msg("keywords.def is not in strcmp order: '%s' before '%s'", words[i - 1], words[i]);
	}
}

/* Every keyword is a keyword (found by the binary search), and a word that
** differs from one by a prefix or a suffix is a name. */
static void test_keywords_recognised(void **state)
{
	CTX(c);
	static const char *const words[] = {
#define KW(word, tok, cat) word,
#include "front/keywords.def"
#undef KW
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		/* as a rule's name, any keyword that is not an ordinary name is refused */
		parse(c, arena_printf(&c->f.arena, "rule %s = 1\n", words[i]));
		const char *affixed[] = {
			arena_printf(&c->f.arena, "%s_", words[i]),
			arena_printf(&c->f.arena, "%sx", words[i]),
			arena_printf(&c->f.arena, "x%s", words[i]),
			arena_printf(&c->f.arena, "%s2", words[i]),
		};
		for (size_t k = 0; k < 4; k++)
			parse_ok(c, arena_printf(&c->f.arena, "rule %s = 1\n", affixed[k]));
	}
	/* a prefix of a keyword is a name too */
	parse_ok(c, "terms \"t\" { role mem \"x\" voting role vot \"y\" voting role y \"z\" voting }\n");
}

/* Keywords as names, by category (keywords.def): an unreserved keyword is a
** name everywhere, one that means something in an expression everywhere
** but as a rule or parameter, a reserved one nowhere.  In a member's roles
** and tags, a keyword that begins a clause is a tag unless what follows
** reads as that clause. */
static void test_keywords_as_names(void **state)
{
	CTX(c);
	static const struct {
		const char *word;
		const char *category;
	} words[] = {
#define KW(word, tok, cat) { word, #cat },
#include "front/keywords.def"
#undef KW
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		const char *w = words[i].word;
		bool reserved = strcmp(words[i].category, "RESERVED") == 0;
		bool unreserved = strcmp(words[i].category, "UNRESERVED") == 0;
		/* a role, a member, a tag (last on its line, then a clause), a class,
		** a record's names, an attribute */
		const char *terms = arena_printf(&c->f.arena,
			"terms \"t\" {\n"
			"  role %s \"R\" voting\n"
			"  member %s \"M\" %s\n"
			"  member b \"B\" %s\n"
			"  role x \"X\" voting\n"
			"  class %s { require present(%s) >= 1 }\n"
			"  example \"e\" { present %s, b  chair %s  motion 1 %s { for %s  interest %s  expect carried } }\n"
			"}\n", w, w, w, w, w, w, w, w, w, w, w);
		if (reserved) {
			parse(c, terms);
			if (c->n_errors == 0)
				fail_msg("reserved '%s' was read as a name", w);
			continue;
		}
		parse(c, terms);
		if (c->n_errors)
			fail_msg("'%s' (%s) as a name: %s", w, words[i].category, diag_at(c, 0)->msg);
		const struct node *t = c->file.items;
		const struct node *role = t->a, *member = role->next, *b = member->next, *x = b->next, *cls = x->next;
		assert_string_equal(role->text, w);
		assert_string_equal(member->text, w);
		assert_string_equal(member->b->text, w);        /* its tag */
		assert_null(member->b->next);
		assert_string_equal(b->b->text, w);             /* the tag before `role` */
		assert_int_equal(x->kind, N_ROLE);              /* `role x` is still a clause */
		assert_string_equal(cls->text, w);
		assert_string_equal(cls->b->a->a->a->text, w); /* present(w) */
		/* a rule or parameter: only an unreserved keyword */
		parse(c, arena_printf(&c->f.arena, "rule %s(%s) = %s + 1\n", w, w, w));
		if ((c->n_errors == 0) != unreserved)
			fail_msg("'%s' (%s) as a rule's name: %u errors", w, words[i].category, c->n_errors);
	}
	/* each clause keyword after a member's tags begins its clause */
	const struct node *t = parse_ok(c,
		"terms \"t\" {\n"
		"  member a \"A\" member from 2024-01-01 until 2024-12-31\n"
		"  member b \"B\" role version \"V\" voting\n"
		"  member c \"C\" role effective 2024-01-01\n"
		"  member d \"D\" x review every 12 months\n"
		"  member e \"E\" x meets §6.1 every 2 months\n"
		"  member f \"F\" x size to be agreed\n"
		"  member g \"G\" x quorum { to be agreed }\n"
		"  member h \"H\" x interests { to be agreed }\n"
		"  member i \"I\" x class k \"K\" { to be agreed }\n"
		"  member j \"J\" x virtual { to be agreed }\n"
		"  member k \"K\" x notice papers 5 days before\n"
		"  member l \"L\" x notice minutes within 10 days\n"
		"  member m \"M\" x rule r = 1\n"
		"  member n \"N\" x example \"e\" { }\n"
		"  member o \"O\" x size 1 to 2\n"
		"}\n");
	assert_string_equal(kinds(c, t->a), "member member role member effective member review member meets member size "
	                                  "member quorum member interests member class member virtual member notice "
	                                  "member notice member rule member example member size");
	assert_string_equal(t->a->b->text, "member");  /* a's role */
	assert_non_null(t->a->c);                       /* from */
	assert_non_null(t->a->d);                       /* until */
	/* `role version "V"` reads as a role: the clause wins where both could be */
	assert_null(t->a->next->b);
	assert_string_equal(t->a->next->next->text, "version");
	assert_string_equal(t->a->next->next->next->b->text, "role"); /* c's tag `role` */
	/* and in words that do not read as the clause, they are tags */
	t = parse_ok(c, "terms \"t\" { member a \"A\" review notice class size from until }\n");
	assert_string_equal(kinds(c, t->a), "member");
	assert_int_equal(ast_list_len(t->a->b), 6);
}
/* ==== good input ============================================================== */

static void test_terms_shape(void **state)
{
	CTX(c);
	const struct node *items = parse_ok(c,
		"# Anytown\n"
		"terms \"Anytown\" {\n"
		"  version \"0.4\"\n"
		"  effective 2024-04-01\n"
		"  review every 12 months          # 9.1\n"
		"  use std.majorities\n"
		"  role cluster_lead \"Cluster Lead\" voting\n"
		"  role phw \"Public Health Wales\" attending\n"
		"  member alice \"Dr Alice Jones\" cluster_lead clinician from 2024-01-01 until 2024-09-30\n"
		"  size 8 to 12\n"
		"  quorum §3.1 \"six\" { require present >= 6 }\n"
		"  consensus first\n"
		"  casting vote chair\n"
		"  interests §3.4 { conflicted vote: void  conflicted quorum: deemed present  conflicted leaves: no }\n"
		"  class financial §3.3.3 \"money\" { when motion.financial  require yes >= 75% of members  notice 14 days before }\n"
		"  virtual §6.2 { ratify at next meeting }\n"
		"  notice §5.3 papers 5 clear days before\n"
		"  notice §5.4 minutes within 10 days after\n"
		"  meets every 2 months\n"
		"  rule simple = yes > half of cast\n"
		"}\n");
	assert_int_equal(ast_list_len(items), 1);
	const struct node *t = items;
	assert_int_equal(t->kind, N_TERMS);
	assert_string_equal(t->text, "Anytown");
	assert_string_equal(kinds(c, t->a),
	                    "version effective review use role role member size quorum consensus casting "
	                    "interests class virtual notice notice meets rule");

	assert_string_equal(nth(t->a, 3)->text, "std.majorities");
	const struct node *role = nth(t->a, 4);
	assert_string_equal(role->text, "cluster_lead");
	assert_int_equal(role->op, 1);
	assert_int_equal(nth(t->a, 5)->op, 0); /* attending */

	const struct node *m = nth(t->a, 6);
	assert_string_equal(m->text, "alice");
	assert_string_equal(m->a->text, "Dr Alice Jones");
	assert_string_equal(sexp_list(&c->f.arena, m->b), "cluster_lead clinician");
	assert_string_equal(sexp(&c->f.arena, m->c), "2024-01-01");
	assert_string_equal(sexp(&c->f.arena, m->d), "2024-09-30");

	const struct node *q = nth(t->a, 8);
	assert_string_equal(q->clause, "3.1");
	assert_string_equal(q->a->text, "six");
	assert_string_equal(kinds(c, q->b), "require");

	const struct node *in = nth(t->a, 11);
	assert_string_equal(in->clause, "3.4");
	assert_string_equal(kinds(c, in->b), "setting setting setting");
	assert_string_equal(nth(in->b, 1)->text, "quorum");
	assert_string_equal(nth(in->b, 1)->a->text, "deemed present");
	assert_string_equal(nth(in->b, 2)->a->text, "no");

	const struct node *cl = nth(t->a, 12);
	assert_string_equal(cl->text, "financial");
	assert_string_equal(cl->clause, "3.3.3");
	assert_string_equal(kinds(c, cl->b), "when require class-notice");
	assert_string_equal(sexp(&c->f.arena, cl->b->a), "motion.financial");
	assert_string_equal(sexp(&c->f.arena, nth(cl->b, 1)->a), "(>= yes (of 0.75 members))");
	assert_string_equal(sexp(&c->f.arena, nth(cl->b, 2)->a), "14 days");

	const struct node *papers = nth(t->a, 14);
	assert_string_equal(papers->text, "papers");
	assert_string_equal(papers->clause, "5.3");
	assert_int_equal(papers->op, 1); /* before */
	assert_string_equal(sexp(&c->f.arena, papers->a), "clear 5 days");
	const struct node *minutes = nth(t->a, 15);
	assert_string_equal(minutes->text, "minutes");
	assert_int_equal(minutes->op, 2); /* after */
	assert_string_equal(sexp(&c->f.arena, nth(t->a, 16)->a), "2 months");

	/* comments are kept for fmt, with their placement */
	assert_int_equal(c->file.comments.n, 2);
	assert_true(c->file.comments.items[0].own_line);
	assert_false(c->file.comments.items[1].own_line);
}

/* Precedence and associativity, loosest first: or, and, not, comparisons,
** rounded, + -, of (right), * /, unary minus. */
static void test_expression_precedence(void **state)
{
	CTX(c);
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "yes >= 2/3 of members + 1", "(>= yes (+ (of (/ 2 3) members) 1))" },
		{ "yes > half of cast", "(> yes (of 0.5 cast))" },
		{ "yes >= 50% of cast + 1", "(>= yes (+ (of 0.5 cast) 1))" },
		{ "a or b and not c", "(or a (and b (not c)))" },
		{ "not a or b", "(or (not a) b)" },
		{ "not yes > 1", "(not (> yes 1))" },
		{ "1 - 2 - 3", "(- (- 1 2) 3)" },
		{ "8 / 4 / 2", "(/ (/ 8 4) 2)" },
		{ "1 + 2 * 3", "(+ 1 (* 2 3))" },
		{ "half of half of members", "(of 0.5 (of 0.5 members))" },
		{ "-1 * 2", "(* (- 1) 2)" },
		{ "- - 1", "(- (- 1))" },
		{ "(1 + 2) * 3", "(* [(+ 1 2)] 3)" },
		{ "present >= 1/3 of members rounded up", "(>= present (rounded-up (of (/ 1 3) members)))" },
		{ "present >= members rounded to nearest", "(>= present (rounded-nearest members))" },
		{ "present(gp, pm) >= 1 and members(gp) > 0", "(and (>= (present gp pm) 1) (> (members gp) 0))" },
		{ "min(yes, no, 3) <= max(cast, votes)", "(<= (min yes no 3) (max cast votes))" },
		{ "floor(2.5) == ceil(1.5)", "(== (floor 2.5) (ceil 1.5))" },
		{ "at_least(3/4, members) != majority", "(!= (call at_least (/ 3 4) members) majority)" },
		{ "motion.kind == \"amendment\"", "(== motion.kind \"amendment\")" },
		{ "motion.amount < 40000.50", "(< motion.amount 40000.5)" },
		{ "true and false", "(and true false)" },
		{ "eligible > conflicted + abstain", "(> eligible (+ conflicted abstain))" },
		{ "66.67% of cast", "(of 0.6667 cast)" },
		{ "1/3 of cast", "(of (/ 1 3) cast)" },
		{ "2024-05-14 < 2024-06-01", "(< 2024-05-14 2024-06-01)" },
		/* comparisons in words, as the sample writes them */
		{ "yes at least 3", "(>= yes 3)" },
		{ "yes no less than 75% of members", "(>= yes (of 0.75 members))" },
		{ "present not less than 6", "(>= present 6)" },
		{ "yes no fewer than 2 + 1", "(>= yes (+ 2 1))" },
		{ "yes not fewer than 2", "(>= yes 2)" },
		{ "yes more than half of cast", "(> yes (of 0.5 cast))" },
		{ "no at most 2", "(<= no 2)" },
		{ "no no more than 2", "(<= no 2)" },
		{ "abstain not more than 2", "(<= abstain 2)" },
		{ "no less than 3", "(< no 3)" },                 /* `no` first: the votes against */
		{ "no fewer than 3 and yes > no", "(and (< no 3) (> yes no))" },
		{ "not yes less than 3", "(not (< yes 3))" },     /* `not` first: the negation */
		{ "not no less than 3", "(not (< no 3))" },
		{ "a and b no less than 1", "(and a (>= b 1))" },
		{ "(yes) no less than (no)", "(>= [yes] [no])" },
		{ "r(1) not more than 2", "(<= (call r 1) 2)" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *got = expr_of(c, cases[i].in);
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("%s\n  got  %s\n  want %s", cases[i].in, got, cases[i].want);
	}
}

/* A comparison in words keeps its words (for fmt); one that cannot chain
** is refused as the symbols are; words the language does not have get the
** symbol as a fix-it. */
static void test_comparison_words(void **state)
{
	CTX(c);
	const struct node *t = parse_ok(c, "terms \"t\" { quorum { require present no less than 6 } }\n");
	const struct node *cmp = t->a->b->a;
	assert_int_equal(cmp->op, OP_GE);
	assert_string_equal(cmp->text, "no less than");
	parse(c, "rule r = yes at least 1 at least 2\n");
	assert_int_equal(c->n_errors, 1);
	parse(c, "rule r = yes greater than 2\n");
	const struct diag *d = diag_at(c, 0);
	assert_non_null(d->fixit);
	assert_string_equal(d->fixit->text, ">");
	assert_int_equal(d->fixit->loc.end - d->fixit->loc.start, strlen("greater than"));
	parse(c, "rule r = yes equal to 2\n");
	assert_string_equal(diag_at(c, 0)->fixit->text, "==");
}

/* Names in any script: letters, marks and digits beyond ASCII; a letter and
** its combining mark are kept composed, so a name typed either way is one
** name; anything else is refused, naming the character. */
static void test_names_in_any_language(void **state)
{
	CTX(c);
	const struct node *t = parse_ok(c, "terms \"t\" { member si\xC3\xB4n \"S\" ll\xC5\xB7r ffion_\xC5\xB5yn "
	                                   "\xCE\xB1\xCE\xB2\xCE\xB3 \xD0\xBC\xD0\xB8\xD1\x80 \xE0\xA4\xB8\xE0\xA4\xBF\xE0\xA4\x82\xE0\xA4\xB9 x\xD9\xA3 }\n");
	assert_string_equal(t->a->text, "si\xC3\xB4n");
	assert_string_equal(kinds(c, t->a->b), "ident ident ident ident ident ident");
	/* o + U+0302 is the same name as the precomposed ô */
	t = parse_ok(c, "terms \"t\" { member sio\xCC\x82n \"S\" x }\n");
	assert_string_equal(t->a->text, "si\xC3\xB4n");
	/* a mark that composes with nothing stays (Devanagari vowel signs) */
	t = parse_ok(c, "terms \"t\" { member \xE0\xA4\xB8\xE0\xA4\xBF \"S\" x }\n");
	assert_string_equal(t->a->text, "\xE0\xA4\xB8\xE0\xA4\xBF");
	static const struct {
		const char *text, *where, *msg;
	} bad[] = {
		{ "terms \"t\" { member ab\xE2\x82\xAC \"S\" x }\n", "1:22 token\n", "U+20AC" },
		{ "terms \"t\" { member \xE2\x80\x9C" "bob \"S\" x }\n", "1:20 token\n", "straight quotes" },
		{ "terms \"t\" { member \xCC\x82x \"S\" x }\n", "1:20 token\n", "U+0302" }, /* a mark cannot begin */
		{ "terms \"t\" { member a\xC2\xA0" "b \"S\" x }\n", "1:21 token\n", "U+00A0" }, /* no-break space */
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		parse(c, bad[i].text);
		if (strcmp(summary(c), bad[i].where) != 0)
			fail_msg("%s: %s, want %s", bad[i].text, summary(c), bad[i].where);
		assert_non_null(strstr(diag_at(c, 0)->msg, bad[i].msg));
	}
}

/* Numbers are exact, and keep the lexeme they were written as (for fmt). */
static void test_numbers(void **state)
{
	CTX(c);
	static const struct {
		const char *in;
		int64_t num, den;
		int percent;
	} cases[] = {
		{ "75%", 3, 4, 1 },
		{ "66.67%", 6667, 10000, 1 },
		{ "100%", 1, 1, 1 },
		{ "0.5", 1, 2, 0 },
		{ "40000", 40000, 1, 0 },
		{ "0", 0, 1, 0 },
		{ "9223372036854775807", INT64_MAX, 1, 0 },
		{ "0.000001%", 1, 100000000, 1 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct node *r = parse_ok(c, arena_printf(&c->f.arena, "rule r = %s\n", cases[i].in));
		const struct node *n = r->b;
		assert_int_equal(n->kind, N_NUMBER);
		if (n->v.num.num != cases[i].num || n->v.num.den != cases[i].den)
			fail_msg("%s: %lld/%lld", cases[i].in, (long long)n->v.num.num, (long long)n->v.num.den);
		assert_int_equal(n->op, cases[i].percent);
		assert_string_equal(n->text, cases[i].in);
	}
	assert_string_equal(parse_ok(c, "rule r = half\n")->b->text, "half");
}

static void test_clause_labels(void **state)
{
	CTX(c);
	const struct node *t = parse_ok(c,
		"terms \"t\" {\n"
		"  quorum §3.1 { to be agreed }\n"
		"  interests § 3.4 { to be agreed }\n"
		"  class a §9 { to be agreed }\n"
		"  class b §A.2.b { to be agreed }\n"
		"  review §9.1 every to be agreed\n"
		"}\n");
	assert_string_equal(nth(t->a, 0)->clause, "3.1");
	assert_string_equal(nth(t->a, 1)->clause, "3.4");
	assert_string_equal(nth(t->a, 2)->clause, "9");
	assert_string_equal(nth(t->a, 3)->clause, "A.2.b");
	assert_string_equal(nth(t->a, 4)->clause, "9.1");
	assert_null(nth(t->a, 4)->a); /* to be agreed */
	assert_string_equal(kinds(c, nth(t->a, 0)->b), "to-be-agreed");
	/* as documents number them: brackets, roman numerals, a space */
	t = parse_ok(c,
		"terms \"t\" {\n"
		"  quorum §10(1) { to be agreed }\n"
		"  class a §3.3(a) { to be agreed }\n"
		"  class b § 4.2 { to be agreed }\n"
		"  class c §IV { to be agreed }\n"
		"  class d §4(2)(b).i { to be agreed }\n"
		"}\n");
	assert_string_equal(nth(t->a, 0)->clause, "10(1)");
	assert_string_equal(nth(t->a, 1)->clause, "3.3(a)");
	assert_string_equal(nth(t->a, 2)->clause, "4.2");
	assert_string_equal(nth(t->a, 3)->clause, "IV");
	assert_string_equal(nth(t->a, 4)->clause, "4(2)(b).i");
	/* a bracket left open ends the label before it: a syntax error at '(' */
	parse(c, "terms \"t\" {\n  quorum §3.3(a { to be agreed }\n}\n");
	assert_string_equal(summary(c), "2:14 syntax\n");
	/* a label past the limit is one error */
	parse(c, "terms \"t\" {\n  quorum §1.2.3.4.5.6.7.8.9.10.11.12.13.14.15 { to be agreed }\n}\n");
	assert_string_equal(summary(c), "2:10 limit\n");
}

static void test_strings(void **state)
{
	CTX(c);
	const struct node *t = parse_ok(c, "terms \"Dr \\\"Al\\\" \\\\ Caf\xC3\xA9\" { }\n");
	assert_string_equal(t->text, "Dr \"Al\" \\ Caf\xC3\xA9");
	t = parse_ok(c, "terms \"\" { }\n");
	assert_string_equal(t->text, "");
}

static void test_meeting_shape(void **state)
{
	CTX(c);
	const struct node *items = parse_ok(c,
		"meeting \"May\" on 2024-05-14 {\n"
		"  terms \"Anytown\"\n"
		"  chair alice\n"
		"  papers sent 2024-05-07\n"
		"  minutes circulated 2024-05-20\n"
		"  present alice, bob, carol\n"
		"  apologies erin\n"
		"  attending judy\n"
		"  motion 1 \"Plan\" { consensus  recorded carried }\n"
		"  motion 2 \"Pilot\" financial amount 40000 kind \"grant\" urgent true {\n"
		"    interest dan \"partner\"\n"
		"    for alice, bob\n"
		"    against grace\n"
		"    abstain carol\n"
		"    recorded not carried\n"
		"  }\n"
		"  leaves frank\n"
		"  arrives gina\n"
		"  motion 3 {\n"
		"    tally for 3 against 2\n"
		"    casting for\n"
		"    declared void\n"
		"  }\n"
		"  motion { objection bob \"no\"  notice given 2024-04-30  virtual on 2024-06-02\n"
		"           ratifies \"April\" motion 4  chair bob  recorded provisional }\n"
		"}\n");
	assert_int_equal(ast_list_len(items), 1);
	const struct node *m = items;
	assert_int_equal(m->kind, N_MEETING);
	assert_string_equal(m->a->text, "May");
	assert_string_equal(sexp(&c->f.arena, m->b), "2024-05-14");
	assert_string_equal(kinds(c, m->c),
	                    "terms-ref chair papers minutes present apologies attending motion motion "
	                    "leaves arrives motion motion");
	assert_string_equal(sexp_list(&c->f.arena, nth(m->c, 4)->a), "alice bob carol");

	const struct node *m2 = nth(m->c, 8);
	assert_string_equal(m2->text, "2");
	assert_string_equal(m2->a->text, "Pilot");
	assert_string_equal(kinds(c, m2->b), "attribute attribute attribute attribute");
	assert_string_equal(nth(m2->b, 0)->text, "financial");
	assert_null(nth(m2->b, 0)->a);
	assert_string_equal(sexp(&c->f.arena, nth(m2->b, 1)->a), "40000");
	assert_string_equal(sexp(&c->f.arena, nth(m2->b, 2)->a), "\"grant\"");
	assert_string_equal(sexp(&c->f.arena, nth(m2->b, 3)->a), "true");
	assert_string_equal(kinds(c, m2->c), "interest votes votes votes recorded");
	assert_int_equal(nth(m2->c, 1)->op, VOTE_FOR);
	assert_int_equal(nth(m2->c, 2)->op, VOTE_AGAINST);
	assert_int_equal(nth(m2->c, 3)->op, VOTE_ABSTAIN);
	assert_int_equal(nth(m2->c, 4)->op, OUTCOME_NOT_CARRIED);

	const struct node *m3 = nth(m->c, 11);
	assert_string_equal(kinds(c, m3->c), "tally casting-vote declared");
	assert_null(m3->c->c);
	assert_int_equal(nth(m3->c, 2)->op, OUTCOME_VOID);

	const struct node *m4 = nth(m->c, 12);
	assert_null(m4->text);
	assert_string_equal(kinds(c, m4->c), "objection notice-given virtual-on ratifies chair recorded");
	assert_string_equal(nth(m4->c, 3)->text, "4");
	assert_int_equal(nth(m4->c, 5)->op, OUTCOME_PROVISIONAL);

	const struct node *t = parse_ok(c, "meeting \"m\" on 2024-05-14 { motion { tally for 3 against 2 abstain 1 } }\n");
	const struct node *tally = t->c->c;
	assert_int_equal(tally->kind, N_TALLY);
	assert_string_equal(sexp(&c->f.arena, tally->c), "1");
	/* `abstain` after a tally belongs to the tally (quorate.y), so a named
	** abstention there is reported, not silently merged */
	parse(c, "meeting \"m\" on 2024-05-14 {\n motion {\n  tally for 3 against 2\n  abstain heidi\n }\n}\n");
	assert_string_equal(summary(c), "4:11 syntax\n");
	assert_string_equal(diag_at(c, 0)->msg, "unexpected name 'heidi', expected number");
}

/* A stdlib module is a file of uses and rules; several items in a file. */
static void test_module_and_several_items(void **state)
{
	CTX(c);
	const struct node *items = parse_ok(c,
		"use std.majorities\n"
		"rule a(x, y) = x > y\n"
		"terms \"one\" { }\n"
		"terms \"two\" { }\n"
		"meeting \"m\" on 2024-01-01 { }\n");
	assert_string_equal(kinds(c, items), "use rule terms terms meeting");
	assert_string_equal(sexp_list(&c->f.arena, nth(items, 1)->a), "x y");
	assert_int_equal(nth(items, 1)->op, 1);
}

static void test_empty_and_blank(void **state)
{
	CTX(c);
	assert_null(parse_ok(c, ""));
	assert_null(parse_ok(c, "\n\n   \t\n# only a comment\n"));
	assert_int_equal(c->file.comments.n, 1);
}

/* CRLF line endings and a byte-order mark are accepted as they are. */
static void test_crlf_and_bom(void **state)
{
	CTX(c);
	const struct node *t = parse_ok(c, "\xEF\xBB\xBFterms \"t\" {\r\n  effective 2024-04-01\r\n}\r\n");
	assert_int_equal(t->kind, N_TERMS);
	assert_int_equal(t->span.start, 3);
	/* an error after CRLF lines is on the right line and column */
	parse(c, "terms \"t\" {\r\n  role = 1\r\n}\r\n");
	assert_string_equal(summary(c), "2:8 syntax\n");
	/* and after a byte-order mark, on the first line too */
	parse(c, "\xEF\xBB\xBFterms = {\n}\n");
	assert_string_equal(summary(c), "1:7 syntax\n");
}

/* ==== bad input: lexical errors ============================================== */

static void test_lexical_errors(void **state)
{
	CTX(c);
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "terms \"unterminated {\n}\n", "1:7 string\n" },
		{ "terms \"a\\tb\" { }\n", "1:9 string\n" },
		{ "terms \"t\" { effective 2024-02-30 }\n", "1:23 date.invalid\n" },
		{ "terms \"t\" { effective 2023-02-29 }\n", "1:23 date.invalid\n" },
		{ "terms \"t\" { effective 2024-13-01 }\n", "1:23 date.invalid\n" },
		{ "terms \"t\" { effective 0000-01-01 }\n", "1:23 date.invalid\n" },
		{ "terms \"t\" { effective 2024-01-011 }\n", "1:23 date.invalid\n" },
		{ "terms \"t\" { effective 2024-1-5 }\n", "1:23 date.invalid\n" },
		{ "terms \"t\" { size 99999999999999999999 to 3 }\n", "1:18 number.range\n" },
		{ "terms \"t\" { size 0.12345678901234567890 to 3 }\n", "1:18 number.range\n" },
		{ "terms \"t\" { notice papers 5days before }\n", "1:27 token\n" },
		{ "terms \"t\" { quorum § { } }\n", "1:20 token\n" },
		{ "terms \"t\" { role a$ \"A\" voting }\n", "1:19 token\n" },
		{ "terms \"t\" { role \xE2\x82\xAC \"A\" voting }\n", "1:18 token\n" },
		{ "terms \"t\" { role a \"A\" voting \x01 }\n", "1:31 token\n" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		parse(c, cases[i].in);
		const char *got = summary(c);
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("%s\n  got  %s  want %s", cases[i].in, got, cases[i].want);
		assert_int_equal(c->n_errors, 1);
	}
}

static void test_lexical_messages(void **state)
{
	CTX(c);
	parse(c, "terms \"t\" { effective 2024-02-30 }\n");
	assert_string_equal(diag_at(c, 0)->msg, "the date 2024-02-30 has no such day in that month");
	parse(c, "terms \"t\" { role a \"A\\q\" voting }\n");
	assert_string_equal(diag_at(c, 0)->msg, "unknown escape '\\q' in a string (only \\\" and \\\\ are known)");
	assert_int_equal(diag_at(c, 0)->loc.end - diag_at(c, 0)->loc.start, 2);
}

static void test_identifier_and_string_limits(void **state)
{
	CTX(c);
	char name[200], text[5000 + 64];
	memset(name, 'n', sizeof name);
	snprintf(text, sizeof text, "terms \"t\" { role %.129s \"A\" voting }\n", name);
	parse(c, text);
	assert_string_equal(summary(c), "1:18 limit\n");
	snprintf(text, sizeof text, "terms \"t\" { role %.128s \"A\" voting }\n", name);
	parse_ok(c, text);

	char *long_string = arena_alloc(&c->f.arena, 4100);
	memset(long_string, 's', 4097);
	parse(c, arena_printf(&c->f.arena, "terms \"%s\" { }\n", long_string));
	assert_string_equal(summary(c), "1:7 limit\n");
	long_string[4096] = '\0';
	parse_ok(c, arena_printf(&c->f.arena, "terms \"%s\" { }\n", long_string));
}

static void test_encoding(void **state)
{
	CTX(c);
	/* invalid UTF-8: located, at most three reported, the parse goes on */
	parse(c, "terms \"\xFF\xFE\xFD\xFC\" {\n  role = 1\n}\n");
	assert_string_equal(summary(c), "1:8 encoding\n1:9 encoding\n1:10 encoding\n2:8 syntax\n");
	assert_string_equal(diag_at(c, 0)->msg, "invalid UTF-8 byte 0xFF (save the file as UTF-8)");
	/* overlong and surrogate encodings are not UTF-8 either */
	parse(c, "terms \"\xC0\xAF\" { }\n");
	assert_string_equal(summary(c), "1:8 encoding\n1:9 encoding\n");
	parse(c, "terms \"\xED\xA0\x80\" { }\n");
	assert_string_equal(summary(c), "1:8 encoding\n1:9 encoding\n1:10 encoding\n");
	/* valid multi-byte text in strings and comments is fine */
	parse_ok(c, "# Caerdydd \xE2\x80\x94 \xC5\xB5\n terms \"Cwm Taf Morgannwg \xE2\x82\xAC\" { }\n");

	/* a NUL byte: one error, and nothing parsed (not a text file) */
	static const char with_nul[] = "terms \"t\" {\0 role = 1\n}\n";
	const struct node *items = parse_n(c, with_nul, sizeof with_nul - 1);
	assert_null(items);
	assert_string_equal(summary(c), "1:12 encoding\n");
}

/* ==== bad input: syntax errors and recovery ================================== */

static void test_two_syntax_errors(void **state)
{
	CTX(c);
	const struct node *items = parse(c,
		"terms \"t\" {\n"
		"  role = \"Practice Manager\" voting\n"
		"  member alice \"A\" gp\n"
		"  quorum { require present >= 2 }\n"
		"  class c { require yes >= 75% members }\n"
		"  effective 2024-04-01\n"
		"}\n");
	assert_string_equal(summary(c), "2:8 syntax\n5:32 syntax\n");
	assert_int_equal(c->n_errors, 2);
	assert_string_equal(diag_at(c, 0)->msg, "unexpected '=', expected name");
	assert_string_equal(diag_at(c, 1)->msg, "unexpected 'members'");
	/* the parser recovered: the terms block and its good items are there */
	assert_non_null(items);
	assert_int_equal(items->kind, N_TERMS);
	assert_string_equal(kinds(c, items->a), "member quorum class effective");
}

static void test_unexpected_token_text(void **state)
{
	CTX(c);
	parse(c, "terms \"t\" {\n  bogus thing\n}\n");
	assert_string_equal(diag_at(c, 0)->msg, "unexpected name 'bogus', expected '}' or a new item");
	parse(c, "terms \"t\" { role gp 3 }\n");
	assert_string_equal(diag_at(c, 0)->msg, "unexpected number 3, expected string");
	parse(c, "terms \"t\" { effective \"soon\" }\n");
	assert_string_equal(diag_at(c, 0)->msg, "unexpected string \"soon\", expected date");
	parse(c, "terms \"t\" { role gp \"GP\" }\n");
	assert_string_equal(diag_at(c, 0)->msg, "unexpected '}', expected 'attending' or 'voting'");
	parse(c, "terms { }\n");
	assert_string_equal(diag_at(c, 0)->msg, "unexpected '{', expected string");
	/* long words are shortened on a character boundary */
	parse(c, "terms \"t\" { effective \"\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\" }\n");
	assert_string_equal(diag_at(c, 0)->msg, "unexpected string \"\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9..., expected date");
}

static void test_reserved_word(void **state)
{
	CTX(c);
	parse(c, "terms \"t\" {\n  role to \"To\" voting\n}\n");
	assert_string_equal(summary(c), "2:8 syntax\n");
	const struct diag *d = diag_at(c, 0);
	assert_string_equal(d->msg, "unexpected 'to', expected name");
	assert_non_null(d->notes);
	assert_string_equal(d->notes->msg, "'to' is a reserved word and cannot be used as a name");
	/* a word of expressions cannot name a rule */
	parse(c, "rule yes = 1\n");
	assert_string_equal(diag_at(c, 0)->notes->msg,
	                    "'yes' is a word of expressions or begins an item, so it cannot name a rule or a parameter");
	/* no such note where a name is not what was expected */
	parse(c, "terms \"t\" { role gp \"GP\" member }\n");
	assert_null(diag_at(c, 0)->notes);
}

/* The file ends inside a block: one error, at the end, with a note at the
** opener of the innermost unclosed block. */
static void test_unclosed_block(void **state)
{
	CTX(c);
	static const char text[] =
		"terms \"t\" {\n"
		"  effective 2024-04-01\n"
		"  quorum §3.1 {\n"
		"    require present >= 1\n";
	parse(c, text);
	assert_string_equal(summary(c), "4:25 syntax\n");
	const struct diag *d = diag_at(c, 0);
	assert_non_null(d->notes);
	assert_null(d->notes->next);
	unsigned line, col;
	source_position(&c->src, d->notes->loc.start, &line, &col);
	assert_int_equal(line, 3);
	assert_int_equal(col, 15);
	assert_string_equal(d->notes->msg, "the block or parenthesis opened here is not closed");

	/* the same while recovering from an earlier error: still one message */
	parse(c, "terms \"t\" {\n  role = 1\n  quorum {\n");
	assert_string_equal(summary(c), "2:8 syntax\n3:11 syntax\n");
	assert_string_equal(diag_at(c, 1)->msg, "unexpected end of file, expected '}' or a new item");
	source_position(&c->src, diag_at(c, 1)->notes->loc.start, &line, &col);
	assert_int_equal(line, 3);
	assert_int_equal(col, 10);
}

/* A clause keyword inside an inner block: "is its '}' missing?", with the
** '}' as the fix-it after the line before, and a note at the '{'. */
static void test_missing_brace_hint(void **state)
{
	CTX(c);
	parse(c,
	      "terms \"t\" {\n"
	      "  quorum {\n"
	      "    require present >= 1\n"
	      "\n"
	      "  class c { require yes > half of cast }\n"
	      "}\n");
	assert_string_equal(summary(c), "5:3 syntax\n");
	const struct diag *d = diag_at(c, 0);
	assert_string_equal(d->msg, "'class' cannot stand inside the block opened on line 2: is its '}' missing?");
	assert_non_null(d->fixit);
	assert_string_equal(d->fixit->text, " }");
	assert_non_null(d->notes);
	assert_string_equal(d->notes->msg, "the block opened here");
	unsigned line, col;
	source_position(&c->src, d->notes->loc.start, &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 10);
	/* at the top level of a terms block there is nothing to hint at */
	parse(c, "terms \"t\" {\n  role use \"x\" voting\n}\n");
	assert_string_equal(diag_at(c, 0)->msg, "unexpected 'use', expected name");
	for (const struct diag_note *n = diag_at(c, 0)->notes; n; n = n->next)
		assert_null(strstr(n->msg, "missing"));
}

static void test_unclosed_paren(void **state)
{
	CTX(c);
	parse(c, "terms \"t\" {\n  quorum { require (present >= 1\n  }\n}\n");
	assert_string_equal(summary(c), "2:33 syntax\n"); /* at the end of the unfinished line */
	const struct diag *d = diag_at(c, 0);
	assert_non_null(d->notes);
	assert_string_equal(d->notes->msg, "the parenthesis opened here is not closed");
	unsigned line, col;
	source_position(&c->src, d->notes->loc.start, &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 20);
}

/* Twenty errors, then "too many errors", then silence. */
static void test_error_cap(void **state)
{
	CTX(c);
	char *text = arena_strdup(&c->f.arena, "terms \"t\" {\n");
	for (int i = 0; i < 30; i++) /* each error is followed by enough good tokens to resynchronise */
		text = arena_printf(&c->f.arena, "%s  role = 1\n  role r%d \"R\" voting\n", text, i);
	text = arena_printf(&c->f.arena, "%s}\n", text);
	parse(c, text);
	assert_int_equal(c->f.diag.items.n, DIAG_MAX_ERRORS + 1);
	for (size_t i = 0; i < DIAG_MAX_ERRORS; i++)
		assert_int_equal(diag_at(c, i)->code, D_SYNTAX);
	assert_int_equal(diag_at(c, DIAG_MAX_ERRORS)->code, D_TOO_MANY);
	assert_true(c->f.diag.stopped);
	unsigned line, col;
	source_position(&c->src, diag_at(c, 19)->loc.start, &line, &col);
	assert_int_equal(line, 40); /* the twentieth `role = 1` */
}

/* ==== limits ================================================================= */

static void test_nesting_limit(void **state)
{
	CTX(c);
	/* 64 levels are allowed: the terms brace, the quorum brace, 62 parens */
	char *ok = arena_printf(&c->f.arena, "terms \"t\" { quorum { require present >= %.*s1%.*s } }\n",
	                        62, "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((",
	                        62, "))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))");
	parse(c, ok);
	assert_int_equal(c->n_errors, 0);
	/* one more is "nesting too deep", once, and the parse stops there */
	char *deep = arena_printf(&c->f.arena, "terms \"t\" { quorum { require present >= %.*s1%.*s } }\n  role = 1\n",
	                          63, "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((",
	                          63, "))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))");
	parse(c, deep);
	assert_string_equal(summary(c), "1:103 limit\n");
	assert_string_equal(diag_at(c, 0)->msg, "nesting too deep (more than 64 levels of braces and parentheses)");
}

/* Regression: flex NUL-terminates each token in the buffer it scans, and
** puts the byte back only when it scans on.  A parse that stopped early left
** a NUL inside the source text, which then showed as '?' in the quoted line
** (and could cut the line table short). */
static void test_source_text_intact(void **state)
{
	CTX(c);
	char *deep = arena_strdup(&c->f.arena, "terms \"t\" { quorum { require present >= ");
	for (int i = 0; i < 70; i++)
		deep = arena_printf(&c->f.arena, "%s(", deep);
	deep = arena_printf(&c->f.arena, "%s1 } }\nrole\n", deep);
	parse(c, deep);
	assert_int_equal(c->n_errors, 1);
	assert_memory_equal(c->src.text, deep, strlen(deep));
	/* the same for a parser that gives up (the parser's own stack limit) */
	char *nots = arena_strdup(&c->f.arena, "terms \"t\" { quorum { require ");
	for (int i = 0; i < 2500; i++)
		nots = arena_printf(&c->f.arena, "%snot ", nots);
	nots = arena_printf(&c->f.arena, "%strue } }\n", nots);
	parse(c, nots);
	assert_int_equal(c->n_errors, 1);
	assert_int_equal(diag_at(c, 0)->code, D_LIMIT);
	assert_memory_equal(c->src.text, nots, strlen(nots));
}

static void test_expression_depth_limit(void **state)
{
	CTX(c);
	char *sum = arena_strdup(&c->f.arena, "rule r = 1");
	for (int i = 0; i < 100; i++)
		sum = arena_printf(&c->f.arena, "%s + 1", sum);
	parse(c, arena_printf(&c->f.arena, "%s\n", sum));
	assert_int_equal(c->n_errors, 0);
	parse(c, arena_printf(&c->f.arena, "%s + 1\n", sum));
	assert_string_equal(summary(c), "1:10 limit\n");
	assert_string_equal(diag_at(c, 0)->msg, "expression nested too deeply (more than 100 levels); split it into rules");
}

/* ==== the item reader ======================================================== */

/* Items are handed out one at a time, each into the arena current when it is
** read, so replay can drop a meeting's memory before reading the next. */
static void test_item_reader(void **state)
{
	CTX(c);
	static const char text[] =
		"meeting \"one\" on 2024-01-01 { chair a }\n"
		"meeting \"two\" on 2024-02-01 { chair b }\n"
		"meeting \"three\" on 2024-03-01 { chair = }\n"
		"meeting \"four\" on 2024-04-01 { chair d }\n";
	source_from_memory(&c->src, &c->f.arena, "h.minutes", text, sizeof text - 1);
	struct ast_file file;
	memset(&file, 0, sizeof file);
	struct item_reader *r = item_reader_open(&c->f.arena, &c->f.diag, &c->src, &file);
	struct arena per_item;
	arena_init(&per_item, &c->f.mem);
	const char *titles[4];
	size_t n = 0;
	const struct node *item;
	while ((item = item_reader_next(r))) {
		assert_true(n < 4);
		assert_int_equal(item->kind, N_MEETING);
		titles[n++] = arena_strdup(&c->f.arena, item->a->text);
		arena_reset(&per_item);
		item_reader_set_arena(r, &per_item);
	}
	item_reader_close(r);
	arena_free(&per_item);
	assert_int_equal(n, 4); /* the broken one is still handed out */
	assert_string_equal(titles[0], "one");
	assert_string_equal(titles[2], "three");
	assert_string_equal(titles[3], "four");
	assert_string_equal(summary(c), "3:39 syntax\n");
	/* the text is intact between items */
	assert_memory_equal(c->src.text, text, sizeof text - 1);
}

/* ==== out of memory ========================================================== */

/* Long enough that the parse itself needs several arena chunks, so that
** failures fall inside the scanner and parser too, not only before them. */
static char fault_text[64 * 1024];

static void make_fault_text(void)
{
	size_t n = (size_t)snprintf(fault_text, sizeof fault_text,
		"# a comment\n"
		"terms \"t\" {\n"
		"  effective 2024-04-01\n"
		"  role gp \"GP\" voting\n"
		"  quorum { require present >= 1/3 of members rounded up }\n"
		"  class c { require yes > half of cast }\n"
		"  role = 1\n");
	for (int i = 0; n + 100 < sizeof fault_text && i < 500; i++)
		n += (size_t)snprintf(fault_text + n, sizeof fault_text - n,
		                      "  member m%d \"Member %d\" gp clinician  # %d\n", i, i, i);
	snprintf(fault_text + n, sizeof fault_text - n, "}\n");
}

/* Parse fault_text with allocation number fail_at failing (0: none).
** Returns true if the out-of-memory jump was taken; *n_allocs is the number
** of allocations made. */
static bool parse_failing_at(unsigned long fail_at, unsigned long *n_allocs)
{
	static struct mem m;        /* static: still valid after longjmp */
	static struct arena a;
	jmp_buf j;
	memset(&m, 0, sizeof m);
	m.on_oom = &j;
	m.fail_at = fail_at;
	arena_init(&a, &m);
	bool jumped = true;
	if (setjmp(j) == 0) {
		struct diag_sink d;
		diag_init(&d, &a);
		struct source s;
		struct ast_file f;
		source_from_memory(&s, &a, "t.tor", fault_text, strlen(fault_text));
		assert_int_equal(parse_file(&a, &d, &s, &f), 1);
		jumped = false;
	}
	*n_allocs = m.n_allocs;
	arena_free(&a);
	return jumped;
}

/* Fail each allocation in turn: every failure must reach the context's jump,
** never crash or carry on as if nothing happened. */
/* text written to a temporary file (removed at once) and opened as a
** record is: mapped, where it is long enough to be. */
static void map_text(struct ctx *c, const char *text, size_t len, struct source *mapped)
{
	char path[] = "/tmp/quorate-test-map.XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	close(fd);
	struct stat st;
	const char *why = NULL;
	assert_int_equal(source_map_stat(mapped, &c->f.arena, path, &st, &why), 0);
	unlink(path);
}

/*
** A long record file is mapped (source_map_stat), its lines found from a
** count per block: every position and every line's text must be what the
** table of a copy in memory says, before and after its pages are given
** back, with a byte-order mark, CRLF lines, a last line without its end, a
** length that is a multiple of the page, and one that is not.
*/
static void check_mapped(struct ctx *c, const char *text, size_t len)
{
	struct source mapped, copy;
	map_text(c, text, len, &mapped);
	assert_true(mapped.map_len > 0);
	assert_int_equal(mapped.text[len], '\0');
	assert_int_equal(mapped.text[len + 1], '\0');
	/* positions in memory: from the table of lines once it is built (a
	** line's text asked), counted as in the mapped file before */
	struct source counted;
	source_from_memory(&copy, &c->f.arena, "copy", text, len);
	source_from_memory(&counted, &c->f.arena, "counted", text, len);
	size_t first_len;
	source_line_text(&copy, 1, &first_len);
	assert_non_null(copy.lines);
	for (int round = 0; round < 2; round++) {
		for (uint32_t off = 0; off <= len; off += off < 300 ? 1 : 997) {
			unsigned l1, c1, l2, c2, l3, c3;
			if (round == 1 && off % 5 == 0) { /* lines counted in the window the reader reads */
				size_t avail;
				const char *w = source_view(&mapped, off - off % 3, &avail);
				assert_true(avail > 0 || off - off % 3 == len);
				assert_memory_equal(w, text + (off - off % 3), avail);
				assert_int_equal(w[avail], '\0');
			}
			source_position(&mapped, off, &l1, &c1);
			source_position(&copy, off, &l2, &c2);
			source_position(&counted, off, &l3, &c3);
			assert_int_equal(l1, l2);
			assert_int_equal(c1, c2);
			assert_int_equal(l3, l2);
			assert_int_equal(c3, c2);
		}
		/* on, then back a little (a report asks a meeting's findings after
		** its motions'), then on again: counted back from the last asked */
		for (uint32_t off = 0; off + 3000 <= len; off += 7919) {
			const uint32_t asks[] = { off + 2999, off + 2999 - off % 1500, off + 1, off + 2000 };
			for (size_t k = 0; k < sizeof asks / sizeof asks[0]; k++) {
				unsigned l1, c1, l2, c2;
				source_position(&mapped, asks[k], &l1, &c1);
				source_position(&copy, asks[k], &l2, &c2);
				assert_int_equal(l1, l2);
				assert_int_equal(c1, c2);
			}
		}
		for (unsigned line = 0; line < copy.n_lines + 2; line += line < 50 ? 1 : 101) {
			size_t n1, n2;
			const char *t1 = source_line_text(&mapped, line, &n1);
			const char *t2 = source_line_text(&copy, line, &n2);
			assert_int_equal(n1, n2);
			assert_memory_equal(t1, t2, n1);
		}
		source_forget_behind(&mapped, (uint32_t)len); /* the next round reads the file again */
		source_forget_all(&mapped);
	}
	assert_memory_equal(mapped.text, text, len);
	/* read as the scanners and the hash read it: the same bytes */
	char piece[4099];
	for (uint32_t off = 0; off < len; off += 65521) {
		size_t n = source_copy(&mapped, off, piece, sizeof piece);
		assert_int_equal(n, len - off < sizeof piece ? len - off : sizeof piece);
		assert_memory_equal(piece, text + off, n);
	}
	char h1[SHA256_HEX_SIZE], h2[SHA256_HEX_SIZE];
	assert_true(source_sha256_hex(&mapped, h1));
	assert_true(sha256_hex(text, len, h2));
	assert_string_equal(h1, h2);
	source_close(&mapped);
	/* Read into memory when short. */
	map_text(c, text, 100, &mapped);
	assert_int_equal(mapped.map_len, 0);
	source_close(&mapped);
}

static void test_mapped_source(void **state)
{
	CTX(c);
	size_t len = 3 * 1024 * 1024;
	char *text = malloc(len);
	assert_non_null(text);
	memcpy(text, "\xEF\xBB\xBF", 3);
	size_t at = 3;
	for (unsigned i = 0; at < len; i++) {
		int n = snprintf(text + at, len - at, i % 7 ? "motion %u \"si\xC3\xB4n\"\r\n" : "meeting %u {\n", i);
		at += (size_t)n < len - at ? (size_t)n : len - at;
	}
	text[len - 1] = 'x'; /* the last line has no end */
	check_mapped(c, text, len);             /* a multiple of the page */
	check_mapped(c, text + 3, len - 1000);  /* not, and no mark */
	free(text);
}

/* Whether the page holding addr is mapped in this process (pagemap's
** present bit, which an unprivileged process may read). */
static bool page_present(const void *addr)
{
	FILE *f = fopen("/proc/self/pagemap", "rb");
	if (!f)
		return false;
	uint64_t entry = 0;
	long page = sysconf(_SC_PAGESIZE);
	bool ok = fseek(f, (long)((uintptr_t)addr / (uintptr_t)page * sizeof entry), SEEK_SET) == 0 &&
	          fread(&entry, sizeof entry, 1, f) == 1;
	fclose(f);
	return ok && (entry >> 63);
}

/* Reading on through a mapped file gives every page behind the mark back,
** wherever the offsets asked fall in a page: a mark inside a page once
** kept that page, one a megabyte read (an RSS growing with the file).  A
** page mapped again behind the mark, as the kernel's read-ahead was seen to
** do, is given back too. */
static void test_forget_behind_keeps_no_page(void **state)
{
	CTX(c);
	size_t len = 8u << 20;
	char *text = malloc(len);
	assert_non_null(text);
	for (size_t i = 0; i < len; i++)
		text[i] = i % 64 == 63 ? '\n' : 'a';
	struct source mapped;
	map_text(c, text, len, &mapped);
	assert_true(mapped.map_len > 0);
	volatile char sink = 0;
	uint32_t read_to = 0;
	uint32_t mapped_back = 0;
	for (uint32_t off = 0; off < len; off += 37001) { /* read on, at no page boundary */
		for (; read_to < off; read_to += 512) /* every page read, as a parser does */
			sink ^= mapped.text[read_to];
		source_forget_behind(&mapped, off);
		if (!mapped_back && mapped.forgotten > (2u << 20)) { /* as the kernel's read-ahead can */
			mapped_back = mapped.forgotten - (1u << 20);
			sink ^= mapped.text[mapped_back];
		}
	}
	sink ^= mapped.text[len - 1];
	(void)sink;
	assert_true(mapped.forgotten > (4u << 20));
	assert_true(mapped_back > 0);
	if (!page_present(mapped.text + len - 1)) /* pagemap unreadable here: nothing to learn */
		skip();
	long page = sysconf(_SC_PAGESIZE);
	for (uint32_t off = 0; off < mapped.forgotten; off += (uint32_t)page)
		if (page_present(mapped.text + off))
			fail_msg("page at offset %u is still mapped; forgotten up to %u", off, mapped.forgotten);
	source_close(&mapped);
	free(text);
}

/* A mapped file is scanned through a window of flex's own, not in place:
** the same items and the same diagnostics as from memory, its text intact. */
static void test_mapped_parse(void **state)
{
	CTX(c);
	size_t cap = 2 * 1024 * 1024, len = 0;
	char *text = malloc(cap);
	assert_non_null(text);
	unsigned n = 0;
	while (len < (size_t)(1.5 * 1024 * 1024)) {
		len += (size_t)snprintf(text + len, cap - len, "meeting \"M%u\" on 2024-01-%02u {\n  present alice, bob # %u\n}\n",
		                        n, n % 28 + 1, n);
		n++;
	}
	len += (size_t)snprintf(text + len, cap - len, "meeting \"Last\" on 2024-02-30 {\n  present carol,\n}\n");
	struct source mapped;
	map_text(c, text, len, &mapped);
	assert_true(mapped.map_len > 0);
	struct ast_file from_map;
	struct diag_sink map_diag;
	diag_init(&map_diag, &c->f.arena);
	unsigned map_errors = parse_file(&c->f.arena, &map_diag, &mapped, &from_map);
	const struct node *items = parse_n(c, text, len);
	assert_int_equal(map_errors, c->n_errors);
	assert_true(map_errors > 0);
	unsigned k = 0;
	const struct node *a = from_map.items, *b = items;
	for (; a && b; a = a->next, b = b->next, k++) {
		assert_int_equal(a->span.start, b->span.start);
		assert_int_equal(a->span.end, b->span.end);
	}
	assert_null(a);
	assert_null(b);
	assert_true(k >= n); /* the broken last meeting may give no item, from either */
	assert_memory_equal(mapped.text, text, len);
	source_close(&mapped);
	free(text);
}

static void test_fault_injection(void **state)
{
	(void)state;
	make_fault_text();
	unsigned long n_allocs = 0, n = 0;
	assert_false(parse_failing_at(0, &n_allocs));
	assert_true(n_allocs > 10);
	for (unsigned long k = 1; k <= n_allocs; k++)
		if (!parse_failing_at(k, &n))
			fail_msg("allocation %lu of %lu failed without reaching the jump", k, n_allocs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keywords_sorted),
		cmocka_unit_test_setup_teardown(test_keywords_recognised, setup, teardown),
		cmocka_unit_test_setup_teardown(test_keywords_as_names, setup, teardown),
		cmocka_unit_test_setup_teardown(test_comparison_words, setup, teardown),
		cmocka_unit_test_setup_teardown(test_names_in_any_language, setup, teardown),
		cmocka_unit_test_setup_teardown(test_terms_shape, setup, teardown),
		cmocka_unit_test_setup_teardown(test_expression_precedence, setup, teardown),
		cmocka_unit_test_setup_teardown(test_numbers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_clause_labels, setup, teardown),
		cmocka_unit_test_setup_teardown(test_strings, setup, teardown),
		cmocka_unit_test_setup_teardown(test_meeting_shape, setup, teardown),
		cmocka_unit_test_setup_teardown(test_module_and_several_items, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_and_blank, setup, teardown),
		cmocka_unit_test_setup_teardown(test_crlf_and_bom, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lexical_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lexical_messages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_identifier_and_string_limits, setup, teardown),
		cmocka_unit_test_setup_teardown(test_encoding, setup, teardown),
		cmocka_unit_test_setup_teardown(test_two_syntax_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unexpected_token_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reserved_word, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unclosed_block, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_brace_hint, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unclosed_paren, setup, teardown),
		cmocka_unit_test_setup_teardown(test_error_cap, setup, teardown),
		cmocka_unit_test_setup_teardown(test_nesting_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_source_text_intact, setup, teardown),
		cmocka_unit_test_setup_teardown(test_expression_depth_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_item_reader, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mapped_source, setup, teardown),
		cmocka_unit_test_setup_teardown(test_forget_behind_keeps_no_page, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mapped_parse, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fault_injection, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
