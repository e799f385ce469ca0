/*
** replay: a whole history judged meeting by meeting.
**
** Inputs are terms files (every version of each body's terms), record files
** (native or JSON, one or more meetings each) and directories searched
** recursively.  Each meeting is judged by the latest version of its body's
** terms in force on its date, with the roster on that date.  Meetings are
** taken in date order, then by file name and position, so the result never
** depends on the order of files on disk.
**
** One pass (replay_run): the inputs are walked in the order of their paths,
** each record file is read once, and each meeting is judged and reported as
** soon as it is read, in an arena reset after it, while the dates do not go
** backwards, which they do not when the files are named by date, as they
** usually are.  If a date goes backwards, or a long record file turns out to
** be malformed after some of its meetings were judged, what was reported is
** taken back (the sink's rewind) and the history is judged again the other
** way: a first pass indexes every meeting (date, file, position), a second
** reads and judges them in date order.  Memory stays flat in the one pass;
** the index holds a small entry per meeting.  Checks across meetings (gaps,
** ratification of virtual decisions, adoption of amended terms) keep only
** what is still open.  Results go out through a sink as they are produced.
*/
#ifndef QUORATE_REPLAY_H
#define QUORATE_REPLAY_H

#include "base/sha256.h"
#include "check/load.h"
#include "run/eval.h"

/* A finding that spans meetings, rendered when found (the meetings it
** points at are gone by the time it is reported). */
struct history_finding {
	enum finding_code code;
	enum finding_severity sev;
	const char *clause;
	const char *message;
	const char *file;          /* NULL: the history as a whole */
	unsigned line;
};

/* What a meeting's result was judged with. */
struct replay_meta {
	const char *record_file;
	const char *terms_file;
	char record_sha256[SHA256_HEX_SIZE];
	char terms_sha256[SHA256_HEX_SIZE];
};

/* A decision the history leaves awaiting another body's approval
** (docs/semantics.md#approval-by-another-body). */
struct awaiting_approval {
	const char *meeting, *motion, *title; /* the meeting's title, the motion's number and title */
	const char *by;                       /* the body whose approval it awaits */
	const char *file;
	unsigned line;
	qdate date;                           /* the meeting's */
};

struct replay_summary {
	unsigned terms_versions, versions_used, record_files, meetings, motions;
	unsigned outside_meetings; /* records of decisions taken outside a meeting only: not meetings */
	unsigned by_outcome[OUTCOME_UNDETERMINED + 1];
	unsigned ratified, still_provisional; /* provisional decisions: validly ratified in time, or not */
	const struct awaiting_approval *awaiting; /* decisions awaiting approval, in the order judged */
	unsigned n_awaiting;
	unsigned by_severity[4];
	unsigned by_code[F__COUNT];
	unsigned mismatches;
	unsigned malformed_files;  /* inputs that could not be read or parsed */
};

struct replay_sink {
	void *ctx;
	void (*meeting)(void *ctx, const struct meeting_result *r, const struct replay_meta *meta);
	void (*finding)(void *ctx, const struct history_finding *f);
	/* Diagnostics about one input file; called with the sink, then cleared. */
	void (*diagnostics)(void *ctx, const struct diag_sink *d);
	/* Forget every meeting and finding reported so far: they are about to be
	** reported again, in date order.  NULL: replay_run takes the indexed
	** way at once (nothing ever needs taking back). */
	void (*rewind)(void *ctx);
	/* No SHA-256 of a record or a terms file is reported (--summary): none
	** is computed (nor libcrypto's SHA-256 set up, ~5 M instructions). */
	bool no_hashes;
	/* A meeting's findings are only counted by code (--summary): judged
	** without their messages (judge_plan_counts_only). */
	bool findings_counted_only;
};

struct replay;

/* Everything the replay keeps for the whole run lives in `run_arena`. */
struct replay *replay_new(struct arena *run_arena, struct loader *ld, struct diag_sink *run_diag);
/* Add a file or directory (recursively).  Returns false if it cannot be read
** (reported to run_diag).  path must live as long as the replay (it is kept,
** not copied: a history may have 100,000 files). */
bool replay_add_path(struct replay *rp, const char *path);
/* Judge every meeting in order, reporting through the sink. */
void replay_run(struct replay *rp, const struct replay_sink *sink);

/*
** Hand every meeting of the record files, in date order, to fn (terms files
** among the paths are ignored here).  The meeting and everything fn
** allocates in `arena` are dropped after fn returns.  The sink's
** diagnostics callback receives parse problems; sink must be set with
** replay_set_sink first.
*/
typedef void (*replay_meeting_fn)(void *ctx, const struct meeting *m, struct arena *arena, const char *sha256);
void replay_for_each(struct replay *rp, replay_meeting_fn fn, void *ctx);
void replay_set_sink(struct replay *rp, const struct replay_sink *sink);
const struct replay_summary *replay_summary(const struct replay *rp);

#endif
