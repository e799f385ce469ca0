#!/bin/sh
# docs/editors.md's Neovim walk-through, followed as written and run
# headless: `make install PREFIX=~/.local` into a scratch home, the plug-in
# copied into ~/.config/nvim/plugin, then tests/editors/nvim_session.lua
# opens a terms file and a record and checks that the diagnostic, its
# quick fix, the hover and the record's finding arrive.  Exit 77 (skipped)
# when Neovim is not installed (.ci/run installs it).
# Usage: sh tests/nvim.sh BUILD
set -eu
build=${1:-build}
command -v nvim >/dev/null 2>&1 || { echo "nvim test: Neovim is not installed"; exit 77; }
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
fail() { echo "nvim test: $*"; sed 's/^/  | /' "$home/out"; exit 1; }

make -s BUILD="$build" install PREFIX="$home/.local" >/dev/null
mkdir -p "$home/.config/nvim/plugin" "$home/work"
cp editors/nvim/quorate.lua "$home/.config/nvim/plugin/"
# the example with one role misspelt, and its record beside it
sed 's/present(cluster_lead, clinical_lead)/present(cluster_lead, clinical_laed)/' \
	examples/anytown/terms.tor >"$home/work/terms.tor"
cp examples/anytown/2024-05-14.minutes "$home/work/meeting.minutes"
session=$(pwd)/tests/editors/nvim_session.lua
(cd "$home/work" && HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
	XDG_STATE_HOME="$home/.local/state" PATH="$home/.local/bin:$PATH" \
	timeout 60 nvim --headless -c "luafile $session" >"$home/out" 2>&1) || fail "nvim failed"

expect() { grep -qF -- "$1" "$home/out" || fail "expected: $1"; }
expect "filetype quorate"
expect "no role or tag named 'clinical_laed'; did you mean 'clinical_lead'? [name.undefined]"
expect "quick fix: Write 'clinical_lead' instead"
expect "hover: **class financial**"
expect "To be carried, the votes in favour must be at least 75% of the voting members."
expect "| 9 | 7 |"
# the record is judged by the terms beside it, as fixed
expect "after the fix:     require present(cluster_lead, clinical_lead) >= 1"
expect "the minutes record carried, but under the terms the motion is not carried"
echo "nvim test passed"
