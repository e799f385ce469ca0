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

bool sha256_hex(const void *data, size_t len, char hex[SHA256_HEX_SIZE])
{
	unsigned char digest[SHA256_DIGEST_LENGTH];
	SHA256_CTX md;
	hex[0] = '\0';
	bool ok = SHA256_Init(&md) == 1 && SHA256_Update(&md, data, len) == 1 && SHA256_Final(digest, &md) == 1;
	if (ok)
		to_hex(digest, hex);
	return ok;
}

/* Read and hashed a piece at a time: as much as the caches hold well. */
#define SHA256_PIECE ((size_t)64 << 10)

bool sha256_hex_read(size_t len, size_t (*read)(void *ctx, size_t at, char *buf, size_t n), void *ctx,
                     char hex[SHA256_HEX_SIZE])
{
	unsigned char digest[SHA256_DIGEST_LENGTH];
	char piece[SHA256_PIECE];
	SHA256_CTX md;
	hex[0] = '\0';
	bool ok = SHA256_Init(&md) == 1;
	for (size_t at = 0; ok && at < len;) {
		size_t k = read(ctx, at, piece, len - at < SHA256_PIECE ? len - at : SHA256_PIECE);
		ok = k > 0 && SHA256_Update(&md, (const unsigned char *)piece, k) == 1;
		at += k;
	}
	ok = ok && SHA256_Final(digest, &md) == 1;
	if (ok)
		to_hex(digest, hex);
	return ok;
}
