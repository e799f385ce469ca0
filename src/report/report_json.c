/*
** report_json: the JSON format (struct report_ops report_json), for
** programs: a meeting (docs/schema/eval.schema.json), a history
** (replay.schema.json), an amendment (diff.schema.json) and diagnostics.
** Numbers that may be fractions are strings ("6.75", "20/3") so that no
** reader rounds them; counts are integers.
*/
#include "report/register_int.h"

#include <stddef.h>
#include "report/report.h"

#include "report/report_conform.h"
#include "report/report_explain.h"

/* {"file", "line", "column"} of a location, or null. */
void report_json_where(struct json_writer *w, const struct loc *l)
{
	if (!l->src) {
		jw_null(w);
		return;
	}
	jw_begin_object(w);
	report_json_loc_fields(w, l);
	jw_end_object(w);
}

void report_json_loc_fields(struct json_writer *w, const struct loc *l)
{
	jw_key_lit(w, "file");
	if (!l->src) {
		jw_null(w);
		return;
	}
	unsigned line, col;
	source_position(l->src, l->start, &line, &col);
	jw_string(w, l->src->name);
	jw_key_int(w, "line", line);
	jw_key_int(w, "column", col);
}


/* null, or {"by", "state": "awaited" | "approved" | "refused", "on": date or
** null}: the approval by another body that the motion's class needs. */
static void json_approval(struct json_writer *w, const struct motion_result *mr)
{
	if (mr->approval == APPROVAL_NOT_NEEDED) {
		jw_null(w);
		return;
	}
	jw_begin_object(w);
	jw_key_string(w, "by", mr->cls->approval_by);
	jw_key_string(w, "state", mr->approval == APPROVAL_GRANTED ? "approved" : mr->approval == APPROVAL_REFUSED ? "refused" : "awaited");
	jw_key_lit(w, "on");
	if (mr->approval == APPROVAL_GRANTED || mr->approval == APPROVAL_REFUSED) {
		char d[DATE_FMT_MAX];
		jw_string(w, date_format(mr->motion->approval_on, d));
	} else {
		jw_null(w);
	}
	jw_end_object(w);
}

/* A ratification seen from the provisional decision (`by`: the ratifying
** motion, or null) or from the ratifying motion (the decision it ratifies). */
static void json_ratification(struct json_writer *w, const struct ratification *r, bool by)
{
	static const char *const status[] = { [RATIFIED] = "ratified", [RATIFIED_LATE] = "late",
	                                      [RATIFIED_INVALID] = "invalid", [NOT_RATIFIED] = "not ratified" };
	char d[DATE_FMT_MAX];
	if (!r || (by && r->status == NOT_RATIFIED)) {
		if (by && r) { /* provisional and never ratified: say so, not null */
			jw_begin_object(w);
			jw_key_string(w, "status", status[r->status]);
			jw_key_null(w, "meeting");
			jw_key_null(w, "motion");
			jw_key_null(w, "date");
			jw_key_null(w, "file");
			jw_key_null(w, "line");
			jw_end_object(w);
		} else {
			jw_null(w);
		}
		return;
	}
	jw_begin_object(w);
	jw_key_string(w, "status", status[r->status]);
	jw_key_string(w, "meeting", by ? r->by_meeting : r->meeting);
	jw_key_string(w, "motion", by ? r->by_motion : r->motion);
	jw_key_string(w, "date", date_format(by ? r->by_date : r->taken, d));
	jw_key_string(w, "file", by ? r->by_file : r->file);
	jw_key_int(w, "line", by ? r->by_line : r->line);
	jw_end_object(w);
}

/* "key": s, or null; the key a literal, quoted when compiled */
#define json_opt_string(w, key, s) json_opt_string_quoted((w), "\"" key "\": ", sizeof "\"" key "\": " - 1, (s))

static void json_opt_string_quoted(struct json_writer *w, const char *quoted, size_t n, const char *s)
{
	if (s)
		jw_quoted_string(w, quoted, n, s);
	else
		jw_quoted_token(w, quoted, n, "null", 4);
}

static void json_suggestion(struct json_writer *w, const struct diag_fixit *f);

/* Room for a finding written at once: its lines' commas, new lines and
** indentation, its keys, its strings (each short), its line and its rule's
** lines, file, line and column */
enum { FINDING_ROOM = 14 * JW_LINE_MAX + 6 * JW_TOKEN_MAX + 192 + 3 * NUMFMT_MAX };

/* A finding's code or severity quoted, as the compiler quotes it: a code
** is letters, digits, '.' and '-' (run/findings.def), nothing to escape;
** copied 32 bytes at once (quoting them was a tenth of a finding's cost) */
struct quoted_name {
	char text[32];
	unsigned char len;
};

static const struct quoted_name quoted_codes[F__COUNT] = {
#define FINDING(id, code, sev, desc) [id] = { "\"" code "\"", sizeof code + 1 },
#include "run/findings.def"
#undef FINDING
};

/* as finding_severity_name names them */
static const struct quoted_name quoted_severities[] = {
	[SEV_NOTE] = { "\"note\"", 6 }, [SEV_WARNING] = { "\"warning\"", 9 },
	[SEV_BREACH] = { "\"breach\"", 8 }, [SEV_ERROR] = { "\"error\"", 7 },
};

/* A quoted name at o: its end */
JW_INLINE char *quoted_name_at(char *o, const struct quoted_name *q)
{
	memcpy(o, q->text, sizeof q->text);
	return o + q->len;
}

/* A comma (where `comma`), the new line and indentation (indent bytes of
** jw_indent) and a key, at o: a line of an object written at once */
JW_INLINE char *line_key(char *o, bool comma, size_t indent, const char *quoted, size_t n)
{
	*o = ',';
	o += comma;
	memcpy(o, jw_indent, sizeof jw_indent);
	o += indent;
	memcpy(o, quoted, n);
	return o + n;
}

/* An object written at once in an array, at o: its comma (but for the
** array's first), new line, indentation (outer bytes of jw_indent) and '{';
** and after its lines, its end */
JW_INLINE char *object_begin_at(char *o, bool first, size_t outer)
{
	*o = ',';
	o += !first;
	memcpy(o, jw_indent, sizeof jw_indent);
	o += outer;
	*o = '{';
	return o + 1;
}

JW_INLINE char *object_end_at(char *o, size_t outer)
{
	memcpy(o, jw_indent, sizeof jw_indent);
	o += outer;
	*o = '}';
	return o + 1;
}

/* A finding's "rule": {"file", "line", "column"} at o, its lines indented
** by `inner` (its key's): its end, or NULL where the file's name needs an
** escape */
static char *rule_at(char *o, size_t inner, const struct loc *rule)
{
	unsigned line, col;
	source_position(rule->src, rule->start, &line, &col);
	o = line_key(o, true, inner, JW_QUOTED("rule"));
	*o++ = '{';
	o = jw_quote_plain(line_key(o, false, inner + 2, JW_QUOTED("file")), rule->src->name);
	if (!o)
		return NULL;
	o = line_key(o, true, inner + 2, JW_QUOTED("line"));
	o += numfmt_i64_fast(o, line);
	o = line_key(o, true, inner + 2, JW_QUOTED("column"));
	o += numfmt_i64_fast(o, col);
	return object_end_at(o, inner);
}

/*
** A replay's writer writes a finding whose place is a file and that has no
** suggestion (nearly all a replay finds: a casting vote used, an objection
** to consensus, a motion taken while not quorate and the rule it broke)
** as json_findings does, with one check for room and its lines straight
** into the buffer (line by line, they were a finding's cost but for its
** line's number).  false, nothing written that counts: a finding of
** another shape, or a string that needs an escape.
*/
static bool json_finding_at_once(struct json_writer *w, const struct finding *f)
{
	unsigned depth = w->depth;
	if (w->after_key || depth == 0 || depth + 2 + (f->rule.src != NULL) >= JSON_MAX_DEPTH || !f->where.src || f->fix)
		return false;
	if (w->pending + FINDING_ROOM > sizeof w->buf)
		jw_drain(w);
	char *o = w->buf + w->pending;
	size_t outer = 1 + 2 * (size_t)depth, inner = outer + 2;
	o = object_begin_at(o, w->first[depth], outer);
	o = quoted_name_at(line_key(o, false, inner, JW_QUOTED("code")), &quoted_codes[f->code]);
	o = quoted_name_at(line_key(o, true, inner, JW_QUOTED("severity")), &quoted_severities[f->sev]);
	o = line_key(o, true, inner, JW_QUOTED("clause"));
	if (f->clause) {
		if (!(o = jw_quote_plain(o, f->clause)))
			return false;
	} else {
		memcpy(o, "null", 4);
		o += 4;
	}
	o = jw_quote_plain(line_key(o, true, inner, JW_QUOTED("message")), f->message);
	if (!o)
		return false;
	o = jw_quote_plain(line_key(o, true, inner, JW_QUOTED("file")), f->where.src->name);
	if (!o)
		return false;
	o = line_key(o, true, inner, JW_QUOTED("line"));
	o += numfmt_i64_fast(o, source_line(f->where.src, f->where.start));
	if (f->rule.src) {
		if (!(o = rule_at(o, inner, &f->rule)))
			return false;
	} else {
		o = line_key(o, true, inner, JW_QUOTED("rule"));
		memcpy(o, "null", 4);
		o += 4;
	}
	o = line_key(o, true, inner, JW_QUOTED("suggestion"));
	memcpy(o, "null", 4);
	o += 4;
	jw_end_at(w, object_end_at(o, outer));
	w->first[depth] = false;
	return true;
}

static void json_findings(struct json_writer *w, const struct finding_list *l)
{
	jw_begin_array(w);
	for (const struct finding *f = l->first; f; f = f->next) {
		if (w->kept && json_finding_at_once(w, f))
			continue;
		jw_begin_object(w);
		jw_key_lit(w, "code");
		jw_plain(w, finding_code_name(f->code));
		jw_key_lit(w, "severity");
		jw_plain(w, finding_severity_name(f->sev));
		json_opt_string(w, "clause", f->clause);
		jw_key_string(w, "message", f->message);
		if (f->where.src) {
			jw_key_string(w, "file", f->where.src->name);
			jw_key_int(w, "line", source_line(f->where.src, f->where.start));
		} else {
			jw_key_null(w, "file");
			jw_key_null(w, "line");
		}
		if (f->rule.src) {
			jw_key_lit(w, "rule");
			report_json_where(w, &f->rule);
		} else {
			jw_key_null(w, "rule");
		}
		json_suggestion(w, f->fix);
		jw_end_object(w);
	}
	jw_end_array(w);
}

/* "key": s or null, s the terms' own (a clause, a class's name): kept */
#define json_opt_kept(w, key, s) json_opt_kept_quoted((w), "\"" key "\": ", sizeof "\"" key "\": " - 1, (s))

static void json_opt_kept_quoted(struct json_writer *w, const char *quoted, size_t n, const char *s)
{
	jw_key_quoted(w, quoted, n);
	if (s)
		jw_string_kept(w, s, s);
	else
		jw_null(w);
}

/* What a rule's object begins with, up to its "met": the same at every
** motion for one requirement of the terms (kept as a run, jw_run, keyed by
** the requirement); the first also opens the array under its key. */
struct rule_head {
	const char *quoted;         /* the array's key, quoted; NULL: not the first */
	size_t n;
	const struct req_result *q;
};

static void json_rule_head(struct json_writer *w, const void *ctx)
{
	const struct rule_head *h = ctx;
	if (h->quoted) {
		jw_key_quoted(w, h->quoted, h->n);
		jw_begin_array(w);
	}
	jw_begin_object(w);
	json_opt_kept(w, "clause", h->q->clause);
	jw_key_lit(w, "rule");
	jw_string_kept(w, h->q->req, h->q->text); /* the rule as written: one text for each requirement of the terms */
}

/*
** What a requirement's working (req_working) is a function of, as words for
** jw_string_memo: each comparison (its expression, the same for the whole
** run: the terms stay loaded), the numbers on its sides, and the counts an
** expression shown term by term reads (working.c's render).  The working
** of the quorum is the same at nearly every motion, and a rule's repeats
** with its counts: written once, then copied.  false: not to be kept (a
** side that is not a number, or more words than a memo holds).
*/
struct working_inputs {
	uint64_t in[JW_BLOCK_WORDS];
	unsigned n;
};

JW_INLINE bool push(struct working_inputs *wi, uint64_t v)
{
	if (wi->n == JW_BLOCK_WORDS)
		return false;
	wi->in[wi->n++] = v;
	return true;
}

/* Where k more words go, or NULL if they would not fit (one check for all
** of them: these words are made for every requirement of every motion) */
static inline uint64_t *push_n(struct working_inputs *wi, unsigned k)
{
	if (wi->n + k > JW_BLOCK_WORDS)
		return NULL;
	uint64_t *o = wi->in + wi->n;
	wi->n += k;
	return o;
}

/* The counts render shows in e, in the order it shows them. */
static bool push_counts(struct working_inputs *wi, const struct expr *e, const struct counts *c)
{
	switch (e->kind) {
	case EX_COUNT:
		return push(wi, (uint64_t)expr_count_value(e, c));
	case EX_BINARY:
		return push_counts(wi, e->a, c) && push_counts(wi, e->b, c);
	case EX_UNARY:
	case EX_ROUND:
		return push_counts(wi, e->a, c);
	default: /* constants are the expression's; anything else is shown by value */
		return true;
	}
}

/*
** A number in one word where it is whole and not too large (most are
** counts and thresholds): its low bit set, which no word of the long form's
** first (0) has; else 0 and its three words.  Equal words, equal numbers:
** the words stay a function of what the working shows, in fewer of them.
*/
#define SMALL_NUM ((int64_t)1 << 46)

JW_INLINE bool push_side(struct working_inputs *wi, const struct expr *e, const struct value *v, const struct counts *c)
{
	if (v->type != VT_NUM)
		return false;
	int64_t num = v->u.num.num;
	if (v->u.num.den == 1 && num >= -SMALL_NUM && num < SMALL_NUM) {
		if (!push(wi, (uint64_t)num << 17 | (uint64_t)v->places << 9 | (uint64_t)v->empty_base << 1 | 1))
			return false;
	} else {
		uint64_t *o = push_n(wi, 4);
		if (!o)
			return false;
		o[0] = 0;
		o[1] = (uint64_t)num;
		o[2] = (uint64_t)v->u.num.den;
		o[3] = (uint64_t)v->places | (uint64_t)v->empty_base << 8;
	}
	return e->kind == EX_CONST || e->kind == EX_COUNT || push_counts(wi, e, c);
}

/* The words a working is a function of, after those in wi */
JW_INLINE bool push_working(struct working_inputs *wi, const struct req_result *q)
{
	if (!push(wi, (uint64_t)q->n_steps | (uint64_t)q->truncated << 32 | (uint64_t)q->negated << 33))
		return false;
	for (unsigned i = 0; i < q->n_steps; i++) {
		const struct trace_step *s = &q->steps[i];
		if (!push(wi, (uint64_t)(uintptr_t)s->cmp | (uint64_t)s->empty_base) ||
		    !push_side(wi, s->cmp->a, &s->lhs, q->counts) || !push_side(wi, s->cmp->b, &s->rhs, q->counts))
			return false;
	}
	return true;
}

static bool working_inputs(const struct req_result *q, struct working_inputs *wi)
{
	wi->n = 0;
	return push_working(wi, q);
}

/* "working": the requirement's working, "" where it could not be evaluated */
static void json_working(struct json_writer *w, const struct req_result *q)
{
	jw_key_lit(w, "working");
	if (q->failed) {
		jw_string(w, "");
		return;
	}
	struct working_inputs wi;
	bool keep = w->kept && working_inputs(q, &wi);
	if (keep && jw_string_memo(w, wi.in, wi.n))
		return;
	char buf[REQ_WORKING_MAX];
	const char *working = req_working(q, buf);
	if (keep)
		jw_string_memo_keep(w, wi.in, wi.n, working);
	else
		jw_string(w, working);
}

/* A rule's "met", "needed" and "working": its numbers */
static void json_rule_numbers(struct json_writer *w, const struct req_result *q)
{
	jw_key_lit(w, "met");
	if (q->failed)
		jw_null(w);
	else
		jw_bool(w, q->met);
	if (q->has_needed)
		jw_key_int(w, "needed", q->needed);
	else
		jw_key_null(w, "needed");
	json_working(w, q);
}

/*
** ... kept as a block (jw_block) where the steps are the plan's memo's
** (steps_kept): their address stands for the comparisons and the counts
** they saw (every count the working shows), so with the flags and the
** votes needed it decides these lines whole.  A motion written from its
** template (json_motion) writes its rules' numbers so.
*/
/* The words a rule's numbers are kept by: the steps' address (kept steps,
** the plan's memo's, are never changed and stand for their condition and
** the counts it saw: their number, that they are not truncated, and that
** the condition is `not (...)` are its), the votes needed and the flags
** the memo does not decide */
JW_INLINE void rule_numbers_key(const struct req_result *q, uint64_t in[3])
{
	in[0] = (uint64_t)(uintptr_t)q->steps;
	in[1] = (uint64_t)q->needed;
	in[2] = (uint64_t)q->met | (uint64_t)q->has_needed << 1;
}

/* ... copied where they are long or the buffer has no room for them,
** else written and kept (a call of its own: the lines copied, most of the
** time, need no registers saved) */
static __attribute__((noinline)) void json_rule_numbers_keep(struct json_writer *w, const struct req_result *q)
{
	uint64_t in[3];
	rule_numbers_key(q, in);
	if (jw_lines(w, in))
		return;
	unsigned state = jw_lines_state(w);
	size_t start = w->pending, given = w->given;
	json_rule_numbers(w, q);
	jw_lines_keep(w, in, state, start, given);
}

static void json_rule_numbers_kept(struct json_writer *w, const struct req_result *q)
{
	if (!q->steps_kept) { /* (kept steps are a rule's that was evaluated: not failed) */
		json_rule_numbers(w, q);
		return;
	}
	uint64_t in[3];
	rule_numbers_key(q, in);
	if (!jw_lines_short(w, in))
		json_rule_numbers_keep(w, q);
}

/* The holes of a motion's template (json_motion): what its values are */
enum motion_hole {
	HOLE_NUMBER, HOLE_TITLE, HOLE_DECLARED, HOLE_DEPUTIES, HOLE_QUORUM_PRESENT, HOLE_QUORUM_ATTENDEES,
	HOLE_QUORUM_RULE, HOLE_COUNTS, HOLE_CASTING, HOLE_RULE, HOLE_FINDINGS
};

/* "key": [the rules with their numbers]; hole: HOLE_QUORUM_RULE or HOLE_RULE */
#define json_requirements(w, key, reqs, n, hole) \
	json_requirements_quoted((w), "\"" key "\": ", sizeof "\"" key "\": " - 1, (reqs), (n), (hole))

static void json_requirements_quoted(struct json_writer *w, const char *quoted, size_t len,
                                     const struct req_result *reqs, unsigned n, enum motion_hole hole)
{
	if (n == 0) {
		jw_key_quoted(w, quoted, len);
		jw_begin_array(w);
	}
	for (unsigned i = 0; i < n; i++) {
		const struct req_result *q = &reqs[i];
		struct rule_head head = { i ? NULL : quoted, len, q };
		jw_run(w, q->req, json_rule_head, &head);
		jw_hole_begin(w, hole, i);
		json_rule_numbers(w, q);
		jw_hole_end(w);
		jw_end_object(w);
	}
	jw_end_array(w);
}

static void json_counts_at_once(struct json_writer *w, const struct counts *c, bool attendees);

static void json_counts(struct json_writer *w, const struct counts *c, bool attendees)
{
	if (w->kept) {
		json_counts_at_once(w, c, attendees);
		return;
	}
	jw_begin_object(w);
	/* the counts' names as the language spells them (ast_count_name), as
	** literal keys: this is a tenth of a JSON report */
	jw_key_int(w, "members", c->n[COUNT_MEMBERS]);
	jw_key_int(w, "present", c->n[COUNT_PRESENT]);
	jw_key_int(w, "eligible", c->n[COUNT_ELIGIBLE]);
	jw_key_int(w, "conflicted", c->n[COUNT_CONFLICTED]);
	jw_key_int(w, "yes", c->n[COUNT_YES]);
	jw_key_int(w, "no", c->n[COUNT_NO]);
	jw_key_int(w, "abstain", c->n[COUNT_ABSTAIN]);
	jw_key_int(w, "cast", c->n[COUNT_CAST]);
	jw_key_int(w, "votes", c->n[COUNT_VOTES]);
	if (attendees) {
		jw_key_int(w, "attendees", c->n[COUNT_ATTENDEES]);
	}
	jw_end_object(w);
}

/* One line of the counts after the one before (jw_key_int's text), at o,
** with the room checked by json_counts_at_once; `copy` bytes of the
** indentation copied (a fixed size), at least indent */
JW_INLINE char *count_line(char *o, bool comma, size_t indent, size_t copy, const char *quoted, size_t n, int64_t v)
{
	*o = ',';
	o += comma;
	memcpy(o, jw_indent, copy);
	o += indent;
	memcpy(o, quoted, n);
	o += n;
	return o + numfmt_i64_fast(o, v);
}

/* The counts' lines after their object's '{' (copy: as count_line) */
JW_INLINE char *count_lines(char *o, size_t indent, size_t copy, const struct counts *c, bool attendees)
{
	o = count_line(o, false, indent, copy, JW_QUOTED("members"), c->n[COUNT_MEMBERS]);
	o = count_line(o, true, indent, copy, JW_QUOTED("present"), c->n[COUNT_PRESENT]);
	o = count_line(o, true, indent, copy, JW_QUOTED("eligible"), c->n[COUNT_ELIGIBLE]);
	o = count_line(o, true, indent, copy, JW_QUOTED("conflicted"), c->n[COUNT_CONFLICTED]);
	o = count_line(o, true, indent, copy, JW_QUOTED("yes"), c->n[COUNT_YES]);
	o = count_line(o, true, indent, copy, JW_QUOTED("no"), c->n[COUNT_NO]);
	o = count_line(o, true, indent, copy, JW_QUOTED("abstain"), c->n[COUNT_ABSTAIN]);
	o = count_line(o, true, indent, copy, JW_QUOTED("cast"), c->n[COUNT_CAST]);
	o = count_line(o, true, indent, copy, JW_QUOTED("votes"), c->n[COUNT_VOTES]);
	if (attendees)
		o = count_line(o, true, indent, copy, JW_QUOTED("attendees"), c->n[COUNT_ATTENDEES]);
	return o;
}

/* The counts' lines in the order count_lines writes them: their counts
** and keys (the heads of a replay's writer, struct jw_heads) */
static const enum count_kind count_order[JW_HEADS] = {
	COUNT_MEMBERS, COUNT_PRESENT, COUNT_ELIGIBLE, COUNT_CONFLICTED, COUNT_YES,
	COUNT_NO,      COUNT_ABSTAIN, COUNT_CAST,     COUNT_VOTES,      COUNT_ATTENDEES,
};
static const char *const count_keys[JW_HEADS] = {
	"\"members\": ", "\"present\": ", "\"eligible\": ", "\"conflicted\": ", "\"yes\": ",
	"\"no\": ",      "\"abstain\": ", "\"cast\": ",     "\"votes\": ",      "\"attendees\": ",
};

static void make_count_tails(struct jw_heads *h, unsigned depth);

/* The counts' heads at depth, as count_line writes them; h->fit: they fit */
static void make_count_heads(struct jw_heads *h, unsigned depth)
{
	make_count_tails(h, depth);
	size_t indent = 1 + 2 * (size_t)depth;
	h->depth = depth;
	h->fit = false;
	for (unsigned i = 0; i < JW_HEADS; i++) {
		size_t n = strlen(count_keys[i]), len = (i > 0) + indent + n;
		if (len > JW_HEAD_MAX)
			return;
		char *o = h->text[i];
		memset(o, 0, JW_HEAD_MAX);
		o[0] = ',';
		memcpy(o + (i > 0), jw_indent, indent);
		memcpy(o + (i > 0) + indent, count_keys[i], n);
		h->len[i] = (unsigned char)len;
	}
	h->fit = true;
}

/* 0 to 99 as they are written, each in four bytes: its digits (two, or
** one and a byte that means nothing), a byte unused and its length, so
** that a line's number is one copy and its length one load */
#define D1(d) { #d[0], ' ', 0, 1 }
#define D2(t, u) { #t[0], #u[0], 0, 2 }
#define TENS(t) D2(t, 0), D2(t, 1), D2(t, 2), D2(t, 3), D2(t, 4), D2(t, 5), D2(t, 6), D2(t, 7), D2(t, 8), D2(t, 9)
static const char digits_below_100[100][4] = {
	D1(0), D1(1), D1(2), D1(3), D1(4), D1(5), D1(6), D1(7), D1(8), D1(9),
	TENS(1), TENS(2), TENS(3), TENS(4), TENS(5), TENS(6), TENS(7), TENS(8), TENS(9),
};
#undef D1
#undef D2
#undef TENS

/* The new line and indentation of a line of the counts, the first's and
** the others' (with its comma), in 16 bytes: at depth d their first 1 + 2d
** and 2 + 2d (small_count_line) */
static const char count_new_line[2][JW_TAIL] = { "\n               ", ",\n              " };

/* Where a line's tail goes at depth: after its new line and indentation */
static inline size_t count_tail_at(unsigned i, unsigned depth)
{
	return (i > 0) + 1 + 2 * (size_t)depth;
}

/* The tails of the counts' lines with each small value at depth, and the
** lines' lengths; h->small_depth: depth, where they fit, else 0 */
static void make_count_tails(struct jw_heads *h, unsigned depth)
{
	h->small_depth = 0;
	if (count_tail_at(1, depth) > JW_TAIL)
		return;
	for (unsigned i = 0; i < JW_HEADS; i++) {
		size_t n = strlen(count_keys[i]);
		_Static_assert(sizeof "\"conflicted\": " - 1 + 2 <= JW_TAIL, "the longest key and two digits in a tail");
		for (unsigned v = 0; v < JW_SMALL; v++) {
			_Static_assert(JW_SMALL <= 100, "a small value's digits");
			char *o = h->tail[i][v];
			memset(o, 0, JW_TAIL);
			memcpy(o, count_keys[i], n);
			memcpy(o + n, digits_below_100[v], 2);
			h->small_len[i][v] = (unsigned char)(count_tail_at(i, depth) + n + digits_below_100[v][3]);
		}
	}
	h->small_depth = depth;
}

/* Line i of the counts at o from its head (the counts below 100, nearly
** all of them, without a branch on their length) */
JW_INLINE char *count_line_from_head(char *o, const struct jw_heads *h, unsigned i, int64_t v)
{
	memcpy(o, h->text[i], 16);
	memcpy(o + 16, h->text[i] + 16, 16);
	o += h->len[i];
	if ((uint64_t)v < 100) {
		memcpy(o, digits_below_100[v], 4);
		return o + digits_below_100[v][3];
	}
	return o + numfmt_i64_fast(o, v);
}

/* Line i with the small value v at o (its tail made, make_count_tails):
** new_line (count_new_line's, i > 0) and the tail at tail_at over its end */
JW_INLINE char *small_count_line(char *o, const char new_line[JW_TAIL], size_t tail_at, const struct jw_heads *h,
                                 unsigned i, int64_t v)
{
	memcpy(o, new_line, JW_TAIL);
	memcpy(o + tail_at, h->tail[i][v], JW_TAIL);
	return o + h->small_len[i][v];
}

/* Room for a line of the counts */
enum { COUNT_LINE_ROOM = 1 + sizeof jw_indent + sizeof "\"conflicted\": " + NUMFMT_MAX };
_Static_assert(JW_HEAD_MAX + NUMFMT_MAX <= COUNT_LINE_ROOM, "room for a line from its head");

static void json_count_lines_usual(struct json_writer *w, const struct counts *c, bool attendees);

/*
** The counts as json_counts writes them, with one check for room for them
** all (they are a line each at every motion: their checks, one a line,
** were a tenth of the counts' cost).  A replay's writer (with slots) writes
** them from their tails with small values (make_count_tails) where all
** its counts are small (one check for them all): each line two copies
** and its length; else from their heads (json_count_lines_usual, a call of
** its own: this needs no registers saved).  test_report_json compares
** them with a writer's without slots.
*/
static void json_count_lines(struct json_writer *w, const struct counts *c, bool attendees)
{
	const struct jw_heads *h = w->kept ? &w->kept->count_heads : NULL;
	if (!h || h->small_depth != w->depth || w->pending + JW_HEADS * COUNT_LINE_ROOM > sizeof w->buf) {
		json_count_lines_usual(w, c, attendees); /* (which makes room: no call here) */
		return;
	}
	const int64_t *n = c->n;
	_Static_assert(JW_HEADS == 10, "a step for each count's line");
	uint64_t all = (uint64_t)(n[count_order[0]] | n[count_order[1]] | n[count_order[2]] | n[count_order[3]] |
	                          n[count_order[4]] | n[count_order[5]] | n[count_order[6]] | n[count_order[7]] |
	                          n[count_order[8]] | (attendees ? n[COUNT_ATTENDEES] : 0));
	if (all >= JW_SMALL) { /* one of them is not small (or is below 0) */
		json_count_lines_usual(w, c, attendees);
		return;
	}
	/* each line a step of its own: no loop's control; the new lines' text
	** copied from here (a register), not read again after each store */
	char first[JW_TAIL], next[JW_TAIL];
	memcpy(first, count_new_line[0], JW_TAIL);
	memcpy(next, count_new_line[1], JW_TAIL);
	size_t at0 = count_tail_at(0, w->depth), at = count_tail_at(1, w->depth);
	char *o = w->buf + w->pending;
	o = small_count_line(o, first, at0, h, 0, n[count_order[0]]);
	o = small_count_line(o, next, at, h, 1, n[count_order[1]]);
	o = small_count_line(o, next, at, h, 2, n[count_order[2]]);
	o = small_count_line(o, next, at, h, 3, n[count_order[3]]);
	o = small_count_line(o, next, at, h, 4, n[count_order[4]]);
	o = small_count_line(o, next, at, h, 5, n[count_order[5]]);
	o = small_count_line(o, next, at, h, 6, n[count_order[6]]);
	o = small_count_line(o, next, at, h, 7, n[count_order[7]]);
	o = small_count_line(o, next, at, h, 8, n[count_order[8]]);
	if (attendees)
		o = small_count_line(o, next, at, h, JW_HEADS - 1, n[COUNT_ATTENDEES]);
	w->first[w->depth] = false;
	jw_end_at(w, o);
}

/* ... from their heads where the writer has them, made where the depth
** is new; else the usual way */
static __attribute__((noinline)) void json_count_lines_usual(struct json_writer *w, const struct counts *c,
                                                             bool attendees)
{
	if (w->pending + JW_HEADS * COUNT_LINE_ROOM > sizeof w->buf)
		jw_drain(w);
	char *o = w->buf + w->pending;
	if (w->kept) {
		struct jw_heads *h = &w->kept->count_heads;
		if (h->depth != w->depth)
			make_count_heads(h, w->depth);
		if (h->fit) {
			/* each line a step of its own: no loop's control */
			o = count_line_from_head(o, h, 0, c->n[count_order[0]]);
			o = count_line_from_head(o, h, 1, c->n[count_order[1]]);
			o = count_line_from_head(o, h, 2, c->n[count_order[2]]);
			o = count_line_from_head(o, h, 3, c->n[count_order[3]]);
			o = count_line_from_head(o, h, 4, c->n[count_order[4]]);
			o = count_line_from_head(o, h, 5, c->n[count_order[5]]);
			o = count_line_from_head(o, h, 6, c->n[count_order[6]]);
			o = count_line_from_head(o, h, 7, c->n[count_order[7]]);
			o = count_line_from_head(o, h, 8, c->n[count_order[8]]);
			if (attendees)
				o = count_line_from_head(o, h, JW_HEADS - 1, c->n[COUNT_ATTENDEES]);
			w->first[w->depth] = false;
			jw_end_at(w, o);
			return;
		}
	}
	size_t indent = 1 + 2 * (size_t)w->depth;
	/* the indentation copied in 32 bytes where it fits (most reports'
	** counts are at depth 6 or so), else all 64 of jw_indent */
	if (indent <= 32)
		o = count_lines(o, indent, 32, c, attendees);
	else
		o = count_lines(o, indent, sizeof jw_indent, c, attendees);
	w->first[w->depth] = false;
	jw_end_at(w, o);
}

/* ... in their object (a motion's template has the object's lines in its
** text, its lines in a hole) */
static void json_counts_at_once(struct json_writer *w, const struct counts *c, bool attendees)
{
	jw_begin_object(w);
	json_count_lines(w, c, attendees);
	jw_end_object(w);
}

/* "class": {"name", "clause", "title"}: the same at every motion of the class */
static void json_class(struct json_writer *w, const void *ctx)
{
	const struct dclass *cls = ctx;
	jw_key_lit(w, "class");
	jw_begin_object(w);
	jw_key_lit(w, "name");
	jw_string_kept(w, cls->id, cls->id);
	json_opt_kept(w, "clause", cls->clause);
	json_opt_kept(w, "title", cls->title);
	jw_end_object(w);
}

/* A whole number as value_format writes it ("40000"), quoted, its digits
** by hand: most attributes that are numbers are amounts without decimals
** (a replay's writer writes them so; test_report_json compares them with a
** writer's without slots, which goes through value_format) */
static void json_whole_string(struct json_writer *w, int64_t v)
{
	char *o = jw_next(w, NUMFMT_MAX + 2);
	*o = '"';
	o += 1 + numfmt_i64_fast(o + 1, v);
	*o = '"';
	jw_end_at(w, o + 1);
}

/* An attribute's value as json_declared writes it with a replay's writer,
** at o (room for JW_TOKEN_MAX): its end, or NULL where it needs an escape */
static char *attribute_value_at(char *o, const struct value *v)
{
	if (v->type == VT_BOOL) {
		memcpy(o, v->u.boolean ? "true" : "false", 5); /* a fixed-size copy: "true" with its NUL */
		return o + (v->u.boolean ? 4 : 5);
	}
	if (v->type == VT_STR)
		return jw_quote_plain(o, v->u.str);
	if (v->type == VT_NUM && v->places == 0 && v->u.num.den == 1) { /* as json_whole_string */
		*o = '"';
		o += 1 + numfmt_i64_fast(o + 1, v->u.num.num);
		*o = '"';
		return o + 1;
	}
	char buf[RAT_FMT_MAX + 4];
	return jw_quote_plain(o, value_format(v, buf, sizeof buf));
}

/* The most attributes json_declared_head writes at once, and its room */
#define ATTRIBUTES_AT_ONCE 16
enum { DECLARED_ROOM = 4 * JW_LINE_MAX + 64 + ATTRIBUTES_AT_ONCE * (JW_LINE_MAX + 2 * JW_TOKEN_MAX + 4) };

/*
** A replay's writer writes a motion's declarations up to its interests'
** array (open) as json_declared does, with one check for room, the lines'
** indentation copied, the attributes' names and values quoted straight
** into the buffer (key by key through jw_key, they were most of the cost
** of the third of motions that declare something).  false (nothing
** written that counts): a motion held online, too many attributes, or a
** name or value that needs an escape, for the usual way.
*/
static bool json_declared_head(struct json_writer *w, const struct rec_motion *mo)
{
	unsigned depth = w->depth;
	if (w->after_key || w->first[depth] || depth + 2 >= JSON_MAX_DEPTH || mo->is_virtual ||
	    mo->n_attrs > ATTRIBUTES_AT_ONCE)
		return false;
	if (w->pending + DECLARED_ROOM > sizeof w->buf)
		jw_drain(w);
	char *o = w->buf + w->pending;
	size_t indent = 1 + 2 * (size_t)depth; /* the new line and the spaces */
	*o++ = ',';
	memcpy(o, jw_indent, sizeof jw_indent);
	o += indent;
	memcpy(o, "\"attributes\": {", 15);
	o += 15;
	for (unsigned i = 0; i < mo->n_attrs; i++) {
		*o = ',';
		o += i > 0;
		memcpy(o, jw_indent, sizeof jw_indent);
		o = jw_quote_plain(o + indent + 2, mo->attrs[i].name);
		if (!o)
			return false;
		memcpy(o, ": ", 2);
		o = attribute_value_at(o + 2, &mo->attrs[i].value);
		if (!o)
			return false;
	}
	if (mo->n_attrs) {
		memcpy(o, jw_indent, sizeof jw_indent);
		o += indent;
	}
	*o++ = '}';
	*o++ = ',';
	memcpy(o, jw_indent, sizeof jw_indent);
	o += indent;
	memcpy(o, "\"virtual_on\": null,", 19);
	o += 19;
	memcpy(o, jw_indent, sizeof jw_indent);
	o += indent;
	memcpy(o, "\"interests\": [", 14);
	jw_end_at(w, o + 14);
	w->depth = depth + 1; /* in the interests' array, empty */
	w->first[depth + 1] = true;
	return true;
}

/*
** A replay's writer writes a declared interest as json_declared does, with
** one check for room, its lines straight into the buffer (as
** json_finding_at_once); false, nothing written that counts: a member or
** reason that needs an escape, for the usual way.
*/
static bool json_interest_at_once(struct json_writer *w, const struct rec_name *in)
{
	unsigned depth = w->depth;
	if (w->after_key || depth == 0 || depth + 2 >= JSON_MAX_DEPTH)
		return false;
	if (w->pending + 4 * JW_LINE_MAX + 2 * JW_TOKEN_MAX + 32 > sizeof w->buf)
		jw_drain(w);
	char *o = w->buf + w->pending;
	size_t outer = 1 + 2 * (size_t)depth, inner = outer + 2;
	o = object_begin_at(o, w->first[depth], outer);
	o = jw_quote_plain(line_key(o, false, inner, JW_QUOTED("member")), in->id);
	if (!o)
		return false;
	o = line_key(o, true, inner, JW_QUOTED("reason"));
	if (in->reason) {
		if (!(o = jw_quote_plain(o, in->reason)))
			return false;
	} else {
		memcpy(o, "null", 4);
		o += 4;
	}
	jw_end_at(w, object_end_at(o, outer));
	w->first[depth] = false;
	return true;
}

/* A motion's attributes, date outside a meeting and declared interests. */
static void json_declared(struct json_writer *w, const struct rec_motion *mo)
{
	if (!w->kept || !json_declared_head(w, mo)) {
		jw_key_lit(w, "attributes");
		jw_begin_object(w);
		for (unsigned i = 0; i < mo->n_attrs; i++) {
			char buf[RAT_FMT_MAX + 4];
			const struct value *v = &mo->attrs[i].value;
			jw_key(w, mo->attrs[i].name);
			if (v->type == VT_BOOL)
				jw_bool(w, v->u.boolean);
			else if (v->type == VT_STR)
				jw_string(w, v->u.str);
			else if (w->kept && v->type == VT_NUM && v->places == 0 && v->u.num.den == 1)
				json_whole_string(w, v->u.num.num);
			else /* numbers as exact strings with their decimals as written ("40000", "31000.50"); dates */
				jw_string(w, value_format(v, buf, sizeof buf));
		}
		jw_end_object(w);
		jw_key_lit(w, "virtual_on");
		if (mo->is_virtual) {
			char d[DATE_FMT_MAX];
			jw_string(w, date_format(mo->virtual_on, d));
		} else {
			jw_null(w);
		}
		jw_key_lit(w, "interests");
		jw_begin_array(w);
	}
	for (unsigned i = 0; i < mo->interests.n; i++) {
		if (w->kept && json_interest_at_once(w, &mo->interests.items[i]))
			continue;
		jw_begin_object(w);
		jw_key_string(w, "member", mo->interests.items[i].id);
		json_opt_string(w, "reason", mo->interests.items[i].reason);
		jw_end_object(w);
	}
	jw_end_array(w);
}

/* ... when it has none */
static void json_nothing_declared(struct json_writer *w, const void *ctx)
{
	(void)ctx;
	struct rec_motion none = { .n_attrs = 0 };
	json_declared(w, &none);
}

/* From "casting_vote_applied" to "casting" */
static void json_casting_to_ratification(struct json_writer *w, const void *ctx)
{
	const struct motion_result *mr = ctx;
	jw_key_bool(w, "casting_vote_applied", mr->casting_applied);
	jw_key_lit(w, "approval");
	json_approval(w, mr);
	jw_key_lit(w, "ratified_by");
	json_ratification(w, mr->ratified_by, true);
	jw_key_lit(w, "ratifies");
	json_ratification(w, mr->ratifies, false);
	jw_key_lit(w, "casting");
	jw_begin_object(w);
	json_opt_string(w, "recorded", report_casting_recorded(mr));
	jw_key_bool(w, "applied", mr->casting_applied);
	jw_end_object(w);
}

/* "terms": {"name", "version", "effective", "file"}: the same at every
** meeting the version judges */
static void json_terms(struct json_writer *w, const void *ctx)
{
	const struct terms *t = ctx;
	char d[DATE_FMT_MAX];
	jw_key_lit(w, "terms");
	jw_begin_object(w);
	jw_key_string(w, "name", t->name);
	json_opt_string(w, "version", t->version);
	jw_key_lit(w, "effective");
	if (t->has_effective)
		jw_string(w, date_format(t->effective, d));
	else
		jw_null(w);
	jw_key_string(w, "file", t->src->name);
	jw_end_object(w);
}

/* A motion's outcome and the outcome its minutes record */
static void json_outcomes(struct json_writer *w, const struct motion_result *mr)
{
	jw_key_lit(w, "outcome");
	jw_plain(w, ast_outcome_name(mr->outcome));
	jw_key_lit(w, "recorded");
	if (mr->recorded != OUTCOME_NONE)
		jw_plain(w, ast_outcome_name(mr->recorded));
	else
		jw_null(w);
}

/* Its findings, and the end of its object */
static void json_motion_findings(struct json_writer *w, const struct motion_result *mr)
{
	jw_key_lit(w, "findings");
	json_findings(w, &mr->findings);
	jw_end_object(w);
}

static void json_motion_end(struct json_writer *w, const void *ctx)
{
	json_outcomes(w, ctx);
	json_motion_findings(w, ctx);
}

/* Nothing declared: no attributes, date outside a meeting or interests */
static bool nothing_declared(const struct rec_motion *mo)
{
	return mo->n_attrs == 0 && !mo->is_virtual && mo->interests.n == 0;
}

/* "class" and what the motion declares */
static void json_class_declared(struct json_writer *w, const struct motion_result *mr)
{
	const struct rec_motion *mo = mr->motion;
	if (mr->cls) {
		jw_run(w, mr->cls, json_class, mr->cls);
	} else {
		jw_key_null(w, "class");
	}
	if (nothing_declared(mo)) {
		static const char plain_motion; /* stands for the run below */
		jw_run(w, &plain_motion, json_nothing_declared, NULL);
	} else {
		jw_hole_begin(w, HOLE_DECLARED, 0);
		json_declared(w, mo);
		jw_hole_end(w);
	}
}

/* The deputies sitting for absent principals */
static void json_deputies(struct json_writer *w, const struct motion_result *mr)
{
	jw_begin_array(w);
	for (unsigned k = 0; k < mr->n_deputies; k++) {
		jw_begin_object(w);
		jw_key_string(w, "member", mr->deputies[k].deputy->id);
		jw_key_string(w, "for", mr->deputies[k].principal->id);
		jw_end_object(w);
	}
	jw_end_array(w);
}

/* "key": s (where s is not NULL) or v, the value a hole of a template
** being recorded (jw_hole_begin) */
#define json_key_int_hole(w, key, v, hole) json_quoted_hole((w), JW_QUOTED(key), (hole), NULL, (v))
#define json_key_string_hole(w, key, s, hole) json_quoted_hole((w), JW_QUOTED(key), (hole), (s), 0)

static void json_quoted_hole(struct json_writer *w, const char *quoted, size_t n, enum motion_hole hole, const char *s,
                             int64_t v)
{
	if (!w->rec) {
		if (s)
			jw_quoted_string(w, quoted, n, s);
		else
			jw_quoted_int(w, quoted, n, v);
		return;
	}
	jw_key_quoted(w, quoted, n);
	jw_rec_hole_begin(w, hole, 0);
	if (s)
		jw_string(w, s);
	else
		jw_int(w, v);
	jw_rec_hole_end(w);
}

/* From "deputies" (or "quorate") to the end of "quorum" */
static void json_motion_quorum(struct json_writer *w, const struct terms *t, const struct motion_result *mr)
{
	const struct rec_motion *mo = mr->motion;
	if (t->has_deputies) {
		jw_key_lit(w, "deputies");
		jw_hole_begin(w, HOLE_DEPUTIES, 0);
		json_deputies(w, mr);
		jw_hole_end(w);
	}
	if (mr->quorum_known)
		jw_key_bool(w, "quorate", mr->quorate);
	else
		jw_key_null(w, "quorate");
	if (mr->quorum_known && !mo->is_virtual)
		json_key_int_hole(w, "quorum_present", mr->quorum_present, HOLE_QUORUM_PRESENT);
	else
		jw_key_null(w, "quorum_present");
	if (t->uses_attendees) {
		if (mr->quorum_known && !mo->is_virtual)
			json_key_int_hole(w, "quorum_attendees", mr->quorum_attendees, HOLE_QUORUM_ATTENDEES);
		else
			jw_key_null(w, "quorum_attendees");
	}
	json_requirements(w, "quorum", mr->quorum, mr->n_quorum, HOLE_QUORUM_RULE);
}

/* How the motion was decided: "consensus", "declared", "vote" or "none" */
static const char *decision_name(const struct motion_result *mr)
{
	const struct rec_motion *mo = mr->motion;
	return mr->by_consensus ? "consensus" : mr->declared_only ? "declared"
	       : (mo->n_votes || mo->has_tally) ? "vote" : "none";
}

/* No casting vote, approval or ratification to show: the lines from
** "casting_vote_applied" to "casting" are the same at every such motion */
static bool nothing_cast_approved_or_ratified(const struct motion_result *mr)
{
	return !mr->casting_applied && mr->approval == APPROVAL_NOT_NEEDED && !mr->ratified_by && !mr->ratifies &&
	       !report_casting_recorded(mr);
}

/* From "decision" to the end of the motion's object, or to its findings
** where it has some */
static void json_motion_decision(struct json_writer *w, const struct motion_result *mr)
{
	jw_key_lit(w, "decision");
	jw_plain(w, decision_name(mr));
	if (nothing_cast_approved_or_ratified(mr)) {
		static const char no_casting_approval_or_ratification; /* stands for the run below */
		jw_run(w, &no_casting_approval_or_ratification, json_casting_to_ratification, mr);
	} else {
		jw_hole_begin(w, HOLE_CASTING, 0);
		json_casting_to_ratification(w, mr);
		jw_hole_end(w);
	}
	json_requirements(w, "requires", mr->reqs, mr->n_reqs, HOLE_RULE);
	if (mr->findings.first) {
		json_outcomes(w, mr); /* the findings follow: json_motion */
	} else { /* the same for every pair of outcomes */
		static const char ends[8][8]; /* each stands for its run */
		_Static_assert(OUTCOME_UNDETERMINED < 8 && OUTCOME_NONE < 8, "an end for each pair of outcomes");
		jw_run(w, &ends[mr->outcome][mr->recorded], json_motion_end, mr);
	}
}

/*
** Most motions of a replay write one of a few hundred texts from "class" to
** "quorum" and from "decision" to their end: each is kept as a block
** (jw_block) by the words it is made of, below, and copied.  Blocks are
** kept for a motion without attributes, interests, deputies or a casting
** vote, approval or ratification; others are written afresh.
*/
static bool push_requirements(struct working_inputs *wi, const struct req_result *reqs, unsigned n)
{
	if (!push(wi, n))
		return false;
	for (unsigned i = 0; i < n; i++) {
		const struct req_result *q = &reqs[i];
		/* the requirement of the terms stands for its clause and its
		** rule as written (as for json_rule_head's run: its text may be
		** made again for another meeting, at an address another text had);
		** the working is a function of its inputs */
		uint64_t flags = (uint64_t)q->failed | (uint64_t)q->met << 1 | (uint64_t)q->has_needed << 2;
		bool small = q->needed >= 0 && q->needed < SMALL_NUM; /* with the flags in one word, bit 3 set */
		uint64_t *o = push_n(wi, small ? 2 : 3);
		if (!o)
			return false;
		o[0] = (uint64_t)(uintptr_t)q->req;
		if (small) {
			o[1] = flags | 8 | (uint64_t)q->needed << 4;
		} else {
			o[1] = flags;
			o[2] = (uint64_t)q->needed;
		}
		if (!q->failed && !push_working(wi, q))
			return false;
	}
	return true;
}

/* What the lines from "class" (where nothing is declared, else from
** "deputies" or "quorate") to "quorum" are made of; false: written afresh */
static bool rules_block_inputs(const struct terms *t, const struct motion_result *mr, struct working_inputs *wi)
{
	const struct rec_motion *mo = mr->motion;
	if (t->has_deputies && mr->n_deputies)
		return false;
	bool plain = nothing_declared(mo);
	wi->n = 0;
	push(wi, 'r'); /* not the decision's block */
	push(wi, plain ? (uint64_t)(uintptr_t)mr->cls : 0);
	push(wi, (uint64_t)t->has_deputies | (uint64_t)t->uses_attendees << 1 | (uint64_t)mr->quorum_known << 2 |
	             (uint64_t)mr->quorate << 3 | (uint64_t)plain << 4 | (uint64_t)mo->is_virtual << 5);
	push(wi, (uint64_t)mr->quorum_present);
	push(wi, (uint64_t)mr->quorum_attendees);
	return push_requirements(wi, mr->quorum, mr->n_quorum);
}

/* What the lines from "decision" to the motion's end are made of; false: written afresh */
static bool decision_block_inputs(const struct motion_result *mr, struct working_inputs *wi)
{
	if (!nothing_cast_approved_or_ratified(mr))
		return false;
	wi->n = 0;
	push(wi, 'd'); /* not the rules' block */
	push(wi, (uint64_t)(uintptr_t)decision_name(mr));
	push(wi, (uint64_t)mr->outcome | (uint64_t)mr->recorded << 8 | (uint64_t)(mr->findings.first != NULL) << 16);
	return push_requirements(wi, mr->reqs, mr->n_reqs);
}

/* A motion the usual way: its blocks kept (jw_block) where `blocks` and
** the writer has slots; the holes of its template marked where one is
** being recorded (then without blocks, which would copy values) */
static void json_motion_usual(struct json_writer *w, const struct terms *t, const struct motion_result *mr, bool blocks)
{
	const struct rec_motion *mo = mr->motion;
	jw_begin_object(w);
	json_key_string_hole(w, "number", mo->number, HOLE_NUMBER);
	json_key_string_hole(w, "title", mo->title, HOLE_TITLE);
	struct working_inputs wi;
	struct jw_block_at at = { .slot = NULL };
	bool plain = nothing_declared(mo);
	blocks = blocks && w->kept;
	if (!plain) /* the block begins after what is declared */
		json_class_declared(w, mr);
	if (!blocks || !rules_block_inputs(t, mr, &wi) || !jw_block(w, wi.in, wi.n, &at)) {
		if (plain)
			json_class_declared(w, mr);
		json_motion_quorum(w, t, mr);
		jw_block_keep(w, &at);
	}
	jw_key_lit(w, "counts");
	if (w->rec) { /* a replay's writer: as json_counts_at_once */
		jw_begin_object(w);
		jw_rec_hole_begin(w, HOLE_COUNTS, 0);
		json_count_lines(w, mr->counts, t->uses_attendees);
		jw_rec_hole_end(w);
		jw_end_object(w);
	} else {
		json_counts(w, mr->counts, t->uses_attendees);
	}
	at.slot = NULL;
	if (!blocks || !decision_block_inputs(mr, &wi) || !jw_block(w, wi.in, wi.n, &at)) {
		json_motion_decision(w, mr);
		jw_block_keep(w, &at);
	}
	if (mr->findings.first) {
		jw_key_lit(w, "findings");
		jw_hole_begin(w, HOLE_FINDINGS, 0);
		json_findings(w, &mr->findings);
		jw_hole_end(w);
		jw_end_object(w);
	}
}

/*
** A motion's template (jw_template) is keyed by its shape: the words below,
** which decide its text but for its values (the holes, motion_hole): its
** flags (its depth, how it was decided, its outcomes, which of the lines
** that are there or not, null or not, are written), its class, and its
** rules (each requirement of the terms stands for its clause and rule as
** written, as for json_rule_head's run).
*/
#define SHAPE_HEAD 2 /* the words before the rules */

static uint64_t motion_flags(const struct json_writer *w, const struct terms *t, const struct motion_result *mr)
{
	const struct rec_motion *mo = mr->motion;
	/* how it was decided (decision_name): these decide it */
	uint64_t decided = (uint64_t)mr->by_consensus | (uint64_t)mr->declared_only << 1 |
	                   (uint64_t)(mo->n_votes || mo->has_tally) << 2;
	return (uint64_t)w->depth | (uint64_t)t->has_deputies << 8 | (uint64_t)t->uses_attendees << 9 |
	       (uint64_t)nothing_declared(mo) << 10 | (uint64_t)mo->is_virtual << 11 | (uint64_t)mr->quorum_known << 12 |
	       (uint64_t)mr->quorate << 13 | (uint64_t)(mr->findings.first != NULL) << 14 |
	       (uint64_t)nothing_cast_approved_or_ratified(mr) << 15 | (uint64_t)mr->outcome << 16 |
	       (uint64_t)mr->recorded << 24 | (uint64_t)mr->n_quorum << 32 | (uint64_t)mr->n_reqs << 40 | decided << 48;
}

/* The rules a shape's key holds after its head: false, too many */
static bool shape_fits(const struct motion_result *mr)
{
	return mr->n_quorum + mr->n_reqs <= JW_TEMPLATE_KEY - SHAPE_HEAD;
}

/* The rules of a shape's key are mr's (first and last: its first and
** last rule, the two that most motions have) */
static inline bool same_rules(const uint64_t *key, const struct motion_result *mr, uint64_t first, uint64_t last)
{
	unsigned nq = mr->n_quorum, nr = mr->n_reqs;
	if (nq + nr <= 2)
		return (nq + nr == 0 || key[0] == first) && (nq + nr < 2 || key[1] == last);
	uint64_t diff = 0;
	for (unsigned i = 0; i < nq; i++)
		diff |= key[i] ^ (uint64_t)(uintptr_t)mr->quorum[i].req;
	for (unsigned i = 0; i < nr; i++)
		diff |= key[nq + i] ^ (uint64_t)(uintptr_t)mr->reqs[i].req;
	return diff == 0;
}

/* The template kept for mr's shape (flags: motion_flags), or NULL: the
** words compared where they are, not gathered into a key first (as
** jw_template_set and jw_record_begin see the key motion_shape makes) */
static struct jw_template *motion_template(struct json_writer *w, uint64_t flags, const struct motion_result *mr)
{
	unsigned nq = mr->n_quorum, nr = mr->n_reqs, n = SHAPE_HEAD + nq + nr;
	uint64_t cls = (uint64_t)(uintptr_t)mr->cls, first = flags, last = cls;
	if (nq + nr) {
		first = (uint64_t)(uintptr_t)(nq ? mr->quorum : mr->reqs)[0].req;
		last = (uint64_t)(uintptr_t)(nr ? mr->reqs[nr - 1].req : mr->quorum[nq - 1].req);
	}
	struct jw_template *set = jw_template_set_by(w->kept, flags, cls, first, last);
	for (unsigned s = 0; s < JW_TEMPLATE_WAYS; s++) {
		const uint64_t *key = set[s].key;
		/* (the flags hold the depth: a template's depth is the key's) */
		if (set[s].n_key != n || key[0] != flags || key[1] != cls)
			continue;
		if (same_rules(key + SHAPE_HEAD, mr, first, last)) {
			jw_template_used(w, &set[s]);
			return &set[s];
		}
	}
	return NULL;
}

/* The key motion_template compares: the flags, the class, the rules */
struct motion_shape {
	uint64_t in[JW_TEMPLATE_KEY];
	unsigned n;
};

static void motion_shape(uint64_t flags, const struct motion_result *mr, struct motion_shape *k)
{
	k->in[0] = flags;
	k->in[1] = (uint64_t)(uintptr_t)mr->cls;
	unsigned n = SHAPE_HEAD;
	for (unsigned i = 0; i < mr->n_quorum; i++)
		k->in[n++] = (uint64_t)(uintptr_t)mr->quorum[i].req;
	for (unsigned i = 0; i < mr->n_reqs; i++)
		k->in[n++] = (uint64_t)(uintptr_t)mr->reqs[i].req;
	k->n = n;
}

/* The room a motion's template needs where its text begins and after each
** hole written the usual way: its text, and the values of the holes of
** one token (number, title and two counts), and the comma before it */
#define MOTION_ROOM (1 + JW_TEMPLATE_MAX + JW_TEXT_SLACK + 2 * JW_TOKEN_MAX + 2 * NUMFMT_MAX)

/* A motion's number of one to three digits (most are) quoted at o: its
** end; else NULL (having written bytes that do not count).  No byte past
** the number's NUL is read. */
static inline char *json_digits_hole(char *o, const char *s)
{
	unsigned char c = (unsigned char)s[0];
	if ((unsigned)(c - '0') > 9)
		return NULL;
	o[0] = '"';
	o[1] = (char)c;
	for (unsigned i = 1; i < 4; i++) { /* unrolled; a fourth digit: NULL */
		c = (unsigned char)s[i];
		if (!c) {
			o[1 + i] = '"';
			return o + i + 2;
		}
		if ((unsigned)(c - '0') > 9)
			return NULL;
		o[1 + i] = (char)c;
	}
	return NULL;
}

/* A string value of a template (a motion's number, its title) at o, where
** the writer's text ends whatever its state (as after a key) and there is
** room for JW_TOKEN_MAX bytes: its end, and the writer's text there */
static inline char *json_string_hole(struct json_writer *w, char *o, const char *s)
{
	char *end = jw_quote_plain(o, s);
	if (end)
		return end;
	jw_end_at(w, o);
	w->after_key = true;
	jw_string(w, s);
	return jw_room(w, MOTION_ROOM);
}

/* ... and a motion's number */
static inline char *json_number_hole(struct json_writer *w, char *o, const char *s)
{
	char *end = json_digits_hole(o, s);
	return end ? end : json_string_hole(w, o, s);
}

/* A motion from its template: its text, and its values in its holes, each
** as json_motion_usual writes it.  The room for all of it is made once,
** and again after a hole written the usual way (which makes its own); the
** values of one token are written at the text's end, the writer's state
** not read. */
static void json_motion_from(struct json_writer *w, const struct jw_template *tp, const struct terms *t,
                             const struct motion_result *mr)
{
	char *o = jw_template_start(w, jw_room(w, MOTION_ROOM));
	size_t from = 0;
	const struct jw_hole *h = tp->holes, *holes_end = h + tp->n_holes;
	/* every motion's first holes (json_motion_usual writes them first):
	** its number and title, without the switch */
	if (tp->n_holes >= 2 && h[0].kind == HOLE_NUMBER && h[1].kind == HOLE_TITLE) {
		o = json_number_hole(w, jw_copy_text(o, tp->text, h[0].at), mr->motion->number);
		o = json_string_hole(w, jw_copy_text(o, tp->text + h[0].at, h[1].at - h[0].at), mr->motion->title);
		from = h[1].at;
		h += 2;
	}
	for (; h < holes_end; h++) {
		o = jw_copy_text(o, tp->text + from, h->at - from);
		from = h->at;
		switch ((enum motion_hole)h->kind) {
		case HOLE_NUMBER: o = json_number_hole(w, o, mr->motion->number); continue;
		case HOLE_TITLE: o = json_string_hole(w, o, mr->motion->title); continue;
		case HOLE_QUORUM_PRESENT: o += numfmt_i64_fast(o, mr->quorum_present); continue;
		case HOLE_QUORUM_ATTENDEES: o += numfmt_i64_fast(o, mr->quorum_attendees); continue;
		case HOLE_DECLARED: jw_hole_state(w, o, h); json_declared(w, mr->motion); break;
		case HOLE_DEPUTIES: jw_hole_state(w, o, h); json_deputies(w, mr); break;
		case HOLE_QUORUM_RULE: jw_hole_state(w, o, h); json_rule_numbers_kept(w, &mr->quorum[h->index]); break;
		case HOLE_COUNTS: jw_hole_state(w, o, h); json_count_lines(w, mr->counts, t->uses_attendees); break;
		case HOLE_CASTING: jw_hole_state(w, o, h); json_casting_to_ratification(w, mr); break;
		case HOLE_RULE: jw_hole_state(w, o, h); json_rule_numbers_kept(w, &mr->reqs[h->index]); break;
		case HOLE_FINDINGS: jw_hole_state(w, o, h); json_findings(w, &mr->findings); break;
		}
		o = jw_room(w, MOTION_ROOM);
	}
	jw_end_at(w, jw_copy_text(o, tp->text + from, tp->len - from));
	w->depth = tp->depth;
	w->after_key = false;
}

/*
** A replay's writer (with slots) writes most motions from the template kept
** for their shape: its text copied, its values written into its holes.  A
** shape seen for the first time is written the usual way and recorded.
*/
static void json_motion(struct json_writer *w, const struct terms *t, const struct motion_result *mr)
{
	if (!w->kept || w->rec || w->after_key || !shape_fits(mr)) {
		json_motion_usual(w, t, mr, true);
		return;
	}
	uint64_t flags = motion_flags(w, t, mr);
	struct jw_template *tp = motion_template(w, flags, mr);
	if (tp) {
		json_motion_from(w, tp, t, mr);
		return;
	}
	struct motion_shape k;
	motion_shape(flags, mr, &k);
	struct jw_recording r;
	jw_record_begin(w, &r, k.in, k.n);
	json_motion_usual(w, t, mr, !w->rec);
	jw_record_end(w);
}

void report_json_meeting(struct json_writer *w, const struct meeting_result *r)
{
	const struct meeting *m = r->meeting;
	const struct terms *t = r->terms;
	char d[DATE_FMT_MAX];
	jw_begin_object(w);
	jw_key_lit(w, "meeting");
	jw_begin_object(w);
	jw_key_string(w, "title", m->title);
	jw_key_string(w, "date", date_format(m->date, d));
	jw_key_string(w, "file", m->src->name);
	jw_run(w, t, json_terms, t);
	jw_key_int(w, "members", r->members);
	jw_key_int(w, "present_at_start", r->present_at_start);
	jw_end_object(w);
	jw_key_lit(w, "motions");
	jw_begin_array(w);
	for (unsigned i = 0; i < r->n_motions; i++)
		json_motion(w, r->terms, &r->motions[i]);
	jw_end_array(w);
	jw_key_lit(w, "findings");
	json_findings(w, &r->findings);
	jw_key_lit(w, "summary");
	jw_begin_object(w);
	jw_key_int(w, "motions", r->n_motions);
	jw_key_int(w, "errors", r->count_by_sev[SEV_ERROR]);
	jw_key_int(w, "breaches", r->count_by_sev[SEV_BREACH]);
	jw_key_int(w, "warnings", r->count_by_sev[SEV_WARNING]);
	jw_key_int(w, "notes", r->count_by_sev[SEV_NOTE]);
	jw_key_int(w, "mismatches", r->mismatches);
	jw_end_object(w);
	jw_end_object(w);
}

/* ---- diagnostics (check, and eval's malformed input) ----------------------------------- */

/* "suggestion": the fix-it's replacement text and the span it replaces
** (end_line/end_column just past it; equal to line/column for an insertion),
** or null. */
static void json_suggestion(struct json_writer *w, const struct diag_fixit *f)
{
	if (!f) {
		jw_key_null(w, "suggestion");
		return;
	}
	jw_key_lit(w, "suggestion");
	jw_begin_object(w);
	jw_key_string(w, "text", f->text);
	report_json_loc_fields(w, &f->loc);
	if (f->loc.src) {
		unsigned line, col;
		source_position(f->loc.src, f->loc.end, &line, &col);
		jw_key_int(w, "end_line", line);
		jw_key_int(w, "end_column", col);
	}
	jw_end_object(w);
}

static void json_diagnostics(FILE *out, struct diag_sink *d, const struct report_opts *o)
{
	(void)o;
	diag_sort(d);
	struct json_writer w;
	jw_init(&w, out);
	jw_begin_object(&w);
	jw_key_int(&w, "errors", d->n_errors);
	jw_key_int(&w, "warnings", d->n_warnings);
	jw_key_lit(&w, "diagnostics");
	jw_begin_array(&w);
	for (size_t i = 0; i < d->items.n; i++) {
		const struct diag *g = &d->items.items[i];
		jw_begin_object(&w);
		jw_key_lit(&w, "severity");
		jw_string(&w, diag_severity_name(g->sev));
		jw_key_lit(&w, "code");
		jw_string(&w, diag_code_name(g->code));
		jw_key_lit(&w, "message");
		jw_string(&w, g->msg);
		report_json_loc_fields(&w, &g->loc);
		json_suggestion(&w, g->fixit);
		jw_key_lit(&w, "notes");
		jw_begin_array(&w);
		for (const struct diag_note *n = g->notes; n; n = n->next) {
			jw_begin_object(&w);
			jw_key_lit(&w, "message");
			jw_string(&w, n->msg);
			report_json_loc_fields(&w, &n->loc);
			jw_end_object(&w);
		}
		jw_end_array(&w);
		jw_end_object(&w);
	}
	jw_end_array(&w);
	jw_end_object(&w);
	jw_finish(&w);
}

/* ---- one meeting (eval) ---------------------------------------------------------------- */

static void json_meeting(FILE *out, const struct meeting_result *r, const struct report_opts *o)
{
	(void)o;
	struct json_writer w;
	jw_init(&w, out);
	report_json_meeting(&w, r);
	jw_finish(&w);
}

/* ---- a history (replay): meetings stream straight out ------------------------------------ */

/*
** The meetings wait in a temporary file, as the text report's do, and are
** copied out at the end: replay may take them all back (a history out of
** date order is judged again, in order), which a pipe, or a file that also
** holds the diagnostics, would not allow.
*/
struct json_replay {
	struct json_writer w;            /* first: a struct json_replay * is its writer */
	struct json_writer at_meetings;  /* the writer just after "meetings": [ */
	struct jw_kept kept;             /* the terms' strings, quoted once: they live as long as the run */
	struct json_meeting_kept head;   /* the meetings' head lines, kept for their files */
};

static bool json_replay_begin(struct replay_report *rw)
{
	/* not zeroed: two writers' buffers and the kept blocks are 1.7 MB,
	** which jw_init and jw_keep make ready without touching them all */
	struct json_replay *j = arena_alloc_uninit(rw->arena, sizeof *j);
	rw->state = j;
	jw_init(&j->w, rw->out);
	jw_keep(&j->w, &j->kept);
	j->head.valid = false;
	j->head.terms = NULL;
	j->head.month_first = 0;
	j->head.month_days = 0; /* read with month_first: both set */
	jw_begin_object(&j->w);
	jw_key_lit(&j->w, "meetings");
	jw_begin_array(&j->w);
	/* the meetings straight after this head, or to the body */
	if (!rw->summary_only && !report_replay_direct(rw, j->w.pending) && !report_replay_body(rw))
		return false;
	jw_flush(&j->w);
	if (rw->body)
		j->w.out = rw->body;
	/* the writer's state without its buffer, which holds nothing now */
	memcpy(&j->at_meetings, &j->w, offsetof(struct json_writer, buf));
	return true;
}

static void json_replay_rewind(struct replay_report *rw)
{
	struct json_replay *j = rw->state;
	/* the file itself is emptied by report_replay_rewind; the buffer was empty */
	memcpy(&j->w, &j->at_meetings, offsetof(struct json_writer, buf));
}

/* ---- a replay's meeting from fixed pieces ------------------------------------------------ */

/* A literal's bytes at o: their end */
#define PUT_LIT(o, lit) (memcpy((o), (lit), sizeof(lit) - 1), (o) + sizeof(lit) - 1)
/* The depth of a replay's "meetings" array, the one the pieces are made for */
#define MEETINGS_DEPTH 2
/* The room a piece needs: the head, three strings on their lines (after
** one written the usual way, json_string_hole makes room for the rest) */
#define MEETING_ROOM (JSON_HEAD_MAX + JW_TEXT_SLACK + 3 * (JW_LINE_MAX + JW_KEY_MAX + JW_TOKEN_MAX))

/* s quoted at o (the text ends by `end`) as jw_string quotes it, escapes
** and all: by jw_quote_key, which every build has (jw_quote_plain is only
** where strings are scanned sixteen bytes a step, not under
** AddressSanitizer).  Its end, or NULL where there is no room. */
static char *head_quoted(char *o, const char *end, const char *s)
{
	size_t n = jw_quote_key(o, (size_t)(end - o), s);
	return n ? o + n - 2 : NULL; /* without the key's ": " */
}

/* meta's head made into k, as the usual way writes it at MEETINGS_DEPTH
** after its comma: from the meeting's "{" to "title": (false: it is not
** one a head is kept for: a long name, a digest not of 64 digits; so the
** kept digests are set whole, and compared whole) */
static bool make_meeting_head(struct json_meeting_kept *k, const struct replay_meta *meta)
{
	k->valid = false;
	if (strlen(meta->record_file) >= JSON_HEAD_NAME || strlen(meta->terms_file) >= JSON_HEAD_NAME ||
	    strnlen(meta->record_sha256, SHA256_HEX_SIZE) != SHA256_HEX_SIZE - 1 ||
	    strnlen(meta->terms_sha256, SHA256_HEX_SIZE) != SHA256_HEX_SIZE - 1)
		return false;
	char t[JSON_HEAD_MAX + JW_TOKEN_MAX];
	char *o = PUT_LIT(t, "\n    {\n      \"file\": ");
	if (!(o = head_quoted(o, t + sizeof t, meta->record_file)))
		return false;
	o = PUT_LIT(o, ",\n      \"sha256\": \"");
	o = stpcpy(o, meta->record_sha256);
	o = PUT_LIT(o, "\",\n      \"terms_file\": ");
	if (!(o = head_quoted(o, t + sizeof t, meta->terms_file)))
		return false;
	o = PUT_LIT(o, ",\n      \"terms_sha256\": \"");
	o = stpcpy(o, meta->terms_sha256);
	o = PUT_LIT(o, "\",\n      \"result\": {\n        \"meeting\": {\n          \"title\": ");
	size_t len = (size_t)(o - t);
	if (len > JSON_HEAD_MAX)
		return false;
	memcpy(k->text, t, len);
	memset(k->text + len, 0, JW_TEXT_SLACK);
	k->len = (unsigned short)len;
	strcpy(k->record_file, meta->record_file);
	strcpy(k->terms_file, meta->terms_file);
	memcpy(k->record_sha256, meta->record_sha256, SHA256_HEX_SIZE);
	memcpy(k->terms_sha256, meta->terms_sha256, SHA256_HEX_SIZE);
	k->valid = true;
	return true;
}

/* The head kept in k is meta's: compared by content (a file's name is
** freed when it closes, and another's may be given the same address) */
static bool meeting_head_is(const struct json_meeting_kept *k, const struct replay_meta *meta)
{
	return k->valid && !strcmp(k->record_file, meta->record_file) && !strcmp(k->terms_file, meta->terms_file) &&
	       !memcmp(k->record_sha256, meta->record_sha256, SHA256_HEX_SIZE) &&
	       !memcmp(k->terms_sha256, meta->terms_sha256, SHA256_HEX_SIZE);
}

/* "key": n on its line in the meeting's summary or object (depth 5), at o */
#define MEETING_INT(o, key, n) ((o) = PUT_LIT((o), ",\n          \"" key "\": "), (o) += numfmt_i64_fast((o), (int64_t)(n)))

/* The meeting's "terms" (after its "file", in "meeting"): as jw_run writes
** them, and kept in k for the next meeting of the same terms where no
** text was given out meanwhile; then copied (jw_run's lookup cost more) */
static void json_meeting_terms(struct json_writer *w, struct json_meeting_kept *k, const struct terms *t)
{
	if (t == k->terms) {
		jw_end_at(w, jw_copy_text(jw_room(w, JW_RUN_MAX + JW_TEXT_SLACK), k->terms_text, k->terms_len));
		w->first[MEETINGS_DEPTH + 4] = false;
		return;
	}
	size_t start = w->pending, given = w->given;
	jw_run(w, t, json_terms, t);
	size_t len = w->pending - start;
	if (w->given != given || len > JW_RUN_MAX || w->depth != MEETINGS_DEPTH + 3 || w->after_key)
		return;
	memcpy(k->terms_text, w->buf + start, len);
	memset(k->terms_text + len, 0, JW_TEXT_SLACK);
	k->terms_len = (unsigned short)len;
	k->terms = t;
}

/* The meeting's date quoted at o as date_format writes it (where the writer's
** text ends, with room for a token): from the month kept in k where the
** date is in it (most meetings are in their last's month), else formatted
** and its month kept.  Its end. */
static char *json_meeting_date(struct json_writer *w, struct json_meeting_kept *k, char *o, qdate d)
{
	uint64_t day = (uint64_t)((int64_t)d - k->month_first);
	if (day < k->month_days) {
		*o = '"';
		memcpy(o + 1, k->month_text, 8);
		o[9] = (char)('0' + (day + 1) / 10);
		o[10] = (char)('0' + (day + 1) % 10);
		o[11] = '"';
		return o + 12;
	}
	char t[DATE_FMT_MAX];
	date_format(d, t);
	k->month_days = 0;
	int y, m, dd;
	qdate next;
	if (date_in_range(d)) {
		date_to_ymd(d, &y, &m, &dd);
		if (date_from_ymd(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1, &next) == DATE_OK) {
			k->month_first = d - (dd - 1);
			k->month_days = (unsigned)(next - k->month_first);
			memcpy(k->month_text, t, 8);
		}
	}
	return json_string_hole(w, o, t);
}

/*
** A replay's meeting as report_json_replay_meeting and report_json_meeting
** write it, at MEETINGS_DEPTH with its head in k: the head copied, the
** meeting's strings quoted after it, its fixed lines and numbers written
** a piece at a time (one check for room each), the writer's state set as
** the usual way leaves it where the terms, the motions and the findings
** are written the usual way.
*/
static void json_replay_meeting_at_once(struct json_writer *w, struct json_meeting_kept *k,
                                        const struct meeting_result *r)
{
	const struct meeting *m = r->meeting;
	char *o = jw_room(w, MEETING_ROOM);
	*o = ',';
	o += !w->first[MEETINGS_DEPTH];
	w->first[MEETINGS_DEPTH] = false;
	o = jw_copy_text(o, k->text, k->len);
	/* in "meeting", after "title": its keys and those of the objects it is in written */
	w->depth = MEETINGS_DEPTH + 3;
	w->first[MEETINGS_DEPTH + 1] = w->first[MEETINGS_DEPTH + 2] = w->first[MEETINGS_DEPTH + 3] = false;
	o = json_string_hole(w, o, m->title);
	o = PUT_LIT(o, ",\n          \"date\": ");
	o = json_meeting_date(w, k, o, m->date);
	o = PUT_LIT(o, ",\n          \"file\": ");
	o = json_string_hole(w, o, m->src->name);
	jw_end_at(w, o);
	w->after_key = false;
	json_meeting_terms(w, k, r->terms);
	o = jw_room(w, MEETING_ROOM);
	MEETING_INT(o, "members", r->members);
	MEETING_INT(o, "present_at_start", r->present_at_start);
	o = PUT_LIT(o, "\n        },\n        \"motions\": [");
	jw_end_at(w, o);
	w->first[MEETINGS_DEPTH + 3] = true; /* the motions' array, at the same depth */
	for (unsigned i = 0; i < r->n_motions; i++)
		json_motion(w, r->terms, &r->motions[i]);
	o = jw_room(w, MEETING_ROOM);
	if (!w->first[MEETINGS_DEPTH + 3])
		o = PUT_LIT(o, "\n        ");
	o = PUT_LIT(o, "],\n        \"findings\": ");
	w->depth = MEETINGS_DEPTH + 2;
	if (!r->findings.first) {
		o = PUT_LIT(o, "[]");
	} else {
		jw_end_at(w, o);
		w->after_key = true;
		json_findings(w, &r->findings);
		o = jw_room(w, MEETING_ROOM);
	}
	o = PUT_LIT(o, ",\n        \"summary\": {\n          \"motions\": ");
	o += numfmt_i64_fast(o, (int64_t)r->n_motions);
	MEETING_INT(o, "errors", r->count_by_sev[SEV_ERROR]);
	MEETING_INT(o, "breaches", r->count_by_sev[SEV_BREACH]);
	MEETING_INT(o, "warnings", r->count_by_sev[SEV_WARNING]);
	MEETING_INT(o, "notes", r->count_by_sev[SEV_NOTE]);
	MEETING_INT(o, "mismatches", r->mismatches);
	o = PUT_LIT(o, "\n        }\n      }\n    }");
	jw_end_at(w, o);
	w->depth = MEETINGS_DEPTH;
	w->first[MEETINGS_DEPTH + 3] = false;
	w->after_key = false;
}

void report_json_replay_meeting(struct json_writer *w, struct json_meeting_kept *kept, const struct meeting_result *r,
                                const struct replay_meta *meta)
{
	if (kept && w->kept && !w->rec && !w->after_key && w->depth == MEETINGS_DEPTH &&
	    (meeting_head_is(kept, meta) || make_meeting_head(kept, meta))) {
		json_replay_meeting_at_once(w, kept, r);
		return;
	}
	jw_begin_object(w);
	jw_key_string(w, "file", meta->record_file);
	jw_key_lit(w, "sha256");
	jw_plain(w, meta->record_sha256); /* hex digits */
	jw_key_string(w, "terms_file", meta->terms_file);
	jw_key_lit(w, "terms_sha256");
	jw_plain(w, meta->terms_sha256);
	jw_key_lit(w, "result");
	report_json_meeting(w, r);
	jw_end_object(w);
}

static void json_replay_meeting(struct replay_report *rw, const struct meeting_result *r, const struct replay_meta *meta)
{
	struct json_replay *j = rw->state;
	report_json_replay_meeting(&j->w, &j->head, r, meta);
}

static void json_history_findings(struct json_writer *w, const struct replay_report *rw)
{
	jw_key_lit(w, "findings");
	jw_begin_array(w);
	for (size_t i = 0; i < rw->findings.n; i++) {
		const struct history_finding *f = &rw->findings.items[i];
		jw_begin_object(w);
		jw_key_string(w, "code", finding_code_name(f->code));
		jw_key_string(w, "severity", finding_severity_name(f->sev));
		json_opt_string(w, "clause", f->clause);
		jw_key_string(w, "message", f->message);
		json_opt_string(w, "file", f->file);
		jw_key_lit(w, "line");
		if (f->file) jw_int(w, f->line); else jw_null(w);
		jw_end_object(w);
	}
	jw_end_array(w);
}

static void json_summary(struct json_writer *w, const struct replay_summary *s)
{
	jw_key_lit(w, "summary");
	jw_begin_object(w);
	jw_key_int(w, "meetings", s->meetings);
	jw_key_int(w, "outside_meetings", s->outside_meetings);
	jw_key_int(w, "motions", s->motions);
	jw_key_int(w, "record_files", s->record_files);
	jw_key_int(w, "terms_versions", s->terms_versions);
	jw_key_int(w, "terms_versions_used", s->versions_used);
	jw_key_int(w, "malformed_files", s->malformed_files);
	jw_key_int(w, "mismatches", s->mismatches);
	jw_key_lit(w, "outcomes");
	jw_begin_object(w);
	for (int oc = OUTCOME_CARRIED; oc <= OUTCOME_UNDETERMINED; oc++) {
		jw_key(w, ast_outcome_name((enum outcome)oc));
		jw_int(w, s->by_outcome[oc]);
	}
	jw_end_object(w);
	jw_key_int(w, "ratified", s->ratified);
	jw_key_int(w, "still_provisional", s->still_provisional);
	jw_key_lit(w, "awaiting_approval");
	jw_begin_array(w);
	for (unsigned i = 0; i < s->n_awaiting; i++) {
		const struct awaiting_approval *a = &s->awaiting[i];
		char d[DATE_FMT_MAX];
		jw_begin_object(w);
		jw_key_string(w, "meeting", a->meeting);
		jw_key_string(w, "date", date_format(a->date, d));
		jw_key_string(w, "motion", a->motion);
		jw_key_string(w, "title", a->title);
		jw_key_string(w, "by", a->by);
		jw_key_string(w, "file", a->file);
		jw_key_int(w, "line", a->line);
		jw_end_object(w);
	}
	jw_end_array(w);
	jw_key_lit(w, "by_severity");
	jw_begin_object(w);
	for (int sev = SEV_ERROR; sev >= SEV_NOTE; sev--) {
		jw_key(w, finding_severity_name((enum finding_severity)sev));
		jw_int(w, s->by_severity[sev]);
	}
	jw_end_object(w);
	jw_key_lit(w, "by_code"); /* errors first, as the reports list them */
	jw_begin_object(w);
	enum finding_code order[F__COUNT];
	finding_codes_by_severity(order);
	for (unsigned c = 0; c < F__COUNT; c++) {
		if (!s->by_code[order[c]])
			continue;
		jw_key(w, finding_code_name(order[c]));
		jw_int(w, s->by_code[order[c]]);
	}
	jw_end_object(w);
	jw_end_object(w);
}

static bool json_replay_end(struct replay_report *rw, const struct replay_summary *s)
{
	struct json_writer *w = rw->state;
	bool ok = true;
	if (rw->body) {
		/* A failure of the output itself is the command's to report, as
		** when the meetings go straight out; only the temporary file's is
		** this report's. */
		jw_flush(w);
		ok = report_copy_stream(rw->body, rw->out) || ferror(rw->out);
		w->out = rw->out;
	}
	jw_end_array(w); /* meetings */
	json_history_findings(w, rw);
	json_summary(w, s);
	if (rw->registers) {
		jw_key_lit(w, "registers");
		ok = register_report_write(rw->registers, rw->out, w, false) && ok;
	}
	jw_end_object(w);
	jw_finish(w);
	return ok;
}

/* ---- an amendment (diff) ------------------------------------------------------------------ */

static void json_amend_changes(struct json_writer *w, const struct amend *d)
{
	jw_key_lit(w, "changes");
	jw_begin_array(w);
	for (size_t i = 0; i < d->changes.n; i++) {
		jw_begin_object(w);
		jw_key_string(w, "heading", d->changes.items[i].heading);
		json_opt_string(w, "clause", d->changes.items[i].clause);
		json_opt_string(w, "before", d->changes.items[i].before);
		json_opt_string(w, "after", d->changes.items[i].after);
		jw_end_object(w);
	}
	jw_end_array(w);
}

static void json_amend_search(struct json_writer *w, const struct diff_search *s)
{
	jw_key_lit(w, "scenarios");
	jw_begin_object(w);
	jw_key_int(w, "searched", (int64_t)s->scenarios);
	jw_key_int(w, "differing", (int64_t)s->differing);
	jw_key_bool(w, "complete", !s->truncated);
	jw_key_lit(w, "space");
	if (s->space)
		jw_int(w, (int64_t)s->space);
	else
		jw_null(w);
	jw_key_int(w, "attendances", (int64_t)s->attendances);
	jw_key_lit(w, "attendances_all");
	if (s->attendances_all)
		jw_int(w, (int64_t)s->attendances_all);
	else
		jw_null(w);
	jw_key_int(w, "levels", s->levels);
	jw_key_int(w, "rounds", s->rounds);
	jw_key_int(w, "work", (int64_t)s->work);
	jw_key_int(w, "bound", (int64_t)s->bound);
	json_opt_string(w, "cut_short_by", s->truncated ? (s->why_truncated ? s->why_truncated : "its bound") : NULL);
	jw_key_lit(w, "transitions");
	jw_begin_array(w);
	for (int b = OUTCOME_CARRIED; b <= OUTCOME_UNDETERMINED; b++)
		for (int n = OUTCOME_CARRIED; n <= OUTCOME_UNDETERMINED; n++)
			if (s->transitions[b][n]) {
				jw_begin_object(w);
				jw_key_string(w, "before", ast_outcome_name((enum outcome)b));
				jw_key_string(w, "after", ast_outcome_name((enum outcome)n));
				jw_key_int(w, "count", (int64_t)s->transitions[b][n]);
				jw_end_object(w);
			}
	jw_end_array(w);
	jw_key_lit(w, "examples");
	jw_begin_array(w);
	for (unsigned i = 0; i < s->n_examples; i++) {
		const struct diff_example *e = &s->examples[i];
		jw_begin_object(w);
		jw_key_int(w, "present", e->present);
		jw_key_int(w, "for", e->yes);
		jw_key_int(w, "against", e->no);
		jw_key_int(w, "abstain", e->abstain);
		jw_key_int(w, "conflicted", e->conflicted);
		json_opt_string(w, "casting", e->casting < 0 ? NULL : e->casting == VOTE_FOR ? "for" : "against");
		jw_key_string(w, "motion", e->motion);
		jw_key_string(w, "before", ast_outcome_name(e->before));
		jw_key_string(w, "after", ast_outcome_name(e->after));
		jw_end_object(w);
	}
	jw_end_array(w);
	jw_end_object(w);
}

static void json_amend_history(struct json_writer *w, const struct amend *d)
{
	jw_key_lit(w, "history");
	jw_begin_object(w);
	jw_key_int(w, "meetings", d->history_meetings);
	jw_key_int(w, "later_meetings_not_compared", d->history_later);
	jw_key_int(w, "motions", d->history_motions);
	jw_key_lit(w, "flips");
	jw_begin_array(w);
	for (size_t i = 0; i < d->flips.n; i++) {
		const struct amend_flip *f = &d->flips.items[i];
		jw_begin_object(w);
		jw_key_string(w, "meeting", f->meeting);
		jw_key_string(w, "date", f->date);
		jw_key_string(w, "file", f->file);
		jw_key_int(w, "line", f->line);
		jw_key_string(w, "motion", f->motion);
		jw_key_string(w, "title", f->title);
		jw_key_string(w, "before", ast_outcome_name(f->before));
		jw_key_string(w, "after", ast_outcome_name(f->after));
		jw_key_string(w, "working_before", f->why_before);
		jw_key_string(w, "working_after", f->why_after);
		jw_end_object(w);
	}
	jw_end_array(w);
	jw_end_object(w);
}

static void json_amend(FILE *out, const struct amend *d)
{
	struct json_writer w;
	jw_init(&w, out);
	jw_begin_object(&w);
	for (int v = 0; v < 2; v++) {
		jw_key(&w, v ? "new" : "old");
		jw_begin_object(&w);
		jw_key_lit(&w, "name");
		jw_string(&w, d->t[v]->name);
		json_opt_string(&w, "version", d->t[v]->version);
		jw_key_lit(&w, "file");
		jw_string(&w, d->t[v]->src->name);
		jw_end_object(&w);
	}
	json_amend_changes(&w, d);
	json_amend_search(&w, &d->search);
	json_amend_history(&w, d);
	jw_end_object(&w);
	jw_finish(&w);
}

const struct report_ops report_json = {
	.name = "json",
	.for_programs = true,
	.diagnostics = json_diagnostics,
	.meeting = json_meeting,
	.replay_begin = json_replay_begin,
	.replay_meeting = json_replay_meeting,
	.replay_end = json_replay_end,
	.replay_rewind = json_replay_rewind,
	.explain = explain_write_json,
	.amend = json_amend,
	.registers = &register_json_ops,
	.conform = conform_write_json,
};
