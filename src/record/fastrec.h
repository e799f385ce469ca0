/*
** fastrec: the fast path for native meeting records, with the full path
** (the item reader and minutes_from_ast) as its fallback.
**
** A record is read by its own small grammar (grammar/record.l and
** grammar/record.y: full DFA tables, words matched by the DFA, a pull
** parser) whose actions build `struct meeting` directly, with no syntax tree.
** It reads clean records only: the moment it meets anything the full path
** would say a word about (a syntax error, a statement said twice, a limit,
** a keyword written as a name, bytes that are not UTF-8...), it gives up,
** and the record reader (record_file.c) hands the file to the full path
** from the end of the last meeting read here, so every diagnostic is the
** full path's, byte for byte.  What it does read equals, field by field,
** what the full path would have built (fuzz/fuzz_fastrec.c keeps the two
** grammars equal; tests/unit/test_fastrec.c runs every record of examples/
** and tests/ both ways).
**
** Within it, a meeting written the plain way (the statements most records
** use, nothing the grammar's actions would question) is read whole by hand,
** as one token, calling the grammar's own actions; any other is read token
** by token, so the two build the same model (test_fastrec's
** test_whole_meeting).  A mapped file's plain meetings are read from the
** mapping itself, not copied into flex's window.
**
** Names are interned: within one reader, or the readers of a run that
** share a table of names (fastrec_names_new), every occurrence of a name
** has the same `id` pointer (up to FASTREC_MAX_NAMES distinct names; past
** that they are copies, in the meeting's arena).  The pointers live as long
** as the table's arena (the reader's, without a shared table).
*/
#ifndef QUORATE_FASTREC_H
#define QUORATE_FASTREC_H

#include "record/minutes.h"

/* Distinct names interned in one table (memory stays bounded). */
#define FASTREC_MAX_NAMES 4096

struct fastrec;
struct fastrec_names;

/* A table of names for the readers of many files (a replay's): each name
** is made once (its one form, whether it is a keyword), not once a file.
** In `a`, which must outlive the readers and the meetings they read. */
struct fastrec_names *fastrec_names_new(struct arena *a);
/* Free what the table keeps for its readers outside its arena (flex's
** scanner, made once for the readers of all the files, not once a file). */
void fastrec_names_release(struct fastrec_names *names);

/* For the tests: the readers with this table read every meeting token by
** token (not a plain one whole, as one token), so that the two ways can
** be compared; and how many meetings they read whole. */
void fastrec_names_by_tokens(struct fastrec_names *names);
unsigned long fastrec_names_read_whole(const struct fastrec_names *names);

enum fastrec_status {
	FASTREC_MEETING,   /* a meeting was read */
	FASTREC_END,       /* the end of the file, after at least one meeting */
	FASTREC_GIVE_UP    /* the full path must read on from fastrec_resume */
};

/* Start reading src (a native record); its state goes to `a`, its names
** to `names` (NULL: a table of its own, in `a`).  NULL if the fast path
** cannot read it at all (bytes that are not UTF-8, a NUL...). */
struct fastrec *fastrec_open(struct arena *a, const struct source *src, struct fastrec_names *names);

/* The next meeting, its model in `out`.  Once it has given up or ended, it
** says so again. */
enum fastrec_status fastrec_next(struct fastrec *r, struct arena *out, struct meeting **m);

/* After FASTREC_GIVE_UP: how many meetings were handed out, and the span
** of the last one's '}' (where the full path resumes). */
unsigned fastrec_resume(const struct fastrec *r, struct span *brace);

void fastrec_close(struct fastrec *r);

#endif
