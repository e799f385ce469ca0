/*
** proto: what the server's modules share (private to src/lsp/): the state
** of a running server, its open documents, and the JSON of the protocol's
** common types (positions, ranges, locations, URIs) built and read with
** jansson.  server.c owns the loop and the documents; features.c and
** complete.c answer requests about one document.
*/
#ifndef QUORATE_LSP_PROTO_H
#define QUORATE_LSP_PROTO_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "lsp/analysis.h"
#include "lsp/position.h"
#include "lsp/server.h"

/* JSON-RPC and LSP error codes. */
enum {
	RPC_PARSE_ERROR = -32700,
	RPC_INVALID_REQUEST = -32600,
	RPC_METHOD_NOT_FOUND = -32601,
	RPC_INVALID_PARAMS = -32602,
	RPC_INTERNAL_ERROR = -32603,
	RPC_SERVER_NOT_INITIALIZED = -32002,
	RPC_REQUEST_FAILED = -32803
};

struct rpc_error {
	int code;                  /* 0: none */
	const char *message;       /* static, in buf, or in the scratch arena */
	char buf[200];
};

struct doc {
	char *uri;
	char *path;                /* a file: URI's path, or NULL */
	char *text;                /* len bytes and a NUL, cap allocated through mem */
	size_t len, cap;
	long long version;
	struct arena arena;        /* the analysis and the line table; reset on change */
	struct analysis an;
	struct lsp_lines lines;
};

struct server {
	struct mem *mem;
	const struct lsp_options *opt;
	FILE *out;
	bool out_failed;
	enum { STATE_NEW, STATE_RUNNING, STATE_SHUT_DOWN } state;
	bool exit_seen;
	enum lsp_encoding enc;
	struct doc *docs[LSP_MAX_DOCUMENTS];
	unsigned n_docs;
	struct arena scratch;      /* one message's working memory, reset after it */
};

/* ---- documents ---- */
struct doc *server_doc(struct server *s, const char *uri);
/* The open document whose file is path, or NULL. */
struct doc *server_doc_by_path(struct server *s, const char *path);

/* ---- reading parameters: NULL (with err set) when absent or of the wrong type ---- */
json_t *param(json_t *obj, const char *key, json_type type, struct rpc_error *err);
/* textDocument.uri of params, the open document; err set if not open */
struct doc *param_doc(struct server *s, json_t *params, struct rpc_error *err);
/* position of params as a byte offset in doc */
bool param_offset(struct server *s, struct doc *d, json_t *params, const char *key, uint32_t *offset,
                  struct rpc_error *err);
bool json_to_pos(json_t *pos, struct lsp_pos *out, struct rpc_error *err);
void rpc_fail(struct rpc_error *err, int code, const char *message);
void rpc_failf(struct rpc_error *err, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* ---- writing ---- */
json_t *json_pos(struct lsp_pos p);
json_t *json_range_in(struct server *s, const struct lsp_lines *l, uint32_t start, uint32_t end);
json_t *doc_range(struct server *s, struct doc *d, uint32_t start, uint32_t end);
/* {uri, range} of a span in any file (the document, another open one, or on disk) */
json_t *json_location(struct server *s, struct doc *d, const struct source *src, uint32_t start, uint32_t end);
/* the URI of a file (absolute path), percent-encoded */
char *uri_of_path(struct arena *a, const char *path);
/* the path of a file: URI, decoded; NULL for other schemes or bad encoding */
char *path_of_uri(struct arena *a, const char *uri);

/* ---- features (features.c, complete.c) ---- */
json_t *lsp_hover(struct server *s, json_t *params, struct rpc_error *err);
json_t *lsp_definition(struct server *s, json_t *params, struct rpc_error *err);
json_t *lsp_references(struct server *s, json_t *params, struct rpc_error *err);
json_t *lsp_document_symbols(struct server *s, json_t *params, struct rpc_error *err);
json_t *lsp_prepare_rename(struct server *s, json_t *params, struct rpc_error *err);
json_t *lsp_rename(struct server *s, json_t *params, struct rpc_error *err);
json_t *lsp_formatting(struct server *s, json_t *params, struct rpc_error *err);
json_t *lsp_semantic_tokens(struct server *s, json_t *params, struct rpc_error *err);
json_t *lsp_completion(struct server *s, json_t *params, struct rpc_error *err);
json_t *lsp_code_action(struct server *s, json_t *params, struct rpc_error *err);
/* a problem of the document as the protocol's Diagnostic */
json_t *json_diagnostic(struct server *s, struct doc *d, const struct an_diag *p);
/* Is word (len bytes) a reserved word of src/front/keywords.def? */
bool lsp_is_keyword(const char *word, size_t len);
/* the legend of semantic tokens, for initialize */
json_t *lsp_semantic_legend(void);

#endif
