/*
** sha256: SHA-256 through libcrypto's EVP interface.  See sha256.h.
*/
#include "base/sha256.h"

#include <openssl/evp.h>

bool sha256_hex(const void *data, size_t len, char hex[SHA256_HEX_SIZE])
{
	unsigned char digest[EVP_MAX_MD_SIZE];
	unsigned int n = 0;
	hex[0] = '\0';
	if (EVP_Digest(data, len, digest, &n, EVP_sha256(), NULL) != 1 || n != 32)
		return false;
	static const char digits[] = "0123456789abcdef";
	for (unsigned i = 0; i < n; i++) {
		hex[2 * i] = digits[digest[i] >> 4];
		hex[2 * i + 1] = digits[digest[i] & 15];
	}
	hex[64] = '\0';
	return true;
}
