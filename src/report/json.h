/*
** json: a streaming JSON writer with two-space indentation.
**
** Reports are written as they are produced (replay never holds a history in
** memory), so this writes straight to a FILE: keys and values in order,
** strings escaped per RFC 8259, nesting tracked to place commas.  What is
** written gathers in the writer and goes to the FILE in one fwrite when
** its buffer fills, at jw_flush and at jw_finish: stdio's cost per call was
** most of a JSON report's time (docs/performance.md).  So before writing to
** the FILE by other means, reading back what it holds, or pointing the
** writer at another FILE, call jw_flush.  Its functions are jw_*: jansson
** (linked for the lsp) exports json_string, json_null...
*/
#ifndef QUORATE_JSON_H
#define QUORATE_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define JSON_MAX_DEPTH 32
#define JSON_BUFFER 8192

struct json_writer {
	FILE *out;
	unsigned depth;
	bool first[JSON_MAX_DEPTH];   /* no element written yet at this level */
	bool after_key;
	size_t pending;               /* bytes of buf not yet given to out */
	char buf[JSON_BUFFER];
};

void jw_init(struct json_writer *w, FILE *out);
void jw_begin_object(struct json_writer *w);
void jw_end_object(struct json_writer *w);
void jw_begin_array(struct json_writer *w);
void jw_end_array(struct json_writer *w);
void jw_key(struct json_writer *w, const char *key);
/* A key written in the code (a string literal, of characters that need no
** escape), quoted when compiled: most keys, at a quarter of jw_key's cost. */
#define jw_key_lit(w, lit) jw_key_quoted((w), "\"" lit "\": ", sizeof "\"" lit "\": " - 1)
void jw_key_quoted(struct json_writer *w, const char *quoted, size_t n);
void jw_string(struct json_writer *w, const char *s);
void jw_int(struct json_writer *w, int64_t v);
void jw_bool(struct json_writer *w, bool v);
void jw_null(struct json_writer *w);
/* A value already formatted as JSON (a number such as 6.75). */
void jw_raw(struct json_writer *w, const char *text);
/* End the document with a newline (and flush). */
void jw_finish(struct json_writer *w);
/* Give out what was gathered. */
void jw_flush(struct json_writer *w);

#endif
