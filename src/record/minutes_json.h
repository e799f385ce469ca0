/*
** minutes_json: reading a meeting record from JSON (docs/schema/minutes.schema.json)
** into the same model as the native syntax, in one pass (no JSON library: see minutes_json.c).
*/
#ifndef QUORATE_MINUTES_JSON_H
#define QUORATE_MINUTES_JSON_H

#include "record/minutes.h"

/* NULL (with diagnostics) if the JSON is malformed or not a meeting record. */
struct meeting *minutes_json_read(struct arena *a, struct diag_sink *diag, const struct source *src);

/* minutes_json_read with its lean paths (the common shapes of a record read
** straight from the text) on, as it always reads, or off: the general path
** alone, which tests compare them with. */
struct meeting *minutes_json_read_paths(struct arena *a, struct diag_sink *diag, const struct source *src,
                                        bool lean);

/* A table of member ids for the readers of many files (a replay's): each
** id is copied and interned once, not once a file; the readers' meetings
** share its pointers.  In `a`, which must outlive the readers and their
** meetings.  It takes a bounded number of ids; the rest each file interns
** on its own. */
struct json_ids;
struct json_ids *json_ids_new(struct arena *a);

/* minutes_json_read_paths with the run's table of ids (NULL: the file's own). */
struct meeting *minutes_json_read_ids(struct arena *a, struct diag_sink *diag, const struct source *src, bool lean,
                                      struct json_ids *ids);

/* The meeting read one way (lean or not, with a run's table of ids or
** not) written out field by field, which votes share a name's pointer, and
** every diagnostic: every way must write the same (test_minutes_json,
** fuzz/fuzz_json.c). */
struct sbuf;
void minutes_json_dump(struct arena *a, struct diag_sink *diag, const struct source *src, bool lean,
                       struct json_ids *ids, struct sbuf *out);

#endif
