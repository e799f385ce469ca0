/*
** sha256: provenance hashes of input files, through OpenSSL's libcrypto
** (a well-kept implementation rather than a hand-written one).
*/
#ifndef QUORATE_SHA256_H
#define QUORATE_SHA256_H

#include <stdbool.h>
#include <stddef.h>

#define SHA256_HEX_SIZE 65 /* 64 hex digits and a NUL */

/* Hex digest of len bytes; false if libcrypto failed (then hex is ""). */
bool sha256_hex(const void *data, size_t len, char hex[SHA256_HEX_SIZE]);

/* The same for len bytes that `read` copies into buf, n at a time from
** offset at (returning how many: 0 stops it, a failure), so that a long
** file is hashed without being held or mapped whole. */
bool sha256_hex_read(size_t len, size_t (*read)(void *ctx, size_t at, char *buf, size_t n), void *ctx,
                     char hex[SHA256_HEX_SIZE]);

#endif
