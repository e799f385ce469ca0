/*
** names: which characters may be part of a name, and the one form a name is
** kept in.
**
** A name starts with a letter or `_` and goes on with letters, combining
** marks, digits and `_`, in any script: `siôn`, `llŷr`, `ffion_ŵyn`.  Which
** characters are letters comes from a table generated at build time from
** the Unicode Character Database (build/gen/front/letters.def, made by
** tools/gen-letters.awk), never from the C library's locale.
** A letter followed by a combining mark is kept composed (`o` + U+0302 is
** `ô`, as Unicode's NFC composes them), so a name typed either way in two
** files is the same name.
*/
#ifndef QUORATE_NAMES_H
#define QUORATE_NAMES_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"

enum name_char { NAME_CHAR_NONE, NAME_CHAR_LETTER, NAME_CHAR_MARK, NAME_CHAR_DIGIT };

/* What a character beyond ASCII is, for names. */
enum name_char name_char_kind(uint32_t cp);

/* The composition of two characters (a letter and a mark), or 0. */
uint32_t name_compose(uint32_t first, uint32_t second);

/* Decode the UTF-8 character at p (valid UTF-8: the file was checked);
** sets *len to its length in bytes. */
uint32_t name_decode(const unsigned char *p, size_t *len);

/*
** The name written in text[0..len), composed, in the arena.  If a character
** cannot be part of a name, returns NULL and sets *bad to its offset and
** *bad_len to its length.
*/
char *name_make(struct arena *a, const char *text, size_t len, size_t *bad, size_t *bad_len);

#endif
