/*
** safe_write: replace a file whole, with its owner, group, mode and extended
** attributes, or not at all (`quorate fmt --write`).
**
** A file is read and examined by safe_write_read, then replaced by
** safe_write_replace: the new text goes to a temporary file beside it
** (.NAME.quorate-XXXXXX), is flushed to disk, takes the original's owner,
** group, mode and extended attributes, and only then is renamed over it.
** What cannot be replaced faithfully is refused before anything is written:
** anything but a regular file, a file changed while it was being formatted,
** a file whose owner or attributes this user cannot give the copy, and
** (unless forced) a file with other hard links or one that is read-only.
** On any error, and when the process is interrupted by a signal that would
** end it, the temporary file is removed and the original is untouched.
*/
#ifndef QUORATE_SAFE_WRITE_H
#define QUORATE_SAFE_WRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

#include "base/arena.h"
#include "front/source.h"

/* A file as it was when it was read: what replacing it must keep. */
struct safe_file {
	const char *path;  /* the file itself: symbolic links resolved */
	struct stat st;    /* examined through the descriptor it was read from */
};

enum safe_write_flags {
	SAFE_WRITE_FORCE = 1,     /* replace even a file with other hard links, or a read-only one */
	SAFE_WRITE_TEST_STOP = 2, /* test hook: stop (SIGSTOP) with the temporary file written, before the rename */
};

/* Read path (never standard input) into src, refusing anything but a
** regular file without opening it.  0, or -1 with *why. */
int safe_write_read(struct arena *a, const char *path, struct safe_file *f, struct source *src, const char **why);

/* Replace f with data; flags from enum safe_write_flags.  0, or -1 with
** *why, and then the file is as it was and no temporary file is left. */
int safe_write_replace(struct arena *a, const struct safe_file *f, const char *data, size_t len,
                       unsigned flags, const char **why);

#endif
