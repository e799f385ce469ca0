/*
** register_report: the attendance and interests registers written out, for
** `quorate register` and as a part of the replay report, in text, Markdown,
** JSON (docs/schema/register.schema.json) or HTML.
**
** The tables and declarations arrive while the history is replayed, before
** the totals that the reader sees first.  Each body's tables and
** declarations are written to temporary files as they arrive and copied into
** place at the end, so memory stays flat however long the history.
*/
#ifndef QUORATE_REGISTER_REPORT_H
#define QUORATE_REGISTER_REPORT_H

#include <stdio.h>

#include "report/report.h"
#include "run/register.h"

struct register_report;

/* In the format of `ops` (which must support REPORT_REGISTER).  json_depth:
** JSON only, the depth at which the registers' object will be written (0 for
** a document of its own, 1 for a key of the replay's). */
struct register_report *register_report_new(struct arena *a, const struct report_ops *ops, unsigned json_depth);
/* Feed the judged meetings here (register_meeting), then register_finish. */
struct registers *register_report_registers(struct register_report *rr);
/* Forget every meeting given so far, and what was written of them (a
** replay's rewind: report_replay_rewind). */
void register_report_rewind(struct register_report *rr);
/* The report goes to `out`, which keeps nothing (/dev/null,
** report_replay_discarded): the tables and declarations are written straight
** to it as they arrive, not to temporary files to be copied there after. */
void register_report_discard(struct register_report *rr, FILE *out);
/* HTML: link each meeting's column to its section in the same page (#mSEQ). */
void register_report_link_meetings(struct register_report *rr);
/*
** Write the registers: as sections of a page or document (text, Markdown,
** HTML), or as the next value of w (JSON); `standalone`: as a document of
** their own (with its title; HTML: the whole page).  False when a temporary file
** could not be created, written or read back: the report is incomplete.
** Closes the temporary files.
*/
bool register_report_write(struct register_report *rr, FILE *out, struct json_writer *w, bool standalone);

#endif
