/*
** report_html: the self-contained HTML pages (replay, eval and register
** --format html): the page's frame and stylesheet, and one meeting's
** section.
*/
#ifndef QUORATE_REPORT_HTML_H
#define QUORATE_REPORT_HTML_H

#include <stdio.h>

#include "report/report.h"

void html_escape(FILE *out, const char *s);
/* The page up to the start of its content, and its end.  `running_head`:
** printed at the top of every page on paper (NULL: the title). */
void html_begin(FILE *out, const char *title, const char *running_head);
void html_end(FILE *out);
/* One meeting's section, its id `anchor` (motions are ANCHOR-1, ANCHOR-2, ...);
** meta: the files and their hashes (NULL when not known). */
void html_meeting(FILE *out, const struct meeting_result *r, const char *anchor, const struct replay_meta *meta);

#endif
