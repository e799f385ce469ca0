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

static void ignore_progress(void *ctx, size_t hashed)
{
	(void)ctx;
	(void)hashed;
}

bool sha256_hex(const void *data, size_t len, char hex[SHA256_HEX_SIZE])
{
	return sha256_hex_blocks(data, len, hex, ignore_progress, NULL);
}

#define SHA256_BLOCK ((size_t)1 << 20)

bool sha256_hex_blocks(const void *data, size_t len, char hex[SHA256_HEX_SIZE],
                       void (*done)(void *ctx, size_t hashed), void *ctx)
{
	unsigned char digest[SHA256_DIGEST_LENGTH];
	SHA256_CTX md;
	hex[0] = '\0';
	bool ok = SHA256_Init(&md) == 1;
	for (size_t at = 0; ok && at < len; at += SHA256_BLOCK) {
		size_t k = len - at < SHA256_BLOCK ? len - at : SHA256_BLOCK;
		ok = SHA256_Update(&md, (const unsigned char *)data + at, k) == 1;
		done(ctx, at + k);
	}
	ok = ok && SHA256_Final(digest, &md) == 1;
	if (ok)
		to_hex(digest, hex);
	return ok;
}
