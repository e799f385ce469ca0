/*
** fmt: the canonical layout of terms and record files (quorate fmt).
*/
#ifndef QUORATE_FMT_H
#define QUORATE_FMT_H

#include "front/ast.h"

/* The whole file, formatted; the tree must have parsed without errors
** and been read with its comments (parse_file). */
const char *fmt_file(struct arena *a, const struct ast_file *file);

#endif
