/*
** load: module search and parsing.  See load.h.
*/
#include "check/load.h"

#include <dirent.h>
#include <string.h>
#include <sys/stat.h>

#include "base/spell.h"
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

/* The modules beside where `name` was looked for in dir ("std.majoritys":
** the .tor files of dir/std), offered as names to the speller. */
static void offer_modules(struct loader *ld, struct spell *sp, const char *dir, const char *name)
{
	const char *dot = strrchr(name, '.');
	size_t prefix = dot ? (size_t)(dot - name) + 1 : 0; /* "std." */
	char *sub = module_path(ld->arena, dir, prefix ? arena_printf(ld->arena, "%.*s", (int)prefix - 1, name) : ".");
	sub[strlen(sub) - 4] = '\0'; /* "dir/std" without ".tor" */
	DIR *d = opendir(sub);
	if (!d)
		return;
	for (struct dirent *e; (e = readdir(d)) != NULL;) {
		size_t len = strlen(e->d_name);
		if (len > 4 && strcmp(e->d_name + len - 4, ".tor") == 0)
			spell_offer(sp, arena_printf(ld->arena, "%.*s%.*s", (int)prefix, name, (int)(len - 4), e->d_name));
	}
	closedir(d);
}

/* "did you mean 'std.majorities'?", with the name replaced as the fix-it
** where the use's text ends with it. */
static void suggest_module(struct loader *ld, struct diag *d, const char *name, struct loc site)
{
	struct spell sp;
	spell_init(&sp, name);
	for (unsigned i = 0; i < ld->n_dirs; i++)
		offer_modules(ld, &sp, ld->dirs[i], name);
	if (!sp.best)
		return;
	diag_note(ld->diag, d, (struct loc){ NULL, 0, 0 }, "did you mean '%s'?", sp.best);
	size_t len = strlen(name);
	if (site.src && site.end - site.start >= len && memcmp(site.src->text + site.end - len, name, len) == 0)
		diag_fixit(ld->diag, d, (struct loc){ site.src, site.end - (uint32_t)len, site.end }, sp.best);
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
		suggest_module(ld, d, name, site);
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
