/*
** report_text: the text format (struct report_ops report_text).  A meeting's
** evaluation for people: per motion, the class and clause, the quorum with
** its numbers, each requirement as written with the numbers substituted,
** what was needed and what was there, the outcome and the findings; a
** history's summary, meetings and findings across meetings; an amendment;
** diagnostics.  Markdown shares the layouts of the summary and the
** amendment (report_plain_*).
*/
#include "base/numfmt.h"
#include "base/sbuf.h"
#include "base/wbuf.h"
#include "report/register_int.h"
#include "report/report.h"
#include "run/working.h"

#include <string.h>
#include <unistd.h>

#include "report/report_conform.h"
#include "report/report_explain.h"

#define BOLD "\033[1m"
#define RED "\033[1;31m"
#define YELLOW "\033[1;33m"
#define GREEN "\033[1;32m"
#define RESET "\033[0m"

char *report_where(const struct loc *l, char *buf, size_t size)
{
	if (!l->src) {
		snprintf(buf, size, "-");
		return buf;
	}
	unsigned line, col;
	source_position(l->src, l->start, &line, &col);
	size_t name = strlen(l->src->name);
	if (name + 1 + NUMFMT_MAX > size) {
		snprintf(buf, size, "%s:%u", l->src->name, line);
		return buf;
	}
	/* "file:line" by hand: every finding has one or two */
	memcpy(buf, l->src->name, name);
	buf[name] = ':';
	numfmt_u64(buf + name + 1, line);
	return buf;
}

/* The room print_findings gives report_where (a longer name is cut there). */
#define REPORT_WHERE_MAX 512

static const char *sev_color(enum finding_severity s)
{
	return s >= SEV_BREACH ? RED : s == SEV_WARNING ? YELLOW : "";
}

/* report_where into out: "file:line" written in place, not into a buffer
** and measured again; a name too long for report_where's buffer as it
** cuts it. */
static void put_where(struct wbuf *out, const struct loc *l)
{
	if (!l->src) {
		wbuf_putc(out, '-');
		return;
	}
	size_t name = strlen(l->src->name);
	if (name + 1 + NUMFMT_MAX > REPORT_WHERE_MAX) {
		char where[REPORT_WHERE_MAX];
		wbuf_puts(out, report_where(l, where, sizeof where));
		return;
	}
	unsigned line = source_line(l->src, l->start); /* its column is not shown */
	wbuf_write(out, l->src->name, name);
	char *p = wbuf_space(out, 1 + NUMFMT_MAX);
	*p++ = ':';
	WBUF_INT(p, line);
	wbuf_wrote(out, p);
}

/* The severities' names and lengths, as finding_severity_name's. */
static const struct {
	const char *s;
	unsigned char n;
} severity_text[] = { [SEV_NOTE] = { "note", 4 }, [SEV_WARNING] = { "warning", 7 }, [SEV_BREACH] = { "breach", 6 },
	                  [SEV_ERROR] = { "error", 5 } };

/* Findings without colour (every replay's): the lengths known where they
** can be, file:line in place. */
static void print_findings_plain(struct wbuf *out, const struct finding_list *l, const char *indent, size_t indent_len)
{
	for (const struct finding *f = l->first; f; f = f->next) {
		wbuf_write(out, indent, indent_len);
		if ((unsigned)f->sev < sizeof severity_text / sizeof severity_text[0])
			wbuf_write(out, severity_text[f->sev].s, severity_text[f->sev].n);
		else
			wbuf_puts(out, finding_severity_name(f->sev));
		wbuf_write(out, " [", 2);
		wbuf_puts(out, finding_code_name(f->code));
		wbuf_putc(out, ']');
		if (f->clause) {
			wbuf_write(out, " §", sizeof " §" - 1);
			wbuf_puts(out, f->clause);
		}
		wbuf_write(out, ": ", 2);
		wbuf_puts(out, f->message);
		wbuf_write(out, " (", 2);
		put_where(out, &f->where);
		if (f->rule.src) {
			wbuf_write(out, "; rule at ", sizeof "; rule at " - 1);
			put_where(out, &f->rule);
		}
		wbuf_write(out, ")\n", 2);
	}
}

static void print_findings(struct wbuf *out, const struct finding_list *l, const char *indent, bool color)
{
	if (!l->first) /* most motions */
		return;
	if (!color) {
		print_findings_plain(out, l, indent, strlen(indent));
		return;
	}
	for (const struct finding *f = l->first; f; f = f->next) {
		char where[REPORT_WHERE_MAX];
		wbuf_puts(out, indent);
		if (color) {
			wbuf_puts(out, sev_color(f->sev));
			wbuf_puts(out, finding_severity_name(f->sev));
			wbuf_puts(out, RESET);
		} else {
			wbuf_puts(out, finding_severity_name(f->sev));
		}
		wbuf_puts(out, " [");
		wbuf_puts(out, finding_code_name(f->code));
		wbuf_putc(out, ']');
		if (f->clause) {
			wbuf_puts(out, " §");
			wbuf_puts(out, f->clause);
		}
		wbuf_puts(out, ": ");
		wbuf_puts(out, f->message);
		wbuf_puts(out, " (");
		wbuf_puts(out, report_where(&f->where, where, sizeof where));
		if (f->rule.src) {
			wbuf_puts(out, "; rule at ");
			wbuf_puts(out, report_where(&f->rule, where, sizeof where));
		}
		wbuf_puts(out, ")\n");
	}
}

/* A quorum rule or a requirement: `head` is its label padded to the column
** of the rules ("  require   " or as many blanks), a literal. */
#define print_requirement(out, head, q) print_rule((out), (head), sizeof(head) - 1, (q))

/* The working line of a rule: its working, whether it was met and the
** votes needed, at most this long (working, words, two numbers). */
#define WORKING_LINE_MAX (REQ_WORKING_MAX + 64 + 2 * NUMFMT_MAX)
_Static_assert(WORKING_LINE_MAX <= WBUF_SIZE, "a wbuf has room for a working line");

static void print_rule(struct wbuf *out, const char *head, size_t head_len, const struct req_result *q)
{
	wbuf_write(out, head, head_len);
	if (q->clause) {
		wbuf_write(out, "§", sizeof "§" - 1);
		wbuf_puts(out, q->clause);
		wbuf_putc(out, ' ');
	}
	wbuf_puts(out, q->text);
	wbuf_putc(out, '\n');
	if (q->failed) {
		wbuf_puts(out, "              could not be evaluated (see findings)\n");
		return;
	}
	/* "              9 > half of 12 = 6: met (needs 7, has 9)": the working
	** rendered in place, the rest bounded */
	char *p = wbuf_space(out, WORKING_LINE_MAX);
	WBUF_LIT(p, "              ");
	const char *working = req_working(q, p);
	if (working && *working) {
		p += strlen(p);
	} else {
		*p++ = '-';
	}
	if (q->met)
		WBUF_LIT(p, ": met");
	else
		WBUF_LIT(p, ": not met");
	if (q->has_needed) {
		WBUF_LIT(p, " (needs ");
		WBUF_INT(p, q->needed);
		WBUF_LIT(p, ", has ");
		WBUF_INT(p, q->have);
		*p++ = ')';
	}
	*p++ = '\n';
	wbuf_wrote(out, p);
}

/* wbuf_puts, for report_motion_attrs */
static void put_text(void *out, const char *s)
{
	wbuf_puts(out, s);
}

void report_text_attrs(struct wbuf *out, const struct rec_motion *mo)
{
	if (mo->is_virtual) { /* rare: its date and words as every report has them */
		report_motion_attrs(out, mo, put_text, put_text, "  [", "]");
		return;
	}
	if (mo->n_attrs == 0)
		return;
	wbuf_write(out, "  [", 3);
	for (unsigned i = 0; i < mo->n_attrs; i++) {
		const struct attr *a = &mo->attrs[i];
		const struct value *v = &a->value;
		if (i)
			wbuf_write(out, ", ", 2);
		wbuf_puts(out, a->name);
		if (v->type == VT_BOOL && v->u.boolean)
			continue;
		wbuf_putc(out, ' ');
		if (v->type == VT_NUM && v->u.num.den == 1 && v->places == 0) {
			wbuf_int(out, v->u.num.num); /* rat_format's digits for a whole number */
		} else if (v->type == VT_STR) {
			wbuf_putc(out, '"');
			wbuf_puts(out, v->u.str);
			wbuf_putc(out, '"');
		} else {
			char buf[RAT_FMT_MAX];
			wbuf_puts(out, value_format(v, buf, sizeof buf));
		}
	}
	wbuf_putc(out, ']');
}

/* The outcomes' names and their lengths, from the list ast_outcome_name's
** come from: two a motion, not measured. */
#define OUTCOME_TEXT_MAX 16
static const struct {
	char s[OUTCOME_TEXT_MAX]; /* padded: copied whole, a fixed size */
	unsigned char n;          /* 0: no such outcome */
} outcome_text[] = {
#define OUTCOME(id, name, word) [id] = { name, sizeof name - 1 },
#include "front/outcomes.def"
#undef OUTCOME
};
#define OUTCOME_LINE_MAX (32 + 2 * OUTCOME_TEXT_MAX)
#define OUTCOME(id, name, word) _Static_assert(sizeof name <= OUTCOME_TEXT_MAX, "an outcome's name fits");
#include "front/outcomes.def"
#undef OUTCOME

static inline char *put_outcome(char *p, enum outcome o)
{
	if ((unsigned)o >= sizeof outcome_text / sizeof outcome_text[0] || !outcome_text[o].n)
		return wbuf_put_str(p, ast_outcome_name(o)); /* "?": no such outcome */
	memcpy(p, outcome_text[o].s, OUTCOME_TEXT_MAX); /* the line has room for it */
	return p + outcome_text[o].n;
}

/* "  outcome   carried (minutes: carried)", without colour: one check for room. */
static void print_outcome(struct wbuf *out, const struct motion_result *mr)
{
	char *p = wbuf_space(out, OUTCOME_LINE_MAX);
	WBUF_LIT(p, "  outcome   ");
	p = put_outcome(p, mr->outcome);
	if (mr->recorded != OUTCOME_NONE) {
		WBUF_LIT(p, " (minutes: ");
		p = put_outcome(p, mr->recorded);
		*p++ = ')';
	}
	*p++ = '\n';
	wbuf_wrote(out, p);
}

/* The counts line, every part bounded: one check for room. */
#define COUNTS_LINE_MAX (256 + 8 * NUMFMT_MAX + 2 * REPORT_SIDE_MAX)
_Static_assert(COUNTS_LINE_MAX <= WBUF_SIZE, "a wbuf has room for a counts line");

static void print_counts(struct wbuf *out, const struct motion_result *mr, bool attendees)
{
	const struct counts *c = mr->counts;
	char *p = wbuf_space(out, COUNTS_LINE_MAX);
	WBUF_LIT(p, "  counts    members ");
	WBUF_INT(p, c->n[COUNT_MEMBERS]);
	WBUF_LIT(p, ", present ");
	WBUF_INT(p, c->n[COUNT_PRESENT]);
	WBUF_LIT(p, ", conflicted ");
	WBUF_INT(p, c->n[COUNT_CONFLICTED]);
	WBUF_LIT(p, ", eligible ");
	WBUF_INT(p, c->n[COUNT_ELIGIBLE]);
	if (attendees) {
		WBUF_LIT(p, ", attendees ");
		WBUF_INT(p, c->n[COUNT_ATTENDEES]);
	}
	WBUF_LIT(p, "; for ");
	p = report_side_votes_at(mr, VOTE_FOR, p); /* written in place */
	WBUF_LIT(p, ", against ");
	p = report_side_votes_at(mr, VOTE_AGAINST, p);
	WBUF_LIT(p, ", abstain ");
	WBUF_INT(p, c->n[COUNT_ABSTAIN]);
	WBUF_LIT(p, " (cast ");
	WBUF_INT(p, c->n[COUNT_CAST]);
	WBUF_LIT(p, ", votes ");
	WBUF_INT(p, c->n[COUNT_VOTES]);
	*p++ = ')';
	if (mr->casting_applied)
		WBUF_LIT(p, ", including the chair's casting vote");
	else if (mr->motion->casting_declined)
		WBUF_LIT(p, "; the chair declined a casting vote");
	*p++ = '\n';
	wbuf_wrote(out, p);
}

/* The quorum's head line and its rules, when it could be judged. */
static void print_quorum(struct wbuf *out, const struct terms *t, const struct motion_result *mr)
{
	char *p = wbuf_space(out, 128 + 2 * NUMFMT_MAX);
	if (mr->quorate)
		WBUF_LIT(p, "  quorum    met: ");
	else
		WBUF_LIT(p, "  quorum    NOT MET: ");
	WBUF_INT(p, mr->quorum_present);
	WBUF_LIT(p, " counting towards the quorum");
	if (t->uses_attendees) {
		WBUF_LIT(p, ", ");
		WBUF_INT(p, mr->quorum_attendees);
		if (mr->quorum_attendees == 1)
			WBUF_LIT(p, " attendee without a vote");
		else
			WBUF_LIT(p, " attendees without a vote");
	}
	*p++ = '\n';
	wbuf_wrote(out, p);
	for (unsigned i = 0; i < mr->n_quorum; i++)
		print_requirement(out, "            ", &mr->quorum[i]);
}

static void print_class(struct wbuf *out, const struct motion_result *mr)
{
	if (!mr->cls) {
		wbuf_puts(out, "  class     none\n");
		return;
	}
	wbuf_puts(out, "  class     ");
	wbuf_puts(out, mr->cls->id);
	if (mr->cls->clause) {
		wbuf_puts(out, " (§");
		wbuf_puts(out, mr->cls->clause);
		wbuf_putc(out, ')');
	}
	if (mr->cls->title) {
		wbuf_putc(out, ' ');
		wbuf_puts(out, mr->cls->title);
	}
	wbuf_putc(out, '\n');
}

static void print_quorum_class(struct wbuf *out, const struct terms *t, const struct motion_result *mr)
{
	print_quorum(out, t, mr);
	print_class(out, mr);
}

static void print_requirements(struct wbuf *out, const struct terms *t, const struct motion_result *mr)
{
	(void)t;
	for (unsigned i = 0; i < mr->n_reqs; i++)
		print_requirement(out, "  require   ", &mr->reqs[i]);
}

/*
** The blocks a text report keeps (wbuf_memo): the quorum with the class
** line, the same at nearly every motion, and the requirements, which repeat
** with their counts.  A key holds everything print_rule, print_quorum and
** print_class read: a rule's requirement and clause (its text is the
** requirement's, and both are the terms', loaded while the report is
** written), whether it failed or was met, the votes needed and had, and
** what its working is made of (working_key).
*/
enum text_block { BLOCK_QUORUM_CLASS = 1, BLOCK_REQUIREMENTS, BLOCK_TERMS };

/* rule_key's flags */
static unsigned rule_flags(const struct req_result *q)
{
	return (unsigned)q->failed | (unsigned)q->met << 1 | (unsigned)q->has_needed << 2 | (unsigned)q->negated << 3 |
	       (unsigned)q->steps_kept << 4;
}

static void rule_key(struct wbuf_key *k, const struct req_result *q)
{
	wbuf_key_push(k, (uint64_t)(uintptr_t)q->req);
	wbuf_key_push(k, (uint64_t)(uintptr_t)q->clause);
	/* the votes needed and had are trace_steps_needed's of the steps: not
	** pushed again (working_key pushes the steps) */
	wbuf_key_push(k, rule_flags(q));
	if (q->failed)
		return;
	if (q->steps_kept) {
		/* the memo's entry for this condition on the counts it reads
		** (every count its working shows among them): its pointer says
		** the steps and the counts at once, in one word, where
		** working_key walks the comparisons (most rules, most motions) */
		wbuf_key_push(k, (uint64_t)(uintptr_t)q->steps);
		return;
	}
	working_key(k, q->steps, q->n_steps, q->truncated, q->counts);
}

static void quorum_class_key(struct wbuf_key *k, const struct terms *t, const struct motion_result *mr)
{
	wbuf_key_init(k, BLOCK_QUORUM_CLASS);
	wbuf_key_push(k, (uint64_t)mr->quorate | (uint64_t)t->uses_attendees << 1);
	wbuf_key_push(k, (uint64_t)mr->quorum_present);
	wbuf_key_push(k, (uint64_t)mr->quorum_attendees);
	wbuf_key_push(k, (uint64_t)(uintptr_t)mr->cls);
	wbuf_key_push(k, mr->n_quorum);
	for (unsigned i = 0; i < mr->n_quorum && k->ok; i++)
		rule_key(k, &mr->quorum[i]);
}

static void requirements_key(struct wbuf_key *k, const struct terms *t, const struct motion_result *mr)
{
	(void)t;
	wbuf_key_init(k, BLOCK_REQUIREMENTS);
	wbuf_key_push(k, mr->n_reqs);
	for (unsigned i = 0; i < mr->n_reqs && k->ok; i++)
		rule_key(k, &mr->reqs[i]);
}

/*
** A motion's one requirement whose steps are the plan's memo's (most): its
** block found by the steps' pointer in a small table of its own, the words
** its key would have compared where they lie, not pushed, hashed and
** compared again in the memo.  The block itself stays the memo's (a ref,
** good while its slot is not given to another).
*/
#define REQ_SEEN_BITS 8

struct req_seen {
	const struct requirement *req; /* NULL: empty */
	const char *clause;
	const struct trace_step *steps;
	unsigned flags;
	struct wbuf_ref block;
};

/* What a text replay keeps across meetings besides its memo. */
struct text_seen {
	struct req_seen req[1u << REQ_SEEN_BITS];
};

struct text_seen *report_text_seen_new(struct arena *a)
{
	return arena_alloc(a, sizeof(struct text_seen)); /* zeroed: every entry empty */
}

static struct req_seen *req_seen_of(struct text_seen *seen, const struct req_result *q)
{
	uint64_t h = (uint64_t)(uintptr_t)q->steps * UINT64_C(0x9E3779B97F4A7C15);
	return &seen->req[h >> (64 - REQ_SEEN_BITS)];
}

typedef void block_writer(struct wbuf *out, const struct terms *t, const struct motion_result *mr);
typedef void block_key(struct wbuf_key *k, const struct terms *t, const struct motion_result *mr);

/* A block copied from the memo, or written (and kept, with a memo). */
static void print_kept(struct wbuf *out, struct wbuf_memo *memo, block_key *key_of, block_writer *write,
                       const struct terms *t, const struct motion_result *mr)
{
	if (!memo) {
		write(out, t, mr);
		return;
	}
	struct wbuf_key k;
	key_of(&k, t, mr);
	if (wbuf_memo_copy(out, memo, &k))
		return;
	struct wbuf_mark at = wbuf_memo_begin(out);
	write(out, t, mr);
	wbuf_memo_keep(out, memo, &k, at);
}

/*
** The quorum block of the motion before, in the same meeting: motions in
** one stretch of the room share their quorum's results (eval's room: the
** same array, never changed once shared), so the same array with the same
** head numbers and class is the same block, copied without its key.
** Pointers into a meeting's results hold only for that meeting.
*/
struct quorum_seen {
	const struct req_result *quorum; /* NULL: none yet */
	const struct dclass *cls;
	int64_t present, attendees;
	bool quorate;
	struct wbuf_ref block;
};

static bool same_quorum(const struct quorum_seen *q, const struct motion_result *mr)
{
	return q->quorum == mr->quorum && q->cls == mr->cls && q->present == mr->quorum_present &&
	       q->attendees == mr->quorum_attendees && q->quorate == mr->quorate;
}

static void print_quorum_kept(struct wbuf *out, const struct terms *t, const struct motion_result *mr,
                              struct wbuf_memo *memo, struct quorum_seen *seen)
{
	if (memo && same_quorum(seen, mr) && wbuf_memo_copy_ref(out, memo, &seen->block))
		return;
	print_kept(out, memo, quorum_class_key, print_quorum_class, t, mr);
	if (memo)
		*seen = (struct quorum_seen){ mr->quorum, mr->cls, mr->quorum_present, mr->quorum_attendees, mr->quorate,
		                              memo->last };
}

static void print_requirements_kept(struct wbuf *out, const struct terms *t, const struct motion_result *mr,
                                    struct wbuf_memo *memo, struct text_seen *kept)
{
	const struct req_result *q = mr->n_reqs == 1 ? &mr->reqs[0] : NULL; /* reqs is NULL when there are none */
	if (!memo || !kept || !q || !q->steps_kept || q->failed) {
		print_kept(out, memo, requirements_key, print_requirements, t, mr);
		return;
	}
	struct req_seen *e = req_seen_of(kept, q);
	unsigned flags = rule_flags(q);
	if (e->req == q->req && e->steps == q->steps && e->clause == q->clause && e->flags == flags &&
	    wbuf_memo_copy_ref(out, memo, &e->block))
		return;
	print_kept(out, memo, requirements_key, print_requirements, t, mr);
	*e = (struct req_seen){ q->req, q->clause, q->steps, flags, memo->last };
}

static void print_motion(struct wbuf *out, const struct terms *t, const struct motion_result *mr, bool color,
                         struct wbuf_memo *memo, struct quorum_seen *seen, struct text_seen *kept)
{
	const struct rec_motion *mo = mr->motion;
	if (color) { /* literals apart: their lengths known, not measured */
		wbuf_puts(out, "\n" BOLD "motion ");
		wbuf_puts(out, mo->number);
		wbuf_puts(out, RESET "  ");
	} else {
		wbuf_puts(out, "\nmotion ");
		wbuf_puts(out, mo->number);
		wbuf_puts(out, "  ");
	}
	wbuf_puts(out, mo->title);
	if (mo->n_attrs || mo->is_virtual) /* most have none: the test here, not in a call */
		report_text_attrs(out, mo);
	wbuf_putc(out, '\n');
	for (unsigned k = 0; k < mr->n_deputies; k++) {
		char dep[REPORT_DEPUTY_MAX];
		wbuf_puts(out, "  deputy    ");
		wbuf_puts(out, report_deputy(&mr->deputies[k], dep));
		wbuf_putc(out, '\n');
	}
	for (unsigned k = 0; k < mo->interests.n; k++) {
		const struct rec_name *in = &mo->interests.items[k];
		wbuf_puts(out, "  interest  ");
		wbuf_puts(out, in->id);
		if (in->reason) {
			wbuf_puts(out, " (");
			wbuf_puts(out, in->reason);
			wbuf_putc(out, ')');
		}
		wbuf_putc(out, '\n');
	}
	if (mo->is_virtual) {
		wbuf_puts(out, "  quorum    not applicable: decided outside a meeting\n");
		print_class(out, mr);
	} else if (mr->quorum_known) {
		print_quorum_kept(out, t, mr, memo, seen);
	} else {
		wbuf_puts(out, "  quorum    cannot be judged\n");
		print_class(out, mr);
	}
	if (mr->by_consensus)
		wbuf_puts(out, "  decision  by consensus, no objection recorded\n");
	else if (mr->declared_only)
		wbuf_puts(out, "  decision  as declared by the chair (no votes minuted)\n");
	else if (mo->n_votes || mo->has_tally) {
		print_counts(out, mr, t->uses_attendees);
		print_requirements_kept(out, t, mr, memo, kept);
	}
	if (color) {
		const char *oc = mr->outcome == OUTCOME_CARRIED ? GREEN : mr->outcome == OUTCOME_NOT_CARRIED ? "" : YELLOW;
		wbuf_puts(out, "  outcome   ");
		wbuf_puts(out, oc);
		wbuf_puts(out, ast_outcome_name(mr->outcome));
		wbuf_puts(out, RESET);
		if (mr->recorded != OUTCOME_NONE) {
			wbuf_puts(out, " (minutes: ");
			wbuf_puts(out, ast_outcome_name(mr->recorded));
			wbuf_putc(out, ')');
		}
		wbuf_putc(out, '\n');
	} else {
		print_outcome(out, mr);
	}
	/* most motions have none of these three: the tests first, not the calls */
	char rat[REPORT_RATIFICATION_MAX];
	if (mr->approval != APPROVAL_NOT_NEEDED && report_approval(mr, rat)) {
		wbuf_puts(out, "  approval  ");
		wbuf_puts(out, rat);
		wbuf_putc(out, '\n');
	}
	if (mr->ratified_by && report_ratified_by(mr, rat)) {
		wbuf_puts(out, "            ");
		wbuf_puts(out, rat);
		wbuf_putc(out, '\n');
	}
	if (mo->ratifies_meeting && report_ratifies(mr, rat)) {
		wbuf_puts(out, "  ratifies  ");
		wbuf_puts(out, rat + strlen("ratifies "));
		wbuf_putc(out, '\n');
	}
	if (mr->findings.first) /* most have none */
		print_findings(out, &mr->findings, "  ", color);
}

/* "N thing" or "N things" at p, the words' lengths known */
static char *put_plural(char *p, unsigned n, const char *one, size_t one_len, const char *many, size_t many_len)
{
	WBUF_INT(p, n);
	if (n == 1) {
		memcpy(p, one, one_len);
		return p + one_len;
	}
	memcpy(p, many, many_len);
	return p + many_len;
}
#define PUT_PLURAL(p, n, one, many) ((p) = put_plural((p), (n), one, sizeof one - 1, many, sizeof many - 1))

/* "terms: NAME, version V (in force from DATE)": the same at every meeting
** of a version, kept by the terms (loaded while the report is written). */
static void print_terms(struct wbuf *out, const struct terms *t, const struct motion_result *mr)
{
	(void)mr;
	wbuf_puts(out, "\nterms: ");
	wbuf_puts(out, t->name);
	if (t->version) {
		wbuf_puts(out, ", version ");
		wbuf_puts(out, t->version);
	}
	if (t->has_effective) {
		wbuf_puts(out, " (in force from ");
		wbuf_date(out, t->effective);
		wbuf_putc(out, ')');
	}
}

static void terms_key(struct wbuf_key *k, const struct terms *t, const struct motion_result *mr)
{
	(void)mr;
	wbuf_key_init(k, BLOCK_TERMS);
	wbuf_key_push(k, (uint64_t)(uintptr_t)t);
}

/* kept: with memo, what a replay keeps across meetings besides it (or NULL) */
static void text_meeting(struct wbuf *out, const struct meeting_result *r, bool color, struct wbuf_memo *memo,
                         struct text_seen *kept)
{
	const struct meeting *m = r->meeting;
	const struct terms *t = r->terms;
	wbuf_puts(out, color ? BOLD : "");
	wbuf_puts(out, m->title);
	wbuf_puts(out, color ? RESET ", " : ", ");
	wbuf_date(out, m->date);
	print_kept(out, memo, terms_key, print_terms, t, NULL);
	if (meeting_is_virtual_only(m)) {
		wbuf_puts(out, "\ndecisions taken outside a meeting; ");
		wbuf_int(out, r->members);
		wbuf_puts(out, " voting members");
	} else {
		wbuf_putc(out, '\n');
		wbuf_int(out, r->present_at_start);
		wbuf_puts(out, " of ");
		wbuf_int(out, r->members);
		wbuf_puts(out, " voting members present at the start");
	}
	if (m->chair) {
		wbuf_puts(out, "; chair ");
		wbuf_puts(out, m->chair->id);
	}
	wbuf_putc(out, '\n');
	print_findings(out, &r->findings, "", color);
	struct quorum_seen seen = { NULL, NULL, 0, 0, false, { NULL, 0 } };
	for (unsigned i = 0; i < r->n_motions; i++)
		print_motion(out, r->terms, &r->motions[i], color, memo, &seen, kept);
	unsigned total = r->count_by_sev[0] + r->count_by_sev[1] + r->count_by_sev[2] + r->count_by_sev[3];
	/* the meeting's counts, every part bounded: one check for room */
	char *p = wbuf_space(out, 256 + 7 * NUMFMT_MAX);
	*p++ = '\n';
	PUT_PLURAL(p, r->n_motions, " motion; ", " motions; ");
	PUT_PLURAL(p, total, " finding: ", " findings: ");
	PUT_PLURAL(p, r->count_by_sev[SEV_ERROR], " error, ", " errors, ");
	PUT_PLURAL(p, r->count_by_sev[SEV_BREACH], " breach, ", " breaches, ");
	PUT_PLURAL(p, r->count_by_sev[SEV_WARNING], " warning, ", " warnings, ");
	PUT_PLURAL(p, r->count_by_sev[SEV_NOTE], " note; ", " notes; ");
	PUT_PLURAL(p, r->mismatches, " recorded outcome disagrees\n", " recorded outcomes disagree\n");
	wbuf_wrote(out, p);
}

void report_text_meeting(FILE *out, const struct meeting_result *r, const struct report_opts *o)
{
	struct wbuf b;
	wbuf_init(&b, out);
	text_meeting(&b, r, o && o->color, NULL, NULL);
	wbuf_flush(&b);
}

void report_text_meeting_kept(FILE *out, const struct meeting_result *r, struct wbuf_memo *memo,
                              struct text_seen *kept)
{
	struct wbuf b;
	wbuf_init(&b, out);
	text_meeting(&b, r, false, memo, kept);
	wbuf_flush(&b);
}

/* ---- diagnostics (check) ------------------------------------------------------------ */

static void text_diagnostics(FILE *out, struct diag_sink *d, const struct report_opts *o)
{
	diag_sort(d);
	for (size_t i = 0; i < d->items.n; i++)
		diag_print(&d->items.items[i], out, o && o->color);
}

/* ---- a history (replay) ------------------------------------------------------------- */

/* The by-code table of a summary (nothing when there are no findings). */
static void plain_by_code(FILE *out, const struct replay_summary *s, bool md)
{
	bool any = false;
	for (unsigned c = 0; c < F__COUNT; c++)
		any = any || s->by_code[c];
	if (!any)
		return;
	fprintf(out, md ? "\n| finding | severity | count |\n| --- | --- | ---: |\n" : "  by code:\n");
	enum finding_code order[F__COUNT];
	finding_codes_by_severity(order);
	for (unsigned c = 0; c < F__COUNT; c++) {
		enum finding_code code = order[c];
		if (!s->by_code[code])
			continue;
		if (md)
			fprintf(out, "| `%s` | %s | %u |\n", finding_code_name(code),
			        finding_severity_name(finding_default_severity(code)), s->by_code[code]);
		else
			fprintf(out, "    %-28s %-8s %u\n", finding_code_name(code),
			        finding_severity_name(finding_default_severity(code)), s->by_code[code]);
	}
}

/* The decisions still awaiting another body's approval at the end. */
static void plain_awaiting(FILE *out, const struct replay_summary *s, bool md)
{
	if (!s->n_awaiting)
		return;
	fprintf(out, "%sdecisions awaiting approval: %u\n", md ? "- " : "  ", s->n_awaiting);
	for (unsigned i = 0; i < s->n_awaiting; i++) {
		const struct awaiting_approval *a = &s->awaiting[i];
		char d[DATE_FMT_MAX];
		fprintf(out, "%s%s, motion %s ", md ? "  - " : "    ", date_format(a->date, d), a->motion);
		if (md) {
			fputc('"', out);
			report_md_text(out, a->title);
			fputs("\" of \"", out);
			report_md_text(out, a->meeting);
			fputs("\": by \"", out);
			report_md_text(out, a->by);
			fputs("\" (", out);
			report_md_text(out, a->file);
			fprintf(out, ":%u)\n", a->line);
		} else {
			fprintf(out, "\"%s\" of \"%s\": by \"%s\" (%s:%u)\n", a->title, a->meeting, a->by, a->file, a->line);
		}
	}
}

void report_plain_replay_summary(FILE *out, const struct replay_summary *s, bool md)
{
	fprintf(out, md ? "# Replay\n\n" : "Replay\n");
	fprintf(out, "%s%u meeting%s", md ? "" : "  ", s->meetings, s->meetings == 1 ? "" : "s");
	if (s->outside_meetings)
		fprintf(out, " and %u record%s of decisions taken outside a meeting", s->outside_meetings,
		        s->outside_meetings == 1 ? "" : "s");
	fprintf(out, " (%u motion%s) from %u record file%s, judged by %u of %u version%s of the terms\n",
	        s->motions, s->motions == 1 ? "" : "s", s->record_files, s->record_files == 1 ? "" : "s",
	        s->versions_used, s->terms_versions, s->terms_versions == 1 ? "" : "s");
	if (md)
		fputc('\n', out);
	fprintf(out, "%soutcomes: ", md ? "- " : "  ");
	for (int o = OUTCOME_CARRIED; o <= OUTCOME_UNDETERMINED; o++) {
		fprintf(out, "%s %u", ast_outcome_name((enum outcome)o), s->by_outcome[o]);
		if (o == OUTCOME_PROVISIONAL && s->by_outcome[o] && s->n_awaiting)
			fprintf(out, " (%u awaiting approval; outside meetings, %u ratified, %u still provisional)", s->n_awaiting,
			        s->ratified, s->still_provisional);
		else if (o == OUTCOME_PROVISIONAL && s->by_outcome[o])
			fprintf(out, " (%u ratified, %u still provisional)", s->ratified, s->still_provisional);
		fputs(o < OUTCOME_UNDETERMINED ? ", " : "\n", out);
	}
	fprintf(out, "%sfindings: %u error%s, %u breach%s, %u warning%s, %u note%s\n", md ? "- " : "  ",
	        s->by_severity[SEV_ERROR], s->by_severity[SEV_ERROR] == 1 ? "" : "s",
	        s->by_severity[SEV_BREACH], s->by_severity[SEV_BREACH] == 1 ? "" : "es",
	        s->by_severity[SEV_WARNING], s->by_severity[SEV_WARNING] == 1 ? "" : "s",
	        s->by_severity[SEV_NOTE], s->by_severity[SEV_NOTE] == 1 ? "" : "s");
	fprintf(out, "%srecorded outcomes that disagree with the terms: %u\n", md ? "- " : "  ", s->mismatches);
	if (s->malformed_files)
		fprintf(out, "%sinputs that could not be read or parsed: %u (see the diagnostics)\n", md ? "- " : "  ",
		        s->malformed_files);
	plain_awaiting(out, s, md);
	plain_by_code(out, s, md);
	if (md)
		fputc('\n', out);
}

void report_plain_history_findings(FILE *out, const struct replay_report *w, bool md)
{
	if (w->findings.n == 0)
		return;
	fprintf(out, md ? "\n## Across meetings\n\n" : "\nAcross meetings\n");
	for (size_t i = 0; i < w->findings.n; i++) {
		const struct history_finding *f = &w->findings.items[i];
		fprintf(out, md ? "- **%s** `%s`" : "  %s [%s]", finding_severity_name(f->sev), finding_code_name(f->code));
		if (f->clause)
			fprintf(out, " §%s", f->clause);
		fprintf(out, ": %s", f->message);
		if (f->file)
			fprintf(out, " (%s:%u)", f->file, f->line);
		fputc('\n', out);
	}
}

/* Text and Markdown put the summary first, so the meetings wait in a
** temporary file: memory stays flat however long the history. */
bool report_plain_replay_begin(struct replay_report *w)
{
	return report_replay_body(w);
}

/* The meetings' writer: one buffer for the whole replay, given to the
** temporary file (which has none of its own) in large writes, or straight
** to an output that keeps nothing.  A replay writes hundreds of MB there:
** per meeting, a flush and a copy into stdio's buffer cost a tenth of it. */
#define TEXT_BODY_BUFFER (256u * 1024u)

struct text_replay {
	struct wbuf body;
	FILE *discard;          /* out again, without a buffer of its own (NULL: none) */
	struct wbuf_memo memo;  /* the blocks that repeat, for the whole replay */
	struct text_seen seen;  /* and where some of them are, found without a key */
	struct wbuf_kept kept[WBUF_MEMO_SLOTS];
	char mem[TEXT_BODY_BUFFER];
};

static bool text_replay_begin(struct replay_report *w)
{
	struct text_replay *t = arena_alloc_uninit(w->arena, sizeof *t);
	FILE *to;
	if (report_replay_discarded(w)) {
		/* /dev/null: no order to keep, so no temporary files to fill and
		** copy; the meetings through a FILE on the same descriptor without
		** a buffer, as the temporary file: stdio copied each full writer
		** into its buffer first, a tenth of the report's own work */
		int fd = dup(fileno(w->out));
		t->discard = fd >= 0 ? fdopen(fd, "w") : NULL;
		if (fd >= 0 && !t->discard)
			close(fd);
		if (t->discard)
			setvbuf(t->discard, NULL, _IONBF, 0);
		to = t->discard ? t->discard : w->out;
		if (w->registers)
			register_report_discard(w->registers, w->out);
	} else {
		t->discard = NULL;
		w->body = tmpfile();
		if (!w->body)
			return false;
		setvbuf(w->body, NULL, _IONBF, 0); /* the wbuf is its buffer */
		to = w->body;
	}
	wbuf_init_mem(&t->body, to, t->mem, sizeof t->mem);
	wbuf_memo_init(&t->memo, t->kept);
	memset(&t->seen, 0, sizeof t->seen);
	w->state = t;
	return true;
}

/* What the writer holds was not written yet: a rewind forgets it. */
static void text_replay_rewind(struct replay_report *w)
{
	struct text_replay *t = w->state;
	t->body.n = 0;
}

static void text_replay_meeting(struct replay_report *w, const struct meeting_result *r, const struct replay_meta *meta)
{
	struct text_replay *t = w->state;
	struct wbuf *b = &t->body;
	wbuf_puts(b, "\n==== meeting ");
	wbuf_uint(b, w->n_meetings);
	wbuf_puts(b, ": ");
	wbuf_puts(b, meta->record_file);
	wbuf_putc(b, '\n');
	text_meeting(b, r, false, &t->memo, &t->seen);
	wbuf_puts(b, "judged by ");
	wbuf_puts(b, meta->terms_file);
	wbuf_puts(b, " (sha256 ");
	wbuf_puts(b, meta->terms_sha256);
	wbuf_puts(b, ")\nrecord ");
	wbuf_puts(b, meta->record_file);
	wbuf_puts(b, " (sha256 ");
	wbuf_puts(b, meta->record_sha256);
	wbuf_puts(b, ")\n");
}

static bool text_replay_end(struct replay_report *w, const struct replay_summary *s)
{
	struct text_replay *t = w->state;
	/* to the temporary file; or, when out keeps nothing, before the summary
	** (its order is no matter there) */
	wbuf_flush(&t->body);
	bool ok = true;
	if (t->discard)
		ok = fclose(t->discard) == 0;
	t->discard = NULL;
	report_plain_replay_summary(w->out, s, false);
	ok = (!w->body || report_copy_stream(w->body, w->out)) && ok;
	report_plain_history_findings(w->out, w, false);
	if (w->registers)
		ok = register_report_write(w->registers, w->out, NULL, false) && ok;
	return ok;
}

/* ---- an amendment (diff) ------------------------------------------------------------- */

static const char *votes_text(struct arena *a, const struct diff_example *e)
{
	return arena_printf(a, "%lld present, %lld for, %lld against, %s%s%s",
	                    (long long)e->present, (long long)e->yes, (long long)e->no,
	                    e->abstain ? arena_printf(a, "%lld abstaining", (long long)e->abstain) : "no abstentions",
	                    e->conflicted ? ", one member with a declared interest" : "",
	                    e->casting < 0 ? "" : e->casting == VOTE_FOR ? ", the chair's casting vote for" : ", the chair's casting vote against");
}

static void plain_changes(FILE *out, const struct amend *d, bool md)
{
	struct arena *a = d->arena;
	const char *li = md ? "- " : "  ";
	fprintf(out, "%sWhat changes%s\n", md ? "\n## " : "\n", md ? "\n" : "");
	if (d->changes.n == 0)
		fprintf(out, "%sNothing in the rules as read out changes.\n", li);
	for (size_t i = 0; i < d->changes.n; i++) {
		const struct amend_change *ch = &d->changes.items[i];
		const char *head = ch->clause ? arena_printf(a, "%s §%s", ch->heading, ch->clause) : ch->heading;
		if (!ch->before)
			fprintf(out, "%s%s (new): %s\n", li, head, ch->after);
		else if (!ch->after)
			fprintf(out, "%s%s (removed): was: %s\n", li, head, ch->before);
		else
			fprintf(out, "%s%s:\n    before: %s\n    now:    %s\n", li, head, ch->before, ch->after);
	}
}

/* 1234567 as "1,234,567", in the arena. */
static const char *thousands(struct arena *a, uint64_t n)
{
	char digits[24];
	int len = snprintf(digits, sizeof digits, "%llu", (unsigned long long)n);
	struct sbuf b;
	sbuf_init(&b, a);
	for (int i = 0; i < len; i++)
		sbuf_addf(&b, "%s%c", i > 0 && (len - i) % 3 == 0 ? "," : "", digits[i]);
	return sbuf_str(&b);
}

/* How much of the space a search cut short covered (docs/reference.md#diff-search):
** "the search of possible meetings was cut short (it reached its bound of
** work): it judged 9,957 of 25,687 possible meetings, at ...". */
const char *report_search_cut(struct arena *a, const struct diff_search *s)
{
	struct sbuf b;
	sbuf_init(&b, a);
	sbuf_addf(&b, "the search of possible meetings was cut short (%s): it judged %s",
	          s->why_truncated ? s->why_truncated : "its bound", thousands(a, s->scenarios));
	if (s->space)
		sbuf_addf(&b, " of %s possible meetings", thousands(a, s->space));
	else
		sbuf_add(&b, " possible meetings (how many there are in all was not counted)");
	sbuf_addf(&b, ", at %s", thousands(a, s->attendances));
	if (s->attendances_all)
		sbuf_addf(&b, " of %s distinct attendances", thousands(a, s->attendances_all));
	else
		sbuf_add(&b, " distinct attendances");
	if (s->rounds)
		sbuf_addf(&b, " (every attendance level, up to %u variation%s of each)", s->rounds, s->rounds == 1 ? "" : "s");
	sbuf_add(&b, ".");
	return sbuf_str(&b);
}

/* Said first, before anything is read as complete. */
static void plain_search_extent(FILE *out, const struct amend *d, bool md)
{
	if (!d->search.truncated)
		return;
	fprintf(out, "%s%s  More meetings may come out differently than the counts below say.\n",
	        md ? "\n> **Note:** " : "\nNote: ", report_search_cut(d->arena, &d->search));
}

static void plain_search(FILE *out, const struct amend *d, bool md)
{
	const char *li = md ? "- " : "  ";
	const struct diff_search *s = &d->search;
	struct arena *a = d->arena;
	fprintf(out, "%sMeetings that come out differently%s\n", md ? "\n## " : "\n", md ? "\n" : "");
	if (!s->truncated)
		fprintf(out, "%s%s of %s possible meetings change outcome.\n", md ? "" : "  ", thousands(a, s->differing),
		        thousands(a, s->scenarios));
	else if (s->differing)
		fprintf(out, "%s%s of the %s possible meetings searched change outcome; the search was cut short, so more may.\n",
		        md ? "" : "  ", thousands(a, s->differing), thousands(a, s->scenarios));
	else
		fprintf(out, "%sNone of the %s possible meetings searched changes outcome, but the search was cut short: others may.\n",
		        md ? "" : "  ", thousands(a, s->scenarios));
	for (int b = OUTCOME_CARRIED; b <= OUTCOME_UNDETERMINED; b++)
		for (int n = OUTCOME_CARRIED; n <= OUTCOME_UNDETERMINED; n++)
			if (s->transitions[b][n])
				fprintf(out, "%s%s before, %s now: %s\n", li, ast_outcome_name((enum outcome)b),
				        ast_outcome_name((enum outcome)n), thousands(a, s->transitions[b][n]));
	if (s->n_examples)
		fprintf(out, "%sThe smallest examples:\n%s", md ? "\n" : "  ", md ? "\n" : "");
	for (unsigned i = 0; i < s->n_examples; i++) {
		const struct diff_example *e = &s->examples[i];
		fprintf(out, "%s%s, %s: %s before, %s now\n", li, votes_text(d->arena, e), e->motion,
		        ast_outcome_name(e->before), ast_outcome_name(e->after));
	}
	fprintf(out, "%s(The search tries attendance, declared interests, votes and kinds of motion; it does not try\n"
	             "%sdates, so changes to notice periods and meeting intervals show only in the clauses above.)\n",
	        md ? "\n" : "  ", md ? "" : "  ");
}

static void plain_flips(FILE *out, const struct amend *d, bool md)
{
	const char *li = md ? "- " : "  ";
	if (d->history_meetings == 0 && d->history_later == 0)
		return;
	fprintf(out, "%sPast decisions%s\n", md ? "\n## " : "\n", md ? "\n" : "");
	fprintf(out, "%s%zu of %u motion%s in %u meeting%s before the new terms take effect would have gone the other way.\n",
	        md ? "" : "  ", d->flips.n, d->history_motions, d->history_motions == 1 ? "" : "s",
	        d->history_meetings, d->history_meetings == 1 ? "" : "s");
	if (d->history_later)
		fprintf(out, "%s(%u meeting%s on or after that date %s not compared.)\n", md ? "" : "  ", d->history_later,
		        d->history_later == 1 ? "" : "s", d->history_later == 1 ? "is" : "are");
	for (size_t i = 0; i < d->flips.n; i++) {
		const struct amend_flip *f = &d->flips.items[i];
		fprintf(out, "%s%s, %s, motion %s \"%s\" (%s:%u)\n    before: %s\n    now:    %s\n", li, f->meeting,
		        f->date, f->motion, f->title, f->file, f->line, f->why_before, f->why_after);
	}
}

void report_plain_amend(FILE *out, const struct amend *d, bool md)
{
	const struct terms *const *t = d->t;
	fprintf(out, "%sFrom %s%s%s to %s%s%s\n", md ? "# " : "", t[0]->name, t[0]->version ? " version " : "",
	        t[0]->version ? t[0]->version : "", t[1]->name, t[1]->version ? " version " : "",
	        t[1]->version ? t[1]->version : "");
	plain_search_extent(out, d, md);
	plain_changes(out, d, md);
	plain_search(out, d, md);
	plain_flips(out, d, md);
}

static void text_amend(FILE *out, const struct amend *d)
{
	report_plain_amend(out, d, false);
}

const struct report_ops report_text = {
	.name = "text",
	.diagnostics = text_diagnostics,
	.meeting = report_text_meeting,
	.replay_begin = text_replay_begin,
	.replay_meeting = text_replay_meeting,
	.replay_end = text_replay_end,
	.replay_rewind = text_replay_rewind,
	.explain = explain_write_text,
	.amend = text_amend,
	.registers = &register_text_ops,
	.conform = conform_write_text,
};
