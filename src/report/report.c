/*
** report: the table of formats, and what every format's replay report does
** the same way.  See report.h.
*/
#include "report/report.h"

#include <fcntl.h>
#include <string.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <unistd.h>

/* The temporary file's stdio buffer (report_replay_body). */
#define REPORT_BODY_BUFFER (256u * 1024u)

#include "base/numfmt.h"
#include "base/sbuf.h"
#include "report/register_report.h"

/* The formats, in the order usage lines list them. */
static const struct report_ops *const formats[] = {
	&report_text, &report_markdown, &report_html, &report_json,
};

const struct report_ops *report_find(const char *name)
{
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (strcmp(formats[i]->name, name) == 0)
			return formats[i];
	return NULL;
}

bool report_supports(const struct report_ops *ops, enum report_kind k)
{
	switch (k) {
	case REPORT_DIAGNOSTICS: return ops->diagnostics != NULL;
	case REPORT_MEETING: return ops->meeting != NULL;
	case REPORT_REPLAY: return ops->replay_begin && ops->replay_meeting && ops->replay_end;
	case REPORT_EXPLAIN: return ops->explain != NULL;
	case REPORT_AMEND: return ops->amend != NULL;
	case REPORT_REGISTER: return ops->registers != NULL;
	case REPORT_CONFORM: return ops->conform != NULL;
	case REPORT__N: break;
	}
	return false;
}

const char *report_names(struct arena *a, enum report_kind k)
{
	struct sbuf b;
	sbuf_init(&b, a);
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (report_supports(formats[i], k))
			sbuf_addf(&b, "%s%s", b.len ? "|" : "", formats[i]->name);
	return sbuf_str(&b);
}

/* ---- a replay, whatever the format ------------------------------------------------ */

struct replay_report *report_replay_begin(struct arena *a, const struct report_ops *ops, FILE *out, FILE *diagnostics,
                                          bool summary_only)
{
	struct replay_report *w = arena_alloc(a, sizeof *w);
	w->ops = ops;
	w->arena = a;
	w->out = out;
	w->diagnostics = diagnostics;
	w->summary_only = summary_only;
	if (!summary_only && ops->registers)
		w->registers = register_report_new(a, ops, 1);
	return ops->replay_begin(w) ? w : NULL;
}

void report_replay_meeting(struct replay_report *w, const struct meeting_result *r, const struct replay_meta *meta)
{
	w->n_meetings++;
	if (w->registers)
		register_meeting(register_report_registers(w->registers), r, meta->record_file);
	if (!w->summary_only)
		w->ops->replay_meeting(w, r, meta);
}

void report_replay_finding(struct replay_report *w, const struct history_finding *f)
{
	struct history_finding copy = *f;
	copy.message = arena_strdup(w->arena, f->message);
	copy.file = f->file ? arena_strdup(w->arena, f->file) : NULL;
	VEC_PUSH(w->arena, w->findings, copy);
}

void report_replay_run(struct replay_report *w, void (*fn)(void *ctx), void *ctx)
{
	if (w->registers)
		register_run(register_report_registers(w->registers), fn, ctx);
	else
		fn(ctx);
}

static void finish_registers(void *ctx)
{
	register_finish(ctx);
}

bool report_replay_end(struct replay_report *w, const struct replay_summary *s)
{
	/* the last tables under register_run's recovery point, as the meetings'
	** were: out of memory there frees them too */
	if (w->registers)
		register_run(register_report_registers(w->registers), finish_registers, register_report_registers(w->registers));
	bool ok = w->ops->replay_end(w, s) && !w->rewind_failed;
	if (w->body)
		fclose(w->body);
	w->body = NULL;
	return ok;
}

char *report_side_votes_at(const struct motion_result *mr, enum vote_kind side, char *p)
{
	const struct rec_motion *mo = mr->motion;
	enum count_kind k = side == VOTE_FOR ? COUNT_YES : side == VOTE_AGAINST ? COUNT_NO : COUNT_ABSTAIN;
	int64_t n = mr->counts->n[k];
	/* "4 + casting 1", or "4": by hand, a report writes two a motion */
	static const char casting[] = " + casting 1";
	_Static_assert(REPORT_SIDE_MAX >= NUMFMT_MAX + sizeof casting - 1, "room for the votes and the casting vote");
	if (mr->casting_applied && mo->has_casting && mo->casting == side) {
		p += numfmt_i64_fast(p, n - 1);
		memcpy(p, casting, sizeof casting);
		return p + sizeof casting - 1;
	}
	return p + numfmt_i64_fast(p, n);
}

const char *report_side_votes(const struct motion_result *mr, enum vote_kind side, char *buf)
{
	report_side_votes_at(mr, side, buf);
	return buf;
}

void report_fputs(void *out, const char *s)
{
	fputs(s, out);
}

void report_motion_attrs(void *out, const struct rec_motion *mo, void (*raw)(void *out, const char *s),
                         void (*text)(void *out, const char *s), const char *before, const char *after)
{
	if (mo->n_attrs == 0 && !mo->is_virtual)
		return;
	raw(out, before);
	for (unsigned i = 0; i < mo->n_attrs; i++) {
		char buf[RAT_FMT_MAX];
		const struct attr *a = &mo->attrs[i];
		if (i)
			raw(out, ", ");
		text(out, a->name);
		if (a->value.type == VT_BOOL && a->value.u.boolean)
			continue;
		raw(out, " ");
		if (a->value.type == VT_STR) { /* as value_format quotes it, at any length */
			text(out, "\"");
			text(out, a->value.u.str);
			text(out, "\"");
		} else {
			text(out, value_format(&a->value, buf, sizeof buf));
		}
	}
	if (mo->is_virtual) {
		char d[DATE_FMT_MAX];
		raw(out, mo->n_attrs ? ", " : "");
		text(out, "decided outside a meeting on ");
		text(out, date_format(mo->virtual_on, d));
	}
	raw(out, after);
}

const char *report_deputy(const struct deputy_seat *ds, char *buf)
{
	snprintf(buf, REPORT_DEPUTY_MAX, "%s (deputy for %s)", ds->deputy->id, ds->principal->id);
	return buf;
}

const char *report_approval(const struct motion_result *mr, char *buf)
{
	const struct rec_motion *mo = mr->motion;
	char d[DATE_FMT_MAX];
	switch (mr->approval) {
	case APPROVAL_NOT_NEEDED:
		return NULL;
	case APPROVAL_GRANTED:
		snprintf(buf, REPORT_APPROVAL_MAX, "approved by \"%s\" on %s", mr->cls->approval_by,
		         date_format(mo->approval_on, d));
		break;
	case APPROVAL_REFUSED:
		snprintf(buf, REPORT_APPROVAL_MAX, "refused by \"%s\" on %s: not carried", mr->cls->approval_by,
		         date_format(mo->approval_on, d));
		break;
	default: /* awaited; a recorded approval that does not count is in the findings */
		snprintf(buf, REPORT_APPROVAL_MAX, "awaiting approval by \"%s\"", mr->cls->approval_by);
		break;
	}
	return buf;
}

const char *report_ratified_by(const struct motion_result *mr, char *buf)
{
	const struct ratification *r = mr->ratified_by;
	if (!r)
		return NULL;
	char d[DATE_FMT_MAX];
	if (r->status == NOT_RATIFIED || !r->by_meeting) {
		snprintf(buf, REPORT_RATIFICATION_MAX, "not ratified in the history: still provisional");
		return buf;
	}
	static const char *const why[] = {
		[RATIFIED] = "carried from then",
		[RATIFIED_LATE] = "after the time the terms allow, so still provisional",
		[RATIFIED_INVALID] = "but that motion was not validly carried, so still provisional",
		[NOT_RATIFIED] = "",
	};
	snprintf(buf, REPORT_RATIFICATION_MAX, "ratified by \"%s\", motion %s on %s: %s", r->by_meeting, r->by_motion,
	         date_format(r->by_date, d), why[r->status]);
	return buf;
}

const char *report_ratifies(const struct motion_result *mr, char *buf)
{
	const struct rec_motion *mo = mr->motion;
	const struct ratification *r = mr->ratifies;
	char d[DATE_FMT_MAX];
	if (!mo->ratifies_meeting)
		return NULL;
	if (!r)
		snprintf(buf, REPORT_RATIFICATION_MAX, "ratifies \"%s\" motion %s, which the history does not hold as provisional",
		         mo->ratifies_meeting, mo->ratifies_motion);
	else
		snprintf(buf, REPORT_RATIFICATION_MAX, "ratifies \"%s\" motion %s of %s%s", r->meeting, r->motion,
		         date_format(r->taken, d),
		         r->status == RATIFIED ? ": carried from this motion's date"
		         : r->status == RATIFIED_LATE ? ": too late, it stays provisional"
		         : ": not validly, it stays provisional");
	return buf;
}

const char *report_casting_recorded(const struct motion_result *mr)
{
	const struct rec_motion *mo = mr->motion;
	return mo->casting_declined ? "declined" : !mo->has_casting ? NULL : mo->casting == VOTE_FOR ? "for" : "against";
}

void report_replay_rewind(struct replay_report *w)
{
	w->n_meetings = 0;
	w->findings.n = 0;
	if (w->body) {
		fflush(w->body);
		if (ftruncate(fileno(w->body), 0) != 0)
			clearerr(w->body); /* a temporary file: cannot fail, but a failure shows at the copy */
		rewind(w->body);
	}
	if (w->direct && w->direct_at >= 0) /* cut the output back to where the meetings began */
		w->rewind_failed = w->rewind_failed || fflush(w->out) != 0 ||
		                   ftruncate(fileno(w->out), w->direct_at) != 0 || fseeko(w->out, w->direct_at, SEEK_SET) != 0;
	if (w->registers)
		register_report_rewind(w->registers);
	if (w->ops->replay_rewind)
		w->ops->replay_rewind(w);
}

bool report_replay_body(struct replay_report *w)
{
	w->body = tmpfile();
	if (!w->body)
		return false;
	/* Fewer, larger writes: a report is hundreds of bytes a motion. */
	char *buf = arena_alloc_uninit(w->arena, REPORT_BODY_BUFFER);
	setvbuf(w->body, buf, _IOFBF, REPORT_BODY_BUFFER);
	return true;
}

/* Meetings go straight to a regular file, which a rewind cuts back to
** where they began, unless it also takes the diagnostics (2>&1: cutting
** would take those too), and to /dev/null, which keeps nothing to take
** back.  A pipe or a terminal cannot take anything back: there they wait
** in a temporary file, and a JSON report of 20,000 meetings wrote its
** 300 MB twice (a sixth of its time, docs/performance.md). */
static bool is_dev_null(const struct stat *out)
{
	struct stat null;
	return S_ISCHR(out->st_mode) && stat("/dev/null", &null) == 0 && S_ISCHR(null.st_mode) &&
	       null.st_rdev == out->st_rdev;
}

bool report_replay_discarded(struct replay_report *w)
{
	struct stat out;
	if (fflush(w->out) != 0 || fstat(fileno(w->out), &out) != 0 || !is_dev_null(&out))
		return false;
	w->direct = true;
	w->direct_at = -1;
	return true;
}

bool report_replay_direct(struct replay_report *w, size_t held)
{
	struct stat out, other;
	if (fflush(w->out) != 0 || fstat(fileno(w->out), &out) != 0)
		return false;
	if (S_ISCHR(out.st_mode)) {
		if (!is_dev_null(&out))
			return false;
		w->direct_at = -1;
	} else {
		if (!S_ISREG(out.st_mode))
			return false;
		if (w->diagnostics && fstat(fileno(w->diagnostics), &other) == 0 && other.st_dev == out.st_dev &&
		    other.st_ino == out.st_ino)
			return false;
		/* in a file opened to append (>>), writes go to its end, whatever
		** the offset says before the first */
		int flags = fcntl(fileno(w->out), F_GETFL);
		if (flags == -1 || (w->direct_at = flags & O_APPEND ? out.st_size : ftello(w->out)) < 0)
			return false;
		w->direct_at += (off_t)held;
	}
	w->direct = true;
	return true;
}

const char *report_casting_words(const struct terms *t, const struct motion_result *mr, char *buf)
{
	const struct rec_motion *mo = mr->motion;
	const char *recorded = report_casting_recorded(mr);
	if (!recorded)
		return NULL;
	char side[REPORT_SIDE_MAX];
	int n;
	if (mr->casting_applied)
		n = snprintf(buf, REPORT_CASTING_MAX, "the chair's casting vote %s is counted: %s %s", recorded, recorded,
		             report_side_votes(mr, mo->casting, side));
	else if (mo->casting_declined)
		n = snprintf(buf, REPORT_CASTING_MAX, "the chair declined a casting vote");
	else
		n = snprintf(buf, REPORT_CASTING_MAX, "recorded %s, but not counted (see the findings)", recorded);
	if (t->casting_clause && n >= 0 && n < REPORT_CASTING_MAX)
		snprintf(buf + n, (size_t)(REPORT_CASTING_MAX - n), " (§%s)", t->casting_clause);
	return buf;
}

/* A write to the temporary file that failed (a full /tmp) fails the copy:
** the report would otherwise be short and the run clean. */
bool report_votes_needed(const struct motion_result *mr, int64_t *needed, bool *met)
{
	bool found = false;
	for (unsigned i = 0; i < mr->n_reqs; i++) {
		const struct req_result *q = &mr->reqs[i];
		if (!q->has_needed || q->needed_of != COUNT_YES || (found && q->needed <= *needed))
			continue;
		*needed = q->needed;
		*met = q->met;
		found = true;
	}
	return found;
}

/* Give the bytes of from (a regular file) from its start to `to` in the
** kernel, without reading them in: a report is about 2 KB a motion, and
** read and written again it costs a tenth of the run.  The number copied;
** short if `to` cannot take them this way (the rest then goes by stdio,
** which also sets to's error flag if the output cannot be written). */
static off_t send_file(FILE *from, FILE *to)
{
	struct stat st;
	off_t done = 0;
	if (fflush(to) != 0 || fstat(fileno(from), &st) != 0)
		return 0;
	while (done < st.st_size) {
		ssize_t k = sendfile(fileno(to), fileno(from), &done, (size_t)(st.st_size - done));
		if (k <= 0)
			break;
	}
	return done;
}

bool report_copy_stream(FILE *from, FILE *to)
{
	char buf[65536];
	size_t n;
	if (fflush(from) != 0 || ferror(from))
		return false;
	if (fseeko(from, send_file(from, to), SEEK_SET) != 0)
		return false;
	while ((n = fread(buf, 1, sizeof buf, from)) > 0)
		if (fwrite(buf, 1, n, to) != n)
			return false;
	return !ferror(from);
}
