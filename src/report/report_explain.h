/*
** report_explain: writers for `quorate explain` (text, Markdown, JSON, HTML).
*/
#ifndef QUORATE_REPORT_EXPLAIN_H
#define QUORATE_REPORT_EXPLAIN_H

#include <stdio.h>

#include "run/explain.h"

void explain_write_text(FILE *out, const struct explanation *x);
void explain_write_markdown(FILE *out, const struct explanation *x);
void explain_write_json(FILE *out, const struct explanation *x);
void explain_write_html(FILE *out, const struct explanation *x);

#endif
