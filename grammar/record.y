/*
** record.y: the grammar of the fast record path (src/record/fastrec.c).
**
** One call of the parser reads one `meeting` block, or the end of the file,
** and stops (YYACCEPT) at the meeting's '}' without reading past it.  Its
** actions build `struct meeting` directly (the fr_* functions of
** fastrec_state.h): no syntax tree.  It accepts the meetings of
** grammar/quorate.y, written the plain way: a name is a word that is not a
** keyword (a keyword written as a name is left to the full path, whose
** lookahead filter decides what it is), and every syntax error, every
** statement minutes_from_ast would question, sets `give_up`; the full path
** then reads the file from the last meeting's end and says what is wrong,
** as it always has.  The spans are those of quorate.y (the same
** YYLLOC_DEFAULT), so the two models are equal field by field
** (fuzz/fuzz_fastrec.c, tests/unit/test_fastrec.c).
*/
%require "3.8"
%define api.pure full
%define api.prefix {fr_}
%define api.token.prefix {FR_}
%define api.value.type union
%define api.location.type {struct span}
%locations
%param {struct fastrec *L}
%expect 0

%code requires {
#include "record/fastrec_state.h"
}

%code provides {
/* flex's window over a mapped file, and the byte it overwrote (record.l). */
int fr_scan_window(void *scanner);
/* The words after the `meeting` read past the last meeting (record.l). */
int fr_scan_meeting_after(FR_STYPE *value, FR_LTYPE *where, void *scanner);
void fr_scan_restore(void *scanner);
/* flex's window over a mapped file emptied: it is filled again from
** L->input when the scanner next reads (fastrec.c's read_direct). */
void fr_scan_refill(void *scanner);
}

%code {
#include <string.h>

/* The scanner (record.l), and the parser's yylex: first the token read
** past the last meeting's '}' (fastrec.c's read_meeting), then flex's.
** Inline: it runs for every token. */
int fr_yylex(FR_STYPE *value, FR_LTYPE *where, void *scanner);

static inline int fr_lex(FR_STYPE *value, FR_LTYPE *where, struct fastrec *L)
{
	if (L->has_pending) {
		L->has_pending = false;
		*where = L->pending_at;
		return L->pending == FR_MEETING ? fr_scan_meeting_after(value, where, L->scanner) : L->pending;
	}
	return fr_yylex(value, where, L->scanner);
}

static void fr_error(const FR_LTYPE *where, struct fastrec *L, const char *msg)
{
	(void)where;
	(void)msg;
	L->give_up = true;
}

/* As quorate.y: a rule's span runs from its first symbol to its last. */
#define YYLLOC_DEFAULT(Cur, Rhs, N)                                     \
	do {                                                            \
		if (N) {                                                \
			(Cur).start = YYRHSLOC(Rhs, 1).start;           \
			(Cur).end = YYRHSLOC(Rhs, N).end;               \
		} else {                                                \
			(Cur).start = (Cur).end = YYRHSLOC(Rhs, 0).end; \
		}                                                       \
	} while (0)

/* A record nests two blocks deep: the stack never grows (nothing on the
** heap to lose on the way out of memory); deeper is a syntax error. */
#define YYINITDEPTH 200
#define YYMAXDEPTH 200

/* A statement said twice, or a word that is not the expected one: the full
** path reports it. */
#define ONCE(bit) if (!fr_once(L, &L->motion_seen, (bit))) YYABORT
#define MEETING_ONCE(bit) if (!fr_once(L, &L->seen, (bit))) YYABORT
#define WORD(w, expected) if (!fr_word(L, (w), (expected))) YYABORT
#define CHECK if (L->give_up) YYABORT
/* `recorded ...`, the outcome every motion has: its words in its own rules
** (no reduction of `outcome`). */
#define RECORDED(o, span) do { ONCE(SAID_RECORDED); L->motion->recorded = (o); L->motion->recorded_span = (span); } while (0)
/* the outcome read with a motion's last statement (fr_scan_close) */
#define CLOSED() RECORDED((enum outcome)L->outcome.outcome, L->outcome.said)
/* The names of a statement as one token (see more_names). */
#define ONE_NAME(id, at) (fr_list_start(L), fr_list_add(L, (id), (at)))
/* stops at an empty run (see fr_list_add_run) before the statement uses it */
#define NAMES_RUN() do { fr_list_start(L); fr_list_add_run(L); CHECK; } while (0)
/* The span of a statement from its first symbol to its last (YYLLOC_DEFAULT's). */
#define SPAN(first, last) ((struct span){ (first).start, (last).end })
}

%token END 0 "end of file"
%token BAD
/* `alice, bob, carol`: names and commas in one token (their names in L->run) */
%token LIST
%token <const char *> IDENT STRING
/* a number's value and its text, in the meeting's arena: a pointer keeps
** the parser's value stack one word wide (it is copied on every step) */
%token <const struct fr_number *> NUMBER
%token <qdate> DATE
%token MEETING ON TERMS CHAIR PAPERS MINUTES PRESENT APOLOGIES ATTENDING ARRIVES LEAVES DEPUTY
%token MOTION TRUE FALSE INTEREST FOR AGAINST ABSTAIN TALLY CONSENSUS OBJECTION CASTING
%token RECORDED DECLARED EXPECT NOTICE VIRTUAL RATIFIES APPROVED REFUSED BY
%token CARRIED NOT VOID PROVISIONAL UNDETERMINED
/* A keyword and the words after it, read as one token where they are
** plain (record.l): a statement's names (in L->said; votes: the statements
** of votes after it too, L->said_by), `recorded` and its
** outcome (L->outcome; RECORDED_CLOSE: and the motion's '}' after it),
** `motion` with its number, its title or both and its attributes (in
** L->head) and its '{' (MOTION_OPEN), `tally` and its counts (in
** L->tally), `meeting` with its title, date and '{', `terms` and its
** name, `papers sent`, `minutes circulated` and `minutes amended` with
** their dates.  The grammar's states after each reduce without reading a
** lookahead, so what they point to is read before the scanner fills it
** again. */
%token <const struct fr_names *> PRESENT_NAMES APOLOGIES_NAMES ATTENDING_NAMES ARRIVES_NAMES LEAVES_NAMES
%token <const struct fr_names *> FOR_NAMES AGAINST_NAMES ABSTAIN_NAMES CHAIR_NAMES
/* votes, then `recorded <outcome> }` (L->outcome; the same after a tally,
** TALLY_CLOSE, and after `consensus`); ABSTAIN_CLOSE's first statement is
** `abstain`, which cannot follow a tally */
%token <const struct fr_names *> VOTES_CLOSE ABSTAIN_CLOSE
%token <const struct fr_outcome *> RECORDED_AS RECORDED_CLOSE
%token <const struct fr_tally *> TALLY_AS TALLY_CLOSE
/* `consensus recorded <outcome> }` */
%token CONSENSUS_CLOSE
%token <const struct fr_meeting_head *> MEETING_OPEN
/* a whole meeting, read by hand (fastrec.c's whole_items): its model is
** built, and its title and date are in L->meeting_head */
%token <const struct fr_meeting_head *> MEETING_WHOLE
%token <const struct fr_string *> TERMS_AS
%token <const struct fr_dated *> PAPERS_AS MINUTES_AS
%token <const struct fr_head *> MOTION_HEAD MOTION_OPEN

/* As quorate.y: `tally for 3 against 2` takes an `abstain` that follows. */
%precedence TALLY_END
%precedence ABSTAIN ABSTAIN_NAMES ABSTAIN_CLOSE

%type <const char *> string_opt
%type <const struct fr_number *> tally_abstain_opt
%type <int> outcome

%%

/*
** The statements of a meeting and of a motion are alternatives of the list
** rules themselves (not a rule of their own reduced into the list): one
** reduction a statement, not two.  A span of a statement is therefore
** written out from its first and last symbols (SPAN) rather than @$.
*/

top
	: %empty             { L->at_end = true; }
	| meeting            { YYACCEPT; }
	;

meeting
	: MEETING STRING ON DATE '{' record_items '}'
		{ fr_meeting_end(L, $2, $4, @$); }
	| MEETING_OPEN record_items '}'
		{ fr_meeting_end(L, $1->title.text, $1->date, @$); }
	| MEETING_WHOLE
		{ fr_meeting_end(L, $1->title.text, $1->date, @$); }
	;

record_items
	: %empty
	| record_items TERMS STRING
		{ MEETING_ONCE(SAID_TERMS); L->mt->terms_name = $3; L->mt->terms_span = @3; }
	| record_items TERMS_AS
		{ MEETING_ONCE(SAID_TERMS); L->mt->terms_name = $2->text; L->mt->terms_span = $2->at; }
	| record_items PAPERS_AS
		{ MEETING_ONCE(SAID_PAPERS); L->mt->has_papers = true; L->mt->papers_sent = $2->date; L->mt->papers_span = @2; }
	| record_items MINUTES_AS
		{ if ($2->which == 1) {
			MEETING_ONCE(SAID_AMENDED);
			L->mt->has_amended = true; L->mt->minutes_amended = $2->date; L->mt->amended_span = @2;
		  } else {
			MEETING_ONCE(SAID_MINUTES);
			L->mt->has_minutes = true; L->mt->minutes_circulated = $2->date; L->mt->minutes_span = @2;
		  } }
	| record_items CHAIR IDENT
		{ MEETING_ONCE(SAID_CHAIR); L->mt->chair = fr_name(L, $3, @3); }
	| record_items CHAIR_NAMES /* one name: `chair a, b` is the full path's to report */
		{ if ($2->n != 1) YYABORT;
		  MEETING_ONCE(SAID_CHAIR); L->mt->chair = fr_name(L, $2->items[0].id, $2->items[0].span); }
	| record_items PAPERS IDENT DATE
		{ WORD($3, "sent"); MEETING_ONCE(SAID_PAPERS);
		  L->mt->has_papers = true; L->mt->papers_sent = $4; L->mt->papers_span = SPAN(@2, @4); }
	| record_items MINUTES IDENT DATE
		{ if (strcmp($3, "amended") == 0) {
			MEETING_ONCE(SAID_AMENDED);
			L->mt->has_amended = true; L->mt->minutes_amended = $4; L->mt->amended_span = SPAN(@2, @4);
		  } else {
			WORD($3, "circulated"); MEETING_ONCE(SAID_MINUTES);
			L->mt->has_minutes = true; L->mt->minutes_circulated = $4; L->mt->minutes_span = SPAN(@2, @4);
		  } }
	| record_items PRESENT_NAMES   { fr_names_to(L, $2, &L->present); CHECK; }
	| record_items APOLOGIES_NAMES { fr_names_to(L, $2, &L->apologies); CHECK; }
	| record_items ATTENDING_NAMES { fr_names_to(L, $2, &L->attending); CHECK; }
	| record_items ARRIVES_NAMES   { fr_step(L, $2, STEP_ARRIVES); CHECK; }
	| record_items LEAVES_NAMES    { fr_step(L, $2, STEP_LEAVES); CHECK; }
	| record_items PRESENT IDENT      { ONE_NAME($3, @3); fr_names_to(L, &L->list, &L->present); CHECK; }
	| record_items PRESENT LIST       { NAMES_RUN(); fr_names_to(L, &L->list, &L->present); CHECK; }
	| record_items PRESENT more_names { fr_names_to(L, &L->list, &L->present); CHECK; }
	| record_items APOLOGIES IDENT      { ONE_NAME($3, @3); fr_names_to(L, &L->list, &L->apologies); CHECK; }
	| record_items APOLOGIES LIST       { NAMES_RUN(); fr_names_to(L, &L->list, &L->apologies); CHECK; }
	| record_items APOLOGIES more_names { fr_names_to(L, &L->list, &L->apologies); CHECK; }
	| record_items ATTENDING IDENT      { ONE_NAME($3, @3); fr_names_to(L, &L->list, &L->attending); CHECK; }
	| record_items ATTENDING LIST       { NAMES_RUN(); fr_names_to(L, &L->list, &L->attending); CHECK; }
	| record_items ATTENDING more_names { fr_names_to(L, &L->list, &L->attending); CHECK; }
	| record_items ARRIVES IDENT      { ONE_NAME($3, @3); fr_step(L, &L->list, STEP_ARRIVES); CHECK; }
	| record_items ARRIVES LIST       { NAMES_RUN(); fr_step(L, &L->list, STEP_ARRIVES); CHECK; }
	| record_items ARRIVES more_names { fr_step(L, &L->list, STEP_ARRIVES); CHECK; }
	| record_items LEAVES IDENT      { ONE_NAME($3, @3); fr_step(L, &L->list, STEP_LEAVES); CHECK; }
	| record_items LEAVES LIST       { NAMES_RUN(); fr_step(L, &L->list, STEP_LEAVES); CHECK; }
	| record_items LEAVES more_names { fr_step(L, &L->list, STEP_LEAVES); CHECK; }
	| record_items DEPUTY IDENT FOR IDENT   { fr_deputy(L, $3, @3, $5, @5); CHECK; }
	| record_items DEPUTY IDENT FOR_NAMES   /* one name: `for a, b` is the full path's to report */
		{ if ($4->n != 1) YYABORT; fr_deputy(L, $3, @3, $4->items[0].id, $4->items[0].span); CHECK; }
	| record_items motion_head '{' motion_items '}'
		{ fr_motion_end(L, SPAN(@2, @5)); }
	| record_items motion_open motion_items '}'
		{ fr_motion_end(L, SPAN(@2, @4)); }
	| record_items motion_head '{' motion_items RECORDED_CLOSE
		{ RECORDED((enum outcome)$5->outcome, $5->said); fr_motion_end(L, SPAN(@2, @5)); }
	| record_items motion_open motion_items RECORDED_CLOSE
		{ RECORDED((enum outcome)$4->outcome, $4->said); fr_motion_end(L, SPAN(@2, @4)); }
	| record_items motion_head '{' motion_items motion_close { fr_motion_end(L, SPAN(@2, @5)); }
	| record_items motion_open motion_items motion_close { fr_motion_end(L, SPAN(@2, @4)); }
	| record_items motion_head '{' motion_items VOTES_CLOSE
		{ fr_votes_said(L, $5); CHECK; CLOSED(); fr_motion_end(L, SPAN(@2, @5)); }
	| record_items motion_open motion_items VOTES_CLOSE
		{ fr_votes_said(L, $4); CHECK; CLOSED(); fr_motion_end(L, SPAN(@2, @4)); }
	;

/* a statement read with `recorded <outcome> }` (L->outcome): the motion
** ends on it (VOTES_CLOSE, the usual end, has the rules of its own above:
** one reduction less) */
motion_close
	: ABSTAIN_CLOSE          { fr_votes_said(L, $1); CHECK; CLOSED(); }
	| TALLY_CLOSE            { ONCE(SAID_TALLY); fr_tally_counts(L, $1, $1->at); CLOSED(); }
	| CONSENSUS_CLOSE
		{ L->motion->consensus = true; L->motion->consensus_span = (struct span){ @1.start, @1.start + 9 }; CLOSED(); }
	;

motion_open
	: MOTION_OPEN            { fr_motion_head(L, $1); CHECK; }
	;

/* `motion`, its number and its title (the motion begins), then its
** attributes, one reduction each */
motion_head
	: MOTION                 { fr_motion_begin(L, NULL, NULL); CHECK; }
	| MOTION NUMBER          { fr_motion_begin(L, $2->text, NULL); CHECK; }
	| MOTION STRING          { fr_motion_begin(L, NULL, $2); CHECK; }
	| MOTION NUMBER STRING   { fr_motion_begin(L, $2->text, $3); CHECK; }
	| MOTION_HEAD            { fr_motion_head(L, $1); CHECK; }
	| motion_head IDENT
		{ fr_attribute(L, $2, @2, NULL, (struct span){ @2.end, @2.end }); CHECK; }
	| motion_head IDENT NUMBER
		{ struct value v = fr_number_value($3); fr_attribute(L, $2, @2, &v, @3); CHECK; }
	| motion_head IDENT STRING
		{ struct value v = { .type = VT_STR, .u.str = $3 }; fr_attribute(L, $2, @2, &v, @3); CHECK; }
	| motion_head IDENT DATE
		{ struct value v = { .type = VT_DATE, .u.date = $3 }; fr_attribute(L, $2, @2, &v, @3); CHECK; }
	| motion_head IDENT TRUE
		{ struct value v = { .type = VT_BOOL, .u.boolean = true }; fr_attribute(L, $2, @2, &v, @3); CHECK; }
	| motion_head IDENT FALSE
		{ struct value v = { .type = VT_BOOL, .u.boolean = false }; fr_attribute(L, $2, @2, &v, @3); CHECK; }
	;

string_opt
	: %empty                 { $$ = NULL; }
	| STRING                 { $$ = $1; }
	;

/*
** A statement that takes names has them as one token, nearly always: IDENT,
** or LIST (names and commas, over lines too), read by the statement's own
** rule (ONE_NAME, NAMES_RUN).  more_names: in more than one token (a
** comment among them), each part added to L->list as it is read (a LIST's
** names are in L->run only until the next LIST is scanned).
*/
more_names
	: first_names ',' IDENT  { fr_list_add(L, $3, @3); CHECK; }
	| first_names ',' LIST   { fr_list_add_run(L); CHECK; }
	| more_names ',' IDENT   { fr_list_add(L, $3, @3); CHECK; }
	| more_names ',' LIST    { fr_list_add_run(L); CHECK; }
	;

first_names
	: IDENT                  { ONE_NAME($1, @1); }
	| LIST                   { NAMES_RUN(); }
	;

motion_items
	: %empty
	| motion_items INTEREST IDENT string_opt    { fr_reasoned(L, &L->interests, $3, @3, $4); CHECK; }
	| motion_items FOR_NAMES      { fr_votes_said(L, $2); CHECK; }
	| motion_items AGAINST_NAMES  { fr_votes_said(L, $2); CHECK; }
	| motion_items ABSTAIN_NAMES  { fr_votes_said(L, $2); CHECK; }
	| motion_items FOR IDENT      { ONE_NAME($3, @3); fr_votes(L, &L->list, VOTE_FOR); CHECK; }
	| motion_items FOR LIST       { NAMES_RUN(); fr_votes(L, &L->list, VOTE_FOR); CHECK; }
	| motion_items FOR more_names { fr_votes(L, &L->list, VOTE_FOR); CHECK; }
	| motion_items AGAINST IDENT      { ONE_NAME($3, @3); fr_votes(L, &L->list, VOTE_AGAINST); CHECK; }
	| motion_items AGAINST LIST       { NAMES_RUN(); fr_votes(L, &L->list, VOTE_AGAINST); CHECK; }
	| motion_items AGAINST more_names { fr_votes(L, &L->list, VOTE_AGAINST); CHECK; }
	| motion_items ABSTAIN IDENT      { ONE_NAME($3, @3); fr_votes(L, &L->list, VOTE_ABSTAIN); CHECK; }
	| motion_items ABSTAIN LIST       { NAMES_RUN(); fr_votes(L, &L->list, VOTE_ABSTAIN); CHECK; }
	| motion_items ABSTAIN more_names { fr_votes(L, &L->list, VOTE_ABSTAIN); CHECK; }
	| motion_items TALLY_AS
		{ ONCE(SAID_TALLY); fr_tally_counts(L, $2, $2->at); }
	| motion_items TALLY FOR NUMBER AGAINST NUMBER tally_abstain_opt
		{ ONCE(SAID_TALLY); fr_tally(L, $4, $6, $7, SPAN(@2, @7)); CHECK; }
	| motion_items CONSENSUS
		{ L->motion->consensus = true; L->motion->consensus_span = @2; }
	| motion_items OBJECTION IDENT string_opt   { fr_reasoned(L, &L->objections, $3, @3, $4); CHECK; }
	| motion_items CASTING FOR
		{ ONCE(SAID_CASTING); L->motion->has_casting = true; L->motion->casting = VOTE_FOR;
		  L->motion->casting_span = SPAN(@2, @3); }
	| motion_items CASTING AGAINST
		{ ONCE(SAID_CASTING); L->motion->has_casting = true; L->motion->casting = VOTE_AGAINST;
		  L->motion->casting_span = SPAN(@2, @3); }
	| motion_items CASTING IDENT
		{ WORD($3, "declined"); ONCE(SAID_CASTING);
		  L->motion->casting_declined = true; L->motion->casting = VOTE_FOR; L->motion->casting_span = SPAN(@2, @3); }
	| motion_items RECORDED_AS                 { RECORDED((enum outcome)$2->outcome, $2->said); }
	| motion_items RECORDED CARRIED            { RECORDED(OUTCOME_CARRIED, SPAN(@2, @3)); }
	| motion_items RECORDED NOT CARRIED        { RECORDED(OUTCOME_NOT_CARRIED, SPAN(@2, @4)); }
	| motion_items RECORDED VOID               { RECORDED(OUTCOME_VOID, SPAN(@2, @3)); }
	| motion_items RECORDED PROVISIONAL        { RECORDED(OUTCOME_PROVISIONAL, SPAN(@2, @3)); }
	| motion_items RECORDED UNDETERMINED       { RECORDED(OUTCOME_UNDETERMINED, SPAN(@2, @3)); }
	| motion_items DECLARED outcome
		{ ONCE(SAID_DECLARED); L->motion->declared = (enum outcome)$3; L->motion->declared_span = SPAN(@2, @3); }
	| motion_items EXPECT outcome
		{ ONCE(SAID_EXPECT); L->motion->expected = (enum outcome)$3; L->motion->expected_span = SPAN(@2, @3); }
	| motion_items NOTICE IDENT DATE
		{ WORD($3, "given"); ONCE(SAID_NOTICE); L->motion->has_notice_given = true; L->motion->notice_given = $4; }
	| motion_items VIRTUAL ON DATE
		{ ONCE(SAID_VIRTUAL); L->motion->is_virtual = true; L->motion->virtual_on = $4; }
	| motion_items RATIFIES STRING MOTION NUMBER
		{ ONCE(SAID_RATIFIES); L->motion->ratifies_meeting = $3; L->motion->ratifies_motion = $5->text;
		  L->motion->ratifies_span = SPAN(@2, @5); }
	| motion_items RATIFIES STRING MOTION_HEAD /* `motion 2`, read as one token: a number, no title */
		{ if (!$4->number || $4->title) YYABORT;
		  ONCE(SAID_RATIFIES); L->motion->ratifies_meeting = $3; L->motion->ratifies_motion = $4->number;
		  L->motion->ratifies_span = SPAN(@2, @4); }
	| motion_items CHAIR IDENT
		{ ONCE(SAID_PRESIDING); L->motion->presiding = fr_name(L, $3, @3); }
	| motion_items CHAIR_NAMES
		{ if ($2->n != 1) YYABORT;
		  ONCE(SAID_PRESIDING); L->motion->presiding = fr_name(L, $2->items[0].id, $2->items[0].span); }
	| motion_items APPROVED BY STRING ON DATE
		{ ONCE(SAID_APPROVAL); L->motion->has_approval = true; L->motion->approval_body = $4;
		  L->motion->approval_on = $6; L->motion->approval_span = SPAN(@2, @6); }
	| motion_items REFUSED BY STRING ON DATE
		{ ONCE(SAID_APPROVAL); L->motion->has_approval = true; L->motion->approval_refused = true;
		  L->motion->approval_body = $4; L->motion->approval_on = $6; L->motion->approval_span = SPAN(@2, @6); }
	;

tally_abstain_opt
	: %empty %prec TALLY_END { $$ = NULL; }
	| ABSTAIN NUMBER         { $$ = $2; }
	| ABSTAIN_NAMES          { YYABORT; } /* `abstain` after a tally takes a number (the full path says so) */
	| ABSTAIN_CLOSE          { YYABORT; }
	;

outcome
	: CARRIED                { $$ = OUTCOME_CARRIED; }
	| NOT CARRIED            { $$ = OUTCOME_NOT_CARRIED; }
	| VOID                   { $$ = OUTCOME_VOID; }
	| PROVISIONAL            { $$ = OUTCOME_PROVISIONAL; }
	| UNDETERMINED           { $$ = OUTCOME_UNDETERMINED; }
	;

%%
