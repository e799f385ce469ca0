/*
** quorate.h: the public API of libquorate.
**
** Load terms of reference, evaluate meeting records against them, and walk
** the results, from any C program.  The library has no global state and
** never writes to stdout or stderr; everything it allocates belongs to a
** session and is freed with it.  If memory runs out inside a call, the call
** fails cleanly (NULL or -1) and qr_session_out_of_memory() says so; the
** session can still be freed.
**
** Typical use:
**
**     qr_session *s = qr_session_new();
**     const qr_terms *t = qr_load_terms(s, "terms.tor", text, len);
**     if (!t) { print each qr_diag_get(s, i, &d) }
**     const qr_result *r = qr_eval(s, t, "may.minutes", rec, rec_len);
**     for (size_t i = 0; i < qr_result_motion_count(r); i++) { ... }
**     qr_session_free(s);
**
** Strings returned by the library belong to the session: never free them.
*/
#ifndef QUORATE_H
#define QUORATE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define QUORATE_API_VERSION 1

typedef struct qr_session qr_session;
typedef struct qr_terms qr_terms;
typedef struct qr_result qr_result;

/* A session: NULL only if the first allocation fails. */
qr_session *qr_session_new(void);
void qr_session_free(qr_session *s);
/* Directories searched for `use std.NAME` modules, in order of calls. */
int qr_session_add_search_dir(qr_session *s, const char *dir);
int qr_session_out_of_memory(const qr_session *s);

/*
** Parse and check the terms in `text` (`name` is used in diagnostics), which
** must hold exactly one terms block and nothing else (the policy of
** docs/reference.md#files, as for `quorate eval`).  NULL if there is any
** error; the diagnostics say why.
*/
const qr_terms *qr_load_terms(qr_session *s, const char *name, const char *text, size_t len);

/*
** Evaluate a meeting record holding one meeting, in the native syntax or as
** JSON (a `name` ending in .json, or a text whose first non-blank character
** is '{').  NULL if the record cannot be read; the diagnostics say why.
*/
const qr_result *qr_eval(qr_session *s, const qr_terms *t, const char *name, const char *text, size_t len);

/* ---- diagnostics (errors, warnings and notes about input files) ---- */

struct qr_diag {
	const char *severity;   /* "error", "warning", "note" */
	const char *code;       /* stable, e.g. "name.undefined" (docs/diagnostics.md) */
	const char *message;
	const char *file;       /* NULL if the message is about no file */
	unsigned line, column;  /* 1-based; 0 if no file */
	/* A fix-it, or NULL: replace the text from suggestion_line:column up
	** to (not including) end_line:end_column, in the same file, by this
	** text (an insertion when the two positions are equal). */
	const char *suggestion;
	unsigned suggestion_line, suggestion_column, suggestion_end_line, suggestion_end_column;
};

size_t qr_diag_count(const qr_session *s);
int qr_diag_get(const qr_session *s, size_t i, struct qr_diag *out);

/* ---- results ---- */

struct qr_motion {
	const char *number, *title;
	const char *class_name;   /* NULL if no class applies */
	const char *clause;       /* the class's clause, or NULL */
	int quorate;              /* 1, 0, or -1 when it cannot be judged */
	const char *outcome;      /* "carried", "not carried", "void", "provisional", "undetermined" */
	const char *recorded;     /* as minuted, or NULL */
	long long members, present, eligible, conflicted, yes, no, abstain;
	size_t n_findings;
};

struct qr_finding {
	const char *code;         /* stable, e.g. "outcome.mismatch" (docs/findings.md) */
	const char *severity;     /* "error", "breach", "warning", "note" */
	const char *clause;       /* or NULL */
	const char *message;
	const char *file;
	unsigned line;
};

/* Findings about the meeting as a whole use this motion index. */
#define QR_MEETING ((size_t)-1)

size_t qr_result_motion_count(const qr_result *r);
int qr_result_motion(const qr_result *r, size_t i, struct qr_motion *out);
size_t qr_result_finding_count(const qr_result *r, size_t motion);
int qr_result_finding(const qr_result *r, size_t motion, size_t i, struct qr_finding *out);
/* 1 if anything is breached or cannot be judged (the CLI's exit status 1). */
int qr_result_failed(const qr_result *r);

#ifdef __cplusplus
}
#endif

#endif
