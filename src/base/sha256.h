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

/* The same, a megabyte at a time, calling done(ctx, bytes hashed so far)
** after each (a mapped file gives back what was hashed). */
bool sha256_hex_blocks(const void *data, size_t len, char hex[SHA256_HEX_SIZE],
                       void (*done)(void *ctx, size_t hashed), void *ctx);

#endif
