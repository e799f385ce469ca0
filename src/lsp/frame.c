/*
** frame: reading and writing messages of the base protocol.  See frame.h.
*/
#include "lsp/frame.h"

#include <stdarg.h>
#include <string.h>
#include <strings.h>

void lsp_reader_init(struct lsp_reader *r, struct mem *mem, lsp_read_fn read, void *ctx)
{
	memset(r, 0, sizeof *r);
	r->mem = mem;
	r->read = read;
	r->ctx = ctx;
}

void lsp_frame_free(struct lsp_reader *r, struct lsp_frame *f)
{
	if (f->body)
		mem_free(r->mem, f->body, f->cap);
	f->body = NULL;
	f->len = f->cap = 0;
}

/* Make sure some bytes are buffered; false at the end of input. */
static bool fill(struct lsp_reader *r)
{
	if (r->pos < r->len)
		return true;
	if (r->eof)
		return false;
	r->pos = 0;
	r->len = r->read(r->ctx, r->buf, sizeof r->buf);
	if (r->len == 0)
		r->eof = true;
	return r->len > 0;
}

enum line_status { LINE_OK, LINE_TOO_LONG, LINE_EOF };

/* One line without its "\n" (and "\r"); a longer line than the limit is
** consumed whole and reported. */
static enum line_status read_line(struct lsp_reader *r, char *line, size_t *n)
{
	size_t len = 0;
	bool too_long = false;
	for (;;) {
		if (!fill(r))
			return LINE_EOF;
		char c = r->buf[r->pos++];
		if (c == '\n')
			break;
		if (len < LSP_MAX_HEADER_LINE)
			line[len++] = c;
		else
			too_long = true;
	}
	if (len > 0 && line[len - 1] == '\r')
		len--;
	line[len] = '\0';
	*n = len;
	return too_long ? LINE_TOO_LONG : LINE_OK;
}

static enum lsp_frame_status frame_error(struct lsp_frame *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static enum lsp_frame_status frame_error(struct lsp_frame *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(f->error_buf, sizeof f->error_buf, fmt, ap);
	va_end(ap);
	f->error = f->error_buf;
	return LSP_FRAME_ERROR;
}

/* A header name is a token: printable ASCII without separators. */
static bool is_header_line(const char *line)
{
	const char *colon = strchr(line, ':');
	if (!colon || colon == line)
		return false;
	for (const char *p = line; p < colon; p++)
		if (*p <= ' ' || *p >= 127 || strchr("()<>@,;\\\"/[]?={}", *p))
			return false;
	return true;
}

/* A body over the limit but at most this long is read and dropped. */
#define LSP_MAX_SKIP ((size_t)1 << 30)

/* Content-Length's value: decimal digits only, at most LSP_MAX_MESSAGE.
** Returns 0 with *len, 1 if too large, -1 if not a number. */
static int parse_length(const char *v, size_t *len)
{
	while (*v == ' ' || *v == '\t')
		v++;
	if (*v < '0' || *v > '9')
		return -1;
	size_t n = 0;
	bool over = false;
	for (; *v >= '0' && *v <= '9'; v++) {
		if (n > LSP_MAX_SKIP)
			over = true; /* keep reading digits, but stop growing */
		else
			n = n * 10 + (size_t)(*v - '0');
	}
	while (*v == ' ' || *v == '\t')
		v++;
	if (*v)
		return -1;
	*len = over ? LSP_MAX_SKIP + 1 : n;
	return over || n > LSP_MAX_MESSAGE ? 1 : 0;
}

/* Read and drop n bytes (a body over the limit). */
static void skip_bytes(struct lsp_reader *r, size_t n)
{
	while (n > 0 && fill(r)) {
		size_t take = r->len - r->pos < n ? r->len - r->pos : n;
		r->pos += take;
		n -= take;
	}
}

static bool read_body(struct lsp_reader *r, struct lsp_frame *f, size_t len)
{
	f->cap = len + 1;
	f->body = mem_alloc(r->mem, f->cap);
	f->len = 0;
	while (f->len < len) {
		if (!fill(r))
			return false;
		size_t take = r->len - r->pos < len - f->len ? r->len - r->pos : len - f->len;
		memcpy(f->body + f->len, r->buf + r->pos, take);
		r->pos += take;
		f->len += take;
	}
	f->body[len] = '\0';
	return true;
}

enum lsp_frame_status lsp_read_frame(struct lsp_reader *r, struct lsp_frame *f)
{
	char line[LSP_MAX_HEADER_LINE + 1];
	size_t n, length = 0;
	unsigned headers = 0;
	int length_status = -2; /* -2 no Content-Length yet; else parse_length's */
	bool bad_block = false;
	f->error = NULL;
	for (;;) {
		enum line_status ls = read_line(r, line, &n);
		if (ls == LINE_EOF)
			return LSP_FRAME_EOF; /* a message cut short by the end is dropped */
		if (ls == LINE_TOO_LONG) {
			bad_block = true;
			continue;
		}
		if (n == 0) {
			if (headers == 0 && !bad_block)
				continue; /* blank lines between messages */
			r->in_garbage = false;
			break;
		}
		if (!is_header_line(line)) {
			/* not a header (JSON without headers?): report the first such
			** line, drop the rest until something that is a header */
			bool first = !r->in_garbage;
			r->in_garbage = true;
			headers = 0;
			length_status = -2;
			bad_block = false;
			if (first)
				return frame_error(f, "a message must start with a Content-Length header (a line of %zu bytes is not a header)", n);
			continue;
		}
		r->in_garbage = false;
		if (++headers > LSP_MAX_HEADERS)
			bad_block = true;
		if (strncasecmp(line, "Content-Length:", 15) == 0) {
			size_t earlier = length;
			int earlier_status = length_status;
			length_status = parse_length(line + 15, &length);
			if (earlier_status != -2 && (earlier_status != length_status || earlier != length))
				bad_block = true; /* two lengths that differ: which one? */
		}
	}
	if (bad_block) {
		/* the body, if its length is known, is not a header block */
		if (length_status == 0)
			skip_bytes(r, length);
		return frame_error(f, "a header block with a line longer than %zu bytes, more than %u lines, or two "
		                   "different lengths", (size_t)LSP_MAX_HEADER_LINE, LSP_MAX_HEADERS);
	}
	if (length_status == -2)
		return frame_error(f, "a message without a Content-Length header (%u other header%s)", headers,
		                   headers == 1 ? "" : "s");
	if (length_status == -1)
		return frame_error(f, "Content-Length is not a number of bytes");
	if (length_status == 1) {
		/* Skip a body of a plausible size exactly; past that the length is
		** nonsense, and what follows is read as the next header block. */
		if (length <= LSP_MAX_SKIP)
			skip_bytes(r, length);
		return frame_error(f, "a message larger than the limit of %zu bytes was skipped", (size_t)LSP_MAX_MESSAGE);
	}
	if (!read_body(r, f, length)) {
		lsp_frame_free(r, f);
		return LSP_FRAME_EOF;
	}
	return LSP_FRAME_MESSAGE;
}

bool lsp_write_frame(FILE *out, const char *body, size_t len)
{
	if (fprintf(out, "Content-Length: %zu\r\n\r\n", len) < 0)
		return false;
	if (len && fwrite(body, 1, len, out) != len)
		return false;
	return fflush(out) == 0 && !ferror(out);
}
