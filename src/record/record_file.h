/*
** record_file: reading meeting records, by one policy for every command
** (eval, the library, replay, diff --history).
**
** The policy (docs/reference.md#files):
**
** - A record is JSON (docs/schema/minutes.schema.json) when its name ends
**   in `.json` or its text starts, after any byte-order mark and blanks,
**   with `{` (a native record never can); otherwise it is in the native
**   syntax.
** - A native record holds `meeting` blocks and nothing else at the top
**   level: `terms`, `rule` or `use` there would never be judged (error).
**   A JSON record holds one meeting.
** - A record with no meeting is an error, never "nothing to judge".
** - eval and the library judge one meeting: a file with more is an error
**   (replay and diff --history read them all).
**
** The reader hands out one meeting at a time, so a history of any length is
** read in bounded memory.  A native record is read by the fast path
** (record/fastrec.h) as long as it is clean, by the full path (the item
** reader, then minutes_from_ast) from the first item that is not: either
** way the meetings and every diagnostic are the same.
*/
#ifndef QUORATE_RECORD_FILE_H
#define QUORATE_RECORD_FILE_H

#include "front/parse.h"
#include "record/fastrec.h"
#include "record/minutes.h"
#include "record/minutes_json.h"

/* Is src a JSON record (by its name or its first character)? */
bool record_is_json(const struct source *src);

/* The one meeting of a record; NULL (reported) if it is malformed, holds
** none, or holds more than one. */
struct meeting *record_read_one(struct arena *a, struct diag_sink *diag, const struct source *src);

/* A record being read meeting by meeting. */
struct record_reader {
	const struct source *src;
	struct diag_sink *diag;
	struct meeting *json;         /* a JSON record's meeting, before it is handed out */
	struct fastrec *fast;         /* a native record, read the fast way while it can be */
	struct item_reader *items;    /* ... or the full way */
	struct arena *arena;          /* where the native readers are */
	struct fastrec_names *names;  /* the fast path's names (NULL: its own) */
	struct json_ids *json_ids;    /* the JSON reader's ids (NULL: each file's own) */
	bool native_started, fast_ended;
	bool full_only;               /* never the fast path (the tests that compare the two) */
	struct ast_file ast;
	unsigned n_meetings;          /* handed out so far */
	unsigned errors_at_open;
};

/* Start reading src; its reader state goes to `a`, the names of the fast
** path to `names` (NULL: the reader's own; fastrec_names_new), a JSON
** record's member ids to `json_ids` (NULL: the file's own; json_ids_new).
** A JSON record is read whole here (false, reported, if it is malformed). */
bool record_reader_open(struct record_reader *r, struct arena *a, struct diag_sink *diag, const struct source *src,
                        struct fastrec_names *names, struct json_ids *json_ids);

/* The next meeting: its model (*model set, node NULL: a JSON record, or a
** native one read the fast way), or its syntax tree (the full path; nodes in
** `arena`, for minutes_from_ast).  The model, too, is in `arena`.  Items
** that are not meetings are reported and skipped.  false at the end of the
** file. */
bool record_reader_next(struct record_reader *r, struct arena *arena, const struct node **node, struct meeting **model);

/* At the end: report a record that held no meeting (unless something else
** was already reported about it). */
void record_reader_finish(struct record_reader *r);

void record_reader_close(struct record_reader *r);

/* Every meeting of a record as the reader hands it out, and every
** diagnostic, written out field by field (minutes_dump): the fast and the
** full path must write the same (fuzz/fuzz_fastrec.c, test_fastrec.c). */
struct sbuf;
void record_dump(struct arena *a, struct diag_sink *diag, const struct source *src, bool full_only,
                 struct sbuf *out);

#endif
