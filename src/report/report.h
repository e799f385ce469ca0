/*
** report: writing evaluation results for people (text, Markdown) and
** programs (JSON, schema in docs/schema/eval.schema.json).
**
** Writers read results only; they never recompute a decision.  They write to
** the FILE given, as they go, so a replay streams.
*/
#ifndef QUORATE_REPORT_H
#define QUORATE_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "report/json.h"
#include "run/eval.h"

struct report_opts {
	bool color;
};

void report_text_meeting(FILE *out, const struct meeting_result *r, const struct report_opts *o);
void report_md_meeting(FILE *out, const struct meeting_result *r);
/* One meeting as a JSON object (the value of "meeting" results in eval and replay). */
void report_json_meeting(struct json_writer *w, const struct meeting_result *r);

/* A location as JSON: an object {file, line, column} (or null), or just
** those fields inside an object being written ("file": null if none). */
void report_json_where(struct json_writer *w, const struct loc *l);
void report_json_loc_fields(struct json_writer *w, const struct loc *l);

/* "file:line" of a location, into buf. */
char *report_where(const struct loc *l, char *buf, size_t size);

#endif
