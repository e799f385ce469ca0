/*
** safe_write: replace a file whole, with its owner, group, mode and extended
** attributes, or not at all.  See safe_write.h.
*/
#define _XOPEN_SOURCE 700 /* realpath, sigaction, faccessat, st_mtim */
#define _DEFAULT_SOURCE   /* extended attributes (sys/xattr.h) */
#include "cli/safe_write.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/xattr.h>
#include <unistd.h>

/* ---- the temporary file and the signals that would leave it behind -------- */

/*
** The signals whose default action ends the process and that a program may
** catch: a user's ^C (SIGINT) or ^\ (SIGQUIT), a closed terminal (SIGHUP), a
** reader that went away (SIGPIPE), kill's default (SIGTERM), timers and CPU
** limits (SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU) and the user signals.
** SIGXFSZ is ignored by main() so that a write past the file-size limit
** fails with EFBIG and is cleaned up as any other error.  Signals that
** report a fault of the program itself (SIGSEGV, SIGBUS, SIGFPE, SIGILL,
** SIGABRT) are left to their default action, and to the sanitizers.
*/
static const int fatal_signals[] = {
	SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGALRM, SIGTERM,
	SIGUSR1, SIGUSR2, SIGXCPU, SIGVTALRM, SIGPROF,
};
#define N_FATAL_SIGNALS (sizeof fatal_signals / sizeof fatal_signals[0])

/*
** The only global mutable state in quorate, because a signal handler can
** reach nothing else: the name of the temporary file that exists right now,
** if any.  Both are written only while every signal of fatal_signals is
** blocked (so the handler never sees half a name), and read only by the
** handler.  The name is prepared before the file is created (mkstemp fills
** in the template in place), so the handler has nothing to compute.
*/
static char pending_temp[PATH_MAX];
static volatile sig_atomic_t pending;

/*
** Only async-signal-safe calls (POSIX.1-2008 2.4.3): unlink and raise.  The
** handler was installed with SA_RESETHAND, so the signal's action is the
** default again; raised, it is delivered as soon as the handler returns and
** ends the process as it would have without the handler (the exit status
** and a waiting shell's report are those of the signal).
*/
static void remove_temp_and_die(int sig)
{
	if (pending)
		unlink(pending_temp);
	raise(sig);
}

/* While a temporary file may exist: the signals' handler installed, where
** their action is still the default (a signal ignored on entry, e.g. SIGHUP
** under nohup, stays ignored; another's handler is left alone). */
struct signal_guard {
	sigset_t fatal, saved_mask;
	struct sigaction saved[N_FATAL_SIGNALS];
	bool installed[N_FATAL_SIGNALS];
};

static void block_fatal(struct signal_guard *g)
{
	sigprocmask(SIG_BLOCK, &g->fatal, &g->saved_mask);
}

static void unblock_fatal(struct signal_guard *g)
{
	sigprocmask(SIG_SETMASK, &g->saved_mask, NULL);
}

/* Called with the signals blocked. */
static void guard_install(struct signal_guard *g)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = remove_temp_and_die;
	sa.sa_mask = g->fatal; /* one handler at a time */
	sa.sa_flags = SA_RESETHAND;
	for (size_t i = 0; i < N_FATAL_SIGNALS; i++) {
		g->installed[i] = sigaction(fatal_signals[i], NULL, &g->saved[i]) == 0 &&
		                  !(g->saved[i].sa_flags & SA_SIGINFO) && g->saved[i].sa_handler == SIG_DFL &&
		                  sigaction(fatal_signals[i], &sa, NULL) == 0;
	}
}

/* Called with the signals blocked: a signal that came meanwhile is
** delivered with its default action once they are unblocked. */
static void guard_remove(struct signal_guard *g)
{
	for (size_t i = 0; i < N_FATAL_SIGNALS; i++)
		if (g->installed[i])
			sigaction(fatal_signals[i], &g->saved[i], NULL);
}

/*
** Create the temporary file beside f (same directory, so the rename is
** atomic): .NAME.quorate-XXXXXX, NAME cut so that the name stays within
** NAME_MAX.  Signals blocked meanwhile: the file never exists unrecorded.
*/
static int create_temp(struct signal_guard *g, const char *path, const char **why)
{
	const char *slash = strrchr(path, '/');
	int dir_len = slash ? (int)(slash - path) : 0;
	const char *base = slash ? slash + 1 : path;
	int n = snprintf(pending_temp, sizeof pending_temp, "%.*s%s.%.200s.quorate-XXXXXX",
	                 dir_len, path, slash ? "/" : "", base);
	if (n < 0 || (size_t)n >= sizeof pending_temp) {
		*why = "the name of its temporary file would be too long";
		return -1;
	}
	block_fatal(g);
	guard_install(g);
	int fd = mkstemp(pending_temp);
	int saved = errno;
	pending = fd >= 0;
	unblock_fatal(g);
	if (fd < 0)
		*why = strerror(saved);
	return fd;
}

/* Rename the temporary file over path (ok) or remove it; forget it either
** way, and put the signals' actions back.  false if the rename failed. */
static bool finish_temp(struct signal_guard *g, const char *path, bool ok, const char **why)
{
	block_fatal(g);
	int saved = 0;
	if (ok && rename(pending_temp, path) != 0) {
		ok = false;
		saved = errno;
	}
	if (!ok)
		unlink(pending_temp);
	pending = 0;
	guard_remove(g);
	unblock_fatal(g);
	if (saved)
		*why = strerror(saved);
	return ok;
}

/* ---- reading and examining ---------------------------------------------- */

static const char *file_kind(mode_t mode)
{
	if (S_ISDIR(mode))
		return "a directory";
	if (S_ISFIFO(mode))
		return "a FIFO (named pipe)";
	if (S_ISSOCK(mode))
		return "a socket";
	if (S_ISCHR(mode))
		return "a character device";
	if (S_ISBLK(mode))
		return "a block device";
	return "not a regular file";
}

static bool same_file(const struct stat *x, const struct stat *y)
{
	return x->st_dev == y->st_dev && x->st_ino == y->st_ino;
}

/* Unchanged since it was read: the same file, the same size, neither its
** contents nor its metadata (owner, mode, links) touched. */
static bool unchanged(const struct stat *x, const struct stat *y)
{
	return same_file(x, y) && x->st_size == y->st_size &&
	       x->st_mtim.tv_sec == y->st_mtim.tv_sec && x->st_mtim.tv_nsec == y->st_mtim.tv_nsec &&
	       x->st_ctim.tv_sec == y->st_ctim.tv_sec && x->st_ctim.tv_nsec == y->st_ctim.tv_nsec;
}

int safe_write_read(struct arena *a, const char *path, struct safe_file *f, struct source *src, const char **why)
{
	/* Look before opening: opening a FIFO waits for a writer, and opening
	** a device may act on it (a tape rewinds). */
	struct stat seen;
	if (stat(path, &seen) != 0) {
		*why = strerror(errno);
		return -1;
	}
	if (!S_ISREG(seen.st_mode)) {
		*why = arena_printf(a, "it is %s; only a regular file can be replaced", file_kind(seen.st_mode));
		return -1;
	}
	/* Through a symbolic link, the file it points to is replaced and the
	** link kept (renaming over the link would replace it with a file). */
	char *real = realpath(path, NULL);
	if (!real) {
		*why = strerror(errno);
		return -1;
	}
	f->path = arena_strdup(a, real);
	free(real);
	FILE *in = fopen(f->path, "rb");
	if (!in) {
		*why = strerror(errno);
		return -1;
	}
	/* What is read is what was examined, and what will be replaced. */
	int rc = -1;
	if (fstat(fileno(in), &f->st) != 0)
		*why = strerror(errno);
	else if (!same_file(&f->st, &seen))
		*why = "it was replaced while it was being read";
	else
		rc = source_load_stream(src, a, path, in, why);
	fclose(in);
	return rc;
}

/* ---- what must be kept ----------------------------------------------------- */

/* Refused unless forced: replacing would split its hard links (the other
** names keep the old text), or it is write-protected -- as cp refuses to
** open it and vim to write it, even for root, who may write anything, when
** no one has the right to write it. */
static bool refuse_unforced(struct arena *a, const struct safe_file *f, const char **why)
{
	if (f->st.st_nlink > 1) {
		*why = arena_printf(a, "it has %ju hard links, which replacing it would split (the other names "
		                       "would keep the old text); --force to replace it anyway",
		                    (uintmax_t)f->st.st_nlink);
		return true;
	}
	if ((f->st.st_mode & 0222) == 0) {
		*why = arena_printf(a, "it is read-only (mode %04o); --force to replace it anyway",
		                    (unsigned)(f->st.st_mode & 07777));
		return true;
	}
	if (faccessat(AT_FDCWD, f->path, W_OK, AT_EACCESS) != 0) {
		*why = arena_printf(a, "you may not write to it (%s); --force to replace it anyway", strerror(errno));
		return true;
	}
	return false;
}

/* Give the copy the original's extended attributes (access control lists,
** security labels, user attributes), and only those (a directory's default
** ACL gives a new file one the original may not have). */
static bool copy_xattrs(struct arena *a, const char *from, int to, const char **why)
{
	ssize_t n_from = listxattr(from, NULL, 0);
	if (n_from < 0 && errno == ENOTSUP)
		return true; /* the file system has none */
	ssize_t n_to = n_from < 0 ? -1 : flistxattr(to, NULL, 0);
	if (n_to < 0) {
		*why = arena_printf(a, "cannot list its extended attributes: %s", strerror(errno));
		return false;
	}
	char *names = arena_alloc(a, (size_t)n_from + 1), *extra = arena_alloc(a, (size_t)n_to + 1);
	n_from = n_from ? listxattr(from, names, (size_t)n_from) : 0;
	n_to = n_to ? flistxattr(to, extra, (size_t)n_to) : 0;
	if (n_from < 0 || n_to < 0) {
		*why = arena_printf(a, "its extended attributes changed while being copied: %s", strerror(errno));
		return false;
	}
	for (const char *name = extra; name < extra + n_to; name += strlen(name) + 1) {
		bool kept = false;
		for (const char *o = names; o < names + n_from && !kept; o += strlen(o) + 1)
			kept = strcmp(o, name) == 0;
		if (!kept && fremovexattr(to, name) != 0) {
			*why = arena_printf(a, "cannot leave out the extended attribute %s it does not have: %s", name,
			                    strerror(errno));
			return false;
		}
	}
	for (const char *name = names; name < names + n_from; name += strlen(name) + 1) {
		ssize_t size = getxattr(from, name, NULL, 0);
		char *value = size >= 0 ? arena_alloc(a, (size_t)size + 1) : NULL;
		if (size < 0 || (size && getxattr(from, name, value, (size_t)size) != size) ||
		    fsetxattr(to, name, value, (size_t)size, 0) != 0) {
			*why = arena_printf(a, "cannot keep its extended attribute %s: %s", name, strerror(errno));
			return false;
		}
	}
	return true;
}

/* Give the temporary file the original's owner, group, mode and extended
** attributes, and check it has them (a kernel may drop set-group-ID
** silently).  The owner first: a change of owner clears set-user-ID. */
static bool keep_attributes(struct arena *a, const struct safe_file *f, int fd, const char **why)
{
	const struct stat *st = &f->st;
	if (fchown(fd, st->st_uid, st->st_gid) != 0) {
		*why = arena_printf(a, "cannot keep its owner and group (user %ju, group %ju): %s", (uintmax_t)st->st_uid,
		                    (uintmax_t)st->st_gid, strerror(errno));
		return false;
	}
	if (!copy_xattrs(a, f->path, fd, why))
		return false;
	struct stat now;
	if (fchmod(fd, st->st_mode & 07777) != 0 || fstat(fd, &now) != 0) {
		*why = arena_printf(a, "cannot keep its mode %04o: %s", (unsigned)(st->st_mode & 07777), strerror(errno));
		return false;
	}
	if (now.st_uid != st->st_uid || now.st_gid != st->st_gid || (now.st_mode & 07777) != (st->st_mode & 07777)) {
		*why = arena_printf(a, "cannot keep its owner, group and mode (user %ju, group %ju, mode %04o): "
		                       "the copy has user %ju, group %ju, mode %04o",
		                    (uintmax_t)st->st_uid, (uintmax_t)st->st_gid, (unsigned)(st->st_mode & 07777),
		                    (uintmax_t)now.st_uid, (uintmax_t)now.st_gid, (unsigned)(now.st_mode & 07777));
		return false;
	}
	return true;
}

/* ---- replacing ----------------------------------------------------------- */

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

/* The rename is on disk too: once the directory is flushed, a crash leaves
** the new text.  A failure here changes nothing already done (the file is
** whole, old or new, either way), so it is not an error. */
static void flush_directory(const char *path)
{
	const char *slash = strrchr(path, '/');
	char dir[PATH_MAX];
	size_t n = slash == path ? 1 : slash ? (size_t)(slash - path) : 0;
	if (!n || n >= sizeof dir)
		return;
	memcpy(dir, path, n);
	dir[n] = '\0';
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

int safe_write_replace(struct arena *a, const struct safe_file *f, const char *data, size_t len,
                       unsigned flags, const char **why)
{
	if (!(flags & SAFE_WRITE_FORCE) && refuse_unforced(a, f, why))
		return -1;
	struct signal_guard g;
	sigemptyset(&g.fatal);
	for (size_t i = 0; i < N_FATAL_SIGNALS; i++)
		sigaddset(&g.fatal, fatal_signals[i]);
	int fd = create_temp(&g, f->path, why);
	if (fd < 0)
		return -1;
	bool ok = true;
	if (!write_all(fd, data, len)) {
		ok = false;
		*why = strerror(errno);
	}
	ok = ok && keep_attributes(a, f, fd, why);
	if (ok && fsync(fd) != 0) {
		ok = false;
		*why = strerror(errno);
	}
	if (close(fd) != 0 && ok) {
		ok = false;
		*why = strerror(errno);
	}
	if (ok && (flags & SAFE_WRITE_TEST_STOP))
		raise(SIGSTOP);
	/* Another program may have written the file since it was read: its
	** change would be lost without a word. */
	struct stat now;
	if (ok && (stat(f->path, &now) != 0 || !unchanged(&now, &f->st))) {
		ok = false;
		*why = "it changed while it was being formatted; nothing was written";
	}
	if (!finish_temp(&g, f->path, ok, why))
		return -1;
	flush_directory(f->path);
	return 0;
}
