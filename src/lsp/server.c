/*
** server: the message loop, the protocol's lifecycle, the open documents
** and their diagnostics.  See server.h; features.c and complete.c answer the
** requests about a document.
*/
#include "lsp/server.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "lsp/proto.h"

/* ---- sending ------------------------------------------------------------------------ */

/* Send a message (taking the reference to it). */
static void send(struct server *s, json_t *msg)
{
	if (!json_object_get(msg, "jsonrpc"))
		json_object_set_new(msg, "jsonrpc", json_string("2.0"));
	char *text = json_dumps(msg, JSON_COMPACT);
	json_decref(msg);
	if (!text) {
		s->out_failed = true; /* jansson ran out of memory */
		return;
	}
	if (!s->out_failed && !lsp_write_frame(s->out, text, strlen(text)))
		s->out_failed = true;
	free(text);
}

static void send_result(struct server *s, json_t *id, json_t *result)
{
	json_t *msg = json_object();
	json_object_set(msg, "id", id);
	json_object_set_new(msg, "result", result ? result : json_null());
	send(s, msg);
}

static void send_error(struct server *s, json_t *id, int code, const char *message)
{
	json_t *msg = json_object();
	json_object_set(msg, "id", id ? id : json_null());
	json_object_set_new(msg, "error", json_pack("{s:i,s:s}", "code", code, "message", message));
	send(s, msg);
}

static void send_notification(struct server *s, const char *method, json_t *params)
{
	send(s, json_pack("{s:s,s:o}", "method", method, "params", params));
}

/* A problem with a notification, which has no reply: tell the person. */
static void log_message(struct server *s, int type, const char *message)
{
	send_notification(s, "window/logMessage", json_pack("{s:i,s:s}", "type", type, "message", message));
}

/* ---- documents ------------------------------------------------------------------------ */

struct doc *server_doc(struct server *s, const char *uri)
{
	for (unsigned i = 0; i < s->n_docs; i++)
		if (strcmp(s->docs[i]->uri, uri) == 0)
			return s->docs[i];
	return NULL;
}

struct doc *server_doc_by_path(struct server *s, const char *path)
{
	for (unsigned i = 0; i < s->n_docs; i++)
		if (s->docs[i]->path && strcmp(s->docs[i]->path, path) == 0)
			return s->docs[i];
	return NULL;
}

static const char *open_text(void *ctx, const char *path, size_t *len)
{
	struct doc *d = server_doc_by_path(ctx, path);
	if (!d || !d->text)
		return NULL;
	*len = d->len;
	return d->text;
}

static char *mem_strdup(struct mem *m, const char *s)
{
	size_t n = strlen(s) + 1;
	char *copy = mem_alloc(m, n);
	memcpy(copy, s, n);
	return copy;
}

static void free_doc(struct server *s, struct doc *d)
{
	arena_free(&d->arena);
	mem_free(s->mem, d->uri, strlen(d->uri) + 1);
	if (d->path)
		mem_free(s->mem, d->path, strlen(d->path) + 1);
	if (d->text)
		mem_free(s->mem, d->text, d->cap);
	mem_free(s->mem, d, sizeof *d);
}

/* Replace the text (len bytes at text) with a copy; NULL text: too large. */
static void set_text(struct server *s, struct doc *d, const char *text, size_t len)
{
	char *copy = NULL;
	if (text) {
		copy = mem_alloc(s->mem, len + 1);
		memcpy(copy, text, len);
		copy[len] = '\0';
	}
	if (d->text)
		mem_free(s->mem, d->text, d->cap);
	d->text = copy;
	d->len = text ? len : 0;
	d->cap = len + 1;
}

/* ---- diagnostics ------------------------------------------------------------------------ */

json_t *json_diagnostic(struct server *s, struct doc *d, const struct an_diag *p)
{
	uint32_t start = p->loc.src ? p->loc.start : 0, end = p->loc.src ? p->loc.end : 0;
	json_t *j = json_pack("{s:o,s:i,s:s,s:s,s:s}", "range", doc_range(s, d, start, end),
	                      "severity", p->severity, "code", p->code, "source", "quorate", "message", p->msg);
	if (p->related.n) {
		json_t *rel = json_array();
		for (size_t i = 0; i < p->related.n; i++) {
			const struct an_related *r = &p->related.items[i];
			json_array_append_new(rel, json_pack("{s:o,s:s}", "location",
			                                     json_location(s, d, r->loc.src, r->loc.start, r->loc.end),
			                                     "message", r->msg));
		}
		json_object_set_new(j, "relatedInformation", rel);
	}
	return j;
}

static void publish(struct server *s, struct doc *d)
{
	json_t *list = json_array();
	if (!d->text) {
		json_array_append_new(list, json_pack("{s:o,s:i,s:s,s:s,s:s}", "range", doc_range(s, d, 0, 0),
		                                      "severity", 1, "code", "limit", "source", "quorate", "message",
		                                      "the document is larger than the 8 MiB an editor's document may be, "
		                                      "so it is not checked"));
	}
	for (size_t i = 0; d->text && i < d->an.problems.n; i++)
		json_array_append_new(list, json_diagnostic(s, d, &d->an.problems.items[i]));
	send_notification(s, "textDocument/publishDiagnostics",
	                  json_pack("{s:s,s:I,s:o}", "uri", d->uri, "version", (json_int_t)d->version,
	                            "diagnostics", list));
}

static void analyse(struct server *s, struct doc *d)
{
	arena_reset(&d->arena);
	const char *text = d->text ? d->text : "";
	size_t len = d->text ? d->len : 0;
	struct analysis_env env = {
		s->opt->module_dirs, s->opt->n_module_dirs, s->opt->terms_dirs, s->opt->n_terms_dirs, open_text, s
	};
	analysis_run(&d->an, &d->arena, &env, d->path ? d->path : d->uri, d->path, text, len);
	lsp_lines_build(&d->lines, &d->arena, d->an.src.text, (uint32_t)len);
}

static bool is_record(const struct doc *d)
{
	return d->an.meetings.n > 0 || (strlen(d->uri) > 8 && strcmp(d->uri + strlen(d->uri) - 8, ".minutes") == 0);
}

/* A document changed: check it again, and the records that may be judged
** by it (a terms file's unsaved text is what they are judged by). */
static void changed(struct server *s, struct doc *d)
{
	analyse(s, d);
	publish(s, d);
	if (is_record(d))
		return;
	for (unsigned i = 0; i < s->n_docs; i++)
		if (s->docs[i] != d && is_record(s->docs[i])) {
			analyse(s, s->docs[i]);
			publish(s, s->docs[i]);
		}
}

/* ---- document synchronisation ---------------------------------------------------------------- */

static void did_open(struct server *s, json_t *params)
{
	struct rpc_error err = { 0, NULL, "" };
	json_t *td = param(params, "textDocument", JSON_OBJECT, &err);
	json_t *uri = td ? param(td, "uri", JSON_STRING, &err) : NULL;
	json_t *text = td ? param(td, "text", JSON_STRING, &err) : NULL;
	json_t *version = td ? json_object_get(td, "version") : NULL;
	if (!uri || !text) {
		log_message(s, 1, arena_printf(&s->scratch, "textDocument/didOpen ignored: %s", err.message));
		return;
	}
	struct doc *d = server_doc(s, json_string_value(uri));
	if (!d) {
		if (s->n_docs == LSP_MAX_DOCUMENTS) {
			log_message(s, 1, arena_printf(&s->scratch, "%s is not checked: %u documents are open, the most "
			                               "quorate lsp keeps (close some)", json_string_value(uri),
			                               LSP_MAX_DOCUMENTS));
			return;
		}
		d = mem_alloc(s->mem, sizeof *d);
		memset(d, 0, sizeof *d);
		arena_init(&d->arena, s->mem);
		d->uri = mem_strdup(s->mem, json_string_value(uri));
		char *path = path_of_uri(&s->scratch, d->uri);
		d->path = path ? mem_strdup(s->mem, path) : NULL;
		s->docs[s->n_docs++] = d;
	}
	d->version = json_is_integer(version) ? json_integer_value(version) : 0;
	size_t len = json_string_length(text);
	set_text(s, d, len <= LSP_MAX_DOCUMENT ? json_string_value(text) : NULL, len);
	changed(s, d);
}

static bool range_offsets(struct server *s, struct doc *d, json_t *range, uint32_t *start, uint32_t *end,
                          struct rpc_error *err)
{
	json_t *a = param(range, "start", JSON_OBJECT, err);
	json_t *b = a ? param(range, "end", JSON_OBJECT, err) : NULL;
	struct lsp_pos p, q;
	if (!b || !json_to_pos(a, &p, err) || !json_to_pos(b, &q, err))
		return false;
	*start = lsp_offset_of(&d->lines, p, s->enc);
	*end = lsp_offset_of(&d->lines, q, s->enc);
	if (*end < *start) {
		uint32_t t = *start;
		*start = *end;
		*end = t;
	}
	return true;
}

/* Apply one change: a range and its new text, or the whole text. */
static bool apply_change(struct server *s, struct doc *d, json_t *change, struct rpc_error *err)
{
	json_t *text = param(change, "text", JSON_STRING, err);
	if (!text)
		return false;
	size_t n = json_string_length(text);
	json_t *range = json_object_get(change, "range");
	if (!range) {
		set_text(s, d, n <= LSP_MAX_DOCUMENT ? json_string_value(text) : NULL, n);
		if (d->text)
			lsp_lines_build(&d->lines, &d->arena, d->text, (uint32_t)d->len);
		return true;
	}
	if (!d->text) {
		rpc_fail(err, RPC_INVALID_PARAMS, "an edit of a document too large to keep (send its whole text)");
		return false;
	}
	uint32_t start, end;
	if (!json_is_object(range)) {
		rpc_fail(err, RPC_INVALID_PARAMS, "range must be an object");
		return false;
	}
	if (!range_offsets(s, d, range, &start, &end, err))
		return false;
	size_t len = d->len - (end - start) + n;
	if (len > LSP_MAX_DOCUMENT) {
		set_text(s, d, NULL, 0);
		return true;
	}
	char *buf = arena_alloc_uninit(&s->scratch, len + 1);
	memcpy(buf, d->text, start);
	memcpy(buf + start, json_string_value(text), n);
	memcpy(buf + start + n, d->text + end, d->len - end);
	set_text(s, d, buf, len);
	/* the next change's positions are in the new text */
	lsp_lines_build(&d->lines, &d->arena, d->text, (uint32_t)d->len);
	return true;
}

static void did_change(struct server *s, json_t *params)
{
	struct rpc_error err = { 0, NULL, "" };
	struct doc *d = param_doc(s, params, &err);
	json_t *changes = d ? param(params, "contentChanges", JSON_ARRAY, &err) : NULL;
	if (changes) {
		json_t *version = json_object_get(json_object_get(params, "textDocument"), "version");
		size_t i;
		json_t *change;
		json_array_foreach(changes, i, change) {
			if (!json_is_object(change)) {
				rpc_fail(&err, RPC_INVALID_PARAMS, "each content change must be an object");
				break;
			}
			if (!apply_change(s, d, change, &err))
				break;
		}
		if (json_is_integer(version))
			d->version = json_integer_value(version);
	}
	if (err.code)
		log_message(s, 1, arena_printf(&s->scratch, "textDocument/didChange: %s", err.message));
	if (d)
		changed(s, d); /* even after a bad change: what the server has is what it shows */
}

static void did_close(struct server *s, json_t *params)
{
	struct rpc_error err = { 0, NULL, "" };
	struct doc *d = param_doc(s, params, &err);
	if (!d) {
		log_message(s, 2, arena_printf(&s->scratch, "textDocument/didClose: %s", err.message));
		return;
	}
	send_notification(s, "textDocument/publishDiagnostics",
	                  json_pack("{s:s,s:[]}", "uri", d->uri, "diagnostics"));
	unsigned i = 0;
	while (s->docs[i] != d)
		i++;
	s->docs[i] = s->docs[--s->n_docs];
	free_doc(s, d);
}

/* ---- lifecycle ------------------------------------------------------------------------------- */

static bool offers_utf8(json_t *params)
{
	json_t *encs = json_object_get(json_object_get(json_object_get(params, "capabilities"), "general"),
	                               "positionEncodings");
	size_t i;
	json_t *e;
	json_array_foreach(encs, i, e)
		if (json_is_string(e) && strcmp(json_string_value(e), "utf-8") == 0)
			return true;
	return false;
}

static json_t *initialize(struct server *s, json_t *params, struct rpc_error *err)
{
	(void)err;
	s->enc = offers_utf8(params) ? LSP_UTF8 : LSP_UTF16;
	s->state = STATE_RUNNING;
	json_t *caps = json_pack("{s:s,s:{s:b,s:i},s:b,s:b,s:b,s:b,s:{s:b},s:b,s:{s:[s,s,s]},s:{s:o,s:b},s:{s:[s]}}",
		"positionEncoding", s->enc == LSP_UTF8 ? "utf-8" : "utf-16",
		"textDocumentSync", "openClose", 1, "change", 2,
		"hoverProvider", 1,
		"definitionProvider", 1,
		"referencesProvider", 1,
		"documentSymbolProvider", 1,
		"renameProvider", "prepareProvider", 1,
		"documentFormattingProvider", 1,
		"completionProvider", "triggerCharacters", "(", ",", ".",
		"semanticTokensProvider", "legend", lsp_semantic_legend(), "full", 1,
		"codeActionProvider", "codeActionKinds", "quickfix");
	return json_pack("{s:o,s:{s:s,s:s}}", "capabilities", caps,
	                 "serverInfo", "name", "quorate", "version", s->opt->version ? s->opt->version : "");
}

static json_t *shutdown_request(struct server *s, json_t *params, struct rpc_error *err)
{
	(void)params;
	(void)err;
	s->state = STATE_SHUT_DOWN;
	return json_null();
}

/* ---- dispatch -------------------------------------------------------------------------------- */

typedef json_t *(*request_fn)(struct server *s, json_t *params, struct rpc_error *err);
typedef void (*notification_fn)(struct server *s, json_t *params);

struct method {
	const char *name;
	request_fn request;        /* a request (has an id) ... */
	notification_fn notify;    /* ... or a notification */
};

static const struct method methods[] = {
	{ "initialize", initialize, NULL },
	{ "shutdown", shutdown_request, NULL },
	{ "textDocument/didOpen", NULL, did_open },
	{ "textDocument/didChange", NULL, did_change },
	{ "textDocument/didClose", NULL, did_close },
	{ "textDocument/hover", lsp_hover, NULL },
	{ "textDocument/definition", lsp_definition, NULL },
	{ "textDocument/references", lsp_references, NULL },
	{ "textDocument/documentSymbol", lsp_document_symbols, NULL },
	{ "textDocument/prepareRename", lsp_prepare_rename, NULL },
	{ "textDocument/rename", lsp_rename, NULL },
	{ "textDocument/formatting", lsp_formatting, NULL },
	{ "textDocument/completion", lsp_completion, NULL },
	{ "textDocument/semanticTokens/full", lsp_semantic_tokens, NULL },
	{ "textDocument/codeAction", lsp_code_action, NULL },
};

static const struct method *find_method(const char *name)
{
	for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
		if (strcmp(methods[i].name, name) == 0)
			return &methods[i];
	return NULL;
}

static void handle_request(struct server *s, json_t *id, const char *name, json_t *params)
{
	const struct method *m = find_method(name);
	if (s->state == STATE_NEW && strcmp(name, "initialize") != 0) {
		send_error(s, id, RPC_SERVER_NOT_INITIALIZED, "the server is not initialized (send initialize first)");
		return;
	}
	if (s->state == STATE_SHUT_DOWN) {
		send_error(s, id, RPC_INVALID_REQUEST, "the server is shutting down (only exit is accepted)");
		return;
	}
	if (s->state == STATE_RUNNING && strcmp(name, "initialize") == 0) {
		send_error(s, id, RPC_INVALID_REQUEST, "the server is already initialized");
		return;
	}
	if (!m || !m->request) {
		send_error(s, id, RPC_METHOD_NOT_FOUND,
		           arena_printf(&s->scratch, "%s is not a request quorate lsp answers", name));
		return;
	}
	if (params && !json_is_object(params)) {
		send_error(s, id, RPC_INVALID_PARAMS, "params must be an object");
		return;
	}
	json_t *empty = params ? NULL : json_object();
	struct rpc_error err = { 0, NULL, "" };
	json_t *result = m->request(s, params ? params : empty, &err);
	json_decref(empty);
	if (err.code) {
		json_decref(result);
		send_error(s, id, err.code, err.message);
	} else {
		send_result(s, id, result);
	}
}

static void handle_notification(struct server *s, const char *name, json_t *params)
{
	if (strcmp(name, "exit") == 0) {
		s->exit_seen = true;
		return;
	}
	if (s->state != STATE_RUNNING)
		return; /* before initialize or after shutdown, notifications are dropped */
	const struct method *m = find_method(name);
	if (!m || !m->notify)
		return; /* unknown notifications ($/cancelRequest, initialized...) need nothing */
	if (!json_is_object(params)) {
		log_message(s, 1, arena_printf(&s->scratch, "%s ignored: params must be an object", name));
		return;
	}
	m->notify(s, params);
}

static void handle_message(struct server *s, const char *body, size_t len)
{
	json_error_t je;
	json_t *msg = json_loadb(body, len, JSON_ALLOW_NUL, &je);
	if (!msg) {
		send_error(s, NULL, RPC_PARSE_ERROR,
		           arena_printf(&s->scratch, "the message is not JSON: %s (line %d, column %d)", je.text,
		                        je.line, je.column));
		return;
	}
	json_t *id = json_object_get(msg, "id");
	json_t *method = json_object_get(msg, "method");
	json_t *version = json_object_get(msg, "jsonrpc");
	if (!json_is_object(msg)) {
		send_error(s, NULL, RPC_INVALID_REQUEST, json_is_array(msg) ? "batches of messages are not supported"
		                                                            : "a message must be a JSON object");
	} else if (id && !json_is_string(id) && !json_is_integer(id)) {
		send_error(s, NULL, RPC_INVALID_REQUEST, "id must be a string or an integer");
	} else if (!json_is_string(version) || strcmp(json_string_value(version), "2.0") != 0) {
		send_error(s, id, RPC_INVALID_REQUEST, "jsonrpc must be \"2.0\"");
	} else if (!method) {
		if (!id || !(json_object_get(msg, "result") || json_object_get(msg, "error")))
			send_error(s, id, RPC_INVALID_REQUEST, "a message needs a method (or is a response, with an id)");
		/* else: a response to a request of ours; the server sends none */
	} else if (!json_is_string(method)) {
		send_error(s, id, RPC_INVALID_REQUEST, "method must be a string");
	} else if (id) {
		handle_request(s, id, json_string_value(method), json_object_get(msg, "params"));
	} else {
		handle_notification(s, json_string_value(method), json_object_get(msg, "params"));
	}
	json_decref(msg);
}

int lsp_serve(struct mem *mem, const struct lsp_options *opt, lsp_read_fn read, void *ctx, FILE *out)
{
	struct server *s = mem_alloc(mem, sizeof *s);
	memset(s, 0, sizeof *s);
	s->mem = mem;
	s->opt = opt;
	s->out = out;
	s->enc = LSP_UTF16;
	arena_init(&s->scratch, mem);
	struct lsp_reader *r = mem_alloc(mem, sizeof *r);
	lsp_reader_init(r, mem, read, ctx);
	int status = 1;
	while (!s->out_failed) {
		struct lsp_frame f = { 0 };
		enum lsp_frame_status st = lsp_read_frame(r, &f);
		if (st == LSP_FRAME_EOF)
			break;
		if (st == LSP_FRAME_ERROR)
			send_error(s, NULL, RPC_PARSE_ERROR, f.error);
		else
			handle_message(s, f.body, f.len);
		lsp_frame_free(r, &f);
		arena_reset(&s->scratch);
		if (s->exit_seen) {
			status = s->state == STATE_SHUT_DOWN ? 0 : 1;
			break;
		}
	}
	for (unsigned i = 0; i < s->n_docs; i++)
		free_doc(s, s->docs[i]);
	arena_free(&s->scratch);
	mem_free(mem, r, sizeof *r);
	mem_free(mem, s, sizeof *s);
	return status;
}
