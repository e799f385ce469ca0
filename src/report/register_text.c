/*
** register_text: the registers as plain text (fixed-width tables), and as
** Markdown that pastes cleanly into minutes (pipe tables, one per year).
*/
#include "report/register_int.h"

#include <string.h>

#include "base/wbuf.h"

/* "P present, L arrived late, ..." */
static void attendance_key(FILE *out, const char *sep)
{
	static const enum attendance order[] = { ATT_PRESENT, ATT_LATE, ATT_EARLY, ATT_LATE_EARLY, ATT_OUT_FOR_PART,
	                                         ATT_APOLOGIES, ATT_ABSENT, ATT_NOT_MEMBER };
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
		fprintf(out, "%s%s %s", i ? sep : "", attendance_letter(order[i]), attendance_name(order[i]));
}

/* "2024" or "2024, continued" into buf[TITLE_MAX], by hand (a table's most
** costly call before) */
#define TITLE_MAX (NUMFMT_MAX + sizeof ", continued")
static const char *table_title(const struct reg_table *t, char *buf)
{
	char *o = buf + numfmt_i64_fast(buf, t->year);
	if (t->part > 1)
		memcpy(o, ", continued", sizeof ", continued");
	return buf;
}

static const char *member_label(const struct reg_member *m, char *buf, size_t size)
{
	snprintf(buf, size, "%s (%s)%s", m->name, m->id, m->voting ? "" : ", no vote");
	return buf;
}

/* ---- text ---------------------------------------------------------------------- */

/* s, whose width is w, and blanks after it to `width` characters */
static void pad_after_width(struct wbuf *b, const char *s, unsigned w, unsigned width)
{
	static const char blanks[] = "                                ";
	wbuf_puts(b, s);
	while (w < width) {
		unsigned k = width - w < sizeof blanks - 1 ? width - w : (unsigned)sizeof blanks - 1;
		wbuf_write(b, blanks, k);
		w += k;
	}
}

/* s and blanks after it to `width` characters (reg_pad, into a wbuf) */
static void pad_after(struct wbuf *b, const char *s, unsigned width)
{
	pad_after_width(b, s, reg_width(s), width);
}

/* Each attendance's cell, a blank and its letters, as 8 bytes with blanks
** after them (6 copied to the next cell: a column is 5 wide, MM-DD), and
** its length where it ends a line (no blanks at the end). */
struct cell_texts {
	char text[ATT__COUNT][8];
	unsigned char last[ATT__COUNT];
};

/* false: a letter is not 1 to 4 ASCII characters (then table_cells) */
static bool cell_texts_of(struct cell_texts *ct, const char *const *letter)
{
	for (unsigned a = 0; a < ATT__COUNT; a++) {
		size_t n = strlen(letter[a]);
		if (n < 1 || n > 4)
			return false;
		for (size_t i = 0; i < n; i++)
			if ((unsigned char)letter[a][i] >= 0x80)
				return false;
		memset(ct->text[a], ' ', sizeof ct->text[a]);
		memcpy(ct->text[a] + 1, letter[a], n);
		ct->last[a] = (unsigned char)(1 + n);
	}
	return true;
}

/* A row's cells, each an 8-byte copy, in one piece of the buffer. */
static void row_cells(struct wbuf *b, const enum attendance *cells, unsigned n, const struct cell_texts *ct)
{
	char *p = wbuf_space(b, 6 * (size_t)n + 8), *start = p;
	for (unsigned c = 0; c < n; c++, p += 6)
		memcpy(p, ct->text[cells[c]], 8);
	if (n)
		p += ct->last[cells[n - 1]] - 6;
	wbuf_wrote(b, n ? p : start);
}

/* A row's cells: a column is 5 wide (MM-DD), no blanks at the end of the
** line.  A cell of one letter (most) is written in place, its letter from
** a table made once for the table: thousands of cells a history, four
** calls each before. */
static void table_cells(struct wbuf *b, const enum attendance *cells, unsigned n, const char *const *letter)
{
	for (unsigned c = 0; c < n; c++) {
		const char *cell = letter[cells[c]];
		bool last = c + 1 == n;
		if (cell[0] && !cell[1] && (unsigned char)cell[0] < 0x80) {
			char *p = wbuf_space(b, 6);
			p[0] = ' ';
			p[1] = cell[0];
			if (!last)
				memcpy(p + 2, "    ", 4);
			wbuf_wrote(b, p + (last ? 2 : 6));
		} else {
			wbuf_putc(b, ' ');
			pad_after(b, cell, last ? 0 : 5);
		}
	}
}

void register_text_cells(struct wbuf *b, const enum attendance *cells, unsigned n, bool by_copies)
{
	const char *letter[ATT__COUNT];
	for (unsigned a = 0; a < ATT__COUNT; a++)
		letter[a] = attendance_letter((enum attendance)a);
	struct cell_texts ct;
	if (by_copies && cell_texts_of(&ct, letter) && n <= REGISTER_TABLE_MEETINGS)
		row_cells(b, cells, n, &ct);
	else
		table_cells(b, cells, n, letter);
}

/* A year's table: a line a member, a column a meeting.  Through a wbuf:
** a table is a few hundred short writes, as many stdio calls before. */
static void text_table(struct register_report *rr, struct body_out *bo, const struct reg_table *t)
{
	(void)rr;
	struct wbuf b;
	wbuf_init(&b, bo->tables);
	char title[TITLE_MAX];
	const char *letter[ATT__COUNT];
	for (unsigned a = 0; a < ATT__COUNT; a++)
		letter[a] = attendance_letter((enum attendance)a);
	struct cell_texts ct;
	bool eight = cell_texts_of(&ct, letter) && t->n_meetings <= REGISTER_TABLE_MEETINGS; /* a row fits the buffer */
	/* each name's width measured once, when the registers named it */
	unsigned w = 6;
	for (unsigned r = 0; r < t->n_members; r++)
		w = t->members[r]->name_width > w ? t->members[r]->name_width : w;
	wbuf_puts(&b, "\n  ");
	pad_after(&b, table_title(t, title), w);
	for (unsigned c = 0; c < t->n_meetings; c++) {
		char d[DATE_FMT_MAX];
		reg_date_text(&bo->table_month, t->meetings[c].date, d);
		wbuf_putc(&b, ' ');
		wbuf_write(&b, d + 5, 5); /* MM-DD */
	}
	wbuf_putc(&b, '\n');
	for (unsigned r = 0; r < t->n_members; r++) {
		wbuf_puts(&b, "  ");
		pad_after_width(&b, t->members[r]->name, t->members[r]->name_width, w);
		if (eight)
			row_cells(&b, &t->cells[r * t->n_meetings], t->n_meetings, &ct);
		else
			table_cells(&b, &t->cells[r * t->n_meetings], t->n_meetings, letter);
		wbuf_putc(&b, '\n');
	}
	wbuf_flush(&b);
}

/* The room reg_declarant and reg_effect are given (what is longer is cut there). */
#define REG_TEXT_MAX 512

/* reg_declarant's text, written into b */
static void put_declarant(struct wbuf *b, const struct reg_interest *d)
{
	const char *first = d->member_name ? d->member_name : d->effect->who->id;
	const char *second = d->member_name ? d->effect->who->id : "not on the roster";
	size_t n1 = strlen(first), n2 = strlen(second);
	if (n1 + n2 + 3 >= REG_TEXT_MAX) {
		char who[REG_TEXT_MAX];
		wbuf_puts(b, reg_declarant(d, who, sizeof who));
		return;
	}
	wbuf_write(b, first, n1);
	wbuf_write(b, " (", 2);
	wbuf_write(b, second, n2);
	wbuf_putc(b, ')');
}

/* reg_effect's text, written into b: its pieces measured once, not joined
** into a buffer and measured again */
static void put_effect(struct wbuf *b, const struct reg_interest *d)
{
	bool anyway;
	const char *voted = interest_voted_text(d, true, &anyway);
	const char *clause = d->terms->interests_clause;
	static const char though[] = ", though the vote is void";
	const char *piece[4] = { interest_rule_text(d, true), interest_quorum_text(d, true), interest_room_text(d, true),
		                 voted };
	size_t len[4], clause_len = clause ? strlen(clause) : 0;
	size_t total = clause ? sizeof "§" - 1 + clause_len + 2 : 0;
	for (unsigned i = 0; i < 4; i++) {
		len[i] = strlen(piece[i]);
		total += len[i] + (i ? 2 : 0);
	}
	total += anyway ? sizeof though - 1 : 0;
	if (total >= REG_TEXT_MAX) {
		char effect[REG_TEXT_MAX];
		wbuf_puts(b, reg_effect(d, effect, sizeof effect));
		return;
	}
	if (clause) {
		wbuf_write(b, "§", sizeof "§" - 1);
		wbuf_write(b, clause, clause_len);
		wbuf_write(b, ": ", 2);
	}
	for (unsigned i = 0; i < 4; i++) {
		if (i)
			wbuf_write(b, "; ", 2);
		wbuf_write(b, piece[i], len[i]);
	}
	if (anyway)
		wbuf_write(b, though, sizeof though - 1);
}

/* d's effect as put_effect writes it, kept in slots (REG_EFFECT_SLOTS;
** NULL: none): a history's declarations say one of a few. */
static void put_effect_kept(struct wbuf *b, struct reg_effect_text *slots, const struct reg_interest *d)
{
	const char *words[4];
	bool anyway, kept;
	struct reg_effect_text *t = slots ? reg_effect_slot(slots, d, true, 0, words, &anyway, &kept) : NULL;
	if (!t) {
		put_effect(b, d);
		return;
	}
	if (!kept) {
		/* a clause shorter than REG_EFFECT_CLAUSE and the words: not cut at REG_TEXT_MAX */
		_Static_assert(REG_TEXT_MAX <= REG_EFFECT_TEXT, "room for an effect");
		reg_effect(d, t->text, REG_TEXT_MAX);
		reg_effect_keep(t, d, words, anyway, 0, strlen(t->text));
	}
	wbuf_write(b, t->text, t->len);
}

void register_text_effect_kept(struct wbuf *b, struct reg_effect_text *slots, const struct reg_interest *d)
{
	put_effect_kept(b, slots, d);
}

void register_text_declaration(struct wbuf *b, const struct reg_interest *d)
{
	put_declarant(b, d);
	wbuf_putc(b, '|');
	put_effect(b, d);
}

/* Through the body's buffer for its declarations where it has one (given
** out when the registers are written), else one of its own. */
static void text_interest(struct register_report *rr, struct body_out *bo, const struct reg_interest *d)
{
	(void)rr;
	struct wbuf own, *b = bo->iw;
	if (!b) {
		b = &own;
		wbuf_init(b, bo->interests);
	}
	char date[DATE_FMT_MAX];
	size_t dn = reg_date_text(&bo->interest_month, d->meeting->date, date);
	wbuf_puts(b, "  ");
	wbuf_write(b, date, dn);
	wbuf_puts(b, "  ");
	wbuf_puts(b, d->meeting->title);
	wbuf_puts(b, ", motion ");
	wbuf_puts(b, d->motion->number);
	wbuf_puts(b, ": ");
	wbuf_puts(b, d->motion->title);
	wbuf_puts(b, "\n      ");
	put_declarant(b, d);
	if (d->effect->who->reason) {
		wbuf_puts(b, ": ");
		wbuf_puts(b, d->effect->who->reason);
	}
	wbuf_puts(b, "\n      ");
	put_effect_kept(b, bo->effects, d);
	wbuf_putc(b, '\n');
	if (b == &own)
		wbuf_flush(b);
}

static bool text_body(struct register_report *rr, struct body_out *bo, FILE *out, struct json_writer *w)
{
	(void)rr;
	(void)w;
	const struct reg_body *b = bo->body;
	fprintf(out, "\nAttendance register: %s\n  ", b->name);
	reg_body_summary(out, b);
	fputc('\n', out);
	if (b->members.n) {
		char label[512];
		unsigned nw = 6;
		for (size_t i = 0; i < b->members.n; i++) {
			unsigned lw = reg_width(member_label(b->members.items[i], label, sizeof label));
			nw = lw > nw ? lw : nw;
		}
		fputs("\n  ", out);
		reg_pad(out, "member", nw, false);
		fputs("  meetings  present  in part  apologies  absent\n", out);
		for (size_t i = 0; i < b->members.n; i++) {
			const struct reg_member *m = b->members.items[i];
			fputs("  ", out);
			reg_pad(out, member_label(m, label, sizeof label), nw, false);
			fprintf(out, "  %8u  %7u  %7u  %9u  %6u\n", reg_member_meetings(m), reg_member_present(m),
			        reg_member_part(m), m->by_status[ATT_APOLOGIES], m->by_status[ATT_ABSENT]);
		}
		fputs("  (present counts those there for all or part of the meeting; in part: arrived late, left early\n"
		      "  or out for part of it)\n", out);
	}
	bool ok = register_copy(bo->tables, out);
	if (bo->n_tables) {
		fputs("\n  key: ", out);
		attendance_key(out, ", ");
		fputc('\n', out);
	}
	fprintf(out, "\nDeclarations of interest: %s\n", b->name);
	if (!bo->n_interests)
		fputs("  none recorded\n", out);
	return register_copy(bo->interests, out) && ok;
}

static void text_begin(struct register_report *rr, FILE *out, struct json_writer *w, bool standalone)
{
	(void)rr;
	(void)w;
	if (standalone)
		fputs("Registers\n", out);
}

static void no_end(struct register_report *rr, FILE *out, struct json_writer *w, bool standalone)
{
	(void)rr;
	(void)out;
	(void)w;
	(void)standalone;
}

const struct register_format_ops register_text_ops = { text_table, text_interest, text_body, text_begin, no_end };

/* ---- Markdown ------------------------------------------------------------------ */

static void md_table(struct register_report *rr, struct body_out *bo, const struct reg_table *t)
{
	(void)rr;
	FILE *out = bo->tables;
	char title[TITLE_MAX];
	fprintf(out, "\n### %s\n\n| member |", table_title(t, title));
	for (unsigned c = 0; c < t->n_meetings; c++) {
		char d[REG_DATE_MAX];
		fprintf(out, " %s |", reg_date_short(t->meetings[c].date, d));
	}
	fputs("\n| --- |", out);
	for (unsigned c = 0; c < t->n_meetings; c++)
		fputs(" :-: |", out);
	fputc('\n', out);
	for (unsigned r = 0; r < t->n_members; r++) {
		fputs("| ", out);
		report_md_text(out, t->members[r]->name);
		fputs(" |", out);
		for (unsigned c = 0; c < t->n_meetings; c++)
			fprintf(out, " %s |", attendance_letter(t->cells[r * t->n_meetings + c]));
		fputc('\n', out);
	}
}

static void md_interest(struct register_report *rr, struct body_out *bo, const struct reg_interest *d)
{
	(void)rr;
	FILE *out = bo->interests;
	char date[DATE_FMT_MAX], who[512], effect[512];
	if (bo->n_interests == 0)
		fputs("| date | meeting | motion | member | interest | effect |\n| --- | --- | --- | --- | --- | --- |\n", out);
	const char *cells[] = { date_format(d->meeting->date, date), d->meeting->title, NULL, reg_declarant(d, who, sizeof who),
	                        d->effect->who->reason ? d->effect->who->reason : "", reg_effect(d, effect, sizeof effect) };
	for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
		fputs(i ? " | " : "| ", out);
		if (cells[i]) {
			report_md_text(out, cells[i]);
		} else {
			fprintf(out, "%s ", d->motion->number);
			report_md_text(out, d->motion->title);
		}
	}
	fputs(" |\n", out);
}

static bool md_body(struct register_report *rr, struct body_out *bo, FILE *out, struct json_writer *w)
{
	(void)rr;
	(void)w;
	const struct reg_body *b = bo->body;
	/* each body's part starts after a blank line and ends with one */
	fputs("## Attendance register: ", out);
	report_md_text(out, b->name);
	fputs("\n\n", out);
	reg_body_summary(out, b);
	fputc('\n', out);
	if (b->members.n) {
		fputs("\n| member | meetings | present | in part | apologies | absent |\n"
		      "| --- | ---: | ---: | ---: | ---: | ---: |\n", out);
		for (size_t i = 0; i < b->members.n; i++) {
			const struct reg_member *m = b->members.items[i];
			char label[512];
			fputs("| ", out);
			report_md_text(out, member_label(m, label, sizeof label));
			fprintf(out, " | %u | %u | %u | %u | %u |\n", reg_member_meetings(m), reg_member_present(m),
			        reg_member_part(m), m->by_status[ATT_APOLOGIES], m->by_status[ATT_ABSENT]);
		}
		fputs("\n*Present* counts those there for all or part of the meeting; *in part*: arrived late, left early "
		      "or out for part of it.\n", out);
	}
	bool ok = register_copy(bo->tables, out);
	if (bo->n_tables) {
		fputs("\nKey: ", out);
		attendance_key(out, "; ");
		fputs(".\n", out);
	}
	fputs("\n## Declarations of interest: ", out);
	report_md_text(out, b->name);
	fputs("\n\n", out);
	if (!bo->n_interests)
		fputs("None recorded.\n", out);
	ok = register_copy(bo->interests, out) && ok;
	fputc('\n', out);
	return ok;
}

static void md_begin(struct register_report *rr, FILE *out, struct json_writer *w, bool standalone)
{
	(void)rr;
	(void)w;
	if (standalone)
		fputs("# Registers\n\n", out);
}

const struct register_format_ops register_md_ops = { md_table, md_interest, md_body, md_begin, no_end };
