/*
** load: module search and parsing.  See load.h.
*/
#include "check/load.h"

#include <string.h>
#include <sys/stat.h>

#include "front/parse.h"

void loader_init(struct loader *ld, struct arena *a, struct diag_sink *diag,
                 const char *const *dirs, unsigned n_dirs)
{
	memset(ld, 0, sizeof *ld);
	ld->arena = a;
	ld->diag = diag;
	ld->dirs = dirs;
	ld->n_dirs = n_dirs;
}

static bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* "std.majorities" in dir -> "dir/std/majorities.tor" */
static char *module_path(struct arena *a, const char *dir, const char *name)
{
	char *rel = arena_strdup(a, name);
	for (char *p = rel; *p; p++)
		if (*p == '.')
			*p = '/';
	return arena_printf(a, "%s/%s.tor", dir, rel);
}

struct module *loader_use(struct loader *ld, const char *name, struct loc site)
{
	for (size_t i = 0; i < ld->modules.n; i++)
		if (strcmp(ld->modules.items[i]->name, name) == 0)
			return ld->modules.items[i]->state == -1 ? NULL : ld->modules.items[i];

	struct module *m = arena_alloc(ld->arena, sizeof *m);
	m->name = arena_strdup(ld->arena, name);
	m->state = -1;
	VEC_PUSH(ld->arena, ld->modules, m);
	for (unsigned i = 0; i < ld->n_dirs && !m->path; i++) {
		char *path = module_path(ld->arena, ld->dirs[i], name);
		if (is_file(path))
			m->path = path;
	}
	if (!m->path) {
		struct diag *d = diag_report(ld->diag, D_IMPORT, site, "no module named '%s' on the search path", name);
		for (unsigned i = 0; i < ld->n_dirs; i++)
			diag_note(ld->diag, d, (struct loc){ NULL, 0, 0 }, "looked in %s",
			          module_path(ld->arena, ld->dirs[i], name));
		if (ld->n_dirs == 0)
			diag_note(ld->diag, d, (struct loc){ NULL, 0, 0 }, "the search path is empty (use -I DIR or QUORATE_PATH)");
		return NULL;
	}
	const char *why = NULL;
	if (source_load(&m->src, ld->arena, m->path, &why) != 0) {
		diag_report(ld->diag, D_INPUT, site, "cannot read module '%s' (%s): %s", name, m->path, why);
		return NULL;
	}
	if (parse_file(ld->arena, ld->diag, &m->src, &m->file) != 0)
		return NULL;
	m->state = 1;
	return m;
}
