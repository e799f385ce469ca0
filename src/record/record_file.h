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
** read in bounded memory; it is the seam for a faster record path.
*/
#ifndef QUORATE_RECORD_FILE_H
#define QUORATE_RECORD_FILE_H

#include "front/parse.h"
#include "record/minutes.h"

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
	struct item_reader *items;    /* a native record, once a meeting is asked for */
	struct arena *arena;          /* ... where its reader will be */
	struct ast_file ast;
	unsigned n_meetings;          /* handed out so far */
	unsigned errors_at_open;
};

/* Start reading src; its reader state goes to `a`.  A JSON record is read
** whole here (false, reported, if it is malformed). */
bool record_reader_open(struct record_reader *r, struct arena *a, struct diag_sink *diag, const struct source *src);

/* The next meeting: its syntax tree (native records; nodes in `arena`) or,
** for JSON, its model (*json set, node NULL).  Items that are not meetings
** are reported and skipped.  false at the end of the file. */
bool record_reader_next(struct record_reader *r, struct arena *arena, const struct node **node, struct meeting **json);

/* At the end: report a record that held no meeting (unless something else
** was already reported about it). */
void record_reader_finish(struct record_reader *r);

void record_reader_close(struct record_reader *r);

#endif
