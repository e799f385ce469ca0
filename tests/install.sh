#!/bin/sh
# Install into a temporary DESTDIR, run the installed command on an example
# (the stdlib must be found with no variable set), build and run the
# embedding example against the installed library through pkg-config, then
# uninstall and check that nothing is left.  Usage: sh tests/install.sh BUILD
set -eu
build=${1:-build}
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
prefix=/usr/local
fail() { echo "install test: $*"; exit 1; }

make -s BUILD="$build" install DESTDIR="$dest" PREFIX="$prefix" >/dev/null
bin="$dest$prefix/bin/quorate"
[ -x "$bin" ] || fail "no installed binary"
env -u QUORATE_PATH "$bin" check examples/anytown/terms.tor 2>/dev/null || fail "installed quorate cannot check the example"

for f in share/bash-completion/completions/quorate share/zsh/site-functions/_quorate share/man/man1/quorate.1; do
	[ -f "$dest$prefix/$f" ] || fail "$f is not installed"
done
"$bin" help lsp >/dev/null || fail "the installed quorate has no help for lsp"

pc="$dest$prefix/lib/pkgconfig"
flags=$(PKG_CONFIG_PATH="$pc" pkg-config --define-variable=prefix="$dest$prefix" --cflags --libs quorate) ||
	fail "pkg-config does not know quorate"
# shellcheck disable=SC2086
# shellcheck disable=SC2086 # SAN: the sanitizer flags the library was built with, if any
${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror ${SAN:-} examples/embed/embed.c $flags -o "$dest/embed" ||
	fail "the embedding example does not build"
out=$(QUORATE_PATH="$dest$prefix/share/quorate/stdlib" "$dest/embed" examples/anytown/terms.tor \
	examples/anytown/2024-05-14.minutes) && fail "embed should exit 1 for the example's discrepancy"
echo "$out" | grep -q "motion 2: not carried (4 for, 1 against" || fail "embed printed the wrong outcome: $out"

make -s BUILD="$build" uninstall DESTDIR="$dest" PREFIX="$prefix" >/dev/null
left=$(find "$dest$prefix" -type f | grep -v "^$dest/embed" || true)
[ -z "$left" ] || fail "uninstall left files behind: $left"
echo "install test passed"
