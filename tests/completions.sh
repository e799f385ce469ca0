#!/bin/sh
# The shell completions (completions/) complete what the program takes:
# bash and zsh are run on typical command lines and their answers compared
# (zsh with its completion builtins stubbed to print what they are given;
# skipped when zsh is not installed).  Usage: sh tests/completions.sh BUILD
set -eu
build=${1:-build}
command -v bash >/dev/null 2>&1 || { echo "completions: bash is not installed"; exit 77; }
bindir=$(cd "$build" && pwd)
out=$(PATH="$bindir:$PATH" bash -c '
	. completions/quorate.bash
	comp() {
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		COMPREPLY=()
		_quorate
		printf "%s|" "$*"
		printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "
		echo
	}
	comp quorate ch
	comp quorate help l
	comp quorate check --st
	comp quorate fmt --
	comp quorate eval --format m
	comp quorate eval -I stdlib tests/lsp/cluster/
	comp quorate eval tests/lsp/cluster/terms.tor tests/lsp/cluster/
	comp quorate lsp -
	comp quorate check -I tests/ls
	comp quorate con
	comp quorate conform --
	comp quorate conform --model examples/board/
')
expected='quorate ch|check 
quorate help l|lsp 
quorate check --st|--strict 
quorate fmt --|--check --force --help --no-color --write 
quorate eval --format m|markdown 
quorate eval -I stdlib tests/lsp/cluster/|tests/lsp/cluster/terms.tor 
quorate eval tests/lsp/cluster/terms.tor tests/lsp/cluster/|tests/lsp/cluster/2024-05-14.minutes 
quorate lsp -|--help --no-color --stdio -I 
quorate check -I tests/ls|tests/lsp 
quorate con|conform 
quorate conform --|--bound --exact --format --help --model --no-color 
quorate conform --model examples/board/|examples/board/model.tor '
if [ "$out" != "$expected" ]; then
	echo "completions: bash completes differently"
	printf 'expected:\n%s\nactual:\n%s\n' "$expected" "$out"
	exit 1
fi
if ! command -v zsh >/dev/null 2>&1; then
	echo "bash completions complete as expected (zsh is not installed: its script was not run)"
	exit 0
fi
# zsh: the completion function with zsh's completion builtins stubbed to
# print what they were given
zout=$(PATH="$bindir:$PATH" zsh -f -c '
	compadd() { if [[ $1 == -a ]]; then print -r -- ${(oP)2}; else print -r -- "$@"; fi }
	_describe() { print -r -- ${${(P)4}%%:*}; }
	_files() { print -r -- "files $*"; }
	_call_program() { shift; "$@"; }
	source completions/_quorate >/dev/null
	comp() { local -a words; words=("$@"); CURRENT=$#; PREFIX=${words[-1]}; print -rn -- "$*|"; _quorate | tr "\n" " "; print; }
	comp quorate ""
	comp quorate eval --format ""
	comp quorate check --
	comp quorate eval x.tor ""
	comp quorate conform --model ""
	comp quorate help ""
') || { echo "completions: completions/_quorate fails in zsh"; exit 1; }
commands=$("$bindir/quorate" help | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p' | tr '\n' ' ')
zexpected="quorate |$commands
quorate eval --format |html json markdown text 
quorate check --|--format --help --no-color --strict -I 
quorate eval x.tor |files -g *.(minutes|json)(-.) 
quorate conform --model |files -g *.tor(-.) 
quorate help |$commands"
if [ "$zout" != "$zexpected" ]; then
	echo "completions: zsh completes differently"
	printf 'expected:\n%s\nactual:\n%s\n' "$zexpected" "$zout"
	exit 1
fi
echo "bash and zsh completions complete as expected"
