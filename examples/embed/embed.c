/*
** embed: a minimal program that uses libquorate through its public header.
**
** Build it against an installed quorate:
**     cc embed.c $(pkg-config --cflags --libs quorate) -o embed
** Run it:
**     ./embed TERMS.tor MEETING.minutes
** (QUORATE_PATH, if set, names more module directories, searched first.)
** It prints each motion's outcome and the findings, and exits 1 if anything
** is breached (as `quorate eval` does).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <quorate.h>

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	size_t got;
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			char *bigger = realloc(buf, cap *= 2);
			if (!bigger) {
				free(buf);
				buf = NULL;
			}
			buf = bigger;
		}
	}
	fclose(f);
	*len = n;
	return buf;
}

static void print_diagnostics(const qr_session *s)
{
	for (size_t i = 0; i < qr_diag_count(s); i++) {
		struct qr_diag d;
		if (qr_diag_get(s, i, &d) == 0)
			fprintf(stderr, "%s:%u:%u: %s: %s [%s]\n", d.file ? d.file : "-", d.line, d.column, d.severity,
			        d.message, d.code);
	}
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: embed TERMS.tor MEETING\n");
		return 2;
	}
	size_t terms_len = 0, record_len = 0;
	char *terms_text = slurp(argv[1], &terms_len), *record_text = slurp(argv[2], &record_len);
	qr_session *s = qr_session_new();
	int status = 2;
	if (!terms_text || !record_text || !s) {
		fprintf(stderr, "embed: cannot read the inputs\n");
		goto done;
	}
	/* Modules (`use std.majorities`) are found in the installed stdlib; a
	** program may add its own directories first, here from QUORATE_PATH. */
	const char *path = getenv("QUORATE_PATH");
	if (path && *path) {
		char *dirs = strdup(path);
		for (char *save = NULL, *d = dirs ? strtok_r(dirs, ":", &save) : NULL; d; d = strtok_r(NULL, ":", &save))
			qr_session_add_search_dir(s, d);
		free(dirs);
	}
	const qr_terms *t = qr_load_terms(s, argv[1], terms_text, terms_len);
	const qr_result *r = t ? qr_eval(s, t, argv[2], record_text, record_len) : NULL;
	if (!r) {
		print_diagnostics(s);
		goto done;
	}
	for (size_t i = 0; i < qr_result_motion_count(r); i++) {
		struct qr_motion m;
		qr_result_motion(r, i, &m);
		printf("motion %s: %s (%lld for, %lld against, %lld abstaining)%s%s\n", m.number, m.outcome, m.yes, m.no,
		       m.abstain, m.recorded ? "; minutes: " : "", m.recorded ? m.recorded : "");
		for (size_t k = 0; k < qr_result_finding_count(r, i); k++) {
			struct qr_finding f;
			qr_result_finding(r, i, k, &f);
			printf("  %s %s: %s (%s:%u)\n", f.severity, f.code, f.message, f.file, f.line);
		}
	}
	status = qr_result_failed(r) ? 1 : 0;
done:
	qr_session_free(s);
	free(terms_text);
	free(record_text);
	return status;
}
