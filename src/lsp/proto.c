/*
** proto: the protocol's common types in JSON, and URIs.  See proto.h.
*/
#define _XOPEN_SOURCE 700 /* realpath */

#include "lsp/proto.h"

#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/sbuf.h"
#include "front/source.h"

/* ---- errors and parameters ------------------------------------------------------------ */

void rpc_fail(struct rpc_error *err, int code, const char *message)
{
	if (err->code)
		return; /* the first problem is the one to report */
	err->code = code;
	err->message = message;
}

void rpc_failf(struct rpc_error *err, int code, const char *fmt, ...)
{
	if (err->code)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->buf, sizeof err->buf, fmt, ap);
	va_end(ap);
	rpc_fail(err, code, err->buf);
}

static const char *type_word(json_type t)
{
	switch (t) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER: return "an integer";
	default: return "a value of another kind";
	}
}

json_t *param(json_t *obj, const char *key, json_type type, struct rpc_error *err)
{
	json_t *v = json_is_object(obj) ? json_object_get(obj, key) : NULL;
	if (v && json_typeof(v) == type)
		return v;
	rpc_failf(err, RPC_INVALID_PARAMS, v ? "'%.60s' must be %s" : "'%.60s' is missing (it must be %s)", key,
	          type_word(type));
	return NULL;
}

struct doc *param_doc(struct server *s, json_t *params, struct rpc_error *err)
{
	json_t *td = param(params, "textDocument", JSON_OBJECT, err);
	json_t *uri = td ? param(td, "uri", JSON_STRING, err) : NULL;
	if (!uri)
		return NULL;
	struct doc *d = server_doc(s, json_string_value(uri));
	if (!d)
		rpc_failf(err, RPC_INVALID_PARAMS, "%.120s is not open (send textDocument/didOpen first)",
		          json_string_value(uri));
	return d;
}

bool json_to_pos(json_t *pos, struct lsp_pos *out, struct rpc_error *err)
{
	json_t *line = param(pos, "line", JSON_INTEGER, err);
	json_t *ch = line ? param(pos, "character", JSON_INTEGER, err) : NULL;
	if (!ch)
		return false;
	json_int_t l = json_integer_value(line), c = json_integer_value(ch);
	if (l < 0 || c < 0) {
		rpc_fail(err, RPC_INVALID_PARAMS, "a position's line and character cannot be negative");
		return false;
	}
	/* beyond the text: clamped to its end when converted */
	out->line = l > UINT32_MAX ? UINT32_MAX : (uint32_t)l;
	out->character = c > UINT32_MAX ? UINT32_MAX : (uint32_t)c;
	return true;
}

bool param_offset(struct server *s, struct doc *d, json_t *params, const char *key, uint32_t *offset,
                  struct rpc_error *err)
{
	json_t *pos = param(params, key, JSON_OBJECT, err);
	struct lsp_pos p;
	if (!pos || !json_to_pos(pos, &p, err))
		return false;
	*offset = lsp_offset_of(&d->lines, p, s->enc);
	return true;
}

/* ---- positions and locations ------------------------------------------------------------ */

json_t *json_pos(struct lsp_pos p)
{
	return json_pack("{s:I,s:I}", "line", (json_int_t)p.line, "character", (json_int_t)p.character);
}

json_t *json_range_in(struct server *s, const struct lsp_lines *l, uint32_t start, uint32_t end)
{
	return json_pack("{s:o,s:o}", "start", json_pos(lsp_pos_of(l, start, s->enc)),
	                 "end", json_pos(lsp_pos_of(l, end, s->enc)));
}

json_t *doc_range(struct server *s, struct doc *d, uint32_t start, uint32_t end)
{
	return json_range_in(s, &d->lines, start, end);
}

json_t *json_location(struct server *s, struct doc *d, const struct source *src, uint32_t start, uint32_t end)
{
	if (!src || src == &d->an.src)
		return json_pack("{s:s,s:o}", "uri", d->uri, "range", doc_range(s, d, start, end));
	char real[PATH_MAX];
	const char *path = realpath(src->name, real) ? real : src->name;
	struct doc *other = server_doc_by_path(s, path);
	const char *uri = other ? other->uri : uri_of_path(&s->scratch, path);
	struct lsp_lines lines;
	lsp_lines_build(&lines, &s->scratch, src->text, (uint32_t)src->len);
	return json_pack("{s:s,s:o}", "uri", uri, "range", json_range_in(s, &lines, start, end));
}

/* ---- URIs ---------------------------------------------------------------------------------- */

static bool unreserved(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
}

char *uri_of_path(struct arena *a, const char *path)
{
	struct sbuf b;
	sbuf_init(&b, a);
	sbuf_add(&b, "file://");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (unreserved(*p))
			sbuf_addf(&b, "%c", *p);
		else
			sbuf_addf(&b, "%%%02X", *p);
	}
	return (char *)sbuf_str(&b);
}

static int hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *path_of_uri(struct arena *a, const char *uri)
{
	if (strncmp(uri, "file://", 7) != 0)
		return NULL;
	const char *p = uri + 7;
	if (strncmp(p, "localhost/", 10) == 0)
		p += 9;
	if (*p != '/')
		return NULL; /* a file on another host */
	size_t n = strlen(p);
	char *out = arena_alloc(a, n + 1), *o = out;
	for (; *p && *p != '?' && *p != '#'; p++) {
		if (*p != '%') {
			*o++ = *p;
			continue;
		}
		int hi = hex(p[1]), lo = hi < 0 ? -1 : hex(p[2]);
		if (lo < 0)
			return NULL;
		char c = (char)(hi * 16 + lo);
		if (c == '\0')
			return NULL; /* a NUL in a path is no path */
		*o++ = c;
		p += 2;
	}
	*o = '\0';
	return out;
}
