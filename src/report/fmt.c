/*
** fmt: the canonical layout of terms and record files.
**
** Prints the syntax tree back with one item per line, blocks indented by two
** spaces, the columns of consecutive `role` and `member` lines aligned, one
** spacing for operators and lists, and every comment kept: a comment on its
** own line stays before the item it preceded, a comment after an item stays
** at the end of that item's line.  One blank line is kept wherever the source
** had one or more between items.  Numbers keep the form they were written
** in (75%, 2/3 and 0.75 are different rules to a reader), so formatting never
** changes meaning; printing formatted output again changes nothing.
*/
#include "report/fmt.h"

#include <string.h>

#include "base/sbuf.h"

struct fmt {
	struct sbuf out;
	const struct source *src;
	const struct comment *comments;
	size_t n_comments, next;     /* comments not yet printed start at next */
	int indent;
	size_t line_start;           /* offset in out of the current line */
};

/* ---- output ------------------------------------------------------------------------ */

static void emit(struct fmt *f, const char *s)
{
	sbuf_add(&f->out, s);
}

static void newline(struct fmt *f)
{
	/* no trailing blanks */
	while (f->out.len > f->line_start && f->out.text[f->out.len - 1] == ' ')
		f->out.text[--f->out.len] = '\0';
	emit(f, "\n");
	f->line_start = f->out.len;
}

static void start_line(struct fmt *f)
{
	for (int i = 0; i < f->indent; i++)
		emit(f, "  ");
}

static size_t column(const struct fmt *f)
{
	size_t col = 0;
	for (size_t i = f->line_start; i < f->out.len; i++)
		if (((unsigned char)f->out.text[i] & 0xC0) != 0x80)
			col++;
	return col;
}

static void pad_to(struct fmt *f, size_t col)
{
	while (column(f) < col)
		emit(f, " ");
}

static void emit_string(struct fmt *f, const char *s)
{
	emit(f, "\"");
	for (; *s; s++) {
		char c[3] = { *s, 0, 0 };
		if (*s == '"' || *s == '\\') {
			c[0] = '\\';
			c[1] = *s;
		}
		emit(f, c);
	}
	emit(f, "\"");
}

/* ---- comments ------------------------------------------------------------------------ */

static unsigned line_of(const struct fmt *f, uint32_t offset)
{
	unsigned line, col;
	source_position(f->src, offset, &line, &col);
	return line;
}

static const char *comment_text(struct fmt *f, const struct comment *c)
{
	/* the comment runs to the end of its line; drop a CR and trailing blanks */
	uint32_t end = c->span.end;
	while (end > c->span.start && (f->src->text[end - 1] == '\r' || f->src->text[end - 1] == ' ' ||
	                               f->src->text[end - 1] == '\t'))
		end--;
	return arena_strndup(f->out.arena, f->src->text + c->span.start, end - c->span.start);
}

/* Does the source have a blank line somewhere in [from, to)? */
static bool blank_line_between(const struct fmt *f, uint32_t from, uint32_t to)
{
	unsigned newlines = 0;
	for (uint32_t i = from; i < to && i < f->src->len; i++) {
		char ch = f->src->text[i];
		if (ch == '\n') {
			if (++newlines >= 2)
				return true;
		} else if (ch == '#') {
			/* a comment line between is not a blank line */
			while (i < to && f->src->text[i] != '\n')
				i++;
			newlines = 0;
			i--;
		} else if (ch != ' ' && ch != '\t' && ch != '\r') {
			newlines = 0;
		}
	}
	return false;
}

/* Print the own-line comments that come before `offset`; returns where the
** last printed one ended (or prev_end). */
static uint32_t flush_comments_before(struct fmt *f, uint32_t offset, uint32_t prev_end, bool first)
{
	while (f->next < f->n_comments && f->comments[f->next].span.start < offset) {
		const struct comment *c = &f->comments[f->next++];
		if (!first && blank_line_between(f, prev_end, c->span.start))
			newline(f);
		first = false;
		start_line(f);
		emit(f, comment_text(f, c));
		newline(f);
		prev_end = c->span.end;
	}
	return prev_end;
}

/* The next comment, if it is not on a line of its own and stands on `line`
** before `limit`. */
static const struct comment *trailing_comment(struct fmt *f, unsigned line, uint32_t limit)
{
	if (f->next >= f->n_comments)
		return NULL;
	const struct comment *c = &f->comments[f->next];
	if (c->own_line || c->span.start >= limit || line_of(f, c->span.start) != line)
		return NULL;
	return c;
}

/* The comment at the end of the line where an item ended; it belongs to the
** last item of that line, so it must come before the next item (limit). */
static void emit_trailing(struct fmt *f, uint32_t end_offset, uint32_t limit, size_t align_col)
{
	const struct comment *c = trailing_comment(f, line_of(f, end_offset ? end_offset - 1 : 0), limit);
	if (!c)
		return;
	f->next++;
	size_t col = column(f) + 2;
	pad_to(f, align_col > col ? align_col : col);
	emit(f, comment_text(f, c));
}

/* ---- expressions ----------------------------------------------------------------------- */

static void expr(struct fmt *f, const struct node *n);

static void ident_list(struct fmt *f, const struct node *ids)
{
	for (const struct node *id = ids; id; id = id->next) {
		emit(f, id->text);
		if (id->next)
			emit(f, ", ");
	}
}

static void arg_list(struct fmt *f, const struct node *args)
{
	emit(f, "(");
	for (const struct node *a = args; a; a = a->next) {
		expr(f, a);
		if (a->next)
			emit(f, ", ");
	}
	emit(f, ")");
}

static const char *func_name(int op)
{
	return op == FUNC_MIN ? "min" : op == FUNC_MAX ? "max" : op == FUNC_FLOOR ? "floor" : "ceil";
}

static void expr(struct fmt *f, const struct node *n)
{
	switch (n->kind) {
	case N_NUMBER:
		emit(f, n->text);
		return;
	case N_STRING:
		emit_string(f, n->text);
		return;
	case N_DATE: {
		char d[DATE_FMT_MAX];
		emit(f, date_format(n->v.date, d));
		return;
	}
	case N_BOOL:
		emit(f, n->v.boolean ? "true" : "false");
		return;
	case N_COUNT:
		emit(f, ast_count_name((enum count_kind)n->op));
		if (n->a) {
			emit(f, "(");
			ident_list(f, n->a);
			emit(f, ")");
		}
		return;
	case N_ATTR:
		emit(f, "motion.");
		emit(f, n->text);
		return;
	case N_NAME:
		emit(f, n->text);
		return;
	case N_CALL:
		emit(f, n->text);
		arg_list(f, n->a);
		return;
	case N_FUNC:
		emit(f, func_name(n->op));
		arg_list(f, n->a);
		return;
	case N_PAREN:
		emit(f, "(");
		expr(f, n->a);
		emit(f, ")");
		return;
	case N_UNARY:
		emit(f, n->op == OP_NOT ? "not " : "-");
		expr(f, n->a);
		return;
	case N_BINARY: {
		/* "2/3" reads as one fraction; other operators get spaces */
		bool tight = n->op == OP_DIV && n->a->kind == N_NUMBER && n->b->kind == N_NUMBER;
		expr(f, n->a);
		emit(f, tight ? "" : " ");
		/* a comparison in words (`no less than`) as it was written */
		emit(f, n->text ? n->text : ast_op_text((enum ast_op)n->op));
		emit(f, tight ? "" : " ");
		expr(f, n->b);
		return;
	}
	case N_ROUND:
		expr(f, n->a);
		emit(f, " rounded ");
		emit(f, n->text);
		return;
	default:
		return;
	}
}

/* ---- items ------------------------------------------------------------------------------ */

static const char *unit_name(const struct node *d)
{
	bool one = d->v.dur.n == 1;
	switch (d->v.dur.unit) {
	case DUR_DAYS: return one ? "day" : "days";
	case DUR_WEEKS: return one ? "week" : "weeks";
	case DUR_MONTHS: return one ? "month" : "months";
	default: return one ? "year" : "years";
	}
}

static void duration(struct fmt *f, const struct node *d)
{
	if (!d) {
		emit(f, "to be agreed");
		return;
	}
	emit(f, d->text);
	emit(f, d->op == 1 ? " clear " : " ");
	emit(f, unit_name(d));
}

static void clause(struct fmt *f, const struct node *n)
{
	if (n->clause) {
		emit(f, " §");
		emit(f, n->clause);
	}
}

static void outcome(struct fmt *f, int o)
{
	emit(f, ast_outcome_name((enum outcome)o));
}

static void items(struct fmt *f, const struct node *list, uint32_t block_end);

static void simple_item(struct fmt *f, const struct node *n);

/* Settings blocks with a single item may stay on one line, as written:
** `virtual §6.2 { ratify at next meeting }`, `quorum { to be agreed }`. */
static bool one_line_block(struct fmt *f, const struct node *n, const struct node *children)
{
	bool settings = n->kind == N_QUORUM || n->kind == N_INTERESTS || n->kind == N_VIRTUAL || n->kind == N_CLASS ||
	                n->kind == N_MAPS;
	bool comment_inside = f->next < f->n_comments && f->comments[f->next].span.start < n->span.end;
	return settings && children && !children->next && !comment_inside &&
	       line_of(f, n->span.start) == line_of(f, n->span.end ? n->span.end - 1 : 0);
}

/* `head {` items `}` */
static void block(struct fmt *f, const struct node *n, const struct node *children)
{
	if (one_line_block(f, n, children)) {
		emit(f, " { ");
		simple_item(f, children);
		emit(f, " }");
		return;
	}
	emit(f, " {");
	/* a comment after the opening brace, on the header's line */
	const struct comment *c = trailing_comment(f, line_of(f, n->span.start),
	                                           children ? children->span.start : n->span.end);
	if (c) {
		f->next++;
		emit(f, "  ");
		emit(f, comment_text(f, c));
	}
	newline(f);
	f->indent++;
	items(f, children, n->span.end);
	f->indent--;
	start_line(f);
	emit(f, "}");
}

static void attribute(struct fmt *f, const struct node *a)
{
	emit(f, " ");
	emit(f, a->text);
	if (a->a) {
		emit(f, " ");
		expr(f, a->a);
	}
}

/* The one-line form of a simple item (everything but blocks). */
static void simple_item(struct fmt *f, const struct node *n)
{
	switch (n->kind) {
	case N_VERSION: emit(f, "version "); emit_string(f, n->a->text); break;
	case N_EFFECTIVE: emit(f, "effective "); expr(f, n->a); break;
	case N_REVIEW: emit(f, "review"); clause(f, n); emit(f, " every "); duration(f, n->a); break;
	case N_MEETS: emit(f, "meets"); clause(f, n); emit(f, " every "); duration(f, n->a); break;
	case N_MEETS_LEAST:
		emit(f, "meets");
		clause(f, n);
		emit(f, " at least ");
		emit(f, n->a->text);
		emit(f, " ");
		emit(f, n->b->text);
		emit(f, " ");
		emit(f, n->c->text);
		emit(f, " year");
		break;
	case N_CHAIRED:
		emit(f, "chaired");
		clause(f, n);
		emit(f, " by ");
		if (n->op == 1)
			emit(f, "any member");
		else
			ident_list(f, n->a);
		break;
	case N_MINUTES_VOTES: emit(f, "minutes"); clause(f, n); emit(f, " record votes"); break;
	case N_USE: emit(f, "use "); emit(f, n->text); break;
	case N_SIZE:
		emit(f, "size ");
		if (n->a) {
			emit(f, n->a->text);
			emit(f, " to ");
			emit(f, n->b->text);
		} else {
			emit(f, "to be agreed");
		}
		break;
	case N_CONSENSUS:
		emit(f, "consensus");
		clause(f, n);
		emit(f, " ");
		emit(f, n->a ? n->a->text : "to be agreed");
		if (n->b) { /* `where possible`, as written */
			emit(f, " ");
			emit(f, n->b->text);
		}
		break;
	case N_CASTING:
		emit(f, "casting vote");
		clause(f, n);
		emit(f, n->op == 2 ? " to be agreed" : n->op ? " chair" : " none");
		break;
	case N_NOTICE:
		emit(f, "notice");
		clause(f, n);
		emit(f, " ");
		emit(f, n->text); /* papers, minutes or amendments */
		emit(f, strcmp(n->text, "papers") == 0 ? " " : " within ");
		duration(f, n->a);
		emit(f, n->op == 1 ? " before" : n->op == 2 ? " after" : "");
		break;
	case N_RULE:
		emit(f, "rule ");
		emit(f, n->text);
		if (n->op) {
			emit(f, "(");
			ident_list(f, n->a);
			emit(f, ")");
		}
		emit(f, " = ");
		expr(f, n->b);
		break;
	case N_REQUIRE: emit(f, "require "); expr(f, n->a); break;
	case N_WHEN: emit(f, "when "); expr(f, n->a); break;
	case N_CLASS_NOTICE: emit(f, "notice "); duration(f, n->a); emit(f, " before"); break;
	case N_CLASS_APPROVAL: emit(f, "approval by "); emit_string(f, n->a->text); break;
	case N_SETTING: emit(f, "conflicted "); emit(f, n->text); emit(f, ": "); emit(f, n->a->text); break;
	case N_MAP: emit(f, n->text); emit(f, ": "); ident_list(f, n->a); break;
	case N_RATIFY:
		emit(f, "ratify ");
		if (n->a) {
			emit(f, "within ");
			duration(f, n->a);
		} else {
			emit(f, "at next meeting");
		}
		break;
	case N_TBA: emit(f, n->text ? "to be agreed locally" : "to be agreed"); break;
	case N_TERMS_REF: emit(f, "terms "); emit_string(f, n->a->text); break;
	case N_CHAIR: emit(f, "chair "); emit(f, n->a->text); break;
	/* The word after papers/minutes/notice is printed as written: a wrong
	** word is an error for eval, and fmt must not quietly mend it. */
	case N_PAPERS: emit(f, "papers "); emit(f, n->b->text); emit(f, " "); expr(f, n->a); break;
	case N_MINUTES: emit(f, "minutes "); emit(f, n->b->text); emit(f, " "); expr(f, n->a); break;
	case N_PRESENT: emit(f, "present "); ident_list(f, n->a); break;
	case N_APOLOGIES: emit(f, "apologies "); ident_list(f, n->a); break;
	case N_ATTENDING: emit(f, "attending "); ident_list(f, n->a); break;
	case N_ARRIVES: emit(f, "arrives "); ident_list(f, n->a); break;
	case N_DEPUTY_FOR: emit(f, "deputy "); emit(f, n->a->text); emit(f, " for "); emit(f, n->b->text); break;
	case N_LEAVES: emit(f, "leaves "); ident_list(f, n->a); break;
	case N_INTEREST:
		emit(f, "interest ");
		emit(f, n->a->text);
		if (n->b) {
			emit(f, " ");
			emit_string(f, n->b->text);
		}
		break;
	case N_VOTES:
		emit(f, n->op == VOTE_FOR ? "for " : n->op == VOTE_AGAINST ? "against " : "abstain ");
		ident_list(f, n->a);
		break;
	case N_TALLY:
		emit(f, "tally for ");
		emit(f, n->a->text);
		emit(f, " against ");
		emit(f, n->b->text);
		if (n->c) {
			emit(f, " abstain ");
			emit(f, n->c->text);
		}
		break;
	case N_CONSENSUS_REC: emit(f, "consensus"); break;
	case N_OBJECTION:
		emit(f, "objection ");
		emit(f, n->a->text);
		if (n->b) {
			emit(f, " ");
			emit_string(f, n->b->text);
		}
		break;
	case N_CASTING_VOTE:
		/* `casting WORD` parses for any word so that the record reader can
		 * say what was expected: print the word as written, never a
		 * corrected one (fmt must not turn a mistake into `declined`). */
		emit(f, n->op == VOTE_FOR ? "casting for" : n->op == VOTE_AGAINST ? "casting against" : "casting ");
		if (n->op != VOTE_FOR && n->op != VOTE_AGAINST)
			emit(f, n->b ? n->b->text : "declined");
		break;
	case N_RECORDED: emit(f, "recorded "); outcome(f, n->op); break;
	case N_DECLARED: emit(f, "declared "); outcome(f, n->op); break;
	case N_EXPECT: emit(f, "expect "); outcome(f, n->op); break;
	case N_NOTICE_GIVEN: emit(f, "notice "); emit(f, n->b->text); emit(f, " "); expr(f, n->a); break;
	case N_VIRTUAL_ON: emit(f, "virtual on "); expr(f, n->a); break;
	case N_RATIFIES:
		emit(f, "ratifies ");
		emit_string(f, n->a->text);
		emit(f, " motion ");
		emit(f, n->text);
		break;
	case N_APPROVAL_REC:
		emit(f, n->op ? "approved by " : "refused by ");
		emit_string(f, n->a->text);
		emit(f, " on ");
		expr(f, n->b);
		break;
	default:
		break;
	}
}

/* Items with a block: their header, then the block. */
static bool block_item(struct fmt *f, const struct node *n)
{
	switch (n->kind) {
	case N_TERMS:
		emit(f, "terms ");
		emit_string(f, n->text);
		block(f, n, n->a);
		return true;
	case N_MEETING:
		emit(f, "meeting ");
		emit_string(f, n->a->text);
		emit(f, " on ");
		expr(f, n->b);
		block(f, n, n->c);
		return true;
	case N_EXAMPLE:
		emit(f, "example ");
		emit_string(f, n->a->text);
		if (n->b) {
			emit(f, " on ");
			expr(f, n->b);
		}
		block(f, n, n->c);
		return true;
	case N_QUORUM: case N_INTERESTS: case N_VIRTUAL: case N_CLASS: case N_MAPS:
		emit(f, n->kind == N_QUORUM ? "quorum" : n->kind == N_INTERESTS ? "interests"
		      : n->kind == N_VIRTUAL ? "virtual" : n->kind == N_MAPS ? "maps" : "class ");
		if (n->kind == N_CLASS)
			emit(f, n->text);
		clause(f, n);
		if (n->a && n->a->kind == N_STRING) {
			emit(f, " ");
			emit_string(f, n->a->text);
		}
		block(f, n, n->b);
		return true;
	case N_MOTION:
		emit(f, "motion");
		if (n->text) {
			emit(f, " ");
			emit(f, n->text);
		}
		if (n->a) {
			emit(f, " ");
			emit_string(f, n->a->text);
		}
		for (const struct node *a = n->b; a; a = a->next)
			attribute(f, a);
		block(f, n, n->c);
		return true;
	default:
		return false;
	}
}

/* ---- aligned tables of roles and members -------------------------------------------------- */

struct columns {
	size_t id, title, rest;   /* widths */
};

static size_t utf8_len(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static size_t quoted_len(const char *s)
{
	size_t n = utf8_len(s) + 2;
	for (; *s; s++)
		n += *s == '"' || *s == '\\';
	return n;
}

/* Widths over the run of items of the same kind starting at n. */
static struct columns table_widths(const struct node *n)
{
	struct columns w = { 0, 0, 0 };
	for (const struct node *m = n; m && m->kind == n->kind; m = m->next) {
		size_t id = utf8_len(m->text), title = quoted_len(m->a->text);
		w.id = id > w.id ? id : w.id;
		w.title = title > w.title ? title : w.title;
	}
	return w;
}

static void table_row(struct fmt *f, const struct node *n, const struct columns *w, size_t indent_cols)
{
	emit(f, n->kind == N_ROLE ? "role " : "member ");
	size_t base = indent_cols + (n->kind == N_ROLE ? 5 : 7);
	emit(f, n->text);
	pad_to(f, base + w->id + 1);
	emit_string(f, n->a->text);
	if (n->kind == N_ROLE) {
		pad_to(f, base + w->id + 1 + w->title + 1);
		emit(f, n->op ? "voting" : "attending");
		return;
	}
	bool any = n->b || n->c || n->d;
	if (any)
		pad_to(f, base + w->id + 1 + w->title + 1);
	for (const struct node *id = n->b; id; id = id->next) {
		if (id->kind == N_DEPUTY) {
			emit(f, "deputy for ");
			ident_list(f, id->a);
		} else {
			emit(f, id->text);
		}
		if (id->next || n->c || n->d)
			emit(f, " ");
	}
	if (n->c) {
		emit(f, "from ");
		expr(f, n->c);
		if (n->d)
			emit(f, " ");
	}
	if (n->d) {
		emit(f, "until ");
		expr(f, n->d);
	}
}

/* Is n printed on one line (not a multi-line block)? */
static bool single_line(struct fmt *f, const struct node *n)
{
	switch (n->kind) {
	case N_TERMS: case N_MEETING: case N_EXAMPLE: case N_MOTION:
		return false;
	case N_QUORUM: case N_INTERESTS: case N_VIRTUAL: case N_CLASS: case N_MAPS:
		return one_line_block(f, n, n->b);
	default:
		return true;
	}
}

/* The comment at the end of n's last line, without taking it. */
static bool has_trailing(struct fmt *f, const struct node *n)
{
	/* As emit_trailing sees it: the first comment not printed before n.
	** A comment inside a one-line item (between the words of a rule) is
	** printed after it, so the item then has no trailing comment. */
	size_t i = f->next;
	while (i < f->n_comments && f->comments[i].span.start < n->span.start)
		i++;
	if (i < f->n_comments && f->comments[i].span.start < n->span.end)
		return false;
	uint32_t limit = n->next ? n->next->span.start : UINT32_MAX; /* the last item of a line owns it */
	return i < f->n_comments && !f->comments[i].own_line && f->comments[i].span.start < limit &&
	       line_of(f, f->comments[i].span.start) == line_of(f, n->span.end - 1);
}

static size_t comments_between(const struct fmt *f, uint32_t from, uint32_t to)
{
	size_t n = 0;
	for (size_t i = f->next; i < f->n_comments && f->comments[i].span.start < to; i++)
		n += f->comments[i].span.start >= from;
	return n;
}

/* Render n on a scratch line and measure it. */
static size_t measure(struct fmt *f, const struct node *n, const struct node *run, const struct columns *w)
{
	size_t saved_len = f->out.len, saved_start = f->line_start, saved_next = f->next;
	f->line_start = f->out.len;
	start_line(f);
	if (run)
		table_row(f, n, w, (size_t)f->indent * 2);
	else if (!block_item(f, n))
		simple_item(f, n);
	size_t col = column(f);
	f->out.len = saved_len;
	if (f->out.text)
		f->out.text[saved_len] = '\0';
	f->line_start = saved_start;
	f->next = saved_next;
	return col;
}

/*
** Trailing comments on consecutive lines line up, two spaces after the
** longest line of the run (as gofmt does).  Returns that column for the run
** starting at n, or 0 when n has no trailing comment.
*/
static size_t comment_column(struct fmt *f, const struct node *n, const struct node *run, const struct columns *w,
                             const struct node **run_end)
{
	*run_end = n->next;
	if (!single_line(f, n) || !has_trailing(f, n))
		return 0;
	size_t widest = 0;
	const struct node *prev = NULL;
	for (const struct node *m = n; m && single_line(f, m) && has_trailing(f, m); prev = m, m = m->next) {
		bool is_row = m->kind == N_ROLE || m->kind == N_MEMBER;
		if ((run && m->kind != run->kind) || (!run && is_row))
			break; /* a table and the lines around it align separately */
		if (prev && (blank_line_between(f, prev->span.end, m->span.start) ||
		             comments_between(f, prev->span.end, m->span.start) > 1))
			break; /* a blank line or an own-line comment ends the run */
		size_t col = measure(f, m, run, w);
		widest = col > widest ? col : widest;
		*run_end = m->next;
	}
	return widest + 2;
}

/* ---- lists of items ---------------------------------------------------------------------------- */

static void items(struct fmt *f, const struct node *list, uint32_t block_end)
{
	uint32_t prev_end = 0;
	bool first = true;
	const struct node *run = NULL;
	struct columns widths = { 0, 0, 0 };
	size_t comment_col = 0;  /* where trailing comments of the current run line up */
	const struct node *comment_run_end = NULL;
	for (const struct node *n = list; n; n = n->next) {
		bool had_comments = f->next < f->n_comments && f->comments[f->next].span.start < n->span.start;
		uint32_t last = flush_comments_before(f, n->span.start, prev_end, first);
		if ((!first || had_comments) && blank_line_between(f, last, n->span.start))
			newline(f);
		if ((n->kind == N_ROLE || n->kind == N_MEMBER) && (!run || run->kind != n->kind)) {
			run = n;
			widths = table_widths(n);
		} else if (n->kind != N_ROLE && n->kind != N_MEMBER) {
			run = NULL;
		}
		if (comment_col == 0 || n == comment_run_end)
			comment_col = comment_column(f, n, run, &widths, &comment_run_end);
		start_line(f);
		if (run)
			table_row(f, n, &widths, (size_t)f->indent * 2);
		else if (!block_item(f, n))
			simple_item(f, n);
		emit_trailing(f, n->span.end, n->next ? n->next->span.start : UINT32_MAX, comment_col);
		newline(f);
		prev_end = n->span.end;
		first = false;
	}
	/* comments after the last item, before the block's '}' */
	if (f->next < f->n_comments && f->comments[f->next].span.start < block_end) {
		if (!first && blank_line_between(f, prev_end, f->comments[f->next].span.start))
			newline(f);
		flush_comments_before(f, block_end, prev_end, true);
	}
}

const char *fmt_file(struct arena *a, const struct ast_file *file)
{
	struct fmt f = { 0 };
	sbuf_init(&f.out, a);
	f.src = file->src;
	f.comments = file->comments.items;
	f.n_comments = file->comments.n;
	items(&f, file->items, (uint32_t)file->src->len + 1);
	return sbuf_str(&f.out);
}
