/*
** register_html: the registers as HTML sections (of the replay page, or of a
** page of their own): the attendance totals, a grid per year (a letter and
** its meaning in every cell, so colour is never the only carrier), and the
** declarations of interest with their effect.  Wide grids scroll inside
** their own labelled region, never the page; the declarations stack into
** one block per declaration on narrow screens (the page's stylesheet).
*/
#include "report/register_int.h"

#include "report/report_html.h"

static unsigned body_index(const struct register_report *rr, const struct body_out *bo)
{
	(void)rr;
	return bo->index + 1;
}

static void html_table(struct register_report *rr, struct body_out *bo, const struct reg_table *t)
{
	FILE *out = bo->tables;
	unsigned bi = body_index(rr, bo);
	fprintf(out, "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"att%u-%u\">\n"
	             "<table class=\"grid\"><caption id=\"att%u-%u\">%d%s</caption>\n<thead><tr><th scope=\"col\">member</th>",
	        bi, bo->n_tables + 1, bi, bo->n_tables + 1, t->year, t->part > 1 ? ", continued" : "");
	for (unsigned c = 0; c < t->n_meetings; c++) {
		char d[REG_DATE_MAX], full[REG_DATE_MAX];
		fputs("<th scope=\"col\">", out);
		if (rr->link_meetings)
			fprintf(out, "<a href=\"#m%u\" title=\"", t->meetings[c].seq);
		else
			fputs("<span title=\"", out);
		html_escape(out, reg_date_long(t->meetings[c].date, full));
		fputs(": ", out);
		html_escape(out, t->meetings[c].title);
		fprintf(out, "\">%s</%s></th>", reg_date_short(t->meetings[c].date, d), rr->link_meetings ? "a" : "span");
	}
	fputs("</tr></thead>\n<tbody>\n", out);
	for (unsigned r = 0; r < t->n_members; r++) {
		fputs("<tr><th scope=\"row\">", out);
		html_escape(out, t->members[r]->name);
		fputs("</th>", out);
		for (unsigned c = 0; c < t->n_meetings; c++) {
			enum attendance a = t->cells[r * t->n_meetings + c];
			fprintf(out, "<td class=\"att att-%d\"><abbr title=\"%s\">%s</abbr></td>", (int)a, attendance_name(a),
			        attendance_letter(a));
		}
		fputs("</tr>\n", out);
	}
	fputs("</tbody></table></div>\n", out);
}

static void html_interest(struct register_report *rr, struct body_out *bo, const struct reg_interest *d)
{
	FILE *out = bo->interests;
	char date[REG_DATE_MAX], who[512], effect[512];
	/* the date and the meeting in one cell: six columns do not fit 800 px */
	fprintf(out, "<tr><td data-label=\"meeting\"><span class=\"date\">%s</span> ", reg_date_long(d->meeting->date, date));
	if (rr->link_meetings)
		fprintf(out, "<a href=\"#m%u\">", d->seq);
	html_escape(out, d->meeting->title);
	fputs(rr->link_meetings ? "</a>" : "", out);
	fputs("</td><td data-label=\"motion\">", out);
	html_escape(out, d->motion->number);
	fputs(": ", out);
	html_escape(out, d->motion->title);
	fputs("</td><td data-label=\"member\">", out);
	html_escape(out, reg_declarant(d, who, sizeof who));
	fputs("</td><td data-label=\"interest\">", out);
	html_escape(out, d->effect->who->reason ? d->effect->who->reason : "");
	fputs("</td><td data-label=\"effect\">", out);
	html_escape(out, reg_effect(d, effect, sizeof effect));
	fputs("</td></tr>\n", out);
}

static bool html_body(struct register_report *rr, struct body_out *bo, FILE *out, struct json_writer *w)
{
	(void)w;
	const struct reg_body *b = bo->body;
	unsigned bi = body_index(rr, bo);
	char a[REG_DATE_MAX], z[REG_DATE_MAX];
	fprintf(out, "<section class=\"register\" aria-labelledby=\"attendance%u\">\n<h2 id=\"attendance%u\">Attendance register: ", bi, bi);
	html_escape(out, b->name);
	fputs("</h2>\n<p>", out);
	/* the summary sentence, escaped: it holds dates and counts only */
	reg_body_summary(out, b);
	fputs("</p>\n", out);
	if (b->members.n) {
		fprintf(out, "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"totals%u\">\n"
		             "<table class=\"totals\"><caption id=\"totals%u\">Totals", bi, bi);
		if (b->meetings == 1)
			fprintf(out, ", %s", reg_date_long(b->first, a));
		else if (b->meetings)
			fprintf(out, ", %s to %s", reg_date_long(b->first, a), reg_date_long(b->last, z));
		fputs("</caption>\n<thead><tr><th scope=\"col\">member</th><th scope=\"col\" class=\"num\">meetings</th>"
		      "<th scope=\"col\" class=\"num\">present</th><th scope=\"col\" class=\"num\">in part</th>"
		      "<th scope=\"col\" class=\"num\">apologies</th><th scope=\"col\" class=\"num\">absent</th></tr></thead>\n<tbody>\n", out);
		for (size_t i = 0; i < b->members.n; i++) {
			const struct reg_member *m = b->members.items[i];
			fputs("<tr><th scope=\"row\">", out);
			html_escape(out, m->name);
			fputs(m->voting ? "" : " <span class=\"meta\">(no vote)</span>", out);
			fprintf(out, "</th><td class=\"num\">%u</td><td class=\"num\">%u</td><td class=\"num\">%u</td>"
			             "<td class=\"num\">%u</td><td class=\"num\">%u</td></tr>\n",
			        reg_member_meetings(m), reg_member_present(m), reg_member_part(m), m->by_status[ATT_APOLOGIES],
			        m->by_status[ATT_ABSENT]);
		}
		fputs("</tbody></table></div>\n<p class=\"meta\"><em>Present</em> counts those there for all or part of the "
		      "meeting; <em>in part</em>: arrived late, left early or out for part of it.</p>\n", out);
	}
	bool ok = register_copy(bo->tables, out);
	if (bo->n_tables) {
		static const enum attendance order[] = { ATT_PRESENT, ATT_LATE, ATT_EARLY, ATT_LATE_EARLY,
		                                         ATT_OUT_FOR_PART, ATT_APOLOGIES, ATT_ABSENT, ATT_NOT_MEMBER };
		fputs("<p class=\"att-key\">Key:", out);
		for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
			fprintf(out, " <span class=\"key-item\"><span class=\"att att-%d\">%s</span> %s%s</span>", (int)order[i],
			        attendance_letter(order[i]), attendance_name(order[i]), i + 1 < sizeof order / sizeof order[0] ? "," : ".");
		fputs("</p>\n", out);
	}
	fprintf(out, "</section>\n<section class=\"register\" aria-labelledby=\"interests%u\">\n"
	             "<h2 id=\"interests%u\">Declarations of interest: ", bi, bi);
	html_escape(out, b->name);
	fputs("</h2>\n", out);
	if (bo->n_interests) {
		fputs("<table class=\"interests stack\">\n<thead><tr><th scope=\"col\">meeting</th>"
		      "<th scope=\"col\">motion</th><th scope=\"col\">member</th><th scope=\"col\">interest</th>"
		      "<th scope=\"col\">effect</th></tr></thead>\n<tbody>\n", out);
		ok = register_copy(bo->interests, out) && ok;
		fputs("</tbody></table>\n", out);
	} else {
		fputs("<p>None recorded.</p>\n", out);
	}
	fputs("</section>\n", out);
	return ok;
}

static void html_reg_begin(struct register_report *rr, FILE *out, struct json_writer *w, bool standalone)
{
	(void)w;
	if (!standalone)
		return;
	const char *name = register_n_bodies(rr->rg) == 1 ? register_body(rr->rg, 0)->name : NULL;
	html_begin(out, name ? arena_printf(rr->arena, "Registers: %s", name) : "Registers", name);
	fputs("<header>\n<p class=\"kicker\">Registers of attendance and declared interests</p>\n<h1>", out);
	html_escape(out, name ? name : "Registers");
	fputs("</h1>\n</header>\n", out);
	(void)rr;
}

static void html_reg_end(struct register_report *rr, FILE *out, struct json_writer *w, bool standalone)
{
	(void)rr;
	(void)w;
	if (standalone)
		html_end(out);
}

const struct register_format_ops register_html_ops = { html_table, html_interest, html_body, html_reg_begin,
	                                               html_reg_end };
