/*
** sha256: SHA-256 through libcrypto's SHA256_* functions.  See sha256.h.
**
** Not EVP: EVP_sha256() goes through OpenSSL 3's providers, and linking those
** (statically, Makefile's BIN_LIBS) brings most of libcrypto into the binary
** and 16,000 relocations into every start-up; SHA256_Init/Update/Final bring
** only the SHA-256 code and its CPU dispatch (the same SHA-NI and AVX2 code
** EVP ends in).  OpenSSL 3 marks them deprecated, not removed.
*/
#define OPENSSL_SUPPRESS_DEPRECATED /* SHA256_Init and friends: see above */
#include "base/sha256.h"

#include <openssl/sha.h>

static void to_hex(const unsigned char digest[SHA256_DIGEST_LENGTH], char hex[SHA256_HEX_SIZE])
{
	static const char digits[] = "0123456789abcdef";
	for (unsigned i = 0; i < SHA256_DIGEST_LENGTH; i++) {
		hex[2 * i] = digits[digest[i] >> 4];
		hex[2 * i + 1] = digits[digest[i] & 15];
	}
	hex[64] = '\0';
}

struct sha256_stream {
	SHA256_CTX md;
	bool ok;
};

size_t sha256_stream_size(void)
{
	return sizeof(struct sha256_stream);
}

struct sha256_stream *sha256_begin(void *mem)
{
	struct sha256_stream *st = mem;
	st->ok = SHA256_Init(&st->md) == 1;
	return st;
}

void sha256_add(struct sha256_stream *st, const void *data, size_t n)
{
	st->ok = st->ok && SHA256_Update(&st->md, data, n) == 1;
}

bool sha256_end(struct sha256_stream *st, char hex[SHA256_HEX_SIZE])
{
	unsigned char digest[SHA256_DIGEST_LENGTH];
	hex[0] = '\0';
	bool ok = st->ok && SHA256_Final(digest, &st->md) == 1;
	if (ok)
		to_hex(digest, hex);
	return ok;
}

bool sha256_hex(const void *data, size_t len, char hex[SHA256_HEX_SIZE])
{
	struct sha256_stream st;
	sha256_add(sha256_begin(&st), data, len);
	return sha256_end(&st, hex);
}

/* Read and hashed a piece at a time: as much as the caches hold well. */
#define SHA256_PIECE ((size_t)64 << 10)

void sha256_add_read(struct sha256_stream *st, size_t from, size_t len,
                     size_t (*read)(void *ctx, size_t at, char *buf, size_t n), void *ctx)
{
	char piece[SHA256_PIECE];
	for (size_t at = from; st->ok && at < len;) {
		size_t k = read(ctx, at, piece, len - at < SHA256_PIECE ? len - at : SHA256_PIECE);
		st->ok = k > 0;
		sha256_add(st, piece, k);
		at += k;
	}
}

bool sha256_hex_read(size_t len, size_t (*read)(void *ctx, size_t at, char *buf, size_t n), void *ctx,
                     char hex[SHA256_HEX_SIZE])
{
	struct sha256_stream st;
	sha256_add_read(sha256_begin(&st), 0, len, read, ctx);
	return sha256_end(&st, hex);
}
