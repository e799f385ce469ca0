/*
** deny_uring: run a command with io_uring refused, as a container's seccomp
** profile or a kernel built without it would (tests/no_uring.sh).
**
**   deny_uring setup COMMAND ARGS...   io_uring_setup fails with ENOSYS
**   deny_uring enter COMMAND ARGS...   a ring is set up, but every
**                                      io_uring_enter fails with EPERM
**
** quorate reads a directory's record files ahead through io_uring where it
** can (src/front/source.c, source_ahead); these two cover its fallbacks:
** no ring at all, and a ring that fails part-way through a batch.  Exits
** 77 (skipped) where seccomp filters cannot be installed.
*/
#define _GNU_SOURCE
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__linux__) && __has_include(<linux/seccomp.h>) && defined(__NR_io_uring_setup) && defined(__NR_io_uring_enter)
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#if defined(__x86_64__)
#define THIS_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define THIS_ARCH AUDIT_ARCH_AARCH64
#endif
#endif

#ifdef THIS_ARCH
/* Fail syscall nr with errno err; allow everything else.  A call made in
** another ABI than this program's is allowed: quorate is built for this one. */
static int refuse(long nr, int err)
{
	struct sock_filter code[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, THIS_ARCH, 0, 3),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)nr, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ((unsigned)err & SECCOMP_RET_DATA)),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { (unsigned short)(sizeof code / sizeof code[0]), code };
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
		return -1;
	return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0);
}
#endif

int main(int argc, char **argv)
{
	if (argc < 3 || (strcmp(argv[1], "setup") != 0 && strcmp(argv[1], "enter") != 0)) {
		fprintf(stderr, "usage: deny_uring setup|enter COMMAND [ARGS...]\n");
		return 2;
	}
#ifdef THIS_ARCH
	int failed = strcmp(argv[1], "setup") == 0 ? refuse(__NR_io_uring_setup, ENOSYS)
	                                           : refuse(__NR_io_uring_enter, EPERM);
	if (failed) {
		fprintf(stderr, "deny_uring: cannot install a seccomp filter: %s\n", strerror(errno));
		return 77;
	}
	execvp(argv[2], argv + 2);
	fprintf(stderr, "deny_uring: %s: %s\n", argv[2], strerror(errno));
	return 127;
#else
	fprintf(stderr, "deny_uring: no seccomp filter for this system\n");
	return 77;
#endif
}
