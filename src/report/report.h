/*
** report: writing results for people (text, Markdown, HTML) and programs
** (JSON, schemas in docs/schema/).
**
** One `struct report_ops` per format says how that format writes each kind
** of result: a command's diagnostics (check), one meeting judged (eval), a
** history (replay, streamed), an explanation (explain) and an amendment
** (diff), a conformance (conform).  The CLI chooses one from --format, once (report_find); a format
** that cannot write a kind of result leaves its entry NULL, and the command
** refuses that format.  Adding a format is a new report_FORMAT.c with its
** ops, a line in the table of report.c and its declaration below.
**
** src/report/ may use base/, front/ (diagnostics, sources), model/, record/
** and run/ results; it never recomputes a decision, and writes only to the
** FILE it is given, as it goes, so a replay streams.
*/
#ifndef QUORATE_REPORT_H
#define QUORATE_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "front/diag.h"
#include "report/json.h"
#include "run/amend.h"
#include "run/conform.h"
#include "run/eval.h"
#include "run/explain.h"
#include "run/replay.h"

/* What a command writes; a format may support any of them. */
enum report_kind {
	REPORT_DIAGNOSTICS, REPORT_MEETING, REPORT_REPLAY, REPORT_EXPLAIN, REPORT_AMEND, REPORT_REGISTER, REPORT_CONFORM,
	REPORT__N
};

struct report_opts {
	bool color;
};

/* A replay being written: what every format keeps, and the format's own. */
struct replay_report {
	const struct report_ops *ops;
	struct arena *arena;           /* the run's: lives as long as the report */
	FILE *out;
	FILE *diagnostics;             /* where the run's diagnostics go (NULL: not to a file) */
	bool summary_only;             /* --summary: no per-meeting reports */
	FILE *body;                    /* meetings written before the summary is known (a temporary file) */
	bool direct;                   /* meetings straight to out (report_replay_direct) */
	bool rewind_failed;            /* out could not be cut back at a rewind: the report is not whole */
	off_t direct_at;               /* where in out they begin (-1: out keeps nothing, /dev/null) */
	VEC(struct history_finding) findings; /* few: only problems across meetings */
	unsigned n_meetings;
	void *state;                   /* the format's (a JSON writer, an HTML timeline) */
	struct register_report *registers; /* the registers, written at the end (NULL with --summary) */
};

struct register_format_ops; /* report/register_int.h */
struct register_report;     /* report/register_report.h */

struct report_ops {
	const char *name;              /* as --format names it */
	bool for_programs;             /* diagnostics go to standard output, in this format */
	void (*diagnostics)(FILE *out, struct diag_sink *d, const struct report_opts *o);
	void (*meeting)(FILE *out, const struct meeting_result *r, const struct report_opts *o);
	/* replay: begin (false: cannot, e.g. no temporary file), each meeting,
	** end (false: the report could not be written whole) */
	bool (*replay_begin)(struct replay_report *w);
	void (*replay_meeting)(struct replay_report *w, const struct meeting_result *r, const struct replay_meta *meta);
	bool (*replay_end)(struct replay_report *w, const struct replay_summary *s);
	/* forget the meetings written so far (replay judges the history again,
	** in date order); NULL: the format keeps nothing of its own about them */
	void (*replay_rewind)(struct replay_report *w);
	void (*explain)(FILE *out, const struct explanation *x);
	void (*amend)(FILE *out, const struct amend *d);
	/* the attendance and interests registers (register, and in replay) */
	const struct register_format_ops *registers;
	void (*conform)(FILE *out, const struct conform_run *run);
};

extern const struct report_ops report_text, report_markdown, report_html, report_json;

/* The format named `name` (NULL if none). */
const struct report_ops *report_find(const char *name);
/* Can this format write this kind of result? */
bool report_supports(const struct report_ops *ops, enum report_kind k);
/* "text|markdown|json": the formats that write kind k, for usage lines. */
const char *report_names(struct arena *a, enum report_kind k);

/* A replay report to `out` in ops's format, the run's diagnostics going to
** `diagnostics`; NULL if it cannot begin. */
struct replay_report *report_replay_begin(struct arena *a, const struct report_ops *ops, FILE *out, FILE *diagnostics,
                                          bool summary_only);
/* Each meeting as it is judged, each finding across meetings as it is found. */
void report_replay_meeting(struct replay_report *w, const struct meeting_result *r, const struct replay_meta *meta);
void report_replay_finding(struct replay_report *w, const struct history_finding *f);
/* The summary and the findings across meetings; false if the report could
** not be written whole. */
bool report_replay_end(struct replay_report *w, const struct replay_summary *s);
/* Run fn(ctx), the replay feeding w, so that the registers' working memory
** is freed if memory runs out inside it. */
void report_replay_run(struct replay_report *w, void (*fn)(void *ctx), void *ctx);
/* Take back every meeting and finding written so far (a replay's rewind). */
void report_replay_rewind(struct replay_report *w);
/* Open the temporary file the meetings are written to until the end (w->body),
** with a large buffer; false if it cannot be created. */
bool report_replay_body(struct replay_report *w);
/* For a format whose meetings come straight after what it has written so
** far and `held` bytes it holds yet to write (JSON): may they go to w->out
** itself, written once, not again from a temporary file?  Only if a rewind
** can take them back there (then w->direct). */
bool report_replay_direct(struct replay_report *w, size_t held);
/* Does w->out keep nothing (/dev/null)?  Then (w->direct, w->direct_at -1)
** a format whose meetings come after its summary may write them straight
** there as well: no order to keep, nothing for a rewind to take back. */
bool report_replay_discarded(struct replay_report *w);

/* ---- shared by the writers ---- */

void report_text_meeting(FILE *out, const struct meeting_result *r, const struct report_opts *o);
/* The same without colour, its repeated blocks kept in memo and copied
** from it (a text replay's meetings; the unit tests compare the two). */
struct wbuf_memo;
/* kept (NULL: none): where a replay finds some blocks without their keys,
** across meetings (made by report_text_seen_new, with the memo). */
struct text_seen;
struct text_seen *report_text_seen_new(struct arena *a);
void report_text_meeting_kept(FILE *out, const struct meeting_result *r, struct wbuf_memo *memo,
                              struct text_seen *kept);
void report_md_meeting(FILE *out, const struct meeting_result *r);
/* Text inside Markdown (a table cell, a heading, a list item): one line, and
** the characters that would end a cell or start markup escaped (| < ` * [ \\). */
void report_md_text(FILE *out, const char *s);
/* One meeting as a JSON object (the value of "meeting" results in eval and replay). */
void report_json_meeting(struct json_writer *w, const struct meeting_result *r);

/*
** A replay's meeting in its "meetings" array: its record's and terms'
** files and digests, and "result" (report_json_meeting).  With `kept`
** (valid false, terms NULL, month_first and month_days 0 before the first
** meeting), a writer with slots (jw_keep) in the array at depth 2 writes
** the meeting's fixed lines in a few pieces, each after one check for
** room: the four head lines, the same for every meeting of one record file
** under one terms version, kept rendered and copied while the names and
** digests are equal; anything else as without.
*/
#define JSON_HEAD_NAME 160 /* the longest file name kept (with its NUL) */
#define JSON_HEAD_MAX 768  /* the head's text */
struct json_meeting_kept {
	bool valid;
	unsigned short len;
	char record_file[JSON_HEAD_NAME], terms_file[JSON_HEAD_NAME];
	char record_sha256[SHA256_HEX_SIZE], terms_sha256[SHA256_HEX_SIZE];
	char text[JSON_HEAD_MAX + JW_TEXT_SLACK]; /* JW_TEXT_SLACK bytes set past len (jw_copy_text) */
	/* the meeting's "terms" as jw_run wrote it for these terms (they live as
	** long as the writer, as jw_run's key); NULL: none */
	const struct terms *terms;
	unsigned short terms_len;
	/* the month of the last meeting's date: its first day, its days (0:
	** none kept) and its text up to the day, "YYYY-MM-" */
	qdate month_first;
	unsigned month_days;
	char month_text[8];
	char terms_text[JW_RUN_MAX + JW_TEXT_SLACK];
};
void report_json_replay_meeting(struct json_writer *w, struct json_meeting_kept *kept, const struct meeting_result *r,
                                const struct replay_meta *meta);

/* A location as JSON: an object {file, line, column} (or null), or just
** those fields inside an object being written ("file": null if none). */
void report_json_where(struct json_writer *w, const struct loc *l);
void report_json_loc_fields(struct json_writer *w, const struct loc *l);

/* "file:line" of a location, into buf. */
char *report_where(const struct loc *l, char *buf, size_t size);

/* The votes for a motion needed: the most needed by any rule of its class on
** the votes for (the rule that binds), and whether that rule was met.  False
** when no rule counts votes for. */
bool report_votes_needed(const struct motion_result *mr, int64_t *needed, bool *met);

/* A search cut short, in one sentence said before its results: why, and how
** much of the possible meetings and attendances it judged (diff, conform). */
const char *report_search_cut(struct arena *a, const struct diff_search *s);

/* Copy a temporary file's contents to out; false on a read or write error. */
bool report_copy_stream(FILE *from, FILE *to);

/* The votes on one side as every report shows them: "4", or "4 + casting 1"
** when the chair's casting vote was added there (docs/semantics.md#ties). */
#define REPORT_SIDE_MAX 48
const char *report_side_votes(const struct motion_result *mr, enum vote_kind side, char *buf);
/* The same at p; returns its end (the '\0' written after it). */
char *report_side_votes_at(const struct motion_result *mr, enum vote_kind side, char *p);
/* A motion's attributes as every report reads them out, after `before` and
** before `after`: "financial, amount 31000.50, kind \"amendment\"" (numbers
** with their decimals as written), and "decided outside a meeting on DATE";
** `before`, `after` and the separators through raw(out, ...), each piece
** through text(out, ...) (the format's escaper; out is a FILE, or the text
** report's wbuf).  Nothing when there is nothing to say. */
void report_motion_attrs(void *out, const struct rec_motion *mo, void (*raw)(void *out, const char *s),
                         void (*text)(void *out, const char *s), const char *before, const char *after);
/* report_motion_attrs(out, mo, ..., "  [", "]") into a text report's
** buffer, whole numbers written by hand (the unit tests compare the two). */
struct wbuf;
void report_text_attrs(struct wbuf *out, const struct rec_motion *mo);
/* fputs, for report_motion_attrs' raw pieces on a FILE */
void report_fputs(void *out, const char *s);

/* "foster (deputy for stocks)": a deputy in an absent principal's seat, as
** every report names one (ids are at most PARSE_MAX_IDENT bytes). */
#define REPORT_DEPUTY_MAX 300
const char *report_deputy(const struct deputy_seat *ds, char *buf);

/* Approval by another body as every report reads it out: "awaiting
** approval by \"Primary Care Sub-Committee\"", "approved by \"...\" on
** 2024-07-02", "refused by \"...\" on 2024-07-02: not carried".  NULL: the
** motion's class needs none, or the meeting did not carry it.  The body is
** a string of the terms: the text is cut to fit, never overrun. */
#define REPORT_APPROVAL_MAX 640
const char *report_approval(const struct motion_result *mr, char *buf);

/* A ratification as every report reads it out, both ways (replay): for a
** provisional decision, "ratified by \"June\", motion 4 on 2024-06-11:
** carried from then" (or why it is still provisional); for the ratifying
** motion, "ratifies \"By e-mail\" motion 2 of 2024-05-20".  NULL: none. */
#define REPORT_RATIFICATION_MAX 640
const char *report_ratified_by(const struct motion_result *mr, char *buf);
const char *report_ratifies(const struct motion_result *mr, char *buf);

/* "for", "against", "declined" or NULL: the casting vote the record gives. */
const char *report_casting_recorded(const struct motion_result *mr);
/* The casting vote the record gives and what came of it, as HTML and
** Markdown read it out: "the chair's casting vote for is counted: for 4 +
** casting 1 (§3.5)", "the chair declined a casting vote (§3.5)" or
** "recorded for, but not counted (see the findings)".  NULL: none. */
#define REPORT_CASTING_MAX 160
const char *report_casting_words(const struct terms *t, const struct motion_result *mr, char *buf);

/* Text and Markdown share their layout of a replay summary and of an
** amendment (md: Markdown headings and lists). */
bool report_plain_replay_begin(struct replay_report *w);  /* the meetings to a temporary file */
void report_plain_replay_summary(FILE *out, const struct replay_summary *s, bool md);
void report_plain_history_findings(FILE *out, const struct replay_report *w, bool md);
void report_plain_amend(FILE *out, const struct amend *d, bool md);

#endif
