/*
** sha256: SHA-256 through libcrypto's EVP interface.  See sha256.h.
*/
#include "base/sha256.h"

#include <openssl/evp.h>

static bool to_hex(const unsigned char *digest, unsigned n, char hex[SHA256_HEX_SIZE])
{
	if (n != 32)
		return false;
	static const char digits[] = "0123456789abcdef";
	for (unsigned i = 0; i < n; i++) {
		hex[2 * i] = digits[digest[i] >> 4];
		hex[2 * i + 1] = digits[digest[i] & 15];
	}
	hex[64] = '\0';
	return true;
}

bool sha256_hex(const void *data, size_t len, char hex[SHA256_HEX_SIZE])
{
	unsigned char digest[EVP_MAX_MD_SIZE];
	unsigned int n = 0;
	hex[0] = '\0';
	return EVP_Digest(data, len, digest, &n, EVP_sha256(), NULL) == 1 && to_hex(digest, n, hex);
}

#define SHA256_BLOCK ((size_t)1 << 20)

bool sha256_hex_blocks(const void *data, size_t len, char hex[SHA256_HEX_SIZE],
                       void (*done)(void *ctx, size_t hashed), void *ctx)
{
	unsigned char digest[EVP_MAX_MD_SIZE];
	unsigned int n = 0;
	hex[0] = '\0';
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	bool ok = md && EVP_DigestInit_ex(md, EVP_sha256(), NULL) == 1;
	for (size_t at = 0; ok && at < len; at += SHA256_BLOCK) {
		size_t k = len - at < SHA256_BLOCK ? len - at : SHA256_BLOCK;
		ok = EVP_DigestUpdate(md, (const unsigned char *)data + at, k) == 1;
		done(ctx, at + k);
	}
	ok = ok && EVP_DigestFinal_ex(md, digest, &n) == 1 && to_hex(digest, n, hex);
	EVP_MD_CTX_free(md);
	return ok;
}
