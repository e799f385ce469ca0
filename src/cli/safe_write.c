/*
** safe_write: replace a file without ever leaving it half-written.
**
** The new contents go to a temporary file in the same directory (so the
** rename is atomic on one file system), are flushed to disk, take the
** original's permissions, and only then replace it.  On any error the
** temporary file is removed and the original is untouched.
*/
#define _XOPEN_SOURCE 700 /* realpath */
#include "cli/cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		data += n;
		len -= (size_t)n;
	}
	return true;
}

int cli_write_file_atomic(struct cli *c, const char *path, const char *data, size_t len, const char **why)
{
	/* Through a symbolic link, rewrite the file it points to and keep the
	** link (renaming over the link would replace it with a plain file). */
	char *real = realpath(path, NULL);
	if (real) {
		path = arena_strdup(&c->arena, real);
		free(real);
	}
	/* mkstemp's template: it replaces the six trailing characters */
	static const char unique[] = { 'X', 'X', 'X', 'X', 'X', 'X', '\0' };
	const char *slash = strrchr(path, '/');
	char *tmp = slash ? arena_printf(&c->arena, "%.*s/.%s.quorate-%s", (int)(slash - path), path, slash + 1, unique)
	                  : arena_printf(&c->arena, ".%s.quorate-%s", path, unique);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		*why = strerror(errno);
		return -1;
	}
	struct stat st;
	bool ok = write_all(fd, data, len) && fsync(fd) == 0;
	if (ok && stat(path, &st) == 0)
		ok = fchmod(fd, st.st_mode & 07777) == 0;
	int saved = errno;
	if (close(fd) != 0 && ok) {
		ok = false;
		saved = errno;
	}
	if (ok && rename(tmp, path) != 0) {
		ok = false;
		saved = errno;
	}
	if (!ok) {
		unlink(tmp);
		*why = strerror(saved);
		return -1;
	}
	return 0;
}
