/*
** terms: the resolved, immutable model of one version of a body's terms.
**
** sema builds it from the syntax tree; eval, replay, explain and diff read it
** and never look at the tree again, except through `struct node` pointers kept
** for citing the text as written.  Everything lives in the terms arena.
** Defaults for settings the file leaves open are filled in here and marked
** with `*_stated = false`, so `check` can say which defaults applied.
**
** src/model/ is the layer between the front end and everything that reads
** terms: it may use base/ and front/ast.h (nodes kept for citing), never
** check/, record/, run/ or report code.  terms.c holds the model's lookups.
*/
#ifndef QUORATE_TERMS_H
#define QUORATE_TERMS_H

#include <stdbool.h>
#include <stdint.h>

#include "base/date.h"
#include "base/rational.h"
#include "front/ast.h"
#include "model/value.h"

/* Limits (docs/reference.md#limits). */
#define TERMS_MAX_GROUPS 64      /* roles + tags: a member's groups fit a uint64_t */
#define TERMS_MAX_MEMBERS 100000
#define TERMS_MAX_MASKS 64       /* distinct role/tag sets named in present(...) */

/* A role or tag; members belong to groups by bit. */
struct group {
	const char *id;
	const char *title;       /* roles only */
	bool is_role;
	bool voting;             /* roles only */
	const struct node *decl; /* N_ROLE, or the first member naming the tag */
};

struct member {
	const char *id;
	const char *name;
	uint64_t groups;         /* bit i: groups[i] */
	bool voting;             /* holds at least one voting role */
	bool has_from, has_until;
	qdate from, until;       /* inclusive; valid when has_* */
	const struct node *decl;
	/* `deputy for stocks, vas`: the members this one may stand in for, in
	** the order written (docs/semantics.md#deputies); none: not a deputy */
	const int *principals;   /* member indices */
	unsigned n_principals;
};

/* ---- compiled expressions ------------------------------------------------- */

enum expr_kind {
	EX_CONST,   /* value */
	EX_COUNT,   /* count, mask (index into terms.masks, or -1 for everyone) */
	EX_ATTR,    /* attr: motion.X */
	EX_PARAM,   /* param: index into the calling rule's arguments */
	EX_UNARY,   /* op, a */
	EX_BINARY,  /* op, a, b */
	EX_ROUND,   /* op: enum round_mode; a */
	EX_FUNC,    /* func, args */
	EX_CALL     /* rule, args */
};

struct rule;

struct expr {
	enum expr_kind kind;
	int op;                  /* enum ast_op, enum func_kind, enum round_mode */
	enum value_type type;    /* static type, VT_ANY if only known at run time */
	enum count_kind count;
	int mask;                /* EX_COUNT: -1 everyone, else index into terms.masks */
	int param;
	const char *attr;
	struct value constant;
	const struct rule *rule;
	struct expr *a, *b;
	struct expr **args;
	unsigned n_args;
	bool paren;              /* written in parentheses (shown so with its numbers) */
	const struct node *src;  /* the text as written */
	const struct source *file; /* the file src is in */
};

struct rule {
	const char *name;
	unsigned n_params;
	const char **params;
	struct expr *body;
	const struct node *decl;
	const struct source *src; /* the file it was written in (a stdlib module or the terms) */
	bool uses_votes;          /* names yes/no/abstain/cast/votes/eligible/conflicted */
	int state;                /* sema: 0 not compiled, 1 compiling, 2 done */
};

/* A `require` as written, with where it came from. */
struct requirement {
	struct expr *cond;
	const struct node *decl;   /* N_REQUIRE */
	const struct source *src;
};

enum conflict_vote { CONFLICT_VOTE_VOID, CONFLICT_VOTE_ALLOWED };
enum conflict_quorum { CONFLICT_QUORUM_EXCLUDED, CONFLICT_QUORUM_COUNTED, CONFLICT_QUORUM_DEEMED };

struct dclass {
	const char *id;
	const char *title;
	const char *clause;
	struct expr *when;         /* NULL: always applies */
	struct requirement *requires;
	unsigned n_requires;
	bool has_notice;
	struct duration notice;    /* the motion needs notice this long before */
	bool notice_clear;
	const char *approval_by;   /* `approval by "BODY"`: carried only once BODY approves (NULL: no approval) */
	bool tba;
	const struct node *decl;
};

struct notice_rule {
	bool set;
	bool tba;
	struct duration period;
	bool clear;                /* "clear days": excludes sending day and meeting day */
	const char *clause;
	const struct node *decl;
};

/* Who may chair a meeting (`chaired by`, docs/semantics.md#chair). */
struct chair_rule {
	bool set;
	bool any_member;           /* `chaired by any member`: any voting member */
	uint64_t groups;           /* the roles and tags named */
	const char **members;      /* the members named by id */
	unsigned n_members;
	const char *clause;
	const struct node *decl;
};

/* `meets at least N times a year`, counted per year from the effective date. */
struct meets_least {
	bool set;
	int64_t times;
	const char *clause;
	const struct node *decl;
};

/* A kind of motion the terms distinguish (financial or not, each `kind`
** they name...), and the class it falls into: found by sema's coverage check,
** used by explain and diff. */
#define PROFILE_MAX_ATTRS 10
struct motion_profile {
	struct attr attrs[PROFILE_MAX_ATTRS];
	unsigned n_attrs;
	const struct dclass *cls;   /* NULL: no class applies */
	const char *description;    /* "a financial motion", "a motion of kind \"amendment\"" */
};

/* A row of a model's `maps` table: the local roles and tags that count as
** one of its own roles or tags when `quorate conform` reads it against a
** local roster (docs/conform.md#roles). */
struct group_map {
	int group;                 /* index into terms.groups */
	const char **names;        /* local role or tag ids, as written */
	unsigned n_names;
	const struct node *decl;   /* N_MAP */
};

struct terms {
	const char *name;
	const char *version;       /* NULL if unstated */
	qdate effective;
	bool has_effective;
	const struct source *src;
	const struct node *decl;

	struct group *groups;
	unsigned n_groups;
	struct member *members;
	unsigned n_members;
	/* member ids by hash (open addressing): slot -> index + 1, 0 empty;
	** NULL for a model built by hand, which is searched in order */
	uint32_t *member_slots;
	uint32_t n_member_slots;  /* a power of two, at least twice the members */
	uint64_t masks[TERMS_MAX_MASKS]; /* role/tag sets used by present(...)/members(...)/attendees(...) */
	unsigned n_masks;
	bool uses_attendees;       /* some rule counts attendees without a vote */
	bool has_deputies;         /* some member is a deputy */

	bool has_size, size_tba;
	int64_t size_min, size_max;

	/* quorum */
	struct requirement *quorum;
	unsigned n_quorum;
	const char *quorum_clause;
	const char *quorum_title;
	bool quorum_stated, quorum_tba;

	/* A setting written `to be agreed` keeps its default here and is marked
	** *_tba: decide tries every way it may be agreed (decide.h). */
	bool consensus_allowed, consensus_stated, consensus_tba;
	const char *consensus_clause;
	bool casting_chair, casting_stated, casting_tba;
	const char *casting_clause;

	enum conflict_vote conflict_vote;
	enum conflict_quorum conflict_quorum;
	bool conflict_leaves;
	bool interests_stated;     /* each setting's own flag below */
	bool interests_tba;        /* the block says `to be agreed`: the settings it does not state are open */
	bool conflict_vote_stated, conflict_quorum_stated, conflict_leaves_stated;
	const char *interests_clause;

	struct dclass *classes;
	unsigned n_classes;

	bool virtual_allowed, virtual_tba;
	bool ratify_next_meeting;  /* else within ratify_within */
	struct duration ratify_within;
	const char *virtual_clause;

	struct notice_rule papers;   /* before the meeting */
	struct notice_rule minutes;  /* after the meeting */
	struct notice_rule amendments; /* to the minutes: after they are circulated */
	struct notice_rule meets;    /* `meets every`: period */
	struct notice_rule review;   /* `review every`: period */
	struct meets_least meets_least; /* `meets at least N times a year` */
	struct chair_rule chair;     /* `chaired by` */
	bool minutes_votes;          /* `minutes record votes`: a result declared without counts is a breach */
	const char *minutes_votes_clause;

	struct rule *rules;
	unsigned n_rules;

	struct group_map *maps;      /* `maps`: read by conform only */
	unsigned n_maps;
	const char *maps_clause;

	const struct node **examples; /* N_EXAMPLE nodes in file order */

	struct motion_profile *profiles;
	unsigned n_profiles;
	unsigned n_examples;
};

/* Is member m on the roster on day d (from/until inclusive)? */
bool terms_member_active(const struct member *m, qdate d);
/* Index of a member by id, or -1. */
int terms_find_member(const struct terms *t, const char *id);
/* Make room to index up to `capacity` members by hash (in arena a). */
void terms_index_init(struct terms *t, struct arena *a, size_t capacity);
/* Index members[i] by its id (after adding it). */
void terms_index_member(struct terms *t, unsigned i);
int terms_find_group(const struct terms *t, const char *id);
const struct dclass *terms_find_class(const struct terms *t, const char *id);

/* What the interests settings make of a member who declared an interest
** (docs/semantics.md#interests): do they count towards the quorum for the
** item, is their vote void?  One who must leave does neither. */
bool terms_conflicted_counted(const struct terms *t);
/* May member m chair under `chaired by` (set)?  `voting` says whether m is
** on the roster on the day and votes (`chaired by any member`). */
bool terms_may_chair(const struct terms *t, const struct member *m, bool voting);
bool terms_conflicted_void(const struct terms *t);

#endif
