/*
** diag: the diagnostics sink and the one formatter for every message.
**
** Every error, warning and note about an input file goes through here with a
** stable code from diag_codes.def, a location and a message.  Rendering gives
** the shape compilers use:
**
**     file:line:col: error: message [code]
**        12 |   require yes >= 150% of cast
**           |                  ^~~~
**
** A diagnostic may carry one fix-it: the text that would replace its span
** (or another span) to mend the mistake, e.g. the member name a misspelt one
** was most likely meant to be.  It is rendered under the caret as compilers
** do, given to programs as the `suggestion` of the JSON diagnostics, and
** offered by editors as a quick fix.
**
** The sink caps the number of errors (DIAG_MAX_ERRORS) so a broken file does
** not bury its first problem, and keeps messages in the order they were found.
*/
#ifndef QUORATE_DIAG_H
#define QUORATE_DIAG_H

#include <stdbool.h>
#include <stdio.h>

#include "base/arena.h"
#include "front/source.h"

enum diag_severity { DIAG_NOTE, DIAG_WARNING, DIAG_ERROR };

enum diag_code {
#define DIAG(id, name, sev, desc) id,
#include "front/diag_codes.def"
#undef DIAG
	D__COUNT
};

struct diag_note {
	struct diag_note *next;
	struct loc loc;
	const char *msg;
};

/* Replace the text at `loc` by `text`; an empty span inserts it. */
struct diag_fixit {
	struct loc loc;
	const char *text;
};

struct diag {
	enum diag_code code;
	enum diag_severity sev;
	struct loc loc;
	const char *msg;
	struct diag_note *notes; /* in order */
	const struct diag_fixit *fixit; /* NULL: no machine-readable fix */
};

#define DIAG_MAX_ERRORS 20

struct diag_sink {
	struct arena *arena;
	VEC(struct diag) items;
	unsigned n_errors, n_warnings;
	unsigned max_errors;  /* errors kept before "too many errors" */
	bool stopped;         /* the cap was reached: further errors are dropped */
};

void diag_init(struct diag_sink *d, struct arena *a);

/* Report a diagnostic; returns it (for notes), or NULL if the cap dropped it. */
struct diag *diag_report(struct diag_sink *d, enum diag_code code, struct loc loc,
                         const char *fmt, ...) __attribute__((format(printf, 4, 5)));
struct diag *diag_vreport(struct diag_sink *d, enum diag_code code, struct loc loc,
                          const char *fmt, va_list ap) __attribute__((format(printf, 4, 0)));
/* Attach a note (with its own location, possibly none) to a diagnostic. */
void diag_note(struct diag_sink *d, struct diag *to, struct loc loc, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Give a diagnostic its fix-it (the last one given wins). */
void diag_fixit(struct diag_sink *d, struct diag *to, struct loc loc, const char *text);

const char *diag_code_name(enum diag_code code);
enum diag_severity diag_code_severity(enum diag_code code);
const char *diag_code_description(enum diag_code code);
const char *diag_severity_name(enum diag_severity sev);

/* Sort diagnostics by file (first-seen order), then offset; stable. */
void diag_sort(struct diag_sink *d);

/* Render one diagnostic with its source line, caret and notes. */
void diag_print(const struct diag *dg, FILE *out, bool color);
/* Render "file:line:col" (or just "file", or nothing) for a location. */
void diag_print_where(const struct loc *loc, FILE *out);

#endif
