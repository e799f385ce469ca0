/*
** report_html: the self-contained HTML audit page (replay --format html,
** eval --format html).
*/
#ifndef QUORATE_REPORT_HTML_H
#define QUORATE_REPORT_HTML_H

#include <stdio.h>

#include "report/report.h"

/* A meeting on the timeline. */
struct html_point {
	qdate date;
	int worst;             /* enum finding_severity, SEV_NOTE when clean */
	char anchor[24];       /* id of the meeting's section */
};

void html_escape(FILE *out, const char *s);
void html_begin(FILE *out, const char *title);
void html_end(FILE *out);
/* One meeting's section; provenance (hashes) may be NULL. */
void html_meeting(FILE *out, const struct meeting_result *r, const char *anchor, const char *provenance);
void html_timeline(FILE *out, const struct html_point *points, size_t n);
/* The worst severity of a meeting's findings (SEV_NOTE when clean). */
int html_worst(const struct meeting_result *r);

#endif
