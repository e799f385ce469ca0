#!/bin/sh
# Build the Debian packages (debian/) as a packager would, in a copy of the
# tree: dpkg-buildpackage -us -uc; lintian must find no error; then install
# both packages, run the installed quorate (its version, a check that
# finds the installed stdlib, the embedding example built through
# pkg-config), and remove them again.  Needs root for dpkg -i (CI runs as
# root).  Usage: sh tests/deb.sh   (make deb)
set -eu
fail() { echo "deb: $*"; exit 1; }
for tool in dpkg-buildpackage dh lintian; do
	command -v $tool >/dev/null 2>&1 || fail "$tool is not installed (apt-get install dpkg-dev debhelper lintian)"
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# the tree without build products (a checkout's files, as the source package has them)
mkdir "$work/quorate-0.1.0"
tar -cf - --exclude=./build --exclude=./.git --exclude='./editors/vscode/node_modules' . |
	tar -xf - -C "$work/quorate-0.1.0"
# nocheck: CI runs the whole suite on its own; a packager building by hand
# runs the unit and golden tests (debian/rules) by leaving it out
(cd "$work/quorate-0.1.0" && DEB_BUILD_OPTIONS="nocheck parallel=2" dpkg-buildpackage -us -uc > "$work/build.log" 2>&1) || {
	tail -n 40 "$work/build.log"
	fail "dpkg-buildpackage failed"
}
ls "$work"/*.deb
lintian --fail-on error "$work"/*.changes > "$work/lintian.log" 2>&1 || {
	cat "$work/lintian.log"
	fail "lintian found errors"
}
sed 's/^/lintian: /' "$work/lintian.log"
[ "$(id -u)" = 0 ] || { echo "deb: built and checked; not root, so not installed"; exit 0; }
dpkg -i "$work"/quorate_*.deb "$work"/libquorate-dev_*.deb >/dev/null
installed() {
	/usr/bin/quorate --version &&
		env -u QUORATE_PATH /usr/bin/quorate check examples/anytown/terms.tor &&
		cc -std=c11 -D_POSIX_C_SOURCE=200809L examples/embed/embed.c $(pkg-config --cflags --libs quorate) \
			-o "$work/embed" &&
		{ QUORATE_PATH=/usr/share/quorate/stdlib "$work/embed" examples/anytown/terms.tor \
			examples/anytown/2024-05-14.minutes || true; } | grep -q "motion 2: not carried"
}
status=0
installed || status=$?
dpkg -r quorate libquorate-dev >/dev/null
[ $status = 0 ] || fail "the installed packages do not work"
echo "deb: quorate and libquorate-dev build, pass lintian, install and run"
