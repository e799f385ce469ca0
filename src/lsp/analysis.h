/*
** analysis: what the language server knows about one open document.
**
** Each version of a document is analysed whole, as the commands would: a
** terms file as `quorate check` checks it, a meeting record as `quorate
** eval` judges it against the terms it names (found as replay finds them:
** terms files beside the record, in the folder above, or in a QUORATE_PATH
** directory; an open editor's unsaved text wins over the file on disk).
** Besides the diagnostics and results, it keeps an index of every name
** written in the document (roles, tags, members, rules, parameters,
** classes, modules, the body a record names) with the declaration each one
** resolves to, for hover, definition, references, rename and highlighting.
** Everything lives in the analysis arena, dropped when the text changes.
*/
#ifndef QUORATE_LSP_ANALYSIS_H
#define QUORATE_LSP_ANALYSIS_H

#include <stdbool.h>

#include "check/load.h"
#include "model/terms.h"
#include "front/ast.h"
#include "front/diag.h"
#include "run/eval.h"

enum name_kind {
	NAME_ROLE, NAME_TAG, NAME_MEMBER, NAME_RULE, NAME_PARAM, NAME_CLASS, NAME_MODULE, NAME_BODY,
	NAME__COUNT
};

/* A name as written in the document, and what it stands for. */
struct name_site {
	enum name_kind kind;
	const char *name;
	struct span span;            /* in the document */
	bool is_decl;                /* this occurrence declares it */
	const struct source *def_src; /* the declaration's file; NULL: unresolved */
	struct span def_span;        /* the declared name (a module: the start of its file) */
	const struct node *def;      /* N_ROLE, N_MEMBER, N_RULE, N_CLASS, N_TERMS; first naming member for a tag */
};

/* The judgement of one meeting of a record. */
struct judged_meeting {
	const struct node *node;     /* N_MEETING */
	const struct meeting *meeting;
	const struct meeting_result *result; /* NULL: no terms to judge it by */
	const char *terms_file;      /* where its terms came from */
};

/* A problem to show in the editor: a diagnostic of the front end, a
** finding of eval, or one the server found (no terms for a record).
** Severities are the protocol's: 1 error, 2 warning, 3 information. */
struct an_related {
	struct loc loc;
	const char *msg;
};

struct an_diag {
	struct loc loc;              /* loc.src is the document, or NULL: its start */
	int severity;
	const char *code;
	const char *msg;
	VEC(struct an_related) related;
	const struct diag_fixit *fixit; /* a fix in this document (a quick fix), or NULL */
};

/* Text of an open document, so a record is judged by unsaved terms. */
typedef const char *(*open_text_fn)(void *ctx, const char *path, size_t *len);

struct analysis_env {
	const char *const *module_dirs;  /* for `use`: -I, QUORATE_PATH, the stdlib */
	unsigned n_module_dirs;
	const char *const *terms_dirs;   /* QUORATE_PATH, for a record's terms */
	unsigned n_terms_dirs;
	open_text_fn open_text;
	void *open_ctx;
};

#define ANALYSIS_MAX_TERMS_FILES 256  /* .tor files read in one folder for a record */

struct analysis {
	struct arena *arena;
	struct source src;           /* the document's text */
	const char *path;            /* its file, or NULL (an unsaved buffer) */
	struct ast_file file;
	unsigned parse_errors;
	struct diag_sink diag;       /* the front end's and sema's */
	VEC(struct an_diag) problems; /* what the editor shows for this document */
	struct loader loader;

	/* a terms file: its first terms block, checked (NULL on errors) */
	const struct node *terms_node;
	const struct terms *terms;

	/* a record: each meeting judged, and the terms' syntax tree */
	VEC(struct judged_meeting) meetings;
	const struct source *record_terms_src; /* the file a record's members are declared in */
	const struct node *record_terms_node;

	VEC(struct name_site) names; /* by span.start */
};

void analysis_run(struct analysis *an, struct arena *a, const struct analysis_env *env,
                  const char *uri_name, const char *path, const char *text, size_t len);

/* The name written at offset (its span holds offset, or ends there). */
const struct name_site *analysis_name_at(const struct analysis *an, uint32_t offset);
/* The terms the names of this document are checked against (its own, or a record's). */
const struct terms *analysis_terms(const struct analysis *an);
/* The innermost item (term item, meeting, motion) whose span holds offset. */
const struct node *analysis_item_at(const struct analysis *an, uint32_t offset, enum node_kind kind);

const char *name_kind_word(enum name_kind k);

#endif
