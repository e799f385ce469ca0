/*
** register_spool: a JSON attendance register's tables kept as compact
** records in a temporary file while the history is replayed, and read back
** when the report is assembled.
**
** Why: the registers come after every meeting in a JSON report, so what
** they say of each meeting must wait somewhere, and memory must not grow
** with the history (docs/performance.md).  As indented JSON that was about
** 1,200 bytes a meeting, 765 MB for a 1 GB history, and the temporary
** file's pages cost 0.4-0.6 s of system time.  The attendance tables were
** most of it (a dozen lines a meeting); as records, a meeting's column of
** a table is its date, title, file and a byte a member.  The JSON is the
** same: it is written from the records read back, by the function that
** wrote it before.  (The declarations are fewer, and still wait as JSON.)
**
** A record is read back in the process that wrote it (the file is a
** tmpfile(), unlinked): numbers are in the machine's own order.  A record
** that does not read back whole (an I/O error) fails the body, and the
** report says it is incomplete, as a failed copy of the file did.
*/
#ifndef QUORATE_REGISTER_SPOOL_H
#define QUORATE_REGISTER_SPOOL_H

#include "run/register.h"

#include <stdio.h>

/* Append t's record to f (false: a write failed; ferror(f) stays set). */
bool reg_spool_put_table(FILE *f, const struct reg_body *b, const struct reg_table *t);

/*
** Read f's records back from its start, in order, handing each to fn
** (valid only during the call).  b is the body whose tables f holds: a
** table's rows are indexes into its members.  false: a record could not
** be read whole, or was not a table of b's.
*/
bool reg_spool_each_table(FILE *f, const struct reg_body *b, void (*fn)(void *ctx, const struct reg_table *t),
                          void *ctx);

#endif
