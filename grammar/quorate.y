/*
** quorate.y: the grammar of terms files (.tor) and meeting records (.minutes).
**
** A pure push parser with byte-offset locations.  The facade in
** src/front/parse.c feeds it tokens and takes each top-level item (a `terms`
** block, a `meeting`, a module's `rule` or `use`) as soon as it is reduced,
** so a long history never needs to be in memory at once.  Actions only build
** nodes; every check of meaning is made later by sema.
**
** Recovery is explicit, as in PostgreSQL's psql lexer or Lua's parser: after
** a syntax error the facade skips to the next statement boundary (a line
** that begins with a word that begins an item, or the '}' of the block) and
** gives the parser SYNC there.  `error SYNC` is an item of every block and of
** the file, so the parser takes nothing else while recovering, and yyerrok
** makes the very next mistake reported: one mistake, one error.
*/
%require "3.8"
%define api.pure full
%define api.push-pull push
%define api.token.prefix {TOK_}
%define api.value.type union
%define api.location.type {struct span}
%define parse.error custom
%define parse.lac full
%locations
%parse-param {struct parse_state *st}
%expect 0

%code requires {
#include "front/parse_state.h"
}

%code {
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "base/spell.h"

static void yyerror(const YYLTYPE *loc, struct parse_state *st, const char *msg);

/* A rule's span runs from its first symbol to its last; an empty rule sits
** at the end of what came before it. */
#define YYLLOC_DEFAULT(Cur, Rhs, N)                                     \
	do {                                                            \
		if (N) {                                                \
			(Cur).start = YYRHSLOC(Rhs, 1).start;           \
			(Cur).end = YYRHSLOC(Rhs, N).end;               \
		} else {                                                \
			(Cur).start = (Cur).end = YYRHSLOC(Rhs, 0).end; \
		}                                                       \
	} while (0)

/* The whole stack is allocated up front: no heap stack to leak if an
** allocation fails mid-parse.  Brace and parenthesis nesting is capped by the
** scanner well below this; a longer chain reports "nesting too deep". */
#define YYMAXDEPTH PARSE_STACK_DEPTH
#define YYINITDEPTH PARSE_STACK_DEPTH

static struct node *mk(struct parse_state *st, enum node_kind kind, struct span sp)
{
	return ast_new(st->arena, kind, sp);
}

static struct node *mk2(struct parse_state *st, enum node_kind kind, struct span sp,
                        struct node *a, struct node *b)
{
	struct node *n = ast_new(st->arena, kind, sp);
	n->a = a;
	n->b = b;
	return n;
}

static struct node *mk_op(struct parse_state *st, enum node_kind kind, struct span sp,
                          int op, struct node *a, struct node *b)
{
	struct node *n = mk2(st, kind, sp, a, b);
	n->op = op;
	return n;
}

static const char *clause_text(struct node *clause)
{
	return clause ? clause->text : NULL;
}

static struct node *mk_duration(struct parse_state *st, struct span sp, struct node *num,
                                bool clear, enum dur_unit unit)
{
	struct node *n = mk(st, N_DURATION, sp);
	/* Durations are whole; a fraction or a huge number is kept as -1 and
	** reported by sema with its location. */
	n->v.dur.n = rat_is_int(num->v.num) && num->v.num.num >= 0 && num->v.num.num <= 100000
	           ? (int32_t)num->v.num.num : -1;
	n->v.dur.unit = unit;
	n->op = clear;
	n->text = num->text;
	return n;
}

/* A keyword used as a name: an identifier spelt as written. */
static struct node *kw_ident(struct parse_state *st, struct span sp)
{
	struct node *n = ast_new(st->arena, N_IDENT, sp);
	n->text = arena_strndup(st->arena, st->src->text + sp.start, sp.end - sp.start);
	return n;
}

/* A comparison written in words (`no less than`): the words are kept, with
** where they were written, so fmt prints them back. */
static struct node *mk_words(struct parse_state *st, struct span sp, const char *words, int op, struct node *a,
                             struct node *b, struct span first, struct span last)
{
	struct node *n = mk_op(st, N_BINARY, sp, op, a, b);
	n->text_span = (struct span){ first.start, last.end };
	n->text = words;
	return n;
}

/* "std" "majorities" -> "std.majorities" */
static const char *join_dotted(struct parse_state *st, const struct node *parts)
{
	size_t len = 0;
	for (const struct node *p = parts; p; p = p->next)
		len += strlen(p->text) + 1;
	char *path = arena_alloc(st->arena, len + 1), *w = path;
	for (const struct node *p = parts; p; p = p->next) {
		if (w != path)
			*w++ = '.';
		size_t k = strlen(p->text);
		memcpy(w, p->text, k);
		w += k;
	}
	*w = '\0';
	return path;
}

static enum round_mode round_mode(const char *word)
{
	if (strcmp(word, "up") == 0)
		return ROUND_UP;
	if (strcmp(word, "down") == 0)
		return ROUND_DOWN;
	return ROUND_INVALID; /* "nearest" is written `rounded to nearest` */
}
}

%token END 0 "end of file"
%token <struct node *> IDENT "name" STRING "string" NUMBER "number" DATE "date" CLAUSE "clause label"
%token GE ">=" LE "<=" EQ "==" NE "!="
%token ABSTAIN "abstain" AFTER "after" AGAINST "against" AGREED "agreed" AND "and"
%token APOLOGIES "apologies" APPROVAL "approval" APPROVED "approved" ARRIVES "arrives" AT "at" ATTENDEES "attendees" ATTENDING "attending" BE "be"
%token BEFORE "before" BY "by" CARRIED "carried" CAST "cast" CASTING "casting" CEIL "ceil" CHAIR "chair" CHAIRED "chaired"
%token CLASS "class" CLEAR "clear" CONFLICTED "conflicted" CONSENSUS "consensus" DAY "day"
%token DAYS "days" DECLARED "declared" DEPUTY "deputy" EFFECTIVE "effective" ELIGIBLE "eligible" EVERY "every"
%token EXAMPLE "example" EXPECT "expect" FALSE "false" FEWER "fewer" FLOOR "floor" FOR "for"
%token MAPS "maps" FROM "from" HALF "half" INTEREST "interest" INTERESTS "interests" LEAST "least"
%token LEAVES "leaves" LESS "less" MAX "max" MEETING "meeting" MEETS "meets" MEMBER "member"
%token MEMBERS "members" MIN "min" MINUTES "minutes" MONTH "month" MONTHS "months" MORE "more"
%token MOST "most" MOTION "motion" NEXT "next" NO "no" NONE "none" NOT "not" NOTICE "notice"
%token OBJECTION "objection" OF "of" ON "on" OR "or" PAPERS "papers" PRESENT "present"
%token PROVISIONAL "provisional" QUORUM "quorum" RATIFIES "ratifies" RATIFY "ratify"
%token RECORD "record" RECORDED "recorded" REFUSED "refused" REQUIRE "require" REVIEW "review" ROLE "role" ROUNDED "rounded"
%token RULE "rule" SIZE "size" TALLY "tally" TERMS "terms" THAN "than" TO "to" TRUE "true"
%token UNDETERMINED "undetermined" UNTIL "until" USE "use" VERSION "version" VIRTUAL "virtual"
%token VOID "void" VOTE "vote" VOTES "votes" VOTING "voting" WEEK "week" WEEKS "weeks"
%token WHEN "when" WITHIN "within" YEAR "year" YEARS "years" YES "yes"
/* Made by the lookahead filter in src/front/parse.c, never by the scanner:
** `no` and `not` that begin an English comparison (`no less than`), as
** PostgreSQL's NOT_LA; and the end of the text skipped after an error. */
%token NO_LA "'no' (of 'no less than')" NOT_LA "'not' (of 'not less than')"
/* `any` followed by `member` after `chaired by` (any other `any` is a name) */
%token ANY_LA "'any' (of 'any member')"
%token SYNC "the start of the next statement"
/* A name at the start of a line that the filter knows cannot be what the
** grammar would take it for (a member's tag followed by a string: a
** misspelt `member` or `role`), so the parser stops there. */
%token <struct node *> BADWORD "word"

/* `tally for 3 against 2` may be followed by `abstain 0` (part of the tally)
** or by a new `abstain NAME` line; the tally takes it. */
%precedence TALLY_END
%precedence ABSTAIN

%left OR
%left AND
%precedence NOT
%nonassoc '<' '>' LE GE EQ NE AT NO_LA NOT_LA MORE LESS FEWER
%precedence ROUNDED
%left '+' '-'
%right OF
%left '*' '/'
%precedence UMINUS

%type <struct node *> item terms meeting rule_def use_def term_item block_item record_item motion_item map_item
%type <struct node *> expr primary duration duration_or_tba clause_opt string_opt date_opt
%type <struct node *> setting_value word attribute literal tally_abstain_opt member_from member_until
%type <struct node *> motion_number_opt name rule_name deputy_opt
%type <struct node_list> term_items block_items record_items motion_items ident_list map_items
%type <struct node_list> ident_seq attributes args params dotted
%type <int> count outcome role_kind setting_key unit notice_dir

%%

/* Each item is handed to the facade as soon as it is reduced (st->item). */
file
	: %empty
	| file item      { st->item = $2; }
	| file error SYNC { yyerrok; }
	;

/* A module of the standard library is a file of rules (and uses). */
item
	: terms
	| meeting
	| rule_def
	| use_def
	;

/* ---- terms files ---------------------------------------------------------- */

terms
	: TERMS STRING '{' term_items '}'
		{ $$ = mk(st, N_TERMS, @$); $$->text = $2->text; $$->text_span = $2->span; $$->a = $4.first; }
	;

term_items
	: %empty                 { $$.first = $$.last = NULL; }
	| term_items term_item   { $$ = $1; ast_list_append(&$$, $2); }
	;

term_item
	: VERSION STRING                   { $$ = mk2(st, N_VERSION, @$, $2, NULL); }
	| EFFECTIVE DATE                   { $$ = mk2(st, N_EFFECTIVE, @$, $2, NULL); }
	| REVIEW clause_opt EVERY duration_or_tba
		{ $$ = mk2(st, N_REVIEW, @$, $4, NULL); $$->clause = clause_text($2); }
	| MEETS clause_opt EVERY duration_or_tba
		{ $$ = mk2(st, N_MEETS, @$, $4, NULL); $$->clause = clause_text($2); }
	| MEETS clause_opt AT LEAST NUMBER IDENT IDENT YEAR
		{ $$ = mk2(st, N_MEETS_LEAST, @$, $5, $6); $$->c = $7; $$->clause = clause_text($2); }
	| CHAIRED clause_opt BY ident_list
		{ $$ = mk2(st, N_CHAIRED, @$, $4.first, NULL); $$->clause = clause_text($2); }
	| CHAIRED clause_opt BY ANY_LA MEMBER
		{ $$ = mk(st, N_CHAIRED, @$); $$->op = 1; $$->clause = clause_text($2); }
	| MINUTES clause_opt RECORD VOTES
		{ $$ = mk(st, N_MINUTES_VOTES, @$); $$->clause = clause_text($2); }
	| use_def
	| ROLE name STRING role_kind
		{ $$ = mk2(st, N_ROLE, @$, $3, NULL); $$->text = $2->text; $$->text_span = $2->span; $$->op = $4; }
	| MEMBER name STRING ident_seq deputy_opt member_from member_until
		{ if ($5) ast_list_append(&$4, $5);
		  $$ = mk2(st, N_MEMBER, @$, $3, $4.first); $$->text = $2->text; $$->text_span = $2->span;
		  $$->c = $6; $$->d = $7; }
	| SIZE NUMBER TO NUMBER            { $$ = mk2(st, N_SIZE, @$, $2, $4); }
	| SIZE TO BE AGREED                { $$ = mk(st, N_SIZE, @$); }
	| QUORUM clause_opt string_opt '{' block_items '}'
		{ $$ = mk2(st, N_QUORUM, @$, $3, $5.first); $$->clause = clause_text($2); }
	| CONSENSUS clause_opt word
		{ $$ = mk2(st, N_CONSENSUS, @$, $3, NULL); $$->clause = clause_text($2); }
	/* the sample's "consensus where possible" (sema says which pairs mean `first`) */
	| CONSENSUS clause_opt word word
		{ $$ = mk2(st, N_CONSENSUS, @$, $3, $4); $$->clause = clause_text($2); }
	| CONSENSUS clause_opt WHEN word
		{ struct node *w = mk(st, N_WORD, @3); w->text = "when";
		  $$ = mk2(st, N_CONSENSUS, @$, w, $4); $$->clause = clause_text($2); }
	| CONSENSUS clause_opt TO BE AGREED
		{ $$ = mk(st, N_CONSENSUS, @$); $$->clause = clause_text($2); }
	| CASTING VOTE clause_opt CHAIR    { $$ = mk(st, N_CASTING, @$); $$->op = 1; $$->clause = clause_text($3); }
	| CASTING VOTE clause_opt NONE     { $$ = mk(st, N_CASTING, @$); $$->op = 0; $$->clause = clause_text($3); }
	| CASTING VOTE clause_opt TO BE AGREED
		{ $$ = mk(st, N_CASTING, @$); $$->op = 2; $$->clause = clause_text($3); }
	| INTERESTS clause_opt '{' block_items '}'
		{ $$ = mk2(st, N_INTERESTS, @$, NULL, $4.first); $$->clause = clause_text($2); }
	| CLASS name clause_opt string_opt '{' block_items '}'
		{ $$ = mk2(st, N_CLASS, @$, $4, $6.first); $$->text = $2->text; $$->text_span = $2->span;
		  $$->clause = clause_text($3); }
	| VIRTUAL clause_opt '{' block_items '}'
		{ $$ = mk2(st, N_VIRTUAL, @$, NULL, $4.first); $$->clause = clause_text($2); }
	| MAPS clause_opt '{' map_items '}'
		{ $$ = mk2(st, N_MAPS, @$, NULL, $4.first); $$->clause = clause_text($2); }
	| NOTICE clause_opt PAPERS duration_or_tba notice_dir
		{ $$ = mk2(st, N_NOTICE, @$, $4, NULL); $$->clause = clause_text($2); $$->text = "papers"; $$->op = $5; }
	| NOTICE clause_opt MINUTES WITHIN duration_or_tba notice_dir
		{ $$ = mk2(st, N_NOTICE, @$, $5, NULL); $$->clause = clause_text($2); $$->text = "minutes"; $$->op = $6; }
	| NOTICE clause_opt IDENT WITHIN duration_or_tba notice_dir
		{ $$ = mk2(st, N_NOTICE, @$, $5, NULL); $$->clause = clause_text($2); $$->text = $3->text;
		  $$->text_span = $3->span; $$->op = $6; }
	| rule_def
	| EXAMPLE STRING date_opt '{' record_items '}'
		{ $$ = mk2(st, N_EXAMPLE, @$, $2, $3); $$->c = $5.first; }
	| error SYNC                       { yyerrok; $$ = NULL; }
	;

use_def
	: USE dotted
		{ $$ = mk2(st, N_USE, @$, $2.first, NULL); $$->text = join_dotted(st, $2.first); }
	;

rule_def
	: RULE rule_name '=' expr
		{ $$ = mk2(st, N_RULE, @$, NULL, $4); $$->text = $2->text; $$->text_span = $2->span; }
	| RULE rule_name '(' params ')' '=' expr
		{ $$ = mk2(st, N_RULE, @$, $4.first, $7); $$->text = $2->text; $$->text_span = $2->span; $$->op = 1; }
	;

dotted
	: name                   { $$.first = $$.last = $1; }
	| dotted '.' name        { $$ = $1; ast_list_append(&$$, $3); }
	;

role_kind
	: VOTING                 { $$ = 1; }
	| ATTENDING              { $$ = 0; }
	;

/* `deputy for stocks, vas`: kept after the roles and tags (N_DEPUTY) */
deputy_opt
	: %empty                 { $$ = NULL; }
	| DEPUTY FOR ident_list  { $$ = mk2(st, N_DEPUTY, @$, $3.first, NULL); }
	;

member_from
	: %empty                 { $$ = NULL; }
	| FROM DATE              { $$ = $2; }
	;

member_until
	: %empty                 { $$ = NULL; }
	| UNTIL DATE             { $$ = $2; }
	;

notice_dir
	: %empty                 { $$ = 0; }
	| BEFORE                 { $$ = 1; }
	| AFTER                  { $$ = 2; }
	;

params
	: rule_name              { $$.first = $$.last = $1; }
	| params ',' rule_name   { $$ = $1; ast_list_append(&$$, $3); }
	;

/* A model's `maps` table: which local roles and tags count as its own
** (`quorate conform`, docs/conform.md#roles). */
map_items
	: %empty                 { $$.first = $$.last = NULL; }
	| map_items map_item     { $$ = $1; ast_list_append(&$$, $2); }
	;

map_item
	: name ':' ident_list
		{ $$ = mk2(st, N_MAP, @$, $3.first, NULL); $$->text = $1->text; $$->text_span = $1->span; }
	| error SYNC             { yyerrok; $$ = NULL; }
	;

/* Items of quorum, interests, class and virtual blocks.  Which may stand in
** which block is checked by sema, so the message can say why. */
block_items
	: %empty                 { $$.first = $$.last = NULL; }
	| block_items block_item { $$ = $1; ast_list_append(&$$, $2); }
	;

block_item
	: REQUIRE expr           { $$ = mk2(st, N_REQUIRE, @$, $2, NULL); }
	| WHEN expr              { $$ = mk2(st, N_WHEN, @$, $2, NULL); }
	| NOTICE duration BEFORE { $$ = mk2(st, N_CLASS_NOTICE, @$, $2, NULL); }
	| CONFLICTED setting_key ':' setting_value
		{ $$ = mk2(st, N_SETTING, @$, $4, NULL);
		  $$->text = $2 == 1 ? "vote" : $2 == 2 ? "quorum" : "leaves"; $$->text_span = @2; }
	| APPROVAL BY STRING     { $$ = mk2(st, N_CLASS_APPROVAL, @$, $3, NULL); }
	| RATIFY AT NEXT MEETING { $$ = mk(st, N_RATIFY, @$); }
	| RATIFY WITHIN duration { $$ = mk2(st, N_RATIFY, @$, $3, NULL); }
	| TO BE AGREED           { $$ = mk(st, N_TBA, @$); }
	/* "a quorum to be agreed locally", as the sample words it: `locally`
	** says nothing more (every such value is agreed locally); kept for fmt */
	| TO BE AGREED IDENT
		{ $$ = mk(st, N_TBA, @$);
		  if (strcmp($4->text, "locally") == 0) {
			$$->text = "locally";
		  } else {
			struct loc at = loc_of(st->src, (struct span){ @4.start, @4.end });
			struct diag *d = diag_report(st->diag, D_SYNTAX, at,
			                             "unexpected name '%s' after `to be agreed` (only `locally` may follow)", $4->text);
			diag_fixit(st->diag, d, at, "locally");
		  } }
	| error SYNC             { yyerrok; $$ = NULL; }
	;

setting_key
	: VOTE                   { $$ = 1; }
	| QUORUM                 { $$ = 2; }
	| LEAVES                 { $$ = 3; }
	;

/* One or two words: `void`, `excluded`, `deemed present`, `no`. */
setting_value
	: word                   { $$ = $1; }
	| word word
		{ $$ = mk(st, N_WORD, @$); $$->text = arena_printf(st->arena, "%s %s", $1->text, $2->text); }
	;

word
	: IDENT                  { $$ = mk(st, N_WORD, @$); $$->text = $1->text; }
	| VOID                   { $$ = mk(st, N_WORD, @$); $$->text = "void"; }
	| PRESENT                { $$ = mk(st, N_WORD, @$); $$->text = "present"; }
	| YES                    { $$ = mk(st, N_WORD, @$); $$->text = "yes"; }
	| NO                     { $$ = mk(st, N_WORD, @$); $$->text = "no"; }
	| NONE                   { $$ = mk(st, N_WORD, @$); $$->text = "none"; }
	;

clause_opt
	: %empty                 { $$ = NULL; }
	| CLAUSE                 { $$ = $1; }
	;

string_opt
	: %empty                 { $$ = NULL; }
	| STRING                 { $$ = $1; }
	;

date_opt
	: %empty                 { $$ = NULL; }
	| ON DATE                { $$ = $2; }
	;

duration_or_tba
	: duration               { $$ = $1; }
	| TO BE AGREED           { $$ = NULL; }
	;

duration
	: NUMBER unit            { $$ = mk_duration(st, @$, $1, false, (enum dur_unit)$2); }
	| NUMBER CLEAR unit      { $$ = mk_duration(st, @$, $1, true, (enum dur_unit)$3); }
	;

unit
	: DAY                    { $$ = DUR_DAYS; }
	| DAYS                   { $$ = DUR_DAYS; }
	| WEEK                   { $$ = DUR_WEEKS; }
	| WEEKS                  { $$ = DUR_WEEKS; }
	| MONTH                  { $$ = DUR_MONTHS; }
	| MONTHS                 { $$ = DUR_MONTHS; }
	| YEAR                   { $$ = DUR_YEARS; }
	| YEARS                  { $$ = DUR_YEARS; }
	;

/* ---- expressions ---------------------------------------------------------- */

expr
	: expr OR expr           { $$ = mk_op(st, N_BINARY, @$, OP_OR, $1, $3); }
	| expr AND expr          { $$ = mk_op(st, N_BINARY, @$, OP_AND, $1, $3); }
	| NOT expr               { $$ = mk_op(st, N_UNARY, @$, OP_NOT, $2, NULL); }
	| expr '<' expr          { $$ = mk_op(st, N_BINARY, @$, OP_LT, $1, $3); }
	| expr '>' expr          { $$ = mk_op(st, N_BINARY, @$, OP_GT, $1, $3); }
	| expr LE expr           { $$ = mk_op(st, N_BINARY, @$, OP_LE, $1, $3); }
	| expr GE expr           { $$ = mk_op(st, N_BINARY, @$, OP_GE, $1, $3); }
	| expr EQ expr           { $$ = mk_op(st, N_BINARY, @$, OP_EQ, $1, $3); }
	| expr NE expr           { $$ = mk_op(st, N_BINARY, @$, OP_NE, $1, $3); }
	/* The sample's words, kept as written for fmt (docs/reference.md#comparisons) */
	| expr AT LEAST expr %prec GE           { $$ = mk_words(st, @$, "at least", OP_GE, $1, $4, @2, @3); }
	| expr NO_LA LESS THAN expr %prec GE    { $$ = mk_words(st, @$, "no less than", OP_GE, $1, $5, @2, @4); }
	| expr NOT_LA LESS THAN expr %prec GE   { $$ = mk_words(st, @$, "not less than", OP_GE, $1, $5, @2, @4); }
	| expr NO_LA FEWER THAN expr %prec GE   { $$ = mk_words(st, @$, "no fewer than", OP_GE, $1, $5, @2, @4); }
	| expr NOT_LA FEWER THAN expr %prec GE  { $$ = mk_words(st, @$, "not fewer than", OP_GE, $1, $5, @2, @4); }
	| expr MORE THAN expr %prec GE          { $$ = mk_words(st, @$, "more than", OP_GT, $1, $4, @2, @3); }
	| expr AT MOST expr %prec GE            { $$ = mk_words(st, @$, "at most", OP_LE, $1, $4, @2, @3); }
	| expr NO_LA MORE THAN expr %prec GE    { $$ = mk_words(st, @$, "no more than", OP_LE, $1, $5, @2, @4); }
	| expr NOT_LA MORE THAN expr %prec GE   { $$ = mk_words(st, @$, "not more than", OP_LE, $1, $5, @2, @4); }
	| expr LESS THAN expr %prec GE          { $$ = mk_words(st, @$, "less than", OP_LT, $1, $4, @2, @3); }
	| expr FEWER THAN expr %prec GE         { $$ = mk_words(st, @$, "fewer than", OP_LT, $1, $4, @2, @3); }
	| expr ROUNDED IDENT
		{ $$ = mk_op(st, N_ROUND, @$, round_mode($3->text), $1, NULL); $$->text = $3->text; $$->text_span = @3; }
	| expr ROUNDED TO IDENT
		{ $$ = mk_op(st, N_ROUND, @$, strcmp($4->text, "nearest") == 0 ? ROUND_NEAREST : ROUND_INVALID, $1, NULL);
		  $$->text = arena_printf(st->arena, "to %s", $4->text); $$->text_span = @3; }
	| expr '+' expr          { $$ = mk_op(st, N_BINARY, @$, OP_ADD, $1, $3); }
	| expr '-' expr          { $$ = mk_op(st, N_BINARY, @$, OP_SUB, $1, $3); }
	| expr OF expr           { $$ = mk_op(st, N_BINARY, @$, OP_OF, $1, $3); }
	| expr '*' expr          { $$ = mk_op(st, N_BINARY, @$, OP_MUL, $1, $3); }
	| expr '/' expr          { $$ = mk_op(st, N_BINARY, @$, OP_DIV, $1, $3); }
	| '-' expr %prec UMINUS  { $$ = mk_op(st, N_UNARY, @$, OP_NEG, $2, NULL); }
	| primary
	;

primary
	: NUMBER                 { $$ = $1; }
	| HALF                   { $$ = mk(st, N_NUMBER, @$); $$->v.num = (struct rat){ 1, 2 }; $$->text = "half"; }
	| STRING                 { $$ = $1; }
	| DATE                   { $$ = $1; }
	| TRUE                   { $$ = mk(st, N_BOOL, @$); $$->v.boolean = true; }
	| FALSE                  { $$ = mk(st, N_BOOL, @$); $$->v.boolean = false; }
	| count                  { $$ = mk_op(st, N_COUNT, @$, $1, NULL, NULL); }
	| count '(' ident_list ')'
		{ $$ = mk_op(st, N_COUNT, @$, $1, $3.first, NULL); }
	| MOTION '.' name        { $$ = mk(st, N_ATTR, @$); $$->text = $3->text; }
	| rule_name              { $$ = mk(st, N_NAME, @$); $$->text = $1->text; }
	| rule_name '(' args ')' { $$ = mk2(st, N_CALL, @$, $3.first, NULL); $$->text = $1->text; $$->text_span = $1->span; }
	| MIN '(' args ')'       { $$ = mk_op(st, N_FUNC, @$, FUNC_MIN, $3.first, NULL); }
	| MAX '(' args ')'       { $$ = mk_op(st, N_FUNC, @$, FUNC_MAX, $3.first, NULL); }
	| FLOOR '(' args ')'     { $$ = mk_op(st, N_FUNC, @$, FUNC_FLOOR, $3.first, NULL); }
	| CEIL '(' args ')'      { $$ = mk_op(st, N_FUNC, @$, FUNC_CEIL, $3.first, NULL); }
	| '(' expr ')'           { $$ = mk2(st, N_PAREN, @$, $2, NULL); }
	;

count
	: MEMBERS                { $$ = COUNT_MEMBERS; }
	| PRESENT                { $$ = COUNT_PRESENT; }
	| CONFLICTED             { $$ = COUNT_CONFLICTED; }
	| ELIGIBLE               { $$ = COUNT_ELIGIBLE; }
	| YES                    { $$ = COUNT_YES; }
	| NO                     { $$ = COUNT_NO; }
	| ABSTAIN                { $$ = COUNT_ABSTAIN; }
	| CAST                   { $$ = COUNT_CAST; }
	| VOTES                  { $$ = COUNT_VOTES; }
	| ATTENDEES              { $$ = COUNT_ATTENDEES; }
	;

args
	: expr                   { $$.first = $$.last = $1; }
	| args ',' expr          { $$ = $1; ast_list_append(&$$, $3); }
	;

/* ---- names ---------------------------------------------------------------- */

/* A name: a word that is not a keyword, or a keyword that may also be a name
** (src/front/keywords.def says which, as PostgreSQL's kwlist.h does).  Rules
** and parameters are named inside expressions, so a word that means
** something there (a count, an operator), or that begins an item, cannot
** name them. */
name
	: IDENT
	| unreserved_keyword     { $$ = kw_ident(st, @1); }
	| not_rule_keyword       { $$ = kw_ident(st, @1); }
	;

rule_name
	: IDENT
	| unreserved_keyword     { $$ = kw_ident(st, @1); }
	;

/* The lists below and the categories in keywords.def must agree:
** tests/keywords.sh checks them. */
unreserved_keyword
	: AFTER | AGAINST | AGREED | APOLOGIES | APPROVAL | APPROVED | ARRIVES | ATTENDING | BE | BEFORE | BY
	| CARRIED | CHAIR | CLEAR | DAY | DAYS | DECLARED | DEPUTY | EVERY | EXPECT | FOR | FROM
	| INTEREST | LEAVES | MINUTES | MONTH | MONTHS | NEXT | NONE | OBJECTION | ON
	| PAPERS | PROVISIONAL | RATIFIES | RECORD | RECORDED | REFUSED | TALLY | UNDETERMINED | UNTIL
	| VOID | VOTE | VOTING | WEEK | WEEKS | WITHIN | YEAR | YEARS
	;

not_rule_keyword
	: ABSTAIN | AND | AT | ATTENDEES | CAST | CEIL | CHAIRED | CLASS | CONFLICTED | EFFECTIVE | ELIGIBLE
	| EXAMPLE | FEWER | FLOOR | HALF | INTERESTS | LEAST | LESS | MAPS | MAX | MEETING
	| MEETS | MEMBER | MEMBERS | MIN | MORE | MOST | MOTION | NO | NOT | NOTICE | OF
	| OR | PRESENT | QUORUM | RATIFY | REQUIRE | REVIEW | ROLE | ROUNDED | RULE
	| SIZE | TERMS | THAN | VERSION | VIRTUAL | VOTES | WHEN | YES
	;

/* ---- meeting records ------------------------------------------------------ */

meeting
	: MEETING STRING ON DATE '{' record_items '}'
		{ $$ = mk2(st, N_MEETING, @$, $2, $4); $$->c = $6.first; }
	;

record_items
	: %empty                   { $$.first = $$.last = NULL; }
	| record_items record_item { $$ = $1; ast_list_append(&$$, $2); }
	;

record_item
	: TERMS STRING               { $$ = mk2(st, N_TERMS_REF, @$, $2, NULL); }
	| CHAIR name                 { $$ = mk2(st, N_CHAIR, @$, $2, NULL); }
	| PAPERS IDENT DATE          { $$ = mk2(st, N_PAPERS, @$, $3, $2); }
	| MINUTES IDENT DATE         { $$ = mk2(st, N_MINUTES, @$, $3, $2); }
	| PRESENT ident_list         { $$ = mk2(st, N_PRESENT, @$, $2.first, NULL); }
	| APOLOGIES ident_list       { $$ = mk2(st, N_APOLOGIES, @$, $2.first, NULL); }
	| ATTENDING ident_list       { $$ = mk2(st, N_ATTENDING, @$, $2.first, NULL); }
	| ARRIVES ident_list         { $$ = mk2(st, N_ARRIVES, @$, $2.first, NULL); }
	| DEPUTY name FOR name       { $$ = mk2(st, N_DEPUTY_FOR, @$, $2, $4); }
	| LEAVES ident_list          { $$ = mk2(st, N_LEAVES, @$, $2.first, NULL); }
	| MOTION motion_number_opt string_opt attributes '{' motion_items '}'
		{ $$ = mk2(st, N_MOTION, @$, $3, $4.first); $$->c = $6.first;
		  if ($2) { $$->text = $2->text; $$->text_span = $2->span; } }
	| error SYNC                 { yyerrok; $$ = NULL; }
	;

motion_number_opt
	: %empty                 { $$ = NULL; }
	| NUMBER                 { $$ = $1; }
	;

ident_list
	: name                   { $$.first = $$.last = $1; }
	| ident_list ',' name    { $$ = $1; ast_list_append(&$$, $3); }
	;

ident_seq
	: %empty                 { $$.first = $$.last = NULL; }
	| ident_seq IDENT        { $$ = $1; ast_list_append(&$$, $2); }
	;

attributes
	: %empty                 { $$.first = $$.last = NULL; }
	| attributes attribute   { $$ = $1; ast_list_append(&$$, $2); }
	;

attribute
	: name                   { $$ = mk(st, N_ATTRIBUTE, @$); $$->text = $1->text; }
	| name literal           { $$ = mk2(st, N_ATTRIBUTE, @$, $2, NULL); $$->text = $1->text; }
	;

literal
	: NUMBER                 { $$ = $1; }
	| STRING                 { $$ = $1; }
	| DATE                   { $$ = $1; }
	| TRUE                   { $$ = mk(st, N_BOOL, @$); $$->v.boolean = true; }
	| FALSE                  { $$ = mk(st, N_BOOL, @$); $$->v.boolean = false; }
	;

motion_items
	: %empty                   { $$.first = $$.last = NULL; }
	| motion_items motion_item { $$ = $1; ast_list_append(&$$, $2); }
	;

motion_item
	: INTEREST name string_opt      { $$ = mk2(st, N_INTEREST, @$, $2, $3); }
	| FOR ident_list                { $$ = mk_op(st, N_VOTES, @$, VOTE_FOR, $2.first, NULL); }
	| AGAINST ident_list            { $$ = mk_op(st, N_VOTES, @$, VOTE_AGAINST, $2.first, NULL); }
	| ABSTAIN ident_list            { $$ = mk_op(st, N_VOTES, @$, VOTE_ABSTAIN, $2.first, NULL); }
	| TALLY FOR NUMBER AGAINST NUMBER tally_abstain_opt
		{ $$ = mk2(st, N_TALLY, @$, $3, $5); $$->c = $6; }
	| CONSENSUS                     { $$ = mk(st, N_CONSENSUS_REC, @$); }
	| OBJECTION name string_opt     { $$ = mk2(st, N_OBJECTION, @$, $2, $3); }
	| CASTING FOR                   { $$ = mk(st, N_CASTING_VOTE, @$); $$->op = VOTE_FOR; }
	| CASTING AGAINST               { $$ = mk(st, N_CASTING_VOTE, @$); $$->op = VOTE_AGAINST; }
	| CASTING IDENT                 { $$ = mk2(st, N_CASTING_VOTE, @$, NULL, $2); $$->op = -1; } /* declined */
	| RECORDED outcome              { $$ = mk(st, N_RECORDED, @$); $$->op = $2; }
	| DECLARED outcome              { $$ = mk(st, N_DECLARED, @$); $$->op = $2; }
	| EXPECT outcome                { $$ = mk(st, N_EXPECT, @$); $$->op = $2; }
	| NOTICE IDENT DATE             { $$ = mk2(st, N_NOTICE_GIVEN, @$, $3, $2); }
	| VIRTUAL ON DATE               { $$ = mk2(st, N_VIRTUAL_ON, @$, $3, NULL); }
	| RATIFIES STRING MOTION NUMBER { $$ = mk2(st, N_RATIFIES, @$, $2, NULL); $$->text = $4->text; $$->text_span = $4->span; }
	| CHAIR name                    { $$ = mk2(st, N_CHAIR, @$, $2, NULL); }
	| APPROVED BY STRING ON DATE    { $$ = mk2(st, N_APPROVAL_REC, @$, $3, $5); $$->op = 1; }
	| REFUSED BY STRING ON DATE     { $$ = mk2(st, N_APPROVAL_REC, @$, $3, $5); $$->op = 0; }
	| error SYNC                    { yyerrok; $$ = NULL; }
	;

tally_abstain_opt
	: %empty %prec TALLY_END { $$ = NULL; }
	| ABSTAIN NUMBER         { $$ = $2; }
	;

outcome
	: CARRIED                { $$ = OUTCOME_CARRIED; }
	| NOT CARRIED            { $$ = OUTCOME_NOT_CARRIED; }
	| VOID                   { $$ = OUTCOME_VOID; }
	| PROVISIONAL            { $$ = OUTCOME_PROVISIONAL; }
	| UNDETERMINED           { $$ = OUTCOME_UNDETERMINED; }
	;

%%

/*
** Syntax errors read "unexpected X, expected A, B or C", point at X, and say
** where an unclosed block was opened when the file ends inside it.
*/

/* Keywords and two-character operators are quoted ('member', '>='), as
** single characters already are, so that they read as words of the language
** and not as descriptions such as "name" or "end of file". */
static bool symbol_is_literal(yysymbol_kind_t k)
{
	return k >= YYSYMBOL_GE && k <= YYSYMBOL_YES;
}

/* The token of a grammar symbol (for keyword categories). */
static int symbol_token(yysymbol_kind_t k)
{
	return k >= YYSYMBOL_ABSTAIN && k <= YYSYMBOL_YES ? (int)(TOK_ABSTAIN + (k - YYSYMBOL_ABSTAIN)) : 0;
}

static const char *symbol_text(struct parse_state *st, yysymbol_kind_t k)
{
	if (k == YYSYMBOL_BADWORD)
		k = YYSYMBOL_IDENT; /* a name the filter stopped: still a name to the reader */
	return symbol_is_literal(k) ? arena_printf(st->arena, "'%s'", yysymbol_name(k)) : yysymbol_name(k);
}

/* "unexpected name" alone does not say which: add the word as written
** ("name 'bogus'", "number 3"), shortened on a character boundary. */
static const char *token_text(struct parse_state *st, yysymbol_kind_t k, const YYLTYPE *where)
{
	if (k == YYSYMBOL_BADWORD)
		k = YYSYMBOL_IDENT;
	if (k != YYSYMBOL_IDENT && k != YYSYMBOL_STRING && k != YYSYMBOL_NUMBER &&
	    k != YYSYMBOL_DATE && k != YYSYMBOL_CLAUSE)
		return symbol_text(st, k);
	enum { SHOWN = 40 };
	const char *text = st->src->text + where->start;
	size_t len = where->end - where->start, shown = len;
	if (shown > SHOWN) {
		shown = SHOWN;
		while (shown > 0 && ((unsigned char)text[shown] & 0xC0) == 0x80)
			shown--;
	}
	const char *quote = k == YYSYMBOL_IDENT ? "'" : "";
	return arena_printf(st->arena, "%s %s%.*s%s%s", yysymbol_name(k), quote, (int)shown, text,
	                    shown < len ? "..." : "", quote);
}

/* Words that begin an item of some block (keywords.def's ITEM lines). */
static bool starts_item(yysymbol_kind_t k)
{
	return kw_item_blocks(symbol_token(k)) != 0;
}

static bool is_unit(yysymbol_kind_t k)
{
	switch (k) {
	case YYSYMBOL_DAY: case YYSYMBOL_DAYS: case YYSYMBOL_WEEK: case YYSYMBOL_WEEKS:
	case YYSYMBOL_MONTH: case YYSYMBOL_MONTHS: case YYSYMBOL_YEAR: case YYSYMBOL_YEARS:
		return true;
	default:
		return false;
	}
}

/* A token that begins an operand of an expression: a value or a count. */
static bool is_operand(yysymbol_kind_t k)
{
	switch (k) {
	case YYSYMBOL_IDENT: case YYSYMBOL_NUMBER: case YYSYMBOL_STRING: case YYSYMBOL_DATE: case YYSYMBOL_HALF:
	case YYSYMBOL_MEMBERS: case YYSYMBOL_PRESENT: case YYSYMBOL_CONFLICTED: case YYSYMBOL_ELIGIBLE:
	case YYSYMBOL_YES: case YYSYMBOL_NO: case YYSYMBOL_ABSTAIN: case YYSYMBOL_CAST: case YYSYMBOL_VOTES:
	case YYSYMBOL_ATTENDEES: case YYSYMBOL_MOTION: case YYSYMBOL_TRUE: case YYSYMBOL_FALSE:
		return true;
	default:
		return kw_category(symbol_token(k)) != KW_NONE && kw_category(symbol_token(k)) != KW_RESERVED;
	}
}

/* `present alice bob`: two names on a line with no ',' between them. */
static void hint_comma(struct parse_state *st, struct diag *d)
{
	diag_note(st->diag, d, (struct loc){ NULL, 0, 0 }, "names in a list are separated by ','");
	diag_fixit(st->diag, d, loc_of(st->src, (struct span){ st->prev_end, st->prev_end }), ",");
}

/*
** An operand where no operand may stand, said in the terms of a condition:
** at the start of a line in a quorum or class block, a condition without
** its `require` (or `when`); after a value, a missing comparison (`yes 75%
** of members`) or a missing `of` (`75% members`).
*/
static void hint_operand(struct parse_state *st, struct diag *d, yysymbol_kind_t got, bool comparison_expected,
                         const YYLTYPE *where)
{
	if (!is_operand(got) || kw_item_blocks(symbol_token(got)) & parse_block(st))
		return;
	if (st->first_on_line && parse_block(st) == IN_RULES) {
		diag_note(st->diag, d, (struct loc){ NULL, 0, 0 },
		          "a condition is written after `require` (or `when`, for which motions a class covers)");
		diag_fixit(st->diag, d, loc_of(st->src, (struct span){ where->start, where->start }), "require ");
		return;
	}
	if (st->first_on_line || st->prev_end == 0)
		return;
	const char *prev = st->src->text + st->prev_start;
	size_t prev_len = st->prev_end - st->prev_start;
	bool fraction = prev[prev_len - 1] == '%' || (prev_len == 4 && strncmp(prev, "half", 4) == 0) ||
	                (st->prev_start > 0 && prev[-1] == '/') || memchr(prev, '.', prev_len) != NULL;
	bool count = got == YYSYMBOL_MEMBERS || got == YYSYMBOL_PRESENT || got == YYSYMBOL_CAST ||
	             got == YYSYMBOL_VOTES || got == YYSYMBOL_ELIGIBLE;
	if (fraction && count) {
		uint32_t from = st->prev_start; /* the whole fraction: 2/3, not 3 */
		while (from > 0 && strchr("0123456789/.", st->src->text[from - 1]))
			from--;
		diag_note(st->diag, d, (struct loc){ NULL, 0, 0 }, "a fraction and its base are joined by `of` (`%.*s of %.*s`)",
		          (int)(st->prev_end - from), st->src->text + from, (int)(where->end - where->start),
		          st->src->text + where->start);
		diag_fixit(st->diag, d, loc_of(st->src, (struct span){ where->start, where->start }), "of ");
	} else if (comparison_expected) {
		diag_note(st->diag, d, (struct loc){ NULL, 0, 0 },
		          "a comparison is missing before it: >=, >, <=, <, ==, != (or at least, more than, at most, "
		          "less than, no less than...)");
	}
}

/* A misspelt word of the language where one was expected: the nearest of
** the words the parser could take there (`membr`: 'member'). */
static bool hint_keyword(struct parse_state *st, struct diag *d, const yysymbol_kind_t *expected, int n,
                         const YYLTYPE *where)
{
	size_t len = where->end - where->start;
	if (len > PARSE_MAX_IDENT)
		return false;
	char *word = arena_strndup(st->arena, st->src->text + where->start, len);
	struct spell sp;
	spell_init(&sp, word);
	for (int i = 0; i < n; i++)
		if (symbol_token(expected[i]))
			spell_offer(&sp, yysymbol_name(expected[i]));
	if (!sp.best)
		return false;
	diag_note(st->diag, d, (struct loc){ NULL, 0, 0 }, "did you mean '%s'?", sp.best);
	diag_fixit(st->diag, d, loc_of(st->src, *where), sp.best);
	return true;
}

static bool expects(const yysymbol_kind_t *expected, int n, yysymbol_kind_t kind)
{
	for (int i = 0; i < n; i++)
		if (expected[i] == kind)
			return true;
	return false;
}

/* `papers 7 days before` in terms, as the sample words it: a deadline is a
** `notice` item there (papers and minutes alone are a record's). */
static void hint_notice(struct parse_state *st, struct diag *d, const YYLTYPE *where)
{
	diag_note(st->diag, d, (struct loc){ NULL, 0, 0 },
	          "in terms, a deadline is written `notice papers 5 days before` or `notice minutes within 10 days after`");
	diag_fixit(st->diag, d, loc_of(st->src, (struct span){ where->start, where->start }), "notice ");
}

/* `non-voting`, the sample's word for a role without a vote: the language
** says `attending`.  The fix-it replaces the whole word as written. */
static bool hint_non_voting(struct parse_state *st, struct diag *d, const YYLTYPE *where)
{
	static const char *const spellings[] = { "non-voting", "non voting", "nonvoting" };
	qr_scan_restore(st->scanner); /* the text after the token, as written */
	const char *text = st->src->text + where->start;
	size_t rest = st->src->len - where->start;
	for (size_t i = 0; i < sizeof spellings / sizeof spellings[0]; i++) {
		size_t k = strlen(spellings[i]);
		if (k > rest || strncmp(text, spellings[i], k) != 0 ||
		    (k < rest && (isalnum((unsigned char)text[k]) || text[k] == '_')))
			continue;
		diag_note(st->diag, d, (struct loc){ NULL, 0, 0 }, "a role without a vote is written `attending`");
		diag_fixit(st->diag, d, loc_of(st->src, (struct span){ where->start, where->start + (uint32_t)k }),
		           "attending");
		return true;
	}
	return false;
}

/* The statements of a motion, as docs/reference.md#motion lists them: said
** where a line of a motion begins with none of them. */
static const char MOTION_STATEMENTS[] =
	"a motion holds: for NAMES, against NAMES, abstain NAMES, tally for N against N [abstain N], consensus, "
	"objection NAME, casting for|against|declined, recorded OUTCOME, declared OUTCOME, expect OUTCOME, "
	"interest NAME, notice given DATE, virtual on DATE, ratifies \"MEETING\" motion N, chair NAME, "
	"approved|refused by \"BODY\" on DATE";

enum { TALLY_FOR, TALLY_AGAINST, TALLY_ABSTAIN };

/* Which count a word of a written-out tally names (-1: none). */
static int tally_word(const char *w, size_t n)
{
	static const struct { const char *word; int count; } words[] = {
		{ "for", TALLY_FOR }, { "yes", TALLY_FOR }, { "against", TALLY_AGAINST }, { "no", TALLY_AGAINST },
		{ "abstain", TALLY_ABSTAIN }, { "abstained", TALLY_ABSTAIN }, { "abstaining", TALLY_ABSTAIN },
		{ "abstention", TALLY_ABSTAIN }, { "abstentions", TALLY_ABSTAIN },
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strlen(words[i].word) == n && strncmp(words[i].word, w, n) == 0)
			return words[i].count;
	return -1;
}

static bool tally_filler(const char *w, size_t n)
{
	return (n == 5 && strncmp(w, "votes", 5) == 0) || (n == 4 && strncmp(w, "vote", 4) == 0) ||
	       (n == 5 && strncmp(w, "tally", 5) == 0) || (n == 3 && strncmp(w, "and", 3) == 0);
}

/*
** `votes 3 for, 2 against` (or `3 for 2 against 1 abstained`, `votes for 3
** against 2`): numbers of votes written out on a motion's line, as minutes
** often word them.  The fix-it rewrites them as the tally they are, from
** `from` to the last count (and a ';' after it); none unless the line gives
** both the votes for and against, and nothing else.
*/
static void hint_tally(struct parse_state *st, struct diag *d, uint32_t from)
{
	qr_scan_restore(st->scanner); /* the text after the token, as written */
	const char *text = st->src->text;
	size_t len = st->src->len, p = from, end = from;
	long long count[3] = { -1, -1, -1 }, number = -1;
	int word = -1; /* a count's word waiting for its number */
	while (p < len) {
		while (p < len && (text[p] == ' ' || text[p] == '\t' || text[p] == ',' || text[p] == ':'))
			p++;
		if (p == len || text[p] == '\n' || text[p] == '\r' || text[p] == '}' || text[p] == ';' || text[p] == '#')
			break;
		size_t q = p;
		if (isdigit((unsigned char)text[p])) {
			long long n = 0;
			while (q < len && isdigit((unsigned char)text[q]) && n < 1000000)
				n = n * 10 + (text[q++] - '0');
			if (q < len && (isalnum((unsigned char)text[q]) || text[q] == '.'))
				return;
			if (word >= 0) {
				count[word] = n;
				word = -1;
			} else if (number < 0) {
				number = n;
			} else {
				return;
			}
		} else if (isalpha((unsigned char)text[p])) {
			while (q < len && (isalnum((unsigned char)text[q]) || text[q] == '_'))
				q++;
			int w = tally_word(text + p, q - p);
			if (w >= 0 && number >= 0) {
				count[w] = number;
				number = -1;
			} else if (w >= 0 && word < 0) {
				word = w;
			} else if (!tally_filler(text + p, q - p)) {
				return;
			}
		} else {
			return;
		}
		p = end = q;
	}
	if (count[TALLY_FOR] < 0 || count[TALLY_AGAINST] < 0 || number >= 0 || word >= 0)
		return;
	if (p < len && text[p] == ';')
		end = p + 1;
	const char *tally = arena_printf(st->arena, "tally for %lld against %lld", count[TALLY_FOR], count[TALLY_AGAINST]);
	if (count[TALLY_ABSTAIN] >= 0)
		tally = arena_printf(st->arena, "%s abstain %lld", tally, count[TALLY_ABSTAIN]);
	diag_note(st->diag, d, (struct loc){ NULL, 0, 0 }, "numbers of votes are written `%s`", tally);
	diag_fixit(st->diag, d, loc_of(st->src, (struct span){ from, (uint32_t)end }), tally);
}

/* A line of a motion that begins with no statement of a motion: which
** statements there are, and a tally where the line writes one out. */
static void hint_motion(struct parse_state *st, struct diag *d, yysymbol_kind_t got, const YYLTYPE *where)
{
	uint32_t from = where->start;
	/* `for 3 against 2`: the error is at the 3, the statement began at `for` */
	if (got == YYSYMBOL_NUMBER && !st->first_on_line && st->prev_end > st->prev_start) {
		const char *prev = st->src->text + st->prev_start;
		if (tally_word(prev, st->prev_end - st->prev_start) >= 0)
			from = st->prev_start;
	}
	diag_note(st->diag, d, (struct loc){ NULL, 0, 0 }, "%s", MOTION_STATEMENTS);
	hint_tally(st, d, from);
}

/* Numbers written in words where the language wants figures (`meets every
** two months`): the figure, with the fix-it. */
static bool hint_number_word(struct parse_state *st, struct diag *d, const YYLTYPE *where)
{
	static const char *const words[] = { "zero", "one", "two", "three", "four", "five", "six", "seven",
	                                     "eight", "nine", "ten", "eleven", "twelve" };
	size_t len = where->end - where->start;
	const char *text = st->src->text + where->start;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		if (strlen(words[i]) != len || strncasecmp(text, words[i], len) != 0)
			continue;
		const char *figure = arena_printf(st->arena, "%zu", i);
		diag_note(st->diag, d, (struct loc){ NULL, 0, 0 }, "numbers are written in figures: %s", figure);
		diag_fixit(st->diag, d, loc_of(st->src, *where), figure);
		return true;
	}
	return false;
}

/* How often, in one word (`meets bi-monthly`, `review annually`): the
** period the language writes, with the fix-it over the whole word. */
static const struct {
	const char *word, *period, *note;
} frequency_words[] = {
	{ "bi-monthly", "every 2 months", "bi-monthly as the national sample means it, every two months" },
	{ "bimonthly", "every 2 months", "bi-monthly as the national sample means it, every two months" },
	{ "annually", "every 12 months", NULL }, { "yearly", "every 12 months", NULL },
	{ "quarterly", "every 3 months", NULL }, { "monthly", "every 1 month", NULL },
	{ "fortnightly", "every 2 weeks", NULL }, { "weekly", "every 1 week", NULL },
};

static bool hint_frequency(struct parse_state *st, struct diag *d, const YYLTYPE *where)
{
	qr_scan_restore(st->scanner); /* the text after the token, as written */
	const char *text = st->src->text + where->start;
	size_t rest = st->src->len - where->start;
	for (size_t i = 0; i < sizeof frequency_words / sizeof frequency_words[0]; i++) {
		size_t k = strlen(frequency_words[i].word);
		if (k > rest || strncasecmp(text, frequency_words[i].word, k) != 0 ||
		    (k < rest && (isalnum((unsigned char)text[k]) || text[k] == '_' || text[k] == '-')))
			continue;
		const char *period = frequency_words[i].period;
		diag_note(st->diag, d, (struct loc){ NULL, 0, 0 }, "a period is written `%s`%s%s", period,
		          frequency_words[i].note ? ": " : "", frequency_words[i].note ? frequency_words[i].note : "");
		diag_fixit(st->diag, d, loc_of(st->src, (struct span){ where->start, where->start + (uint32_t)k }), period);
		return true;
	}
	return false;
}

/* `quorum to be agreed locally`, as the sample words it: a value still to be
** agreed stands inside the block's braces.  The fix-it adds them around the
** words as written. */
static bool hint_tba_braces(struct parse_state *st, struct diag *d, const YYLTYPE *where)
{
	static const char *const spellings[] = { "to be agreed locally", "to be agreed" };
	qr_scan_restore(st->scanner); /* the text after the token, as written */
	const char *text = st->src->text + where->start;
	size_t rest = st->src->len - where->start;
	for (size_t i = 0; i < sizeof spellings / sizeof spellings[0]; i++) {
		size_t k = strlen(spellings[i]);
		if (k > rest || strncmp(text, spellings[i], k) != 0 ||
		    (k < rest && (isalnum((unsigned char)text[k]) || text[k] == '_')))
			continue;
		diag_note(st->diag, d, (struct loc){ NULL, 0, 0 }, "a value still to be agreed goes inside the braces");
		diag_fixit(st->diag, d, loc_of(st->src, (struct span){ where->start, where->start + (uint32_t)k }),
		           arena_printf(st->arena, "{ %s }", spellings[i]));
		return true;
	}
	return false;
}

/* English comparisons the language does not have, and the symbol to write
** (docs/reference.md#comparisons-in-words lists the ones it has). */
static const struct {
	const char *words, *symbol;
} unknown_comparisons[] = {
	{ "greater than or equal to", ">=" }, { "greater than", ">" }, { "is greater than", ">" },
	{ "equal to or more than", ">=" }, { "equal to", "==" }, { "equals", "==" }, { "is", "==" },
	{ "over", ">" }, { "above", ">" }, { "exceeds", ">" }, { "under", "<" }, { "below", "<" },
	{ "a minimum of", ">=" }, { "a maximum of", "<=" },
};

/* Where a comparison was expected and words were written that are not one
** of the language's, say which symbol to write, with the fix-it. */
static void hint_comparison(struct parse_state *st, struct diag *d, const YYLTYPE *where)
{
	qr_scan_restore(st->scanner); /* the text after the token, as written */
	const char *text = st->src->text + where->start;
	size_t rest = st->src->len - where->start;
	for (size_t i = 0; i < sizeof unknown_comparisons / sizeof unknown_comparisons[0]; i++) {
		const char *w = unknown_comparisons[i].words;
		size_t k = strlen(w);
		if (k > rest || strncmp(text, w, k) != 0 || (k < rest && (isalnum((unsigned char)text[k]) || text[k] == '_')))
			continue;
		diag_note(st->diag, d, (struct loc){ NULL, 0, 0 }, "write %s for \"%s\" (or in words: at least, more than, "
		          "at most, less than, no less than, no more than)", unknown_comparisons[i].symbol, w);
		diag_fixit(st->diag, d, loc_of(st->src, (struct span){ where->start, where->start + (uint32_t)k }),
		           unknown_comparisons[i].symbol);
		return;
	}
}

static int yyreport_syntax_error(const yypcontext_t *yyctx, struct parse_state *st)
{
	enum { MAX_EXPECTED = 6 };
	yysymbol_kind_t expected[YYNTOKENS], all_expected[YYNTOKENS];
	int n = yypcontext_expected_tokens(yyctx, expected, YYNTOKENS);
	int n_all = n > 0 ? n : 0;
	memcpy(all_expected, expected, (size_t)n_all * sizeof expected[0]);
	yysymbol_kind_t got = yypcontext_token(yyctx);
	const YYLTYPE *where = yypcontext_location(yyctx);
	st->syntax_error = true; /* the facade skips to the next statement */

	char list[512] = "";
	size_t used = 0;
	bool name_expected = false, paren_expected = false, comparison_expected = false, close_expected = false;
	bool clause_expected = false, comma_expected = false, unit_expected = false;
	for (int i = 0; i < n; i++) {
		comma_expected = comma_expected || expected[i] == YYTRANSLATE(',');
		unit_expected = unit_expected || (expected[i] == YYSYMBOL_DAYS && !name_expected);
		clause_expected = clause_expected || expected[i] == YYSYMBOL_CLAUSE;
		close_expected = close_expected || expected[i] == YYTRANSLATE('}') || expected[i] == YYSYMBOL_YYEOF;
		name_expected = name_expected || expected[i] == YYSYMBOL_IDENT;
		paren_expected = paren_expected || expected[i] == YYTRANSLATE(')');
		comparison_expected = comparison_expected || expected[i] == YYSYMBOL_GE;
		st->brace_expected = st->brace_expected || expected[i] == YYTRANSLATE('{');
	}
	/* Where a name is expected (with every keyword that may be one), "name"
	** says it; where a new item may begin, "a new item" says it. */
	unsigned unreserved = 0;
	for (int i = 0; i < n; i++)
		unreserved += kw_category(symbol_token(expected[i])) == KW_UNRESERVED;
	bool any_name = name_expected && unreserved == kw_count(KW_UNRESERVED);
	int shown = 0;
	for (int i = 0; i < n; i++) {
		enum kw_category cat = kw_category(symbol_token(expected[i]));
		if (!(any_name && (cat == KW_UNRESERVED || cat == KW_NOT_RULE)))
			expected[shown++] = expected[i];
	}
	n = shown;
	/* the units of a period, as one phrase */
	if (unit_expected) {
		shown = 0;
		for (int i = 0; i < n; i++)
			if (!is_unit(expected[i]))
				expected[shown++] = expected[i];
		n = shown;
	}
	bool item_expected = false;
	if (n > MAX_EXPECTED) {
		shown = 0;
		for (int i = 0; i < n; i++) {
			if (starts_item(expected[i]))
				item_expected = true;
			else
				expected[shown++] = expected[i];
		}
		n = shown;
	}
	const char *words[YYNTOKENS + 2];
	for (int i = 0; i < n; i++)
		words[i] = symbol_text(st, expected[i]);
	if (unit_expected)
		words[n++] = "a unit (days, weeks, months or years)";
	if (item_expected)
		words[n++] = "a new item";
	for (int i = 0; n <= MAX_EXPECTED && i < n; i++) {
		int w = snprintf(list + used, sizeof list - used, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ", words[i]);
		if (w > 0 && (size_t)w < sizeof list - used)
			used += (size_t)w;
	}
	struct loc at = loc_of(st->src, *where);
	struct diag *d;
	/* The first token of a line where no new item may begin: the mistake is
	** the unfinished line before it, so say so there. */
	bool unfinished = st->first_on_line && !close_expected && st->prev_end > 0 && got != YYSYMBOL_YYEOF;
	if (unfinished) {
		struct loc end = loc_of(st->src, (struct span){ st->prev_end, st->prev_end });
		const char *prev = token_text(st, YYSYMBOL_IDENT, &(YYLTYPE){ st->prev_start, st->prev_end });
		prev += strlen("name ");
		if (n > 0 && n <= MAX_EXPECTED)
			d = diag_report(st->diag, D_SYNTAX, end, "the line ends too soon: expected %s after %s", list, prev);
		else
			d = diag_report(st->diag, D_SYNTAX, end, "the line ends too soon after %s", prev);
	} else if (item_expected && parse_block(st) == IN_MOTION && !starts_item(got))
		d = diag_report(st->diag, D_SYNTAX, at, "unexpected %s: a line of a motion begins with one of its statements",
		                token_text(st, got, where));
	else if (n > 0 && n <= MAX_EXPECTED)
		d = diag_report(st->diag, D_SYNTAX, at, "unexpected %s, expected %s", token_text(st, got, where), list);
	else
		d = diag_report(st->diag, D_SYNTAX, at, "unexpected %s", token_text(st, got, where));

	if (comparison_expected && got == YYSYMBOL_IDENT)
		hint_comparison(st, d, where);
	else if ((got == YYSYMBOL_PAPERS || got == YYSYMBOL_MINUTES) && expects(all_expected, n_all, YYSYMBOL_NOTICE))
		hint_notice(st, d, where);
	else if (got == YYSYMBOL_IDENT && expects(all_expected, n_all, YYSYMBOL_ATTENDING) && hint_non_voting(st, d, where))
		;
	else if (got == YYSYMBOL_TO && !unfinished && expects(all_expected, n_all, YYTRANSLATE('{')) &&
	         hint_tba_braces(st, d, where))
		;
	else if ((got == YYSYMBOL_IDENT || got == YYSYMBOL_BADWORD) && !unfinished &&
	         expects(all_expected, n_all, YYSYMBOL_NUMBER) && hint_number_word(st, d, where))
		;
	else if ((got == YYSYMBOL_IDENT || got == YYSYMBOL_BADWORD) && !unfinished &&
	         expects(all_expected, n_all, YYSYMBOL_EVERY) && hint_frequency(st, d, where))
		;
	else if (!unfinished && expects(all_expected, n_all, YYSYMBOL_NUMBER) &&
	         (got == YYSYMBOL_DAY || got == YYSYMBOL_WEEK || got == YYSYMBOL_MONTH || got == YYSYMBOL_YEAR)) {
		diag_note(st->diag, d, (struct loc){ NULL, 0, 0 }, "a period says how many: `1 %s`", yysymbol_name(got));
		diag_fixit(st->diag, d, loc_of(st->src, (struct span){ where->start, where->start }), "1 ");
	} else if ((got == YYSYMBOL_IDENT || got == YYSYMBOL_BADWORD) && !unfinished &&
	         hint_keyword(st, d, all_expected, n_all, where))
		;
	else if (parse_block(st) == IN_MOTION && !unfinished &&
	         (item_expected || got == YYSYMBOL_NUMBER) && !starts_item(got))
		hint_motion(st, d, got, where);
	else if (comma_expected && !st->first_on_line && is_operand(got))
		hint_comma(st, d);
	else if (!unfinished)
		hint_operand(st, d, got, comparison_expected, where);
	if (clause_expected && got == YYSYMBOL_NUMBER && !unfinished) {
		const char *label = arena_printf(st->arena, "\xC2\xA7%.*s", (int)(where->end - where->start),
		                                 st->src->text + where->start);
		diag_note(st->diag, d, (struct loc){ NULL, 0, 0 }, "a clause label is written %s", label);
		diag_fixit(st->diag, d, at, label);
	}
	enum kw_category cat = kw_category(symbol_token(got));
	if (name_expected && cat == KW_RESERVED)
		diag_note(st->diag, d, (struct loc){ NULL, 0, 0 },
		          "'%s' is a reserved word and cannot be used as a name", yysymbol_name(got));
	else if (name_expected && cat == KW_NOT_RULE && !unfinished)
		diag_note(st->diag, d, (struct loc){ NULL, 0, 0 },
		          "'%s' is a word of expressions or begins an item, so it cannot name a rule or a parameter",
		          yysymbol_name(got));
	if (got == YYSYMBOL_YYEOF)
		st->eof_reported = true;
	if (got == YYTRANSLATE('}') && paren_expected && st->n_open < PARSE_MAX_NESTING) {
		/* The scanner has just popped the '(' that this '}' left open. */
		uint32_t paren = st->open[st->n_open];
		if (st->src->text[paren] == '(')
			diag_note(st->diag, d, loc_of(st->src, (struct span){ paren, paren + 1 }),
			          "the parenthesis opened here is not closed");
		return 0;
	}
	if (st->n_open == 0)
		return 0;
	uint32_t opened = st->open[st->n_open - 1];
	struct loc opener = loc_of(st->src, (struct span){ opened, opened + 1 });
	if (got == YYSYMBOL_YYEOF)
		diag_note(st->diag, d, opener, "the block or parenthesis opened here is not closed");
	return 0;
}

/* Bison's only other message: the stack bound was hit ("memory exhausted"). */
static void yyerror(const YYLTYPE *loc, struct parse_state *st, const char *msg)
{
	(void)msg;
	diag_report(st->diag, D_LIMIT, loc_of(st->src, *loc),
	            "nesting too deep for the parser (more than %d levels)", PARSE_STACK_DEPTH);
	st->fatal = true;
}
