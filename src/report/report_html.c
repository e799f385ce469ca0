/*
** report_html: the HTML format (struct report_ops report_html): the audit as
** one self-contained page (replay, eval and register --format html), to read
** on a screen from 360 px wide up, to print on A4 and to file.
**
** No network, no script, no font files: the stylesheet is in the page and
** every chart is inline SVG with a viewBox, sized by CSS.  Text never sits
** inside a scaled drawing (it would shrink with it): a chart's numbers and
** labels are HTML laid over or under it.  Colour never carries a meaning
** alone: every mark has its words beside it (an outcome, a severity, a
** timeline marker's shape and its legend, the numbers of a vote).
**
** The replay page reads in this order: the body and the period audited;
** what needs attention (errors, breaches, warnings, each linked to its
** motion); the summary; the timeline; each meeting (attendance, then each
** motion: class and clause, quorum with its numbers, declared interests and
** their effect, the votes chart, casting vote, outcome against the minutes,
** findings; provenance last); the registers.  The meetings, the items that
** need attention and the registers are written to temporary files while
** the history is judged, and copied into place at the end.
*/
#include "report/report_html.h"

#include <stdlib.h>
#include <string.h>

#include "base/sort.h"
#include "report/register_int.h"
#include "report/report_explain.h"

static void html_escape_n(FILE *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '&': fputs("&amp;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		default: fputc(s[i], out);
		}
	}
}

void html_escape(FILE *out, const char *s)
{
	html_escape_n(out, s, strlen(s));
}

/* html_escape for report_motion_attrs */
static void html_text(void *out, const char *s)
{
	html_escape(out, s);
}

/* A finding's meaning (findings.def) quotes the language between backticks,
** as Markdown does: here each such span is <code>, not two stray backticks. */
static void html_escape_code_spans(FILE *out, const char *s)
{
	const char *open, *close;
	while ((open = strchr(s, '`')) && (close = strchr(open + 1, '`'))) {
		html_escape_n(out, s, (size_t)(open - s));
		fputs("<code>", out);
		html_escape_n(out, open + 1, (size_t)(close - open - 1));
		fputs("</code>", out);
		s = close + 1;
	}
	html_escape(out, s);
}

/*
** The stylesheet.  Screen first; then print (A4, running head with the
** body's name, page numbers, nothing split across pages).  Colours are
** chosen to differ in lightness too, so a grey print still tells them apart.
*/
static const char *const html_style[] = {
	":root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;"
	"--ok:#1a7f37;--warn:#9a6700;--bad:#cf222e;--prov:#0550ae;"
	"--for:#1f883d;--against:#cf222e;--abstain:#afb8c1;--track:#eaeef2}\n"
	"*{box-sizing:border-box}\n"
	"html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\n"
	"body{margin:0;color:var(--ink);background:#fff;font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,"
	"\"Noto Sans\",\"DejaVu Sans\",sans-serif}\n"
	"main{max-width:80rem;margin:0 auto;padding:1.25rem clamp(.75rem,3vw,2.5rem) 3rem}\n"
	"h1{font-size:1.75rem;line-height:1.2;margin:.2rem 0 .4rem}\n"
	"h2{font-size:1.3rem;margin:2.2rem 0 .8rem;padding-bottom:.25rem;border-bottom:2px solid var(--ink)}\n"
	"h3{font-size:1.12rem;margin:0}h4{font-size:1rem;margin:0}\n"
	"p{margin:.4rem 0}a{color:#0550ae}\n"
	"code{font:.88em/1.4 ui-monospace,\"DejaVu Sans Mono\",Menlo,Consolas,monospace;overflow-wrap:anywhere}\n"
	".kicker{margin:0;color:var(--muted);font-size:.9rem;letter-spacing:.04em;text-transform:uppercase}\n"
	".period{font-size:1.05rem;margin:.2rem 0}\n"
	".verdict{display:inline-block;margin:.6rem 0 0;padding:.35rem .7rem;border-radius:.3rem;font-weight:600;"
	"border:1px solid currentColor}\n"
	".v-clean{color:var(--ok)}.v-fail{color:var(--bad)}.v-warn{color:var(--warn)}\n"
	".meta,.provenance{color:var(--muted);font-size:.88rem}\n"
	".provenance{margin-top:.8rem;overflow-wrap:anywhere}\n",
	/* badges: the word is the meaning; the colour repeats it */
	".badge{display:inline-block;padding:0 .4em;border-radius:.25em;font-size:.8rem;font-weight:700;"
	"letter-spacing:.02em;text-transform:uppercase;border:1px solid currentColor;white-space:nowrap;vertical-align:.05em}\n"
	".b-error,.b-breach{color:var(--bad)}.b-warning{color:var(--warn)}.b-note{color:var(--muted)}\n"
	".o-carried{color:var(--ok)}.o-not-carried{color:var(--ink)}.o-void,.o-undetermined{color:var(--warn)}"
	".o-provisional{color:var(--prov)}\n",
	/* what needs attention */
	".attention ol{margin:.3rem 0 1rem;padding-left:1.6rem}.attention li{margin:.45rem 0}\n"
	".attention h3{margin:1rem 0 .2rem;font-size:1rem}\n"
	".where{font-weight:600}\n"
	".all-clear{padding:.6rem .8rem;border-left:4px solid var(--ok);background:var(--soft)}\n",
	/* the summary */
	".stats{display:grid;grid-template-columns:repeat(auto-fill,minmax(7.5rem,1fr));gap:.5rem;margin:.6rem 0 1rem;padding:0}\n"
	".stats div{border:1px solid var(--line);border-radius:.3rem;padding:.4rem .7rem;background:var(--soft)}\n"
	".stats dt{font-size:.85rem;color:var(--muted)}.stats dd{margin:0;font-size:1.5rem;font-weight:700;line-height:1.2}\n"
	"table{border-collapse:collapse;margin:.5rem 0;font-size:.92rem;max-width:100%}table.interests{width:100%}table.interests td:last-child{width:30%}table.interests .date{display:block;white-space:nowrap;font-weight:600}\n"
	"th,td{border:1px solid var(--line);padding:.3rem .55rem;text-align:left;vertical-align:top}\n"
	"thead th{background:var(--soft)}caption{text-align:left;font-weight:700;padding:.2rem 0}\n"
	".num{text-align:right;font-variant-numeric:tabular-nums}\n"
	"td code,th code{overflow-wrap:normal;white-space:nowrap}\n"
	".scroll{max-width:100%;overflow-x:auto}\n"
	/* a register wider than the screen scrolls under its names, which stay */
	"@media screen and (max-width:47.99rem){.scroll tbody th{position:sticky;left:0;z-index:1;background:#fff;"
	"background-clip:padding-box}}.grid th{white-space:nowrap}\n",
	/* the timeline: markers keep their size at any width; labels are text */
	".timeline{margin:.5rem 0 1rem}\n"
	".tl{position:relative;height:5.6rem;margin:0 .6rem}\n"
	".tl-axis{position:absolute;left:0;right:0;top:2.75rem;border-top:2px solid var(--muted)}\n"
	".tl-tick{position:absolute;top:2.25rem;height:1rem;border-left:1px solid var(--muted)}\n"
	".tl-year{position:absolute;top:.9rem;font-size:.8rem;color:var(--muted);white-space:nowrap}\n"
	".tl-end{position:absolute;bottom:0;font-size:.8rem;color:var(--muted);white-space:nowrap}\n"
	".tl-pt{position:absolute;width:14px;height:14px;margin-left:-7px;display:block}\n"
	".tl-pt svg{display:block;width:14px;height:14px}\n"
	".legend{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;margin:.2rem 0 0;padding:0;list-style:none;font-size:.9rem}\n"
	".legend svg{width:12px;height:12px;vertical-align:-1px;margin-right:.3rem}\n"
	".m-clean{fill:var(--ok)}.m-provisional{fill:var(--prov)}.m-warning{fill:#bf8700}.m-breach{fill:var(--bad)}\n",
	/* a meeting */
	".meeting{border-top:1px solid var(--line);padding:1.2rem 0 .6rem}\n"
	".meeting-head .date{color:var(--muted);font-weight:600}\n"
	".status{font-weight:600}\n"
	".people{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .9rem;margin:.6rem 0;font-size:.95rem}\n"
	".people dt{color:var(--muted)}.people dd{margin:0}\n"
	".findings{margin:.4rem 0;padding-left:1.2rem}.findings li{margin:.25rem 0}\n",
	/* a motion */
	".motion{margin:1rem 0 0;padding:.8rem 1rem;border:1px solid var(--line);border-left:4px solid var(--line);"
	"border-radius:.3rem}\n"
	".motion.s-breach{border-left-color:var(--bad)}.motion.s-warning{border-left-color:#bf8700}"
	".motion.s-provisional{border-left-color:var(--prov)}.motion.s-clean{border-left-color:var(--ok)}\n"
	".outcome{margin:.3rem 0 .5rem}.outcome .badge{font-size:.85rem}\n"
	".motion-body{display:grid;grid-template-columns:1fr;gap:.6rem 2rem}\n"
	"@media (min-width:56rem){.motion-body.with-chart{grid-template-columns:minmax(0,1fr) minmax(16rem,24rem)}}\n"
	".facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.2rem .9rem;margin:0;font-size:.95rem}\n"
	".facts dt{color:var(--muted)}.facts dd{margin:0}.facts ul{margin:0;padding-left:1.1rem}\n"
	"@media (max-width:29.99rem){.facts,.people{grid-template-columns:minmax(0,1fr)}.facts dt,.people dt{margin-top:.3rem}"
	".motion{padding:.6rem .7rem}}\n"
	".req{display:block}.attention .req{display:inline}\n",
	/* the votes chart */
	".votes{margin:0;padding-top:1.5rem;min-width:0;max-width:36rem}\n"
	".bar{position:relative}\n"
	".bar svg{display:block;width:100%;height:1.7rem}\n"
	".track{fill:var(--track)}.seg-for{fill:var(--for)}.seg-against{fill:var(--against)}.seg-abstain{fill:var(--abstain)}\n"
	".threshold{stroke:var(--ink);stroke-width:2.5px}\n"
	".bar .n{position:absolute;top:0;line-height:1.7rem;transform:translateX(-50%);font-size:.85rem;font-weight:700;"
	"color:#fff}\n"
	".bar .n.on-light{color:var(--ink)}\n"
	".mark{position:absolute;bottom:100%;margin-bottom:.1rem;font-size:.8rem;font-weight:600;white-space:nowrap;"
	"padding:0 .3rem}\n"
	".mark.at-start{border-left:2px solid var(--ink)}.mark.at-end{transform:translateX(-100%);border-right:2px solid var(--ink)}\n"
	".mark.at-mid{transform:translateX(-50%)}\n"
	".votes figcaption{font-size:.88rem;margin-top:.35rem}\n"
	".sw{display:inline-block;width:.75em;height:.75em;margin-right:.25em;vertical-align:-.02em;border:1px solid rgba(0,0,0,.3)}\n"
	".sw-for{background:var(--for)}.sw-against{background:var(--against)}.sw-abstain{background:var(--abstain)}"
	".sw-none{background:var(--track)}\n",
	/* the registers */
	".grid td{text-align:center;min-width:2.2em}th[scope=row]{font-weight:400}.grid th[scope=row]{white-space:nowrap}\n"
	".grid abbr{text-decoration:none}\n"
	".att-2,.att-3,.att-4,.att-5{background:#fff8c5}.att-6{background:var(--soft)}.att-7{background:#ffebe9}"
	".att-0{color:var(--muted)}\n"
	".att-key{font-size:.88rem}.key-item{white-space:nowrap}.att-key .att{display:inline-block;min-width:1.6em;text-align:center;"
	"border:1px solid var(--line)}\n"
	"@media screen and (max-width:47.99rem){table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:100%}"
	"table.stack thead{display:none}table.stack tr{border:1px solid var(--line);margin:.5rem 0;padding:.3rem .5rem}"
	"table.stack td{border:0;padding:.1rem 0}table.stack td::before{content:attr(data-label) \": \";color:var(--muted)}"
	"table.stack .date{display:inline}table.stack .date::after{content:\",\"}}\n",
	/* print: A4, the body's name at the head of every page, links as text */
	"@page{size:A4;margin:18mm 15mm 16mm;"
	"@top-left{font:8.5pt system-ui,sans-serif;color:#59636e}"
	"@bottom-right{content:\"page \" counter(page) \" of \" counter(pages);font:8.5pt system-ui,sans-serif;color:#59636e}}\n"
	"@media print{body{font-size:10pt}main{max-width:none;padding:0}"
	"h2{break-after:avoid}"
	"h3,h4{break-after:avoid}"
	".motion,.votes,figure,tr,.stats div,.people,.attention li,.all-clear,.legend{break-inside:avoid}"
	"a{color:inherit;text-decoration:none}"
	".scroll{overflow:visible}.motion-body.with-chart{grid-template-columns:minmax(0,1fr)}.votes{max-width:28rem}"
	"thead{display:table-header-group}.meeting-head{break-inside:avoid;break-after:avoid}"
	"table{max-width:calc(100% - 2px)}table.interests{width:calc(100% - 2px)}"
	".meeting{break-before:auto}"
	"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n",
};

/* s as a CSS string's contents (no quote, backslash, line break or '<' left raw). */
static void css_string(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '"' || *s == '\\' || *s == '<' || *s == '\n' || *s == '\r')
			fprintf(out, "\\%x ", (unsigned char)*s);
		else
			fputc(*s, out);
	}
}

void html_begin(FILE *out, const char *title, const char *running_head)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>", out);
	html_escape(out, title);
	fputs("</title>\n<style>\n", out);
	for (size_t i = 0; i < sizeof html_style / sizeof html_style[0]; i++)
		fputs(html_style[i], out);
	fputs("@page{@top-left{content:\"", out);
	css_string(out, running_head ? running_head : title);
	fputs("\"}}\n</style>\n</head>\n<body>\n<main>\n", out);
}

void html_end(FILE *out)
{
	fputs("</main>\n</body>\n</html>\n", out);
}

/* ---- words ------------------------------------------------------------------------ */

/* A meeting or a motion as the timeline and the borders show it. */
enum html_status { ST_CLEAN, ST_PROVISIONAL, ST_WARNING, ST_BREACH, ST__N };

static const struct {
	const char *cls, *words;
} status_words[ST__N] = {
	[ST_CLEAN] = { "clean", "clean" },
	[ST_PROVISIONAL] = { "provisional", "a decision still provisional" },
	[ST_WARNING] = { "warning", "warnings" },
	[ST_BREACH] = { "breach", "breaches or errors" },
};

static enum html_status status_of(unsigned worst_sev, bool provisional)
{
	return worst_sev >= SEV_BREACH ? ST_BREACH : worst_sev == SEV_WARNING ? ST_WARNING
	     : provisional ? ST_PROVISIONAL : ST_CLEAN;
}

static unsigned worst_of(const struct finding_list *l)
{
	unsigned w = SEV_NOTE;
	for (const struct finding *f = l->first; f; f = f->next)
		w = f->sev > w ? f->sev : w;
	return w;
}

/* A decision taken outside a meeting and not (validly, in time) ratified. */
static bool still_provisional(const struct motion_result *mr)
{
	return mr->outcome == OUTCOME_PROVISIONAL &&
	       (motion_awaits_approval(mr) || !(mr->ratified_by && mr->ratified_by->status == RATIFIED));
}

static enum html_status meeting_status(const struct meeting_result *r)
{
	unsigned worst = SEV_NOTE;
	for (int s = SEV_ERROR; s > SEV_NOTE && worst == SEV_NOTE; s--)
		if (r->count_by_sev[s])
			worst = (unsigned)s;
	bool provisional = false;
	for (unsigned i = 0; i < r->n_motions; i++)
		provisional = provisional || still_provisional(&r->motions[i]);
	return status_of(worst, provisional);
}

/* The marker of a status: a circle, a diamond, a triangle or a square. */
static void status_shape(FILE *out, enum html_status s)
{
	static const char *const shapes[ST__N] = {
		[ST_CLEAN] = "<circle cx=\"6\" cy=\"6\" r=\"5.5\"/>",
		[ST_PROVISIONAL] = "<polygon points=\"6,0 12,6 6,12 0,6\"/>",
		[ST_WARNING] = "<polygon points=\"6,0.5 11.8,11.5 0.2,11.5\"/>",
		[ST_BREACH] = "<rect x=\"0.5\" y=\"0.5\" width=\"11\" height=\"11\"/>",
	};
	fprintf(out, "<g class=\"m-%s\">%s</g>", status_words[s].cls, shapes[s]);
}

static const char *member_name(const struct terms *t, const char *id)
{
	int i = terms_find_member(t, id);
	return i >= 0 && t->members[i].name ? t->members[i].name : id;
}

static void names_list(FILE *out, const struct terms *t, const struct rec_names *l)
{
	for (unsigned k = 0; k < l->n; k++) {
		if (k)
			fputs(k + 1 == l->n ? " and " : ", ", out);
		html_escape(out, member_name(t, l->items[k].id));
	}
}

static void where_text(FILE *out, const struct loc *l)
{
	char where[512];
	fputs(" <span class=\"meta\">(", out);
	html_escape(out, report_where(l, where, sizeof where));
	fputs(")</span>", out);
}

static void finding_item(FILE *out, const struct finding *f)
{
	fprintf(out, "<li><span class=\"badge b-%s\">%s</span> <code>%s</code>", finding_severity_name(f->sev),
	        finding_severity_name(f->sev), finding_code_name(f->code));
	if (f->clause) {
		fputs(" §", out);
		html_escape(out, f->clause);
	}
	fputs(": ", out);
	html_escape(out, f->message);
	where_text(out, &f->where);
	fputs("</li>\n", out);
}

static void findings_list(FILE *out, const struct finding_list *l)
{
	if (!l->first)
		return;
	fputs("<ul class=\"findings\">\n", out);
	for (const struct finding *f = l->first; f; f = f->next)
		finding_item(out, f);
	fputs("</ul>\n", out);
}

/* ---- the votes chart ---------------------------------------------------------------- */

static double percent(int64_t part, int64_t whole)
{
	return 100.0 * (double)part / (double)whole;
}

/*
** Votes for, against and abstaining as one bar across the voting members,
** with the threshold drawn where it is.  The drawing is an SVG whose
** viewBox is the count itself (one unit a member), stretched to the width
** of its box; every number and label is HTML over or under it, so text
** keeps its size at any width.
*/
static void vote_chart(FILE *out, const struct motion_result *mr)
{
	const struct counts *c = mr->counts;
	int64_t yes = c->n[COUNT_YES], no = c->n[COUNT_NO], abstain = c->n[COUNT_ABSTAIN];
	int64_t members = c->n[COUNT_MEMBERS], votes = yes + no + abstain;
	int64_t needed = 0;
	bool met = false, has_line = report_votes_needed(mr, &needed, &met);
	int64_t scale = members;
	scale = votes > scale ? votes : scale;
	scale = has_line && needed > scale ? needed : scale;
	if (scale <= 0)
		return;
	fprintf(out, "<figure class=\"votes\">\n<div class=\"bar\">\n<svg viewBox=\"0 0 %lld 10\" preserveAspectRatio=\"none\" "
	             "role=\"img\" aria-label=\"Votes: %lld for, %lld against, %lld abstaining, of %lld voting members",
	        (long long)scale, (long long)yes, (long long)no, (long long)abstain, (long long)members);
	if (has_line)
		fprintf(out, "; %lld for needed: %s", (long long)needed, met ? "met" : "not met");
	fprintf(out, "\">\n<rect class=\"track\" x=\"0\" y=\"0\" width=\"%lld\" height=\"10\"/>", (long long)scale);
	const struct {
		int64_t n;
		const char *cls;
	} seg[3] = { { yes, "for" }, { no, "against" }, { abstain, "abstain" } };
	int64_t x = 0;
	for (int i = 0; i < 3; i++) {
		if (seg[i].n > 0)
			fprintf(out, "<rect class=\"seg-%s\" x=\"%lld\" y=\"0\" width=\"%lld\" height=\"10\"/>", seg[i].cls,
			        (long long)x, (long long)seg[i].n);
		x += seg[i].n;
	}
	if (has_line)
		fprintf(out, "<line class=\"threshold\" x1=\"%lld\" y1=\"0\" x2=\"%lld\" y2=\"10\" "
		             "vector-effect=\"non-scaling-stroke\"/>", (long long)needed, (long long)needed);
	fputs("\n</svg>\n", out);
	/* a segment's number inside it, where there is room for two digits */
	x = 0;
	for (int i = 0; i < 3; i++) {
		if (seg[i].n > 0 && percent(seg[i].n, scale) >= 9.0)
			fprintf(out, "<span class=\"n%s\" style=\"left:%.2f%%\" aria-hidden=\"true\">%lld</span>",
			        i == 2 ? " on-light" : "", percent(2 * x + seg[i].n, 2 * scale), (long long)seg[i].n);
		x += seg[i].n;
	}
	if (has_line) {
		double at = percent(needed, scale);
		/* "for", not "of 9": the rule may count against the votes cast or
		** those present, and the Rule line beside says which */
		fprintf(out, "<span class=\"mark %s\" style=\"left:%.2f%%\">needs %lld for</span>",
		        at > 62.0 ? "at-end" : at < 38.0 ? "at-start" : "at-mid", at, (long long)needed);
	}
	fputs("\n</div>\n<figcaption>", out);
	char yes_text[REPORT_SIDE_MAX], no_text[REPORT_SIDE_MAX];
	fprintf(out, "<span class=\"sw sw-for\"></span>%s for · <span class=\"sw sw-against\"></span>%s against · "
	             "<span class=\"sw sw-abstain\"></span>%lld abstaining",
	        report_side_votes(mr, VOTE_FOR, yes_text), report_side_votes(mr, VOTE_AGAINST, no_text), (long long)abstain);
	if (members > votes)
		fprintf(out, " · <span class=\"sw sw-none\"></span>%lld of the %lld voting members cast none", (long long)(members - votes),
		        (long long)members);
	if (has_line)
		fprintf(out, ". Needs %lld for: <strong>%s</strong>", (long long)needed, met ? "met" : "not met");
	/* a threshold met does not make a void motion carried: say so under the bar */
	if (mr->outcome == OUTCOME_VOID)
		fputs(". The motion is <strong>void</strong> all the same (see the quorum and the findings)", out);
	fputs(".</figcaption>\n</figure>\n", out);
}

/* ---- a motion ---------------------------------------------------------------------- */

static void requirement(FILE *out, const struct req_result *q)
{
	fputs("<span class=\"req\">", out);
	if (q->clause) {
		fputs("§", out);
		html_escape(out, q->clause);
		fputc(' ', out);
	}
	fputs("<code>", out);
	html_escape(out, q->text);
	fputs("</code>", out);
	if (q->failed) {
		fputs(": could not be evaluated (see the findings)</span>", out);
		return;
	}
	fputs(": ", out);
	char buf[REQ_WORKING_MAX];
	const char *working = req_working(q, buf);
	html_escape(out, working && *working ? working : "-");
	fprintf(out, ", <strong>%s</strong>", q->met ? "met" : "not met");
	if (q->has_needed)
		fprintf(out, " (needs %lld, has %lld)", (long long)q->needed, (long long)q->have);
	fputs("</span>", out);
}

static void interests(FILE *out, const struct meeting_result *r, const struct motion_result *mr)
{
	fputs("<dt>Interests</dt><dd><ul>", out);
	for (unsigned k = 0; k < mr->n_interests; k++) {
		const struct interest_result *e = &mr->interests[k];
		struct reg_interest d = { r->terms->name, r->meeting, 0, mr->motion, e,
		                          e->member >= 0 ? r->terms->members[e->member].name : NULL, r->terms };
		char who[512], effect[512];
		fputs("<li>", out);
		html_escape(out, reg_declarant(&d, who, sizeof who));
		if (e->who->reason) {
			fputs(", ", out);
			html_escape(out, e->who->reason);
		}
		fputs(" — ", out);
		html_escape(out, reg_effect(&d, effect, sizeof effect));
		fputs("</li>", out);
	}
	fputs("</ul></dd>\n", out);
}

/* The casting vote the record gives, and what came of it. */
static void deputies(FILE *out, const struct motion_result *mr)
{
	fputs("<dt>Deputies</dt><dd>", out);
	for (unsigned k = 0; k < mr->n_deputies; k++) {
		char dep[REPORT_DEPUTY_MAX];
		if (k)
			fputs("; ", out);
		html_escape(out, report_deputy(&mr->deputies[k], dep));
	}
	fputs("</dd>\n", out);
}

static void casting_vote(FILE *out, const struct meeting_result *r, const struct motion_result *mr)
{
	char words[REPORT_CASTING_MAX];
	if (!report_casting_words(r->terms, mr, words))
		return;
	fputs("<dt>Casting vote</dt><dd>", out);
	html_escape(out, words);
	fputs("</dd>\n", out);
}

/* What the minutes' outcome is, against the terms' (as eval's findings
** say it: outcome.mismatch, outcome.unverified, or nothing). */
static const char *recorded_verdict(const struct motion_result *mr)
{
	if (motion_record_agrees(mr))
		return "";
	if (mr->outcome == OUTCOME_UNDETERMINED)
		return ": <strong>it cannot be verified</strong>";
	return ": <strong>they disagree</strong>";
}

static void motion_facts(FILE *out, const struct meeting_result *r, const struct motion_result *mr)
{
	const struct rec_motion *mo = mr->motion;
	fputs("<dl class=\"facts\">\n", out);
	if (mo->n_attrs) /* as the minutes describe it: "financial, amount 31000.50" */
		report_motion_attrs(out, mo, report_fputs, html_text, "<dt>Attributes</dt><dd>", "</dd>\n");
	fputs("<dt>Class</dt><dd>", out);
	if (mr->cls) {
		html_escape(out, mr->cls->id);
		if (mr->cls->clause) {
			fputs(" (§", out);
			html_escape(out, mr->cls->clause);
			fputc(')', out);
		}
		if (mr->cls->title) {
			fputs(": ", out);
			html_escape(out, mr->cls->title);
		}
	} else {
		fputs("none applies", out);
	}
	fputs("</dd>\n<dt>Quorum</dt><dd>", out);
	if (mo->is_virtual) {
		char d[REG_DATE_MAX];
		fprintf(out, "not applicable: decided outside a meeting, on %s", reg_date_long(mo->virtual_on, d));
	} else if (mr->quorum_known) {
		fprintf(out, "<strong>%s</strong>: %lld counting towards the quorum", mr->quorate ? "met" : "not met",
		        (long long)mr->quorum_present);
		for (unsigned i = 0; i < mr->n_quorum; i++)
			requirement(out, &mr->quorum[i]);
	} else {
		fputs("cannot be judged (see the findings)", out);
	}
	fputs("</dd>\n", out);
	if (mr->n_deputies)
		deputies(out, mr);
	if (mr->n_interests)
		interests(out, r, mr);
	fputs("<dt>Decision</dt><dd>", out);
	const struct counts *c = mr->counts;
	if (mr->by_consensus)
		fputs("by consensus, no objection recorded", out);
	else if (mr->declared_only)
		fputs("as declared by the chair (no votes minuted)", out);
	else if (mo->n_votes || mo->has_tally)
		fprintf(out, "by a vote: %lld for, %lld against, %lld abstaining; %lld members, %lld present, "
		             "%lld with an interest, %lld entitled to vote",
		        (long long)c->n[COUNT_YES], (long long)c->n[COUNT_NO], (long long)c->n[COUNT_ABSTAIN],
		        (long long)c->n[COUNT_MEMBERS], (long long)c->n[COUNT_PRESENT], (long long)c->n[COUNT_CONFLICTED],
		        (long long)c->n[COUNT_ELIGIBLE]);
	else
		fputs("no vote or consensus recorded", out);
	fputs("</dd>\n", out);
	if (mr->n_reqs) {
		fputs("<dt>Rule</dt><dd>", out);
		for (unsigned i = 0; i < mr->n_reqs; i++)
			requirement(out, &mr->reqs[i]);
		fputs("</dd>\n", out);
	}
	casting_vote(out, r, mr);
	char rat[REPORT_RATIFICATION_MAX];
	const char *ratification[2] = { report_ratified_by(mr, rat), NULL };
	if (ratification[0]) {
		fputs("<dt>Ratification</dt><dd>", out);
		html_escape(out, ratification[0]);
		fputs("</dd>\n", out);
	}
	if ((ratification[1] = report_ratifies(mr, rat))) {
		fputs("<dt>Ratifies</dt><dd>", out);
		html_escape(out, ratification[1]);
		fputs("</dd>\n", out);
	}
	char approval[REPORT_APPROVAL_MAX];
	if (report_approval(mr, approval)) {
		fputs("<dt>Approval</dt><dd>", out);
		html_escape(out, approval);
		fputs("</dd>\n", out);
	}
	fprintf(out, "<dt>Outcome</dt><dd><strong class=\"o-%s\">%s</strong> under the terms", ast_outcome_word(mr->outcome),
	        ast_outcome_name(mr->outcome));
	if (mr->recorded != OUTCOME_NONE)
		fprintf(out, "; the minutes record %s%s", ast_outcome_name(mr->recorded), recorded_verdict(mr));
	else
		fputs("; the minutes record no outcome", out);
	fputs("</dd>\n</dl>\n", out);
}

static void motion_section(FILE *out, const struct meeting_result *r, unsigned i, const char *anchor)
{
	const struct motion_result *mr = &r->motions[i];
	const struct rec_motion *mo = mr->motion;
	bool chart = !mr->by_consensus && !mr->declared_only && (mo->n_votes || mo->has_tally);
	enum html_status st = status_of(worst_of(&mr->findings), still_provisional(mr));
	fprintf(out, "<section class=\"motion s-%s\" id=\"%s-%u\" aria-labelledby=\"%s-%u-h\">\n<h4 id=\"%s-%u-h\">Motion ",
	        status_words[st].cls, anchor, i + 1, anchor, i + 1, anchor, i + 1);
	html_escape(out, mo->number);
	fputs(": ", out);
	html_escape(out, mo->title);
	fprintf(out, "</h4>\n<p class=\"outcome\"><span class=\"badge o-%s\">%s</span>", ast_outcome_word(mr->outcome),
	        ast_outcome_name(mr->outcome));
	if (mr->recorded != OUTCOME_NONE && !motion_record_agrees(mr))
		fprintf(out, " <span class=\"badge b-breach\">minutes: %s</span>", ast_outcome_name(mr->recorded));
	fprintf(out, "</p>\n<div class=\"motion-body%s\">\n", chart ? " with-chart" : "");
	motion_facts(out, r, mr);
	if (chart)
		vote_chart(out, mr);
	fputs("</div>\n", out);
	findings_list(out, &mr->findings);
	fputs("</section>\n", out);
}

/* ---- a meeting ----------------------------------------------------------------------- */

static void arrivals_and_departures(FILE *out, const struct meeting_result *r)
{
	const struct meeting *m = r->meeting;
	bool any = false;
	unsigned motions_before = 0;
	for (unsigned s = 0; s < m->n_steps; s++) {
		const struct rec_step *st = &m->steps[s];
		if (st->kind == STEP_MOTION) {
			motions_before++;
			continue;
		}
		fputs(any ? "; " : "<dt>Arrivals and departures</dt><dd>", out);
		any = true;
		if (motions_before == 0)
			fputs("before the first motion, ", out);
		else
			fprintf(out, "after motion %s, ", r->motions[motions_before - 1].motion->number);
		names_list(out, r->terms, &st->names);
		fputs(st->kind == STEP_ARRIVES ? " arrived" : " left", out);
	}
	if (any)
		fputs("</dd>\n", out);
}

static void attendance(FILE *out, const struct meeting_result *r)
{
	const struct meeting *m = r->meeting;
	if (meeting_is_virtual_only(m)) {
		fprintf(out, "<p>Decisions taken outside a meeting, put to the %lld voting members.</p>\n", (long long)r->members);
		return;
	}
	fputs("<dl class=\"people\">\n", out);
	fprintf(out, "<dt>Present</dt><dd>%lld of the %lld voting members at the start", (long long)r->present_at_start,
	        (long long)r->members);
	if (m->present.n) {
		fputs(": ", out);
		names_list(out, r->terms, &m->present);
	}
	fputs("</dd>\n", out);
	if (m->chair) {
		fputs("<dt>Chair</dt><dd>", out);
		html_escape(out, member_name(r->terms, m->chair->id));
		fputs("</dd>\n", out);
	}
	if (m->apologies.n) {
		fputs("<dt>Apologies</dt><dd>", out);
		names_list(out, r->terms, &m->apologies);
		fputs("</dd>\n", out);
	}
	if (m->attending.n) {
		fputs("<dt>Attending</dt><dd>", out);
		names_list(out, r->terms, &m->attending);
		fputs("</dd>\n", out);
	}
	arrivals_and_departures(out, r);
	fputs("</dl>\n", out);
}

static void meeting_counts(FILE *out, const struct meeting_result *r, enum html_status st)
{
	static const char *const one[4] = { "note", "warning", "breach", "error" };
	static const char *const many[4] = { "notes", "warnings", "breaches", "errors" };
	bool any = false;
	for (int s = SEV_ERROR; s >= SEV_NOTE; s--) {
		unsigned n = r->count_by_sev[s];
		if (!n)
			continue;
		fprintf(out, "%s%u %s", any ? ", " : "", n, n == 1 ? one[s] : many[s]);
		any = true;
	}
	if (r->mismatches)
		fprintf(out, "%s%u recorded outcome%s disagree%s with the terms", any ? "; " : "", r->mismatches,
		        r->mismatches == 1 ? "" : "s", r->mismatches == 1 ? "s" : "");
	if (st == ST_PROVISIONAL) /* the marker's meaning in words too */
		fprintf(out, "%s%s", any || r->mismatches ? "; " : "", status_words[st].words);
	else if (!any && !r->mismatches)
		fputs("no findings", out);
}

void html_meeting(FILE *out, const struct meeting_result *r, const char *anchor, const struct replay_meta *meta)
{
	const struct meeting *m = r->meeting;
	const struct terms *t = r->terms;
	char d[REG_DATE_MAX];
	enum html_status st = meeting_status(r);
	fprintf(out, "<article class=\"meeting\" id=\"%s\" aria-labelledby=\"%s-h\">\n<header class=\"meeting-head\">\n"
	             "<h3 id=\"%s-h\"><span class=\"date\">%s</span> · ", anchor, anchor, anchor, reg_date_long(m->date, d));
	html_escape(out, m->title);
	fprintf(out, "</h3>\n<p class=\"status\"><svg viewBox=\"0 0 12 12\" width=\"12\" height=\"12\" role=\"img\" "
	             "aria-label=\"%s\">", status_words[st].words);
	status_shape(out, st);
	fputs("</svg> ", out);
	meeting_counts(out, r, st);
	fputs("</p>\n<p class=\"meta\">Judged by ", out);
	if (t->version) {
		fputs("version ", out);
		html_escape(out, t->version);
		fputs(" of ", out);
	}
	fputs("the terms of ", out);
	html_escape(out, t->name);
	if (t->has_effective)
		fprintf(out, ", in force from %s", reg_date_long(t->effective, d));
	fputs(".</p>\n</header>\n", out);
	attendance(out, r);
	findings_list(out, &r->findings);
	for (unsigned i = 0; i < r->n_motions; i++)
		motion_section(out, r, i, anchor);
	if (meta) {
		fputs("<p class=\"provenance\">Record <code>", out);
		html_escape(out, meta->record_file);
		fprintf(out, "</code>, sha256 <code>%s</code>; terms <code>", meta->record_sha256);
		html_escape(out, meta->terms_file);
		fprintf(out, "</code>, sha256 <code>%s</code>.</p>\n", meta->terms_sha256);
	}
	fputs("</article>\n", out);
}

/* ---- one meeting (eval) ---------------------------------------------------------------- */

static void page_meeting(FILE *out, const struct meeting_result *r, const struct report_opts *o)
{
	(void)o;
	html_begin(out, r->meeting->title, r->terms->name);
	fputs("<header>\n<p class=\"kicker\">A meeting judged against its terms</p>\n<h1>", out);
	html_escape(out, r->terms->name);
	fputs("</h1>\n</header>\n", out);
	html_meeting(out, r, "m1", NULL);
	html_end(out);
}

/* ---- a history (replay) ------------------------------------------------------------------ */

/* A meeting on the timeline, and its record file (a finding across
** meetings names a file: its link goes to the meeting read from it). */
struct html_point {
	qdate date;
	unsigned seq;
	enum html_status status;
	const char *file;
};

/* The items that need attention, by severity (errors first), as they come. */
enum { ATT_ERRORS, ATT_BREACHES, ATT_WARNINGS, ATT__LISTS };

struct html_replay {
	VEC(struct html_point) timeline;
	VEC(const char *) bodies;        /* the names of the bodies audited */
	FILE *attention[ATT__LISTS];
	unsigned n_attention[ATT__LISTS];
	VEC(const char *) awaiting_href; /* the anchor of each decision awaiting approval, in the summary's order */
	bool failed;                     /* a temporary file could not be made */
};

static bool html_replay_begin(struct replay_report *w)
{
	struct html_replay *h = arena_alloc(w->arena, sizeof *h);
	w->state = h;
	return report_replay_body(w);
}

static void html_replay_rewind(struct replay_report *w)
{
	struct html_replay *h = w->state;
	h->timeline.n = 0;
	h->bodies.n = 0;
	h->awaiting_href.n = 0;
	for (int k = 0; k < ATT__LISTS; k++) {
		if (h->attention[k])
			fclose(h->attention[k]);
		h->attention[k] = NULL;
		h->n_attention[k] = 0;
	}
}

static FILE *attention_list(struct html_replay *h, enum finding_severity sev)
{
	int k = sev == SEV_ERROR ? ATT_ERRORS : sev == SEV_BREACH ? ATT_BREACHES : ATT_WARNINGS;
	if (!h->attention[k] && !h->failed) {
		h->attention[k] = tmpfile();
		h->failed = !h->attention[k];
	}
	if (h->attention[k])
		h->n_attention[k]++;
	return h->attention[k];
}

/* Why the terms give another outcome than the minutes: the quorum rules
** that were not met, then the rules of the motion's class, with numbers. */
static void mismatch_working(FILE *out, const struct motion_result *mr)
{
	for (unsigned k = 0; k < mr->n_quorum; k++)
		if (!mr->quorum[k].met) {
			fputs("<br>Quorum ", out);
			requirement(out, &mr->quorum[k]);
		}
	for (unsigned k = 0; k < mr->n_reqs; k++) {
		fputs("<br>Rule ", out);
		requirement(out, &mr->reqs[k]);
	}
}

/* Each error, breach and warning of a meeting, linked to its motion. */
static void note_attention(struct html_replay *h, const struct meeting_result *r, unsigned seq)
{
	char d[REG_DATE_MAX];
	for (unsigned i = 0; i <= r->n_motions; i++) {
		const struct finding_list *l = i < r->n_motions ? &r->motions[i].findings : &r->findings;
		for (const struct finding *f = l->first; f; f = f->next) {
			FILE *out = f->sev >= SEV_WARNING ? attention_list(h, f->sev) : NULL;
			if (!out)
				continue;
			fprintf(out, "<li><span class=\"badge b-%s\">%s</span> <a class=\"where\" href=\"#m%u",
			        finding_severity_name(f->sev), finding_severity_name(f->sev), seq);
			if (i < r->n_motions)
				fprintf(out, "-%u", i + 1);
			fprintf(out, "\">%s, ", reg_date_long(r->meeting->date, d));
			html_escape(out, r->meeting->title);
			if (i < r->n_motions) {
				fputs(", motion ", out);
				html_escape(out, r->motions[i].motion->number);
				fputs(": ", out);
				html_escape(out, r->motions[i].motion->title);
			}
			fprintf(out, "</a><br><code>%s</code>", finding_code_name(f->code));
			if (f->clause) {
				fputs(" §", out);
				html_escape(out, f->clause);
			}
			fputs(": ", out);
			html_escape(out, f->message);
			if (f->code == F_MISMATCH && i < r->n_motions)
				mismatch_working(out, &r->motions[i]);
			fputs("</li>\n", out);
		}
	}
}

static void html_replay_meeting(struct replay_report *w, const struct meeting_result *r, const struct replay_meta *meta)
{
	struct html_replay *h = w->state;
	struct html_point p = { r->meeting->date, w->n_meetings, meeting_status(r),
		                meta ? arena_strdup(w->arena, meta->record_file) : NULL };
	VEC_PUSH(w->arena, h->timeline, p);
	bool known = false;
	for (size_t i = 0; i < h->bodies.n && !known; i++)
		known = strcmp(h->bodies.items[i], r->terms->name) == 0;
	if (!known)
		VEC_PUSH(w->arena, h->bodies, arena_strdup(w->arena, r->terms->name));
	note_attention(h, r, w->n_meetings);
	for (unsigned i = 0; i < r->n_motions; i++)
		if (motion_awaits_approval(&r->motions[i]))
			VEC_PUSH(w->arena, h->awaiting_href, arena_printf(w->arena, "m%u-%u", w->n_meetings, i + 1));
	char anchor[24];
	snprintf(anchor, sizeof anchor, "m%u", w->n_meetings);
	html_meeting(w->body, r, anchor, meta);
}

static int point_by_file(const void *a, const void *b)
{
	const struct html_point *x = *(const struct html_point *const *)a, *y = *(const struct html_point *const *)b;
	int c = strcmp(x->file ? x->file : "", y->file ? y->file : "");
	return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

/* The meetings by record file, to link a finding across meetings to the
** meeting its file holds. */
static const struct html_point **points_by_file(const struct replay_report *w, const struct html_replay *h)
{
	const struct html_point **by = arena_alloc(w->arena, (h->timeline.n + 1) * sizeof *by);
	for (size_t i = 0; i < h->timeline.n; i++)
		by[i] = &h->timeline.items[i];
	sort_array(by, h->timeline.n, sizeof *by, point_by_file);
	return by;
}

/* The one meeting read from file, or NULL (none, or several in one file). */
static const struct html_point *meeting_of_file(const struct html_point **by, size_t n, const char *file)
{
	size_t lo = 0, hi = n;
	while (lo < hi) { /* the first whose file is not below */
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(by[mid]->file ? by[mid]->file : "", file) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == n || !by[lo]->file || strcmp(by[lo]->file, file) != 0)
		return NULL;
	if (lo + 1 < n && by[lo + 1]->file && strcmp(by[lo + 1]->file, file) == 0)
		return NULL;
	return by[lo];
}

static void history_item(FILE *out, const struct history_finding *f, const struct html_point **by, size_t n)
{
	const struct html_point *p = f->file ? meeting_of_file(by, n, f->file) : NULL;
	char d[REG_DATE_MAX];
	fprintf(out, "<li><span class=\"badge b-%s\">%s</span> ", finding_severity_name(f->sev),
	        finding_severity_name(f->sev));
	if (p)
		fprintf(out, "<a class=\"where\" href=\"#m%u\">across meetings, at %s</a>", p->seq, reg_date_long(p->date, d));
	else
		fputs("<span class=\"where\">across meetings</span>", out);
	fprintf(out, "<br><code>%s</code>", finding_code_name(f->code));
	if (f->clause) {
		fputs(" §", out);
		html_escape(out, f->clause);
	}
	fputs(": ", out);
	html_escape(out, f->message);
	if (f->file) {
		fputs(" <span class=\"meta\">(", out);
		html_escape(out, f->file);
		fprintf(out, ":%u)</span>", f->line);
	}
	fputs("</li>\n", out);
}

/* Decisions the history leaves awaiting another body's approval, each
** linked to its motion. */
static void awaiting_list(FILE *out, const struct html_replay *h, const struct replay_summary *s)
{
	if (!s->n_awaiting)
		return;
	bool linked = h->awaiting_href.n == s->n_awaiting; /* the meetings the sink saw are the summary's */
	fprintf(out, "<h3>Awaiting approval (%u)</h3>\n<ol>\n", s->n_awaiting);
	for (unsigned i = 0; i < s->n_awaiting; i++) {
		const struct awaiting_approval *a = &s->awaiting[i];
		char d[REG_DATE_MAX];
		fputs("<li><span class=\"badge o-provisional\">provisional</span> ", out);
		if (linked)
			fprintf(out, "<a class=\"where\" href=\"#%s\">", h->awaiting_href.items[i]);
		fprintf(out, "%s, ", reg_date_long(a->date, d));
		html_escape(out, a->meeting);
		fputs(", motion ", out);
		html_escape(out, a->motion);
		fputs(": ", out);
		html_escape(out, a->title);
		fputs(linked ? "</a><br>awaiting approval by " : ": awaiting approval by ", out);
		html_escape(out, a->by);
		fputs(" <span class=\"meta\">(", out);
		html_escape(out, a->file);
		fprintf(out, ":%u)</span></li>\n", a->line);
	}
	fputs("</ol>\n", out);
}

/* Errors, then breaches, then warnings: those of the meetings, each linked
** to its motion, then those across meetings. */
static bool attention_section(FILE *out, const struct replay_report *w, const struct html_replay *h,
                              const struct replay_summary *s)
{
	static const char *const heads[ATT__LISTS] = { "Errors", "Breaches", "Warnings" };
	static const enum finding_severity sevs[ATT__LISTS] = { SEV_ERROR, SEV_BREACH, SEV_WARNING };
	bool ok = true;
	fputs("<section class=\"attention\" aria-labelledby=\"attention\">\n<h2 id=\"attention\">What needs attention</h2>\n", out);
	const struct html_point **by = w->findings.n ? points_by_file(w, h) : NULL;
	unsigned total = 0;
	for (int k = 0; k < ATT__LISTS; k++)
		total += s->by_severity[sevs[k]];
	if (total == 0 && !s->malformed_files) {
		fputs("<p class=\"all-clear\">Nothing: no error, breach or warning, and every outcome the minutes record agrees "
		      "with the terms.</p>\n", out);
	}
	if (s->malformed_files)
		fprintf(out, "<p class=\"all-clear\"><span class=\"badge b-error\">error</span> %u input%s could not be read "
		             "or parsed, and %s not judged (the diagnostics say why).</p>\n",
		        s->malformed_files, s->malformed_files == 1 ? "" : "s", s->malformed_files == 1 ? "is" : "are");
	for (int k = 0; k < ATT__LISTS; k++) {
		unsigned n = s->by_severity[sevs[k]];
		if (!n)
			continue;
		fprintf(out, "<h3>%s (%u)</h3>\n<ol>\n", heads[k], n);
		if (h->attention[k])
			ok = report_copy_stream(h->attention[k], out) && ok;
		for (size_t i = 0; i < w->findings.n; i++)
			if (w->findings.items[i].sev == sevs[k])
				history_item(out, &w->findings.items[i], by, h->timeline.n);
		fputs("</ol>\n", out);
	}
	awaiting_list(out, h, s);
	fputs("</section>\n", out);
	return ok && !h->failed;
}

static void stat(FILE *out, const char *label, unsigned n)
{
	fprintf(out, "<div><dt>%s</dt><dd>%u</dd></div>", label, n);
}

static void summary_section(FILE *out, const struct replay_summary *s)
{
	fputs("<section aria-labelledby=\"summary\">\n<h2 id=\"summary\">Summary</h2>\n<dl class=\"stats\">", out);
	/* what went wrong first, then what was decided */
	stat(out, "meetings", s->meetings);
	if (s->outside_meetings) /* records of decisions by e-mail only: not meetings */
		stat(out, "records of decisions outside a meeting", s->outside_meetings);
	stat(out, "motions", s->motions);
	stat(out, "recorded outcomes that disagree", s->mismatches);
	static const char *const sev_names[4] = { "notes", "warnings", "breaches", "errors" };
	for (int sev = SEV_ERROR; sev >= SEV_NOTE; sev--)
		stat(out, sev_names[sev], s->by_severity[sev]);
	for (int oc = OUTCOME_CARRIED; oc <= OUTCOME_UNDETERMINED; oc++)
		stat(out, ast_outcome_name((enum outcome)oc), s->by_outcome[oc]);
	stat(out, "provisional, ratified", s->ratified);
	stat(out, "provisional, not ratified", s->still_provisional);
	if (s->n_awaiting)
		stat(out, "awaiting approval", s->n_awaiting);
	fputs("</dl>\n", out);
	fprintf(out, "<p>Outcomes are those the terms give, whatever the minutes record. %u record file%s, judged by %u of "
	             "the %u version%s of the terms found.</p>\n", s->record_files, s->record_files == 1 ? "" : "s",
	        s->versions_used, s->terms_versions, s->terms_versions == 1 ? "" : "s");
	bool any = false;
	for (unsigned c = 0; c < F__COUNT; c++)
		any = any || s->by_code[c];
	if (any) {
		fputs("<table class=\"stack\">"
		      "<caption id=\"by-code\">Findings by code</caption>\n<thead><tr><th scope=\"col\">code</th>"
		      "<th scope=\"col\">severity</th><th scope=\"col\" class=\"num\">count</th><th scope=\"col\">meaning</th>"
		      "</tr></thead>\n<tbody>\n", out);
		enum finding_code order[F__COUNT];
		finding_codes_by_severity(order);
		for (unsigned c = 0; c < F__COUNT; c++) {
			enum finding_code code = order[c];
			if (!s->by_code[code])
				continue;
			enum finding_severity sev = finding_default_severity(code);
			fprintf(out, "<tr><td data-label=\"code\"><code>%s</code></td><td data-label=\"severity\"><span class=\"badge b-%s\">%s</span></td>"
			             "<td class=\"num\" data-label=\"count\">%u</td><td data-label=\"meaning\">", finding_code_name(code), finding_severity_name(sev),
			        finding_severity_name(sev), s->by_code[code]);
			html_escape_code_spans(out, finding_description(code));
			fputs("</td></tr>\n", out);
		}
		fputs("</tbody></table>\n", out);
	}
	fputs("</section>\n", out);
}

/* ---- the timeline ---- */

static double day_percent(qdate d, qdate first, qdate last)
{
	return last > first ? 100.0 * (double)(d - first) / (double)(last - first) : 50.0;
}

/* Years (or, within a year, quarters) marked along the axis: at most about
** eight labels, so they never run into one another at 360 px. */
static void timeline_ticks(FILE *out, qdate first, qdate last)
{
	int y0, y1, m, d;
	date_to_ymd(first, &y0, &m, &d);
	date_to_ymd(last, &y1, &m, &d);
	int years = y1 - y0, step = years / 8 + 1;
	if (years == 0)
		return; /* the two ends below say the year */
	for (int y = y0 + 1; y <= y1; y += step) {
		qdate jan1;
		if (date_from_ymd(y, 1, 1, &jan1) != DATE_OK)
			continue;
		double at = day_percent(jan1, first, last);
		fprintf(out, "<span class=\"tl-tick\" style=\"left:%.2f%%\"></span><span class=\"tl-year\" style=\"left:%.2f%%;%s\">"
		             "%d</span>", at, at, at > 88.0 ? "transform:translateX(-100%)" : "", y);
	}
}

static void timeline_section(FILE *out, const struct html_replay *h)
{
	size_t n = h->timeline.n;
	if (n == 0)
		return;
	const struct html_point *p = h->timeline.items;
	qdate first = p[0].date, last = p[n - 1].date; /* meetings come in date order */
	char a[REG_DATE_MAX], b[REG_DATE_MAX];
	unsigned count[ST__N] = { 0 };
	for (size_t i = 0; i < n; i++)
		count[p[i].status]++;
	fprintf(out, "<section aria-labelledby=\"timeline\">\n<h2 id=\"timeline\">Timeline</h2>\n<figure class=\"timeline\">\n"
	             "<div class=\"tl\" role=\"list\" aria-label=\"%zu meeting%s from %s to %s\">\n<div class=\"tl-axis\"></div>",
	        n, n == 1 ? "" : "s", reg_date_long(first, a), reg_date_long(last, b));
	timeline_ticks(out, first, last);
	/* Markers too close to tell apart go down a lane (3% of the width:
	** at 360 px that is about the width of a marker). */
	double lane_end[3] = { -100.0, -100.0, -100.0 };
	for (size_t i = 0; i < n; i++) {
		double at = day_percent(p[i].date, first, last);
		int lane = 0;
		while (lane < 2 && at - lane_end[lane] < 3.0)
			lane++;
		lane_end[lane] = at;
		fprintf(out, "\n<a class=\"tl-pt\" role=\"listitem\" href=\"#m%u\" style=\"left:%.2f%%;top:%.2frem\" title=\"%s: %s\">"
		             "<svg viewBox=\"0 0 12 12\" role=\"img\" aria-label=\"%s: %s\">",
		        p[i].seq, at, 2.3 + 1.05 * lane, reg_date_long(p[i].date, a), status_words[p[i].status].words, a,
		        status_words[p[i].status].words);
		status_shape(out, p[i].status);
		fputs("</svg></a>", out);
	}
	if (last > first)
		fprintf(out, "\n<span class=\"tl-end\" style=\"left:0\">%s</span><span class=\"tl-end\" style=\"right:0\">%s</span>",
		        reg_date_long(first, a), reg_date_long(last, b));
	else /* one date: under its marker, in the middle */
		fprintf(out, "\n<span class=\"tl-end\" style=\"left:50%%;transform:translateX(-50%%)\">%s</span>",
		        reg_date_long(first, a));
	fputs("\n</div>\n<figcaption><ul class=\"legend\">", out);
	for (int s = 0; s < ST__N; s++) {
		fprintf(out, "<li><svg viewBox=\"0 0 12 12\" role=\"img\" aria-label=\"%s marker\">", status_words[s].words);
		status_shape(out, (enum html_status)s);
		fprintf(out, "</svg>%s: %u</li>", status_words[s].words, count[s]);
	}
	fputs("</ul></figcaption>\n</figure>\n</section>\n", out);
}

/* "Not clean: 6 breaches; 2 recorded outcomes disagree with the terms." */
static void verdict_fail(FILE *out, const struct replay_summary *s)
{
	unsigned e = s->by_severity[SEV_ERROR], b = s->by_severity[SEV_BREACH];
	const char *sep = "";
	fputs("<p class=\"verdict v-fail\">Not clean: ", out);
	if (e) {
		fprintf(out, "%u error%s", e, e == 1 ? "" : "s");
		sep = b ? " and " : "; ";
	}
	if (b) {
		fprintf(out, "%s%u breach%s", sep, b, b == 1 ? "" : "es");
		sep = "; ";
	}
	if (s->mismatches) {
		fprintf(out, "%s%u recorded outcome%s disagree%s with the terms", sep, s->mismatches,
		        s->mismatches == 1 ? "" : "s", s->mismatches == 1 ? "s" : "");
		sep = "; ";
	}
	if (s->malformed_files)
		fprintf(out, "%s%u input%s could not be read", sep, s->malformed_files, s->malformed_files == 1 ? "" : "s");
	fputs(".</p>\n", out);
}

static void page_head(FILE *out, const struct html_replay *h, const struct replay_summary *s)
{
	char a[REG_DATE_MAX], b[REG_DATE_MAX];
	fputs("<header>\n<p class=\"kicker\">Audit of meeting records</p>\n<h1>", out);
	for (size_t i = 0; i < h->bodies.n; i++) {
		if (i)
			fputs(i + 1 == h->bodies.n ? " and " : ", ", out);
		html_escape(out, h->bodies.items[i]);
	}
	if (!h->bodies.n)
		fputs("No meetings judged", out);
	fputs("</h1>\n", out);
	if (h->timeline.n) {
		qdate first = h->timeline.items[0].date, last = h->timeline.items[h->timeline.n - 1].date;
		fprintf(out, "<p class=\"period\">%u meeting%s from %s to %s, %u motion%s, judged by the terms in force on each "
		             "date.</p>\n", s->meetings, s->meetings == 1 ? "" : "s", reg_date_long(first, a),
		        reg_date_long(last, b), s->motions, s->motions == 1 ? "" : "s");
	}
	unsigned bad = s->by_severity[SEV_ERROR] + s->by_severity[SEV_BREACH];
	if (bad || s->mismatches || s->malformed_files)
		verdict_fail(out, s);
	else if (s->by_severity[SEV_WARNING])
		fprintf(out, "<p class=\"verdict v-warn\">No breach; %u warning%s to read.</p>\n", s->by_severity[SEV_WARNING],
		        s->by_severity[SEV_WARNING] == 1 ? "" : "s");
	else
		fputs("<p class=\"verdict v-clean\">Clean: no error, breach or warning.</p>\n", out);
	fputs("</header>\n", out);
}

static bool html_replay_end(struct replay_report *w, const struct replay_summary *s)
{
	struct html_replay *h = w->state;
	FILE *out = w->out;
	const char *bodies = h->bodies.n == 1 ? h->bodies.items[0] : "Audit of meeting records";
	html_begin(out, h->bodies.n == 1 ? arena_printf(w->arena, "Audit: %s", bodies) : bodies, bodies);
	page_head(out, h, s);
	bool ok = attention_section(out, w, h, s);
	summary_section(out, s);
	timeline_section(out, h);
	if (!w->summary_only) {
		fputs("<section aria-labelledby=\"meetings\">\n<h2 id=\"meetings\">Meetings</h2>\n", out);
		ok = report_copy_stream(w->body, out) && ok;
		fputs("</section>\n", out);
	}
	if (w->registers)
		ok = register_report_write(w->registers, out, NULL, false) && ok;
	html_end(out);
	for (int k = 0; k < ATT__LISTS; k++)
		if (h->attention[k])
			fclose(h->attention[k]);
	return ok;
}

const struct report_ops report_html = {
	.name = "html",
	.meeting = page_meeting,
	.replay_begin = html_replay_begin,
	.replay_meeting = html_replay_meeting,
	.replay_end = html_replay_end,
	.replay_rewind = html_replay_rewind,
	.explain = explain_write_html,
	.registers = &register_html_ops,
};
