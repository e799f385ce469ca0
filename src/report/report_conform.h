/*
** report_conform: writers for `quorate conform` (text, Markdown, JSON).
*/
#ifndef QUORATE_REPORT_CONFORM_H
#define QUORATE_REPORT_CONFORM_H

#include <stdio.h>

#include "run/conform.h"

void conform_write_text(FILE *out, const struct conform_run *run);
void conform_write_markdown(FILE *out, const struct conform_run *run);
void conform_write_json(FILE *out, const struct conform_run *run);

#endif
