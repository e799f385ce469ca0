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

/*
** A hash taken a piece at a time, for bytes that come in pieces for another
** reason (a file read in order by its parser).  The state is libcrypto's,
** in sha256_stream_size() bytes that the caller provides (from malloc or an
** arena: aligned for any object), so that callers need not see libcrypto's
** header.  sha256_end gives the digest of all the pieces added, as
** sha256_hex would of them joined; false if libcrypto failed (hex "").
*/
struct sha256_stream;
size_t sha256_stream_size(void);
struct sha256_stream *sha256_begin(void *mem);
void sha256_add(struct sha256_stream *st, const void *data, size_t n);
bool sha256_end(struct sha256_stream *st, char hex[SHA256_HEX_SIZE]);
/* Bytes [from, len) added, as sha256_hex_read reads them (a failed read
** fails the hash). */
void sha256_add_read(struct sha256_stream *st, size_t from, size_t len,
                     size_t (*read)(void *ctx, size_t at, char *buf, size_t n), void *ctx);

#endif
